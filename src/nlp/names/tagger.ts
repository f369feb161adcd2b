/**
 * A statistical name tagger for the names no list knows: a greedy left-to-right averaged
 * perceptron over token features (word, shape, affixes, wink's POS, neighbours, list hits,
 * how the word is written elsewhere in the same document). Labels are BIO over PER, ORG, LOC
 * and MISC — the label set the training corpora share; GPE/LOC and NORP are decided later
 * from the lists. Weights live in models/ner.bin (built by scripts/train-ner.ts) and load once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Segmented, Token } from '../segment.ts';
import { type GazHit, type Gazetteer, roleNouns, tokenKeys } from './gazetteer.ts';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
export const N_LABELS = LABELS.length;

/** What one document gives the featuriser: its tokens plus per-token list and case evidence. */
export type TaggerInput = {
  tokens: Token[];
  /** Sentence token ranges [start, end). */
  sentences: { tokenStart: number; tokenEnd: number }[];
  keys: string[];
  /** Per token: list-hit feature strings ("" when none). */
  gaz: string[];
  /** Per token: 'C' written capitalised mid-sentence elsewhere in the document, 'L' written in lower case elsewhere, 'CL' both. */
  docCase: string[];
  /** List hits, for the stage to use after tagging. */
  hits: GazHit[];
  /** Per token inside a run of capitalised words: the run's first and last word ("" outside runs). */
  runFirst: string[];
  runLast: string[];
};

function capClass(t: string): string {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return 'd';
  const first = t[0]!;
  const upper = first !== first.toLowerCase();
  if (!upper) return first === first.toUpperCase() ? 'o' : 'l';
  if (t.length > 1 && t === t.toUpperCase() && /\p{L}{2}/u.test(t)) return 'A';
  return 'X';
}

/** Word shape with runs collapsed: "Jong-un" → "Xx-x", "U.S." → "X.X.", "2025" → "d". */
function shape(t: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < t.length && out.length < 8; i++) {
    const ch = t[i]!;
    let k: string;
    if (ch >= '0' && ch <= '9') k = 'd';
    else if (ch !== ch.toLowerCase()) k = 'X';
    else if (ch !== ch.toUpperCase()) k = 'x';
    else k = ch;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

function isTitleKey(key: string): boolean {
  return roleNouns().get(`T:${key}`) !== undefined;
}

/** Builds the per-document evidence the features read. */
export function taggerInput(seg: Pick<Segmented, 'tokens' | 'sentences'>, gz: Gazetteer): TaggerInput {
  const tokens = seg.tokens;
  const keys = tokenKeys(tokens);
  const gaz = new Array<string>(tokens.length).fill('');
  const hits: GazHit[] = [];
  for (const s of seg.sentences) {
    for (const h of gz.scan(tokens, keys, s.tokenStart, s.tokenEnd)) {
      addGazFeatures(gaz, h);
      hits.push(h);
    }
  }
  const capMid = new Set<string>();
  const lower = new Set<string>();
  for (const s of seg.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const c = capClass(tokens[i]!.text);
      if (c === 'l') lower.add(keys[i]!);
      else if ((c === 'X' || c === 'A') && i > s.tokenStart && !isOpening(tokens[i - 1]!.text)) capMid.add(keys[i]!);
    }
  }
  const docCase = keys.map((k) => (capMid.has(k) ? 'C' : '') + (lower.has(k) ? 'L' : ''));
  const runFirst = new Array<string>(tokens.length).fill('');
  const runLast = new Array<string>(tokens.length).fill('');
  for (const s of seg.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (!isCap(tokens[i]!.text)) {
        i++;
        continue;
      }
      // a run of capitalised words, which may hold "of", "and", "the", "de", "&" and hyphens between them
      let j = i + 1;
      let last = i;
      while (j < s.tokenEnd) {
        if (isCap(tokens[j]!.text)) last = j;
        else if (!RUN_GLUE.has(keys[j]!) && tokens[j]!.text !== '-') break;
        j++;
      }
      for (let k = i; k <= last; k++) {
        runFirst[k] = keys[i]!;
        runLast[k] = keys[last]!;
      }
      i = last + 1;
    }
  }
  return { tokens, sentences: seg.sentences, keys, gaz, hits, docCase, runFirst, runLast };
}

