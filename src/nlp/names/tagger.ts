/**
 * A statistical name tagger for the names no list knows: an averaged structured perceptron
 * (first-order chain, Viterbi decoding) over token features (word, shape, affixes, wink's POS, neighbours, list hits,
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

/*
 * Features are hashed, not spelled out: each is a 30-bit mix of a template number and the hashes
 * of the strings it reads, computed from per-token string hashes made once per document. No
 * feature string is ever built, which keeps the tagger near a microsecond a token.
 */
const FNV_OFFSET = 0x811c9dc5;

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ b, 0x85ebca6b) ^ Math.imul(b, 0x27d4eb2d);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h;
}

function f1(tpl: number, a: number): number {
  return mix(Math.imul(tpl, 0x9e3779b1), a) & 0x3fffffff;
}
function f2(tpl: number, a: number, b: number): number {
  return mix(mix(Math.imul(tpl, 0x9e3779b1), a), b) & 0x3fffffff;
}
function f3(tpl: number, a: number, b: number, c: number): number {
  return mix(mix(mix(Math.imul(tpl, 0x9e3779b1), a), b), c) & 0x3fffffff;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const NONE = hashString('_');

/** Per-token hashes of the strings the features read, made once per document. */
type TokenHashes = {
  word: Uint32Array; key: Uint32Array; shape: Uint32Array; p3: Uint32Array; s3: Uint32Array; s2: Uint32Array;
  pos: Uint32Array; cap: Uint8Array; docCase: Uint32Array; runFirst: Uint32Array; runLast: Uint32Array;
  runPlace: Uint8Array; gaz: number[][]; flags: Uint8Array;
};

const CAP_CODE: Record<string, number> = { d: 1, o: 2, l: 3, A: 4, X: 5 };
const FLAG_GIVEN = 1;
const FLAG_FAMILY = 2;
const FLAG_TITLE_BEFORE = 4;
/** The word in lower case is an everyday English word (see dictionary()). */
const FLAG_DICT = 8;

/**
 * Everyday English words (the word-list package's), kept as a Bloom filter in models/ner-words.bin
 * (built by scripts/train-ner.ts): 2^22 bits, three probes, about one word in 200 wrongly in.
 * "Gas", "Notice", "Team" written with a capital are rarely names; "Athens" and "Enron" are no
 * words. Without the file no word is in.
 */
export const DICT_BITS = 22;
const DICT_PROBES = 3;
const WORDS_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/ner-words.bin');
let dictBits: Uint8Array | undefined;

function probes(word: string, visit: (bit: number) => void): void {
  const h1 = hashString(word);
  const h2 = mix(h1, 0x5bd1e995) | 1;
  const mask = (1 << DICT_BITS) - 1;
  for (let j = 0; j < DICT_PROBES; j++) visit((h1 + Math.imul(j, h2)) & mask);
}

/** Is this lower-case word an everyday English word? */
export function inDictionary(word: string): boolean {
  if (!dictBits) dictBits = existsSync(WORDS_PATH) ? new Uint8Array(gunzipSync(readFileSync(WORDS_PATH))) : new Uint8Array(1 << (DICT_BITS - 3));
  const bits = dictBits;
  let all = true;
  probes(word, (b) => {
    if (!(bits[b >>> 3]! & (1 << (b & 7)))) all = false;
  });
  return all;
}

/** The Bloom filter of these words, as models/ner-words.bin holds it (before gzip). */
export function buildDictionary(words: Iterable<string>): Uint8Array {
  const bits = new Uint8Array(1 << (DICT_BITS - 3));
  for (const w of words) probes(w, (b) => (bits[b >>> 3]! |= 1 << (b & 7)));
  return bits;
}

type WordHashes = { word: number; key: number; shape: number; p3: number; s3: number; s2: number; cap: number; dict: boolean };

const posHashes = new Map<string, number>();
function posHash(pos: string): number {
  let v = posHashes.get(pos);
  if (v === undefined) posHashes.set(pos, (v = hashString(pos)));
  return v;
}

function hashTokens(inp: TaggerInput, gz: Gazetteer, scored: Uint8Array): TokenHashes {
  const n = inp.tokens.length;
  const h: TokenHashes = {
    word: new Uint32Array(n), key: new Uint32Array(n), shape: new Uint32Array(n), p3: new Uint32Array(n), s3: new Uint32Array(n),
    s2: new Uint32Array(n), pos: new Uint32Array(n), cap: new Uint8Array(n), docCase: new Uint32Array(n), runFirst: new Uint32Array(n),
    runLast: new Uint32Array(n), runPlace: new Uint8Array(n), gaz: new Array(n), flags: new Uint8Array(n),
  };
  // a document repeats its words: hash each distinct spelling once
  const seen = new Map<string, WordHashes>();
  for (let i = 0; i < n; i++) {
    // features read two tokens either side of a scored token; nothing else needs hashes
    if (!(scored[i] || scored[i + 1] || scored[i + 2] || (i > 0 && scored[i - 1]) || (i > 1 && scored[i - 2]))) continue;
    const t = inp.tokens[i]!.text;
    const k = inp.keys[i]!;
    let w = seen.get(t);
    if (!w) {
      const lw = t.toLowerCase();
      const word = hashString(lw);
      w = { word, key: k ? hashString(k) : word, shape: hashString(shape(t)), p3: hashString(lw.slice(0, 3)), s3: hashString(lw.slice(-3)),
        s2: hashString(lw.slice(-2)), cap: CAP_CODE[capClass(t)]!, dict: inDictionary(lw) };
      seen.set(t, w);
    }
    h.word[i] = w.word;
    h.key[i] = w.key;
    h.shape[i] = w.shape;
    h.p3[i] = w.p3;
    h.s3[i] = w.s3;
    h.s2[i] = w.s2;
    h.pos[i] = posHash(inp.tokens[i]!.pos);
    h.cap[i] = w.cap;
    if (w.dict) h.flags[i]! |= FLAG_DICT;
    const cc = w.cap === CAP_CODE.X ? 'X' : w.cap === CAP_CODE.A ? 'A' : '';
    h.docCase[i] = hashString(inp.docCase[i]!);
    if (inp.runLast[i]) {
      h.runFirst[i] = hashString(inp.runFirst[i]!);
      h.runLast[i] = hashString(inp.runLast[i]!);
      h.runPlace[i] = 1 + (inp.runLast[i] === k ? 1 : 0) + (inp.runFirst[i] === k ? 2 : 0);
    }
    const g = inp.gaz[i]!;
    h.gaz[i] = g ? g.split(' ').map(hashString) : [];
    if (cc === 'X' || cc === 'A') {
      if (gz.givenNames.has(k)) h.flags[i]! |= FLAG_GIVEN;
      if (gz.familyNames.has(k)) h.flags[i]! |= FLAG_FAMILY;
      if (i > 0 && isTitleKey(inp.keys[i - 1]!)) h.flags[i]! |= FLAG_TITLE_BEFORE;
    }
  }
  return h;
}

/** Static features of token i (hashed): everything but the labels already chosen. */
export function tokenFeatures(h: TokenHashes, i: number, sentStart: number, sentEnd: number, first: boolean, out: number[]): number[] {
  out.length = 0;
  // neighbours outside the sentence read as boundary markers (no closures here: this is the hot loop)
  const hasP1 = i - 1 >= sentStart;
  const hasN1 = i + 1 < sentEnd;
  const p1 = hasP1 ? h.key[i - 1]! : BOS;
  const n1 = hasN1 ? h.key[i + 1]! : EOS;
  const p2 = i - 2 >= sentStart ? h.key[i - 2]! : BOS;
  const n2 = i + 2 < sentEnd ? h.key[i + 2]! : EOS;
  const capP1 = hasP1 ? h.cap[i - 1]! : 0;
  const capN1 = hasN1 ? h.cap[i + 1]! : 0;
  const posP1 = hasP1 ? h.pos[i - 1]! : NONE;
  const posN1 = hasN1 ? h.pos[i + 1]! : NONE;
  const pos = h.pos[i]!;
  const cc = h.cap[i]!;
  const ccFirst = cc * 2 + (first ? 1 : 0);
  out.push(
    f1(1, 0), f1(2, h.word[i]!), f1(3, h.shape[i]!), f1(4, h.p3[i]!), f1(5, h.s3[i]!), f1(6, h.s2[i]!), f1(7, pos),
    f1(8, ccFirst), f2(9, ccFirst, h.docCase[i]!), f1(10, p1), f1(11, n1), f1(12, p2), f1(13, n2),
    f2(14, p1, cc), f2(15, cc, capN1), f2(16, capP1, cc), f2(17, posP1, pos), f2(18, pos, posN1), f3(19, posP1, pos, posN1),
  );
  if (h.runPlace[i]) out.push(f1(20, h.runLast[i]!), f1(21, h.runFirst[i]!), f1(22, h.runPlace[i]!));
  for (const g of h.gaz[i]!) out.push(f1(23, g));
  if (i > sentStart && h.gaz[i - 1]!.length) out.push(f1(24, h.gaz[i - 1]![0]!));
  if (i + 1 < sentEnd && h.gaz[i + 1]!.length) out.push(f1(25, h.gaz[i + 1]![0]!));
  const fl = h.flags[i]!;
  const dictSelf = fl & FLAG_DICT ? 1 : 0;
  const dictP1 = capP1 === CAP_CODE.X || capP1 === CAP_CODE.A ? (h.flags[i - 1]! & FLAG_DICT ? 2 : 1) : 0;
  const dictN1 = capN1 === CAP_CODE.X || capN1 === CAP_CODE.A ? (h.flags[i + 1]! & FLAG_DICT ? 2 : 1) : 0;
  out.push(f2(30, dictSelf, ccFirst), f3(31, dictP1, dictSelf, dictN1));
  if (fl & FLAG_GIVEN) out.push(f1(26, 1));
  if (fl & FLAG_FAMILY) out.push(f1(27, 1));
  if (fl & FLAG_TITLE_BEFORE && i > sentStart) out.push(f1(28, 1));
  return out;
}

/**
 * Features of a transition into a token: the previous label, and the previous label with the
 * token's capitalisation. Their weight rows score the token's label, so together they are the
 * edge scores of the first-order chain the decoder searches.
 */
export function edgeFeatures(prev: number, cap: number, out: number[]): number[] {
  out.length = 0;
  out.push(f1(40, prev), f2(42, prev, cap));
  return out;
}

/** ALLOWED[p * N_LABELS + k]: may label k follow label p (I-X only continues an X). */
const ALLOWED = new Uint8Array(N_LABELS * N_LABELS);
for (let p = 0; p < N_LABELS; p++) {
  for (let k = 0; k < N_LABELS; k++) {
    const n = LABELS[k]!;
    const q = LABELS[p]!;
    ALLOWED[p * N_LABELS + k] = n[0] !== 'I' || (q !== 'O' && q.slice(2) === n.slice(2)) ? 1 : 0;
  }
}

/**
 * Viterbi over one run of scored tokens (the token before the run is O, and so is the one after).
 * emit[pos * N_LABELS + k]: the token's own score for label k; edge(pos, E) fills
 * E[prev * N_LABELS + k], the score of moving into position pos (pos = len: into the O after the run).
 * Writes the best labels into out[0..len).
 */
export function viterbi(len: number, emit: ArrayLike<number>, edge: (pos: number, E: Float64Array) => void, out: Int32Array | number[]): void {
  const L = N_LABELS;
  const need = len * L;
  if (scratch.delta.length < need) scratch = { delta: new Float64Array(need * 2), back: new Int32Array(need * 2), E: scratch.E };
  const { delta, back, E } = scratch;
  edge(0, E);
  for (let k = 0; k < L; k++) delta[k] = ALLOWED[k] ? E[k]! + emit[k]! : -Infinity;
  for (let pos = 1; pos < len; pos++) {
    edge(pos, E);
    const at = pos * L;
    const before = at - L;
    for (let k = 0; k < L; k++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + k]) continue;
        const v = delta[before + p]! + E[p * L + k]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[at + k] = best + emit[at + k]!;
      back[at + k] = arg;
    }
  }
  edge(len, E);
  const last = (len - 1) * L;
  let best = -Infinity;
  let arg = 0;
  for (let p = 0; p < L; p++) {
    const v = delta[last + p]! + E[p * L]!;
    if (v > best) {
      best = v;
      arg = p;
    }
  }
  for (let pos = len - 1; pos >= 0; pos--) {
    out[pos] = arg;
    arg = back[pos * L + arg]!;
  }
}

