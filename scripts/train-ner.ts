/**
 * Trains the name tagger (src/nlp/names/tagger.ts) and writes models/ner.bin.
 * Data: GUM train and four fifths of wikigold from ../shared/data/ner (GUM dev, UNER dev and
 * the held-out fifth of wikigold are kept for measurement). Averaged structured perceptron, Viterbi decoding,
 * fixed seed: the same data gives the same weights. Run: npm run train:ner  (about a minute or two).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../src/eval/shared.ts';
import { type GoldDoc, readGum, wikigoldSplit } from '../src/eval/nerCorpus.ts';
import { segment } from '../src/nlp/segment.ts';
import { gazetteer } from '../src/nlp/names/gazetteer.ts';
import { SPAN_TYPES, spanFeatures } from '../src/nlp/names/typer.ts';
import {
  LABELS, N_LABELS, allowed, buildDictionary, documentFeatures, edgeFeatures, encodeModel, prepare as prepareTagger, taggerInput, tokenFeatures, viterbi,
} from '../src/nlp/names/tagger.ts';

const EPOCHS = Number(process.env.NER_EPOCHS ?? 10);
/** Rows whose averaged weights all stay below this are dropped: they never change a decision. */
const PRUNE = Number(process.env.NER_PRUNE ?? 0.02);

const TRAIN_TYPE: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC', NORP: 'MISC', EVENT: 'MISC' };

/** Per token: its features, or null where the tagger does not score the token (it is O, see prepare). */
type Sent = { feats: (number[] | null)[]; caps: number[]; gold: number[]; doc: number; offset: number };
/** What the second pass's document features are computed from, per document. */
type DocInfo = { prepared: Parameters<typeof documentFeatures>[0]; tokens: number; sents: number[] };
const docInfo = new Map<Sent[], DocInfo[]>();
/** A gold name for the span typer: its features and its type's index in SPAN_TYPES. */
type SpanExample = { feats: number[]; gold: number };
const spanExamples = new Map<GoldDoc[], SpanExample[]>();

function prepare(docs: GoldDoc[]): Sent[] {
  const gz = gazetteer();
  const out: Sent[] = [];
  const infos: DocInfo[] = [];
  docInfo.set(out, infos);
  const spans: SpanExample[] = [];
  spanExamples.set(docs, spans);
  for (const d of docs) {
    const seg = segment(d.text);
    const inp = taggerInput(seg, gz);
    const labels = new Array<number>(seg.tokens.length).fill(0);
    for (const n of d.names) {
      const type = TRAIN_TYPE[n.type];
      if (!type) continue;
      let first = true;
      seg.tokens.forEach((t, i) => {
        if (t.start >= n.start && t.end <= n.end) {
          labels[i] = LABELS.indexOf(`${first ? 'B' : 'I'}-${type}` as never);
          first = false;
        }
      });
    }
    for (const n of d.names) {
      const type = TRAIN_TYPE[n.type];
      const a = seg.tokens.findIndex((t) => t.start === n.start);
      const b = seg.tokens.findIndex((t) => t.end === n.end);
      if (!type || a < 0 || b < a) continue;
      const sent = seg.sentences[seg.tokens[a]!.sentence]!;
      spans.push({ feats: spanFeatures(inp, gz, a, b + 1, sent.tokenStart, sent.tokenEnd), gold: SPAN_TYPES.indexOf(type as never) });
    }
    const { hashes, firstInSentence, scored } = prepareTagger(inp, gz);
    const info: DocInfo = { prepared: { hashes, scored }, tokens: seg.tokens.length, sents: [] };
    infos.push(info);
    for (const s of seg.sentences) {
      const feats: (number[] | null)[] = [];
      const caps: number[] = [];
      const gold: number[] = [];
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        feats.push(scored[i] ? [...tokenFeatures(hashes, i, s.tokenStart, s.tokenEnd, firstInSentence[i] === 1, [])] : null);
        caps.push(hashes.cap[i]!);
        gold.push(labels[i]!);
      }
      // a label sequence the decoder could never produce is repaired: a name token the tagger does
      // not score is O, and an I- after O (from that or from odd token splits) becomes B-
      for (let k = 0; k < gold.length; k++) if (!feats[k]) gold[k] = 0;
      for (let k = 0; k < gold.length; k++) if (!allowed(k ? gold[k - 1]! : 0, gold[k]!)) gold[k] = gold[k]! - 1;
      info.sents.push(out.length);
      out.push({ feats, caps, gold, doc: infos.length - 1, offset: s.tokenStart });
    }
  }
  return out;
}

