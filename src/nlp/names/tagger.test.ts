import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment.ts';
import { gazetteer } from './gazetteer.ts';
import { LABELS, N_LABELS, allowed, inDictionary, shippedModel, tag, taggerInput, viterbi } from './tagger.ts';

function tagged(text: string): string[] {
  const gz = gazetteer();
  const seg = segment(text);
  const labels = tag(shippedModel()!, taggerInput(seg, gz), gz);
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]!.startsWith('B-')) continue;
    let j = i + 1;
    while (j < labels.length && labels[j]!.startsWith('I-')) j++;
    out.push(`${labels[i]!.slice(2)} ${seg.tokens.slice(i, j).map((t) => t.text).join(' ')}`);
  }
  return out;
}

test('names no list knows are found with their type in an ordinary sentence', () => {
  assert.deepEqual(tagged('Talks between Marta Oyelaran and the Baltic Freight Union resumed in Tallinn on Monday.'),
    ['PER Marta Oyelaran', 'ORG Baltic Freight Union', 'LOC Tallinn']);
});

test('everyday words capitalised by a sentence start are not names', () => {
  assert.deepEqual(tagged('Gas prices rose again. Notice was given on Friday.'), []);
});

test('a surname repeated in the document is tagged alike in both places', () => {
  assert.deepEqual(tagged('Oyelaran said the union would wait. Later, Oyelaran left for Riga.'), ['PER Oyelaran', 'PER Oyelaran', 'LOC Riga']);
});

test('the decoder finds the best-scoring label sequence, and never opens a name with I- nor continues one of another type', () => {
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 10 - 5;
  for (let run = 0; run < 200; run++) {
    const len = 1 + (run % 7);
    const emit = Array.from({ length: len * N_LABELS }, random);
    const edges = Array.from({ length: (len + 1) * N_LABELS * N_LABELS }, random);
    const out = new Array<number>(len);
    viterbi(len, emit, (pos, E) => E.set(edges.slice(pos * N_LABELS * N_LABELS, (pos + 1) * N_LABELS * N_LABELS)), out);
    for (let k = 0; k < len; k++) assert.ok(allowed(k ? out[k - 1]! : 0, out[k]!), `${out.map((l) => LABELS[l]).join(' ')}`);
    if (len > 3) continue;
    // against every valid sequence: position pos moves from prev into k; the run ends in an O
    const score = (seq: number[]) => {
      let s = 0;
      for (let k = 0; k <= len; k++) {
        const prev = k ? seq[k - 1]! : 0;
        const cur = k < len ? seq[k]! : 0;
        s += edges[k * N_LABELS * N_LABELS + prev * N_LABELS + cur]! + (k < len ? emit[k * N_LABELS + cur]! : 0);
      }
      return s;
    };
    let best = -Infinity;
    const walk = (seq: number[]) => {
      if (seq.length === len) return void (best = Math.max(best, score(seq)));
      for (let l = 0; l < N_LABELS; l++) if (allowed(seq.length ? seq[seq.length - 1]! : 0, l)) walk([...seq, l]);
    };
    walk([]);
    assert.ok(Math.abs(score(out) - best) < 1e-9, `viterbi ${score(out)} vs best ${best}`);
  }
});

test('the everyday-word list knows common words and not names', () => {
  for (const w of ['gas', 'notice', 'team', 'river']) assert.ok(inDictionary(w), w);
  for (const w of ['tallinn', 'oyelaran', 'kavanagh']) assert.ok(!inDictionary(w), w);
});