let scratch = { delta: new Float64Array(64 * N_LABELS), back: new Int32Array(64 * N_LABELS), E: new Float64Array(N_LABELS * N_LABELS) };

/**
 * Everything the decoder needs: hashed features and which tokens to score at all. A name starts
 * with a capital, a digit or a listed word, so only those tokens and the one after each (the
 * "of" in "Bank of England") are scored; the rest, most of any text, are O without a look.
 */
export type Prepared = { hashes: TokenHashes; firstInSentence: Uint8Array; scored: Uint8Array };

export function prepare(inp: TaggerInput, gz: Gazetteer): Prepared {
  const n = inp.tokens.length;
  const firstInSentence = new Uint8Array(n);
  const scored = new Uint8Array(n);
  for (const s of inp.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      firstInSentence[i] = i === s.tokenStart || isOpening(inp.tokens[i - 1]!.text) ? 1 : 0;
      const c = capClass(inp.tokens[i]!.text);
      if (c === 'X' || c === 'A' || (c === 'd' && i > s.tokenStart && scored[i - 1]) || inp.gaz[i]) {
        scored[i] = 1;
        if (i + 1 < s.tokenEnd) scored[i + 1] = 1;
        // and across a hyphen or ampersand: "Jong-un", "AT&T"
        const next = i + 1 < s.tokenEnd ? inp.tokens[i + 1]!.text : '';
        if ((next === '-' || next === '&' || next === "'") && i + 2 < s.tokenEnd) scored[i + 2] = 1;
      }
    }
  }
  return { hashes: hashTokens(inp, gz, scored), firstInSentence, scored };
}

