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
/** CPU seconds of this process: on a shared machine, wall time mostly measures the neighbours. */
function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

for (let round = 1; round <= 3; round++) {
  const seg = cpuSeconds(() => { for (const d of docs) segment(d.text); });
  const ent = cpuSeconds(() => { for (const c of ctxs) extractEntities(c); });
  console.log(`round ${round}: ${tokens} tokens; CPU time: segment ${Math.round(tokens / seg)} tokens/s, ` +
    `entities ${Math.round(tokens / ent)} tokens/s (${((1e6 * ent) / tokens).toFixed(2)} µs/token)`);
}
