/**
 * Throughput of the times stage alone, on the Wikinews articles in ../shared/data/news, next to
 * wink-nlp segmentation (the pipeline's backbone) timed in the same process as a baseline. Both are
 * reported in CPU time as well as wall time: on a shared machine the wall clock measures the
 * neighbours, CPU time measures us. Segmentation runs once outside the stage's timing, so the stage
 * figure is what it adds per token; warm-up passes let the JIT settle first.
 *
 *   node --import tsx src/bench/times.ts [passes]
 */
import { readFileSync } from 'node:fs';
import { makeDocument } from '../ingest/document.ts';
import { contextOf } from '../nlp/pipeline.ts';
import { segment } from '../nlp/segment.ts';
import { extractTimes, MAY_HOLD_TIME } from '../nlp/times.ts';
import { sharedPath } from '../eval/shared.ts';

const passes = Number(process.argv[2] ?? 30);
const contexts = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; dateCreated?: string })
  .map((r) => contextOf(makeDocument({ text: r.text, published: r.dateCreated })));
const tokens = contexts.reduce((n, c) => n + c.seg.tokens.length, 0);
let sentences = 0;
let candidates = 0;
for (const c of contexts) {
  for (const s of c.seg.sentences) {
    sentences++;
    if (MAY_HOLD_TIME.test(c.doc.text.slice(s.start, s.end))) candidates++;
  }
}

function timed(run: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');

for (let k = 0; k < 5; k++) for (const c of contexts) extractTimes(c);
let found = 0;
const stage = timed(() => {
  for (let k = 0; k < passes; k++) for (const c of contexts) found += extractTimes(c).length;
});
const segmentPasses = Math.max(1, Math.round(passes / 10));
for (const c of contexts) segment(c.doc.text);
const seg = timed(() => {
  for (let k = 0; k < segmentPasses; k++) for (const c of contexts) segment(c.doc.text);
});
process.stdout.write(
  `baseline, segment (wink-nlp tokens, sentences, POS + offsets): ${rate(tokens * segmentPasses, seg.cpu)} tokens/s CPU, ${rate(tokens * segmentPasses, seg.wall)} wall\n` +
    `times stage: ${contexts.length} articles, ${tokens} tokens, ${sentences} sentences (${candidates} pass the pre-filter) x ${passes} passes: ` +
    `${rate(tokens * passes, stage.cpu)} tokens/s CPU (${((stage.cpu * 1e6) / (tokens * passes)).toFixed(2)} µs/token), ` +
    `${rate(tokens * passes, stage.wall)} wall; ${found / passes} times per pass\n`,
);
