/**
 * Throughput of the claims stage alone, on the Wikinews articles in ../shared/data/news, next to
 * wink-nlp segmentation timed in the same process as a baseline. The earlier stages (times,
 * figures, entities) run once, outside the timing, so the claims stage sees realistic inputs and
 * the number is what it adds per token; warm-up passes let the JIT settle first.
 *
 *   node --import tsx src/bench/claims.ts [passes]
 */
import { readFileSync } from 'node:fs';
import { makeDocument } from '../ingest/document.ts';
import { contextOf } from '../nlp/pipeline.ts';
import { segment } from '../nlp/segment.ts';
import { extractTimes } from '../nlp/times.ts';
import { extractFigures } from '../nlp/figures.ts';
import { extractEntities } from '../nlp/entities.ts';
import { extractClaims } from '../nlp/claims.ts';
import { sharedPath } from '../eval/shared.ts';

const passes = Number(process.argv[2] ?? 50);
const inputs = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; dateCreated?: string })
  .map((r) => {
    const ctx = contextOf(makeDocument({ text: r.text, published: r.dateCreated }));
    const times = extractTimes(ctx);
    const figures = extractFigures(ctx, { times });
    const entities = extractEntities(ctx);
    return { ctx, earlier: { entities, times, figures } };
  });
const tokens = inputs.reduce((n, i) => n + i.ctx.seg.tokens.length, 0);

// the stage marks figures with their claim; fresh copies keep every pass the same
const fresh = (i: (typeof inputs)[number]) => ({ ...i.earlier, figures: i.earlier.figures.map((f) => ({ ...f })) });
const copies = inputs.map((i) => Array.from({ length: passes + 5 }, () => fresh(i)));
for (let k = 0; k < 5; k++) inputs.forEach((i, n) => extractClaims(i.ctx, copies[n]![passes + k]!));
let claims = 0;
const started = performance.now();
for (let k = 0; k < passes; k++) inputs.forEach((i, n) => (claims += extractClaims(i.ctx, copies[n]![k]!).length));
const seconds = (performance.now() - started) / 1000;
const perSecond = (tokens * passes) / seconds;
const segmentPasses = Math.max(1, Math.round(passes / 10));
for (const i of inputs) segment(i.ctx.doc.text);
const segStarted = performance.now();
for (let k = 0; k < segmentPasses; k++) for (const i of inputs) segment(i.ctx.doc.text);
const segPerSecond = (tokens * segmentPasses) / ((performance.now() - segStarted) / 1000);
process.stdout.write(
  `baseline, segment (wink-nlp tokens, sentences, POS + offsets): ${Math.round(segPerSecond).toLocaleString('en-US')} tokens/s (${(1e6 / segPerSecond).toFixed(2)} µs/token)\n` +
    `claims stage: ${inputs.length} articles, ${tokens} tokens x ${passes} passes in ${seconds.toFixed(2)} s = ` +
    `${Math.round(perSecond).toLocaleString('en-US')} tokens/s (${(1e6 / perSecond).toFixed(2)} µs/token), ${claims / passes} claims per pass\n`,
);