/** Mulberry32: a tiny seeded generator so that shuffling is reproducible. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Perceptron {
  index = new Map<number, number>();
  w = new Float64Array(1 << 20);
  total = new Float64Array(1 << 20);
  stamp = new Float64Array(1 << 20);
  clock = 0;

  row(f: number, create: boolean): number {
    let r = this.index.get(f);
    if (r === undefined && create) {
      r = this.index.size * N_LABELS;
      this.index.set(f, r);
      if (r + N_LABELS > this.w.length) this.grow();
    }
    return r ?? -1;
  }

  grow(): void {
    for (const k of ['w', 'total', 'stamp'] as const) {
      const bigger = new Float64Array(this[k].length * 2);
      bigger.set(this[k]);
      this[k] = bigger;
    }
  }

  score(feats: number[], scores: Float64Array): void {
    for (const f of feats) {
      const r = this.index.get(f);
      if (r === undefined) continue;
      for (let k = 0; k < N_LABELS; k++) scores[k]! += this.w[r + k]!;
    }
  }

  update(feats: number[], label: number, delta: number): void {
    for (const f of feats) {
      const at = this.row(f, true) + label;
      this.total[at]! += (this.clock - this.stamp[at]!) * this.w[at]!;
      this.stamp[at] = this.clock;
      this.w[at]! += delta;
    }
  }

  averaged(): Float32Array {
    const n = this.index.size * N_LABELS;
    const avg = new Float32Array(n);
    for (let at = 0; at < n; at++) avg[at] = (this.total[at]! + (this.clock - this.stamp[at]!) * this.w[at]!) / this.clock;
    return avg;
  }
}

/** Edge features of moving into position i of a sentence (i = length: past its end) from label prev. */
function edgeAt(s: Sent, i: number, prev: number): number[] {
  return edgeFeatures(prev, i < s.caps.length ? s.caps[i]! : 0, []);
}

/**
 * Decodes a sentence as the tagger does (each run of scored tokens by Viterbi); when learning,
 * a run decoded wrong moves the weights toward its gold labels (structured perceptron).
 */
function decode(p: Perceptron, s: Sent, learn: boolean): number[] {
  const out = new Array<number>(s.feats.length).fill(0);
  let i = 0;
  while (i < s.feats.length) {
    if (!s.feats[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.feats.length && s.feats[j]) j++;
    const len = j - i;
    const emit = new Float64Array(len * N_LABELS);
    for (let k = 0; k < len; k++) p.score(s.feats[i + k]!, emit.subarray(k * N_LABELS, (k + 1) * N_LABELS));
    const start = i;
    const row = new Float64Array(N_LABELS);
    const edge = (pos: number, E: Float64Array) => {
      for (let prev = 0; prev < N_LABELS; prev++) {
        row.fill(0);
        p.score(edgeAt(s, start + pos, prev), row);
        E.set(row, prev * N_LABELS);
      }
    };
    const best = new Array<number>(len);
    viterbi(len, emit, edge, best);
    for (let k = 0; k < len; k++) out[i + k] = best[k]!;
    if (learn) {
      p.clock++;
      let wrong = false;
      for (let k = 0; k < len; k++) if (best[k] !== s.gold[i + k]) wrong = true;
      if (wrong) {
        // positions start..start+len (the last is the O after the run)
        for (let k = 0; k <= len; k++) {
          const g = k < len ? s.gold[i + k]! : 0;
          const b = k < len ? best[k]! : 0;
          const gp = k ? s.gold[i + k - 1]! : 0;
          const bp = k ? best[k - 1]! : 0;
          if (g === b && gp === bp) continue;
          if (k < len && g !== b) {
            p.update(s.feats[i + k]!, g, 1);
            p.update(s.feats[i + k]!, b, -1);
          }
          p.update(edgeAt(s, i + k, gp), g, 1);
          p.update(edgeAt(s, i + k, bp), b, -1);
        }
      }
    }
    i = j;
  }
  return out;
}

function spans(labels: number[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0 && type !== 'MISC') out.add(`${start}:${end}:${type}`);
    start = -1;
  };
  labels.forEach((l, i) => {
    const lab = LABELS[l]!;
    if (lab === 'O' || lab.startsWith('B-')) close(i);
    if (lab.startsWith('B-')) {
      start = i;
      type = lab.slice(2);
    }
  });
  close(labels.length);
  return out;
}

function f1(p: Perceptron, sents: Sent[]): number {
  let tp = 0, fp = 0, fn = 0;
  for (const s of sents) {
    const pred = spans(decode(p, s, false));
    const gold = spans(s.gold);
    for (const x of pred) (gold.has(x) ? tp++ : fp++);
    for (const x of gold) if (!pred.has(x)) fn++;
  }
  return (2 * tp) / (2 * tp + fp + fn);
}