/** Weights by hashed feature: an open-addressing table of keys and row offsets. */
export type Model = {
  keys: Int32Array; rows: Int32Array; mask: number; weights: Float32Array; labels: readonly string[];
  /** The second pass: weights that also read how this pass labelled each word elsewhere in the document. */
  second?: Model;
};

export function rowOf(model: Model, f: number): number {
  let at = Math.imul(f, 0x9e3779b1) & model.mask;
  for (;;) {
    const k = model.keys[at]!;
    if (k === f) return model.rows[at]!;
    if (k === -1) return -1;
    at = (at + 1) & model.mask;
  }
}

export function buildModel(features: ArrayLike<number>, weights: Float32Array, labels: readonly string[] = LABELS): Model {
  const width = labels.length;
  let size = 1;
  while (size < features.length * 2) size <<= 1;
  const keys = new Int32Array(size).fill(-1);
  const rows = new Int32Array(size);
  const mask = size - 1;
  for (let r = 0; r < features.length; r++) {
    const f = features[r]!;
    let at = Math.imul(f, 0x9e3779b1) & mask;
    while (keys[at] !== -1) at = (at + 1) & mask;
    keys[at] = f;
    rows[at] = r * width;
  }
  return { keys, rows, mask, weights, labels };
}

const MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/ner.bin');
const SECOND_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/ner-doc.bin');
let loaded: Model | null | undefined;

