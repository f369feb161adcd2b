/**
 * Throughput of the entities stage on the Wikinews texts in shared/data/news, with wink-nlp's
 * segmentation measured in the same run for scale (the machine's speed varies; the ratio less so).
 * Run: node --import tsx src/bench/entities.ts
 */
import { readFileSync } from 'node:fs';
import { makeDocument } from '../ingest/document.ts';
import { extractEntities } from '../nlp/entities.ts';
import { contextOf } from '../nlp/pipeline.ts';
import { segment } from '../nlp/segment.ts';
import { sharedPath } from '../eval/shared.ts';

const lines = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8').split('\n').filter(Boolean);
const docs = lines.map((l) => makeDocument({ text: (JSON.parse(l) as { text: string }).text }));
const ctxs = docs.map(contextOf);
const tokens = ctxs.reduce((a, c) => a + c.seg.tokens.length, 0);

let t = performance.now();
extractEntities(ctxs[0]!);
console.log(`first call (loads lists and model): ${(performance.now() - t).toFixed(0)} ms`);
for (let round = 1; round <= 3; round++) {
  t = performance.now();
  for (const d of docs) segment(d.text);
  const seg = (performance.now() - t) / 1000;
  t = performance.now();
  for (const c of ctxs) extractEntities(c);
  const ent = (performance.now() - t) / 1000;
  console.log(`round ${round}: ${tokens} tokens; segment ${Math.round(tokens / seg)} tokens/s; entities ${Math.round(tokens / ent)} tokens/s (${((1e6 * ent) / tokens).toFixed(2)} µs/token)`);
}