const t0 = Date.now();

// Everyday English words, from the word-list package (MIT), as the Bloom filter the tagger reads;
// written first, because the features below read it
{
  const path = (await import('word-list')).default;
  if (!existsSync(path)) throw new Error('word-list is not installed (npm install)');
  const words = readFileSync(path, 'utf8').split('\n').filter((w) => w);
  const buf = gzipSync(buildDictionary(words), { level: 9 });
  writeFileSync(join(REPO_ROOT, 'models', 'ner-words.bin'), buf);
  console.log(`models/ner-words.bin: ${words.length} words, ${(buf.length / 1024).toFixed(0)} KiB`);
}
const wiki = wikigoldSplit();
// GUM's BIO files leave out one-token names; they are put back from its CoNLL-U (see readGum)
const repaired = { singleTokenNames: !process.env.NER_GUM_AS_SHIPPED };
const trainDocs = [...readGum('train', repaired), ...(process.env.NER_NO_WIKIGOLD ? [] : wiki.train)];
const devDocs = readGum('dev', repaired);
const train = prepare(trainDocs);
const dev = prepare(devDocs);
console.log(`prepared ${train.length} training sentences, ${dev.length} dev sentences in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

/** Shuffle seeds: one averaged perceptron is trained per seed and their weights are averaged (five: see docs/tagger.md). */
const SEEDS = (process.env.NER_SEEDS ?? '20250619,7,1234,99,2024').split(',').map(Number);

/**
 * Trains a tagger on the sentences, once per shuffle seed (`seeds`), and returns the mean of
 * the averaged weights as a decoder. One perceptron's score swings by a point or two with the
 * order it saw the sentences in; the mean of a few is steadier.
 */
function trainTagger(sents: Sent[], label: string, dev?: Sent[], seeds = SEEDS): Perceptron {
  const mixed = new Perceptron();
  mixed.index = new Map();
  const sums: number[][] = [];
  for (const seed of seeds) {
    const p = new Perceptron();
    const random = rng(seed);
    const order = sents.map((_, i) => i);
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const i of order) decode(p, sents[i]!, true);
    }
    const avg = p.averaged();
    for (const [f, r] of p.index) {
      let row = mixed.index.get(f);
      if (row === undefined) {
        row = sums.length * N_LABELS;
        mixed.index.set(f, row);
        sums.push(new Array<number>(N_LABELS).fill(0));
      }
      const sum = sums[row / N_LABELS]!;
      for (let k = 0; k < N_LABELS; k++) sum[k]! += avg[r + k]! / seeds.length;
    }
    // dev score of this seed's averaged weights: a progress signal only
    if (dev) {
      const one = new Perceptron();
      one.index = p.index;
      one.w = new Float64Array(avg);
      console.log(`${label}, seed ${seed}: ${p.index.size} features, GUM dev span F1 (PER/ORG/LOC) ${(100 * f1(one, dev)).toFixed(1)}`);
    }
  }
  mixed.w = new Float64Array(sums.length * N_LABELS);
  sums.forEach((row, i) => mixed.w.set(row, i * N_LABELS));
  return mixed;
}

/** Drops rows that never matter, writes the model file, returns the decoder that the file holds. */
function ship(p: Perceptron, file: string, dev: () => number): Perceptron {
  const keep: number[] = [];
  const rows: number[] = [];
  for (const [f, r] of p.index) {
    let max = 0;
    for (let k = 0; k < N_LABELS; k++) max = Math.max(max, Math.abs(p.w[r + k]!));
    if (max >= PRUNE) {
      keep.push(f);
      rows.push(r);
    }
  }
  const pruned = new Float32Array(keep.length * N_LABELS);
  rows.forEach((r, i) => pruned.set(p.w.subarray(r, r + N_LABELS), i * N_LABELS));
  const buf = encodeModel(keep, pruned, (b) => gzipSync(b, { level: 9 }));
  writeFileSync(join(REPO_ROOT, 'models', file), buf);
  const out = new Perceptron();
  out.index = new Map(keep.map((f, i) => [f, i * N_LABELS]));
  out.w = new Float64Array(pruned);
  console.log(`kept ${keep.length} of ${p.index.size} features; models/${file} ${(buf.length / 1024).toFixed(0)} KiB; ` +
    `GUM dev F1 averaged+pruned ${(100 * dev()).toFixed(1)}; ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  return out;
}

/**
 * The same sentences with the second pass's document features added, computed from the labels
 * `first` gives each document (by the documents' own first-pass decoder, see pickFirst).
 */