/**
 * The shipped weights (models/ner.bin, with the second pass from models/ner-doc.bin), or null when
 * the model file is missing (the stage then uses lists and rules alone).
 */
export function shippedModel(): Model | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(MODEL_PATH) ? decodeModel(readFileSync(MODEL_PATH)) : null;
  if (loaded && existsSync(SECOND_PATH)) loaded.second = decodeModel(readFileSync(SECOND_PATH));
  return loaded;
}

/**
 * Model file: gzip of [u32 header length][header JSON][Int32 feature hashes][Int16 weights],
 * weights row per feature, quantised by the header's scale.
 */
export function decodeModel(buf: Buffer, labels: readonly string[] = LABELS): Model {
  const width = labels.length;
  const raw = gunzipSync(buf);
  const headerLen = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLen).toString('utf8')) as { labels: string[]; scale: number; count: number };
  if (header.labels.join() !== labels.join()) throw new Error('model labels do not match this build');
  let at = 4 + headerLen;
  const feats = new Int32Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + header.count * 4));
  at += header.count * 4;
  const ints = new Int16Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + header.count * width * 2));
  const weights = new Float32Array(ints.length);
  for (let k = 0; k < ints.length; k++) weights[k] = ints[k]! / header.scale;
  return buildModel(feats, weights, labels);
}

