/**
 * Decides what a found name names — person, organisation, place or other — looking at the whole
 * span at once: all its words, its head (last word), the words around it, list hits inside it,
 * whether it starts with a known given name. The token tagger finds the edges well but types
 * worse, since a token sees only a window; "Atlantic Lottery Corporation" is typed by its head.
 * Averaged perceptron; weights in models/ner-types.bin, trained by scripts/train-ner.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from './gazetteer.ts';
import { type Model, type TaggerInput, capClass, decodeModel, hashFeature1, hashFeature2, hashString, rowOf } from './tagger.ts';

export const SPAN_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type SpanType = (typeof SPAN_TYPES)[number];

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Hashed features of the span [start, end) inside sentence [sentStart, sentEnd). */
export function spanFeatures(inp: TaggerInput, gz: Gazetteer, start: number, end: number, sentStart: number, sentEnd: number): number[] {
  const { tokens, keys } = inp;
  const f: number[] = [hashFeature1(100, 0)];
  const key = (i: number) => hashString(keys[i] || tokens[i]!.text.toLowerCase());
  let shape = '';
  for (let i = start; i < end; i++) {
    if (keys[i]) f.push(hashFeature1(101, key(i)));
    shape += capClass(tokens[i]!.text);
    const g = inp.gaz[i]!;
    if (g) for (const x of g.split(' ')) f.push(hashFeature1(102, hashString(x)));
  }
  const head = key(end - 1);
  const first = key(start);
  f.push(hashFeature1(103, head), hashFeature1(104, first), hashFeature1(105, hashString(keys[end - 1]!.slice(-3))));
  f.push(hashFeature1(106, hashString(shape.length > 4 ? shape.slice(0, 4) : shape)), hashFeature1(107, Math.min(end - start, 4)));
  const p1 = start > sentStart ? key(start - 1) : BOS;
  const p2 = start - 1 > sentStart ? key(start - 2) : BOS;
  const n1 = end < sentEnd ? key(end) : EOS;
  const n2 = end + 1 < sentEnd ? key(end + 1) : EOS;
  f.push(hashFeature1(108, p1), hashFeature1(109, p2), hashFeature1(110, n1), hashFeature1(111, n2), hashFeature2(112, p1, n1));
  f.push(hashFeature2(113, p1, head));
  if (gz.givenNames.has(keys[start]!)) f.push(hashFeature1(114, 1));
  if (gz.familyNames.has(keys[end - 1]!)) f.push(hashFeature1(115, 1));
  const exact = gz.lookup(tokens.slice(start, end).map((t) => t.text).join(' '));
  for (const e of exact.slice(0, 3)) f.push(hashFeature1(116, hashString(`${e.type}.${e.kind}`)));
  if (/\d/.test(tokens[start]!.text)) f.push(hashFeature1(117, 1));
  return f;
}

export function typeSpan(model: Model, feats: number[], prior?: string, priorWeight = 0): SpanType {
  const scores = new Float32Array(SPAN_TYPES.length);
  if (prior) {
    const k = SPAN_TYPES.indexOf(prior as SpanType);
    if (k >= 0) scores[k] = priorWeight;
  }
  for (const x of feats) {
    const r = rowOf(model, x);
    if (r < 0) continue;
    for (let k = 0; k < SPAN_TYPES.length; k++) scores[k]! += model.weights[r + k]!;
  }
  let best = 0;
  for (let k = 1; k < SPAN_TYPES.length; k++) if (scores[k]! > scores[best]!) best = k;
  return SPAN_TYPES[best]!;
}

const MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/ner-types.bin');
let loaded: Model | null | undefined;

export function shippedTyper(): Model | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(MODEL_PATH) ? decodeModel(readFileSync(MODEL_PATH), SPAN_TYPES) : null;
  return loaded;
}