const RUN_GLUE = new Set(['of', 'and', 'the', 'de', 'del', 'la', 'von', 'van', 'der', 'for', 'on', '&', 'al', 'bin', 'da', 'di', 'du', 'le']);

function isCap(t: string): boolean {
  const c = t[0]!;
  return c !== c.toLowerCase();
}

/** After an opening quote or bracket a capital says as little as at a sentence start. */
function isOpening(t: string): boolean {
  return t === '"' || t === '“' || t === '‘' || t === "'" || t === '(' || t === ':' || t === '—';
}

function addGazFeatures(gaz: string[], h: GazHit): void {
  const kinds = new Set<string>();
  for (const e of h.entries) kinds.add(`${e.type}`).add(`${e.type}.${e.kind}`);
  const prefix = h.cased ? '' : 'l';
  for (let i = h.start; i < h.end; i++) {
    const pos = i === h.start ? 'B' : 'I';
    gaz[i] = [...kinds].map((k) => `${prefix}${pos}${k}`).join(' ');
  }
}

/** Static features of token i: everything but the labels already chosen. */
export function tokenFeatures(inp: TaggerInput, i: number, sentStart: number, sentEnd: number, gz: Gazetteer): string[] {
  const { tokens, keys } = inp;
  const t = tokens[i]!;
  const w = keys[i]!;
  const lw = t.text.toLowerCase();
  const first = i === sentStart || isOpening(tokens[i - 1]!.text);
  const cc = capClass(t.text);
  const at = (j: number) => (j >= sentStart && j < sentEnd ? keys[j]! || tokens[j]!.text : j < sentStart ? '<s>' : '</s>');
  const ccAt = (j: number) => (j >= sentStart && j < sentEnd ? capClass(tokens[j]!.text) : '_');
  const posAt = (j: number) => (j >= sentStart && j < sentEnd ? tokens[j]!.pos : '_');
  const p1 = at(i - 1);
  const n1 = at(i + 1);
  const f: string[] = [
    'b',
    `w=${lw}`,
    `sh=${shape(t.text)}`,
    `p3=${lw.slice(0, 3)}`,
    `s3=${lw.slice(-3)}`,
    `s2=${lw.slice(-2)}`,
    `pos=${t.pos}`,
    `c=${cc}${first ? '^' : ''}`,
    `c=${cc}|${inp.docCase[i]}${first ? '^' : ''}`,
    `w-1=${p1}`,
    `w+1=${n1}`,
    `w-2=${at(i - 2)}`,
    `w+2=${at(i + 2)}`,
    `w-1c=${p1}|${cc}`,
    `c+1=${cc}|${ccAt(i + 1)}`,
    `c-1=${ccAt(i - 1)}|${cc}`,
    `pos-1=${posAt(i - 1)}|${t.pos}`,
    `pos+1=${t.pos}|${posAt(i + 1)}`,
    `pos3=${posAt(i - 1)}|${t.pos}|${posAt(i + 1)}`,
  ];
  if (inp.runLast[i]) {
    f.push(`re=${inp.runLast[i]}`, `rf=${inp.runFirst[i]}`, `rl=${inp.runLast[i] === w ? 'last' : 'in'}|${inp.runFirst[i] === w ? 'first' : 'in'}`);
  }
  const g = inp.gaz[i]!;
  if (g) for (const x of g.split(' ')) f.push(`g=${x}`);
  const gp = i > sentStart ? inp.gaz[i - 1]! : '';
  if (gp) f.push(`g-1=${gp.split(' ')[0]}`);
  const gn = i + 1 < sentEnd ? inp.gaz[i + 1]! : '';
  if (gn) f.push(`g+1=${gn.split(' ')[0]}`);
  if (cc === 'X' || cc === 'A') {
    if (gz.givenNames.has(w)) f.push('given');
    if (gz.familyNames.has(w)) f.push('family');
    if (i > sentStart && isTitleKey(keys[i - 1]!)) f.push('title-1');
  }
  return f;
}