export function encodeModel(features: number[], weights: Float32Array, gzip: (b: Buffer) => Buffer, labels: readonly string[] = LABELS): Buffer {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? 32767 / max : 1;
  const header = Buffer.from(JSON.stringify({ labels, scale, count: features.length }), 'utf8');
  const ints = new Int16Array(weights.length);
  for (let k = 0; k < weights.length; k++) ints[k] = Math.round(weights[k]! * scale);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  return gzip(Buffer.concat([len, header, Buffer.from(Int32Array.from(features).buffer), Buffer.from(ints.buffer)]));
}

/** May label `next` follow `prev`? I-X only continues an X. */
export function allowed(prev: number, next: number): boolean {
  return ALLOWED[prev * N_LABELS + next] === 1;
}

function addScores(model: Model, feats: number[], scores: Float64Array, at: number): void {
  const w = model.weights;
  for (let j = 0; j < feats.length; j++) {
    const r = rowOf(model, feats[j]!);
    if (r < 0) continue;
    for (let k = 0; k < N_LABELS; k++) scores[at + k]! += w[r + k]!;
  }
}

/** Edge scores by the capitalisation code of the token moved into: [cap][prev * N_LABELS + k], once per model. */
const edgeTables = new WeakMap<Model, Float64Array[]>();
function edgeTable(model: Model): Float64Array[] {
  let t = edgeTables.get(model);
  if (t) return t;
  t = [];
  const feats: number[] = [];
  const row = new Float64Array(N_LABELS);
  for (let cap = 0; cap <= 5; cap++) {
    const E = new Float64Array(N_LABELS * N_LABELS);
    for (let p = 0; p < N_LABELS; p++) {
      row.fill(0);
      addScores(model, edgeFeatures(p, cap, feats), row, 0);
      E.set(row, p * N_LABELS);
    }
    t.push(E);
  }
  edgeTables.set(model, t);
  return t;
}

