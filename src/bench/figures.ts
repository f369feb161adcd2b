/**
 * Throughput of the figures stage alone, on the Wikinews articles in ../shared/data/news, next to
 * wink-nlp segmentation (the pipeline's backbone) timed in the same process as a baseline, so a
 * busy machine slows both alike. Segmentation runs once outside the figures timing, so that number
 * is what this stage adds per token; warm-up passes let the JIT settle first.
 *
 *   node --import tsx src/bench/figures.ts [passes]
 */
import { readFileSync } from 'node:fs';
import { makeDocument } from '../ingest/document.ts';
import { contextOf } from '../nlp/pipeline.ts';
import { segment } from '../nlp/segment.ts';
import { extractFigures } from '../nlp/figures.ts';
import { sharedPath } from '../eval/shared.ts';

const passes = Number(process.argv[2] ?? 50);
const contexts = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; dateCreated?: string })
  .map((r) => contextOf(makeDocument({ text: r.text, published: r.dateCreated })));
const tokens = contexts.reduce((n, c) => n + c.seg.tokens.length, 0);

for (let k = 0; k < 5; k++) for (const c of contexts) extractFigures(c, { times: [] });
let figures = 0;
const started = performance.now();
for (let k = 0; k < passes; k++) for (const c of contexts) figures += extractFigures(c, { times: [] }).length;
const seconds = (performance.now() - started) / 1000;
const perSecond = (tokens * passes) / seconds;
const segmentPasses = Math.max(1, Math.round(passes / 10));
for (const c of contexts) segment(c.doc.text);
const segStarted = performance.now();
for (let k = 0; k < segmentPasses; k++) for (const c of contexts) segment(c.doc.text);
const segPerSecond = (tokens * segmentPasses) / ((performance.now() - segStarted) / 1000);
process.stdout.write(
  `baseline, segment (wink-nlp tokens, sentences, POS + offsets): ${Math.round(segPerSecond).toLocaleString('en-US')} tokens/s\n` +
  `figures stage: ${contexts.length} articles, ${tokens} tokens x ${passes} passes in ${seconds.toFixed(2)} s = ` +
    `${Math.round(perSecond).toLocaleString('en-US')} tokens/s (${(1e6 / perSecond).toFixed(2)} µs/token), ${figures / passes} figures per pass\n`,
);