export type Model = { index: Map<string, number>; weights: Float32Array };

const MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/ner.bin');
let loaded: Model | null | undefined;

/** The shipped weights, or null when the model file is missing (the stage then uses lists and rules alone). */
export function shippedModel(): Model | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(MODEL_PATH) ? decodeModel(readFileSync(MODEL_PATH)) : null;
  return loaded;
}

/**
 * Model file: gzip of [u32 header length][header JSON][Int16 weights]. The header holds the
 * labels, the scale and the feature strings; weights are stored row per feature, quantised.
 */
export function decodeModel(buf: Buffer): Model {
  const raw = gunzipSync(buf);
  const headerLen = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLen).toString('utf8')) as { labels: string[]; scale: number; features: string[] };
  if (header.labels.join() !== LABELS.join()) throw new Error('NER model labels do not match this build');
  const offset = 4 + headerLen;
  const ints = new Int16Array(raw.buffer.slice(raw.byteOffset + offset, raw.byteOffset + offset + header.features.length * N_LABELS * 2));
  const weights = new Float32Array(ints.length);
  for (let k = 0; k < ints.length; k++) weights[k] = ints[k]! / header.scale;
  const index = new Map<string, number>();
  header.features.forEach((f, r) => index.set(f, r * N_LABELS));
  return { index, weights };
}

export function encodeModel(features: string[], weights: Float32Array, gzip: (b: Buffer) => Buffer): Buffer {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? 32767 / max : 1;
  const header = Buffer.from(JSON.stringify({ labels: LABELS, scale, features }), 'utf8');
  const ints = new Int16Array(weights.length);
  for (let k = 0; k < weights.length; k++) ints[k] = Math.round(weights[k]! * scale);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  return gzip(Buffer.concat([len, header, Buffer.from(ints.buffer)]));
}

/** May label `next` follow `prev`? I-X only continues an X. */
export function allowed(prev: number, next: number): boolean {
  const n = LABELS[next]!;
  if (n[0] !== 'I') return true;
  const p = LABELS[prev]!;
  return p !== 'O' && p.slice(2) === n.slice(2);
}

export function historyFeatures(prev: number, prev2: number, cc: string): string[] {
  return [`L1=${LABELS[prev]}`, `L12=${LABELS[prev2]}|${LABELS[prev]}`, `L1c=${LABELS[prev]}|${cc}`];
}

function addScores(model: Model, feats: string[], scores: Float32Array): void {
  const { index, weights } = model;
  for (const f of feats) {
    const r = index.get(f);
    if (r === undefined) continue;
    for (let k = 0; k < N_LABELS; k++) scores[k]! += weights[r + k]!;
  }
}

/** Labels every token of the document, sentence by sentence. */
export function tag(model: Model, inp: TaggerInput, gz: Gazetteer): Label[] {
  const out = new Array<Label>(inp.tokens.length).fill('O');
  const scores = new Float32Array(N_LABELS);
  for (const s of inp.sentences) {
    let prev = 0;
    let prev2 = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      scores.fill(0);
      addScores(model, tokenFeatures(inp, i, s.tokenStart, s.tokenEnd, gz), scores);
      addScores(model, historyFeatures(prev, prev2, capClass(inp.tokens[i]!.text)), scores);
      let best = 0;
      for (let k = 1; k < N_LABELS; k++) if (allowed(prev, k) && scores[k]! > scores[best]!) best = k;
      out[i] = LABELS[best]!;
      prev2 = prev;
      prev = best;
    }
  }
  return out;
}

export { capClass };
