/**
 * Throughput of each extraction stage alone, on the Wikinews articles in ../shared/data/news, next
 * to wink-nlp segmentation (the pipeline's backbone) timed in the same process as the baseline.
 * The stages each one depends on run once, outside its timing, so a stage's figure is what it adds
 * per token; warm-up passes let the JIT settle first. Figures are in CPU time as well as wall time:
 * on a shared machine the wall clock measures the neighbours, CPU time measures us.
 *
 *   node --import tsx src/bench/stages.ts [--passes N] [times|figures|entities|claims|events ...]
 *
 * (The whole pipeline on a 5 MB corpus, with peak memory, is `npm run bench`; this one says where
 * its time goes.)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { makeDocument } from '../ingest/document.ts';
import { contextOf } from '../nlp/pipeline.ts';
import { segment } from '../nlp/segment.ts';
import { extractTimes } from '../nlp/times.ts';
import { extractFigures } from '../nlp/figures.ts';
import { extractEntities } from '../nlp/entities.ts';
import { extractClaims } from '../nlp/claims.ts';
import { extractEvents } from '../nlp/events.ts';
import { sharedPath } from '../eval/shared.ts';

type Context = ReturnType<typeof contextOf>;
type Earlier = {
  times: ReturnType<typeof extractTimes>;
  figures: ReturnType<typeof extractFigures>;
  entities: ReturnType<typeof extractEntities>;
  claims: ReturnType<typeof extractClaims>;
};

/** One stage: how to run it once over a document whose earlier stages are done. */
type Stage = { name: string; unit: string; run: (ctx: Context, earlier: Earlier) => number };

const STAGES: Stage[] = [
  { name: 'times', unit: 'times', run: (ctx) => extractTimes(ctx).length },
  { name: 'figures', unit: 'figures', run: (ctx, e) => extractFigures(ctx, { times: e.times }).length },
  { name: 'entities', unit: 'entities', run: (ctx) => extractEntities(ctx).length },
  {
    name: 'claims',
    unit: 'claims',
    // the stage marks figures with their claim: fresh copies keep every pass the same
    run: (ctx, e) => extractClaims(ctx, { entities: e.entities, times: e.times, figures: e.figures.map((f) => ({ ...f })) }).length,
  },
  { name: 'events', unit: 'events', run: (ctx, e) => extractEvents(ctx, { entities: e.entities, times: e.times, claims: e.claims }).length },
];

const { values, positionals } = parseArgs({ options: { passes: { type: 'string', default: '30' } }, allowPositionals: true });
const passes = Math.max(1, Number(values.passes));
const chosen = positionals.length ? STAGES.filter((s) => positionals.includes(s.name)) : STAGES;
const unknown = positionals.filter((p) => !STAGES.some((s) => s.name === p));
if (unknown.length) {
  process.stderr.write(`bench: unknown stage ${unknown.join(', ')} (stages: ${STAGES.map((s) => s.name).join(', ')})\n`);
  process.exit(2);
}

const inputs = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; dateCreated?: string })
  .map((r) => {
    const ctx = contextOf(makeDocument({ text: r.text, published: r.dateCreated }));
    const times = extractTimes(ctx);
    const figures = extractFigures(ctx, { times });
    const entities = extractEntities(ctx);
    const claims = extractClaims(ctx, { entities, times, figures: figures.map((f) => ({ ...f })) });
    return { ctx, earlier: { times, figures, entities, claims } };
  });
const tokens = inputs.reduce((n, i) => n + i.ctx.seg.tokens.length, 0);

function timed(run: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(10) : c.padStart(16))).join('');

const segPasses = Math.max(1, Math.round(passes / 10));
for (const i of inputs) segment(i.ctx.doc.text);
const seg = timed(() => {
  for (let k = 0; k < segPasses; k++) for (const i of inputs) segment(i.ctx.doc.text);
});

const lines = [
  `${inputs.length} Wikinews articles, ${tokens.toLocaleString('en-US')} tokens, ${passes} passes per stage (node ${process.version})`,
  row(['stage', 'tokens/s CPU', 'µs/token CPU', 'tokens/s wall', 'found per pass']),
  row(['segment', rate(tokens * segPasses, seg.cpu), ((seg.cpu * 1e6) / (tokens * segPasses)).toFixed(2), rate(tokens * segPasses, seg.wall), '(baseline)']),
];
for (const stage of chosen) {
  for (let k = 0; k < 5; k++) for (const i of inputs) stage.run(i.ctx, i.earlier);
  let found = 0;
  const t = timed(() => {
    for (let k = 0; k < passes; k++) for (const i of inputs) found += stage.run(i.ctx, i.earlier);
  });
  lines.push(row([stage.name, rate(tokens * passes, t.cpu), ((t.cpu * 1e6) / (tokens * passes)).toFixed(2), rate(tokens * passes, t.wall), `${found / passes} ${stage.unit}`]));
}
process.stdout.write(lines.join('\n') + '\n');