/** Labels every token of the document: each run of scored tokens is decoded whole (Viterbi). */
export function tag(model: Model, inp: TaggerInput, gz: Gazetteer): Label[] {
  const prepared = prepare(inp, gz);
  const first = decodeDocument(model, inp, prepared, null);
  const labels = model.second ? decodeDocument(model.second, inp, prepared, documentFeatures(prepared, first)) : first;
  const out = new Array<Label>(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = LABELS[labels[i]!]!;
  return out;
}

/** Label indices for every token; `extra` adds per-token features (the second pass's). */
function decodeDocument(model: Model, inp: TaggerInput, prepared: Prepared, extra: (number[] | null)[] | null): Int32Array {
  const out = new Int32Array(inp.tokens.length);
  const { hashes, firstInSentence, scored } = prepared;
  const edges = edgeTable(model);
  const feats: number[] = [];
  let emit = new Float64Array(32 * N_LABELS);
  let best = new Int32Array(32);
  for (const s of inp.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (!scored[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < s.tokenEnd && scored[j]) j++;
      const len = j - i;
      if (emit.length < len * N_LABELS) {
        emit = new Float64Array(len * 2 * N_LABELS);
        best = new Int32Array(len * 2);
      }
      emit.fill(0, 0, len * N_LABELS);
      for (let k = 0; k < len; k++) {
        addScores(model, tokenFeatures(hashes, i + k, s.tokenStart, s.tokenEnd, firstInSentence[i + k] === 1, feats), emit, k * N_LABELS);
        const x = extra?.[i + k];
        if (x) addScores(model, x, emit, k * N_LABELS);
      }
      const start = i;
      const end = j;
      viterbi(len, emit, (pos, E) => E.set(edges[pos < len ? hashes.cap[start + pos]! : end < s.tokenEnd ? hashes.cap[end]! : 0]!), best);
      for (let k = 0; k < len; k++) out[i + k] = best[k]!;
      i = j;
    }
  }
  return out;
}

/** Label index → its type's slot: 0 for O, then PER, ORG, LOC, MISC. */
const TYPE_SLOT = LABELS.map((l) => (l === 'O' ? 0 : 1 + ['PER', 'ORG', 'LOC', 'MISC'].indexOf(l.slice(2))));

/**
 * The second pass's features: per scored token, how the first pass labelled the same word
 * (by its key) at its other places in the document — mostly which type, how consistently, and
 * whether it was also left out while capitalised. A name the first pass found in a clear context
 * lends its type to the same word in a vague one.
 */
export function documentFeatures(prepared: Pick<Prepared, 'hashes' | 'scored'>, labels: ArrayLike<number>): (number[] | null)[] {
  const { hashes, scored } = prepared;
  const n = labels.length;
  const counts = new Map<number, Int32Array>();
  const slotOf = (i: number): number => {
    const t = TYPE_SLOT[labels[i]!]!;
    if (t) return t;
    const c = hashes.cap[i]!;
    return c === CAP_CODE.X || c === CAP_CODE.A ? 0 : -1;
  };
  for (let i = 0; i < n; i++) {
    if (!scored[i]) continue;
    const slot = slotOf(i);
    if (slot < 0) continue;
    let c = counts.get(hashes.key[i]!);
    if (!c) counts.set(hashes.key[i]!, (c = new Int32Array(5)));
    c[slot]!++;
  }
  const out: (number[] | null)[] = new Array(n).fill(null);
  const others = new Int32Array(5);
  for (let i = 0; i < n; i++) {
    if (!scored[i]) continue;
    const c = counts.get(hashes.key[i]!);
    const own = slotOf(i);
    let total = 0;
    for (let t = 0; t < 5; t++) {
      others[t] = c ? c[t]! - (own === t ? 1 : 0) : 0;
      total += others[t]!;
    }
    if (!total) {
      out[i] = [f1(50, 0)];
      continue;
    }
    let major = 0;
    for (let t = 1; t < 5; t++) if (others[t]! > others[major]!) major = t;
    const share = others[major] === total ? 2 : 2 * others[major]! >= total ? 1 : 0;
    const f = [f2(51, major, share), f2(52, major, hashes.cap[i]!)];
    for (let t = 0; t < 5; t++) if (others[t]) f.push(f1(53, t));
    out[i] = f;
  }
  return out;
}

export { capClass, f1 as hashFeature1, f2 as hashFeature2 };