function withDocumentFeatures(sents: Sent[], pickFirst: (doc: number) => Perceptron): Sent[] {
  const infos = docInfo.get(sents)!;
  const out: Sent[] = new Array(sents.length);
  infos.forEach((info, d) => {
    const first = pickFirst(d);
    const labels = new Int32Array(info.tokens);
    for (const k of info.sents) decode(first, sents[k]!, false).forEach((l, i) => (labels[sents[k]!.offset + i] = l));
    const extra = documentFeatures(info.prepared, labels);
    for (const k of info.sents) {
      const s = sents[k]!;
      out[k] = { ...s, feats: s.feats.map((f, i) => (f ? [...f, ...extra[s.offset + i]!] : null)) };
    }
  });
  docInfo.set(out, infos);
  return out;
}

const first = trainTagger(train, 'first pass', dev);
const shippedFirst = ship(first, 'ner.bin', () => f1(first, dev));

// The second pass learns from first-pass labels as good as unseen text gets: each training
// document is labelled by a first pass trained without the fifth of the documents it is in.
const FOLDS = 5;
const folds: Perceptron[] = [];
for (let k = 0; k < FOLDS; k++) {
  folds.push(trainTagger(train.filter((s) => s.doc % FOLDS !== k), `fold ${k + 1}`, undefined, SEEDS.slice(0, 1)));
  console.log(`first pass without fold ${k + 1} trained; ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}
const train2 = withDocumentFeatures(train, (d) => folds[d % FOLDS]!);
const dev2 = withDocumentFeatures(dev, () => shippedFirst);
const second = trainTagger(train2, 'second pass', dev2);
ship(second, 'ner-doc.bin', () => f1(second, dev2));

// ---- span typer: multi-class averaged perceptron over gold names ----
{
  const width = SPAN_TYPES.length;
  const index = new Map<number, number>();
  let w = new Float64Array(1 << 18);
  let total = new Float64Array(1 << 18);
  let stamp = new Float64Array(1 << 18);
  let clock = 0;
  const rowFor = (f: number): number => {
    let r = index.get(f);
    if (r === undefined) {
      r = index.size * width;
      index.set(f, r);
      if (r + width > w.length) {
        const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
        w = grow(w); total = grow(total); stamp = grow(stamp);
      }
    }
    return r;
  };
  const predict = (feats: number[], weights: Float64Array | Float32Array, idx: Map<number, number>): number => {
    const sc = new Float64Array(width);
    for (const f of feats) {
      const r = idx.get(f);
      if (r !== undefined) for (let k = 0; k < width; k++) sc[k]! += weights[r + k]!;
    }
    let best = 0;
    for (let k = 1; k < width; k++) if (sc[k]! > sc[best]!) best = k;
    return best;
  };
  const examples = spanExamples.get(trainDocs)!;
  const devExamples = spanExamples.get(devDocs)!;
  const order2 = examples.map((_, i) => i);
  const random2 = rng(7);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order2.length - 1; i > 0; i--) {
      const j = Math.floor(random2() * (i + 1));
      [order2[i], order2[j]] = [order2[j]!, order2[i]!];
    }
    for (const i of order2) {
      const ex = examples[i]!;
      clock++;
      const guess = predict(ex.feats, w, index);
      if (guess === ex.gold) continue;
      for (const f of ex.feats) {
        const r = rowFor(f);
        for (const [label, delta] of [[ex.gold, 1], [guess, -1]] as const) {
          const at = r + label;
          total[at]! += (clock - stamp[at]!) * w[at]!;
          stamp[at] = clock;
          w[at]! += delta;
        }
      }
    }
  }
  const avg = new Float32Array(index.size * width);
  for (let at = 0; at < avg.length; at++) avg[at] = (total[at]! + (clock - stamp[at]!) * w[at]!) / clock;
  const feats = [...index.keys()];
  const rows = feats.map((f) => index.get(f)!);
  const packed = new Float32Array(feats.length * width);
  rows.forEach((r, i) => packed.set(avg.subarray(r, r + width), i * width));
  const packedIndex = new Map(feats.map((f, i) => [f, i * width]));
  let right = 0;
  for (const ex of devExamples) if (predict(ex.feats, packed, packedIndex) === ex.gold) right++;
  const buf2 = encodeModel(feats, packed, (b) => gzipSync(b, { level: 9 }), SPAN_TYPES);
  writeFileSync(join(REPO_ROOT, 'models', 'ner-types.bin'), buf2);
  console.log(`span typer: ${examples.length} training names, ${feats.length} features, models/ner-types.bin ${(buf2.length / 1024).toFixed(0)} KiB; ` +
    `GUM dev type accuracy on gold spans ${((100 * right) / devExamples.length).toFixed(1)}% (${devExamples.length} names)`);
}
