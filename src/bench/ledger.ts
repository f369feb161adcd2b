/**
 * Cross-article linking at scale: what linking costs per added document, and how long the series,
 * statements and conflicts queries take, at 1k, 10k and 100k documents in one SQLite ledger.
 *
 *   npm run bench                                  (this section runs with the others)
 *   node --import tsx src/bench/ledger.ts          this section alone; --ledger-docs N, --pool N, --keep
 *   node --import tsx src/bench/ledger.ts --queries FILE   the queries alone, on a ledger kept by --keep
 *   node --import tsx src/bench/ledger.ts --extend FILE --ledger-docs N   N more documents linked into a kept ledger
 *
 * Extracting 100k documents would take longer than a bench run, so a pool of real paragraphs
 * (Wikinews, MEANTIME; see corpus.ts) is extracted once, and documents are recombined from it:
 * 4–12 paragraphs each, with their extractions shifted to the document's offsets, ids renumbered
 * and dates moved to the document's year. One document in fifty republishes a recent one under
 * another outlet with a new first paragraph, as wire copy does. What is timed is linking (inside
 * the ledger's write transaction) and the queries, never extraction.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../eval/shared.ts';
import { paragraphPool, prng } from './corpus.ts';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import { SqliteLedger } from '../store/sqlite.ts';
import type { Document, Extraction } from '../types.ts';

type Pooled = { text: string; x: Extraction };

export type LedgerCheckpoint = {
  docs: number;
  /** Linking cost per document over the documents added since the previous checkpoint (wall clock, and CPU time of this process). */
  linkMsMean: number;
  linkCpuMsMean: number;
  linkMsP95: number;
  /** Storing the document and its extraction rows, without linking. */
  storeMsMean: number;
  queriesMs: Record<string, number>;
  /** The same queries' CPU time in this process: what they cost, whatever else the machine is doing. */
  queriesCpuMs: Record<string, number>;
  series: number;
  statements: number;
  conflicts: number;
  copyGroups: number;
};

export type LedgerBenchResult = { poolParagraphs: number; poolSeconds: number; checkpoints: LedgerCheckpoint[]; dbMb: number; load: number[] };

const POOL_ANCHOR = '2020-06-15';
const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${i + 1}`);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function pool(size: number, rnd: () => number): Pooled[] {
  const paras = paragraphPool().filter((p) => p.length < 1500);
  const out: Pooled[] = [];
  const taken = new Set<number>();
  while (out.length < Math.min(size, paras.length)) {
    const i = Math.floor(rnd() * paras.length);
    if (taken.has(i)) continue;
    taken.add(i);
    const doc = makeDocument({ text: paras[i]!, published: POOL_ANCHOR });
    out.push({ text: doc.text, x: extract(doc) });
  }
  return out;
}

/** A TIMEX3 value moved by whole years: the pool was extracted as of 2020, the document is of another year. */
const shiftYear = (v: string | undefined, years: number) => (v && /^\d{4}/.test(v) ? String(Number(v.slice(0, 4)) + years) + v.slice(4) : v);

/** One document from pooled paragraphs: texts joined, extractions moved to their offsets and renumbered. */
function compose(n: number, parts: Pooled[], published: string, outlet: string): { doc: Document; extraction: Extraction } {
  const years = Number(published.slice(0, 4)) - Number(POOL_ANCHOR.slice(0, 4));
  let text = `Report ${n}.`;
  const x: Extraction = { document: { id: '', lang: 'en', textSha256: '' }, entities: [], times: [], figures: [], claims: [], events: [] };
  const counters = { e: 0, t: 0, f: 0, c: 0, v: 0 };
  for (const p of parts) {
    text += '\n\n';
    const at = text.length;
    text += p.text;
    const span = <S extends { start: number; end: number }>(s: S): S => ({ ...s, start: s.start + at, end: s.end + at });
    const ids = new Map<string, string>();
    const id = (kind: keyof typeof counters, old: string) => ids.get(`${kind}:${old}`) ?? ids.set(`${kind}:${old}`, `${kind}${++counters[kind]}`).get(`${kind}:${old}`)!;
    for (const e of p.x.entities) x.entities.push({ ...e, id: id('e', e.id), mentions: e.mentions.map(span) });
    for (const t of p.x.times) x.times.push({ ...span(t), ...(t.id ? { id: id('t', t.id) } : {}), value: shiftYear(t.value, years)! });
    for (const f of p.x.figures) x.figures.push({ ...span(f), id: id('f', f.id), ...(f.claim ? { claim: id('c', f.claim) } : {}), ...(f.changedFrom ? { changedFrom: id('f', f.changedFrom) } : {}) });
    for (const c of p.x.claims) {
      x.claims.push({
        ...c,
        id: id('c', c.id),
        ...(c.source ? { source: { ...span(c.source), ...(c.source.entity ? { entity: id('e', c.source.entity) } : {}) } } : {}),
        ...(c.cue ? { cue: span(c.cue) } : {}),
        content: c.content.map(span),
        ...(c.said ? { said: shiftYear(c.said, years)! } : {}),
        figures: c.figures.map((f) => id('f', f)),
        entities: c.entities.map((e) => id('e', e)),
        ...(c.times ? { times: c.times.map((t) => id('t', t)) } : {}),
      });
    }
    for (const v of p.x.events) {
      x.events.push({
        ...v, id: id('v', v.id), trigger: span(v.trigger),
        ...(v.actor ? { actor: id('e', v.actor) } : {}), ...(v.recipient ? { recipient: id('e', v.recipient) } : {}), ...(v.claim ? { claim: id('c', v.claim) } : {}),
      });
    }
  }
  const doc = makeDocument({ text, published, outlet });
  x.document = { id: doc.id, published, outlet, lang: 'en', textSha256: doc.textSha256 };
  return { doc, extraction: x };
}

/** Median wall and CPU time of `runs` calls after a warm-up. */
function time(fn: () => unknown, runs = 3): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const u = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((u.user + u.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

/** The queries a reader runs, timed (median of 3 after a warm-up), wall clock and CPU. */
async function timeQueries(ledger: SqliteLedger): Promise<{ wall: Record<string, number>; cpu: Record<string, number> }> {
  const top = (await ledger.series({ limit: 1 }))[0];
  const runs: Record<string, { wall: number; cpu: number }> = {
    series: time(() => ledger.series()),
    timeline: top ? time(() => ledger.seriesTimeline(top.key, { limit: 500 })) : { wall: 0, cpu: 0 },
    'timeline by words': time(() => ledger.seriesTimeline('people')),
    statements: time(() => ledger.statements()),
    'statements --source': time(() => ledger.statements({ source: 'police' })),
    conflicts: time(() => ledger.conflicts()),
    copies: time(() => ledger.copies()),
    entities: time(() => ledger.crossEntities()),
  };
  const pick = (k: 'wall' | 'cpu') => Object.fromEntries(Object.entries(runs).map(([n, v]) => [n, v[k]]));
  return { wall: pick('wall'), cpu: pick('cpu') };
}

/** The queries alone, on a ledger a previous run kept (`--keep`): re-measure after a query or index change without re-linking. */
export async function queryBench(path: string): Promise<void> {
  const ledger = new SqliteLedger(path);
  const docs = (ledger.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  const { wall, cpu } = await timeQueries(ledger);
  await ledger.close();
  const slow = (ms: Record<string, number>) => Object.entries(ms).filter(([, v]) => v > 200).map(([k]) => k);
  process.stdout.write(
    `queries on ${path} (${fmt(docs)} documents), median of 3:   wall ms     CPU ms\n` +
      Object.keys(wall).map((k) => `  ${k.padEnd(20)} ${fmt(wall[k]!, 1).padStart(8)} ${fmt(cpu[k]!, 1).padStart(10)}`).join('\n') +
      `\nload average: ${loadavg().map((l) => fmt(l, 1)).join(' / ')}; queries < 200 ms: wall ${slow(wall).length ? 'MISSED: ' + slow(wall).join(', ') : 'met'}, CPU ${slow(cpu).length ? 'MISSED: ' + slow(cpu).join(', ') : 'met'}\n`,
  );
}

export async function runLedgerBench(opts: { docs: number; poolSize: number; path: string; extend?: boolean }): Promise<LedgerBenchResult> {
  let rnd = prng(2024);
  const t0 = performance.now();
  const paragraphs = pool(opts.poolSize, rnd);
  const poolSeconds = (performance.now() - t0) / 1000;
  if (!opts.extend) for (const f of [opts.path, `${opts.path}-wal`, `${opts.path}-shm`]) rmSync(f, { force: true });
  mkdirSync(dirname(opts.path), { recursive: true });
  const ledger = new SqliteLedger(opts.path);
  // extending a kept ledger: documents numbered on from those it holds, drawn from another stream
  const first = opts.extend ? (ledger.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n + 1 : 1;
  if (first > 1) rnd = prng(2024 + first);
  const last = first + opts.docs - 1;
  // time the linking step apart from storing: wrap the ledger's link store
  const links = (ledger as unknown as { links: { link: (d: Document, x: Extraction) => unknown } }).links;
  const link = links.link.bind(links);
  // wall time and this process's CPU time: on a shared machine the second says what linking costs
  let window: number[] = [];
  let windowCpu = 0;
  links.link = (d, x) => {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = link(d, x);
    const used = process.cpuUsage(c);
    windowCpu += (used.user + used.system) / 1000;
    window.push(performance.now() - t);
    return r;
  };
  const checkpoints: LedgerCheckpoint[] = [];
  const marks = [1000, 10000, 100000].filter((m) => m > first && m < last).concat(last);
  const recent: { doc: Document; extraction: Extraction; parts: Pooled[] }[] = [];
  let batch: { doc: Document; extraction: Extraction }[] = [];
  let addMs = 0;
  let added = 0;
  const flush = async () => {
    const t = performance.now();
    await ledger.addAll(batch);
    addMs += performance.now() - t;
    added += batch.length;
    batch = [];
  };
  for (let n = first; n <= last; n++) {
    const year = 2015 + Math.floor(rnd() * 11);
    const published = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    let parts: Pooled[];
    let when = published;
    if (recent.length > 10 && rnd() < 0.02) {
      // wire copy: a recent story under another outlet, its first paragraph rewritten
      const src = recent[Math.floor(rnd() * recent.length)]!;
      parts = [paragraphs[Math.floor(rnd() * paragraphs.length)]!, ...src.parts.slice(1)];
      when = src.doc.published!;
    } else {
      parts = Array.from({ length: 4 + Math.floor(rnd() * 9) }, () => paragraphs[Math.floor(rnd() * paragraphs.length)]!);
    }
    const item = compose(n, parts, when, OUTLETS[Math.floor(rnd() * OUTLETS.length)]!);
    batch.push(item);
    recent.push({ ...item, parts });
    if (recent.length > 200) recent.shift();
    if (batch.length >= 64 || marks.includes(n)) await flush();
    if (marks.includes(n)) {
      const sorted = [...window].sort((a, b) => a - b);
      const linkTotal = sorted.reduce((s, v) => s + v, 0);
      const { wall: queriesMs, cpu: queriesCpuMs } = await timeQueries(ledger);
      const count = (sql: string) => (ledger.db.prepare(sql).get() as { n: number }).n;
      checkpoints.push({
        docs: n,
        linkMsMean: linkTotal / sorted.length,
        linkCpuMsMean: windowCpu / sorted.length,
        linkMsP95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        storeMsMean: (addMs - linkTotal) / added,
        queriesMs,
        queriesCpuMs,
        series: count('SELECT count(*) AS n FROM link_series'),
        statements: count('SELECT count(*) AS n FROM link_statements WHERE documents >= 2'),
        conflicts: count('SELECT count(*) AS n FROM link_conflicts'),
        copyGroups: count('SELECT count(*) AS n FROM link_copy_groups'),
      });
      process.stderr.write(
        `bench: ledger at ${fmt(n)} documents, linking ${fmt(linkTotal / sorted.length, 2)} ms/doc (CPU ${fmt(windowCpu / sorted.length, 2)}), ` +
          `queries ${Object.entries(queriesMs).map(([k, v]) => `${k} ${fmt(v, 1)} (CPU ${fmt(queriesCpuMs[k]!, 1)})`).join(', ')} ms; load ${loadavg().map((l) => fmt(l, 1)).join(' / ')}\n`,
      );
      window = [];
      windowCpu = 0;
      addMs = 0;
      added = 0;
    }
  }
  const dbMb = (ledger.db.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get() as { n: number }).n / 1048576;
  await ledger.close();
  return { poolParagraphs: paragraphs.length, poolSeconds, checkpoints, dbMb, load: loadavg() };
}

export function ledgerTable(r: LedgerBenchResult): string {
  const names = Object.keys(r.checkpoints[0]?.queriesMs ?? {});
  const out = [
    `Cross-article linking and queries (SQLite; extractions of ${fmt(r.poolParagraphs)} real paragraphs made once in ${fmt(r.poolSeconds, 1)} s and re-used,`,
    `recombined into documents with shifted offsets, ids and dates: linking and queries are timed, not extraction)`,
    `${'docs'.padStart(8)} ${'link ms/doc'.padStart(11)} ${'p95'.padStart(6)} ${'CPU ms'.padStart(6)} ${'store ms/doc'.padStart(12)}  ${names.map((n) => n.padStart(Math.max(9, n.length))).join(' ')}  (query ms, median of 3)`,
  ];
  for (const c of r.checkpoints) {
    out.push(
      `${fmt(c.docs).padStart(8)} ${fmt(c.linkMsMean, 2).padStart(11)} ${fmt(c.linkMsP95, 1).padStart(6)} ${fmt(c.linkCpuMsMean, 2).padStart(6)} ${fmt(c.storeMsMean, 2).padStart(12)}  ` +
        names.map((n) => fmt(c.queriesMs[n]!, 1).padStart(Math.max(9, n.length))).join(' '),
    );
    out.push(`${''.padStart(8)} ${''.padStart(11)} ${''.padStart(6)} ${''.padStart(6)} ${'query CPU ms'.padStart(12)}  ` + names.map((n) => fmt(c.queriesCpuMs[n]!, 1).padStart(Math.max(9, n.length))).join(' '));
  }
  const last = r.checkpoints[r.checkpoints.length - 1];
  if (last) {
    out.push(`at ${fmt(last.docs)} documents: ${fmt(last.series)} series, ${fmt(last.statements)} statements with two or more reports, ${fmt(last.conflicts)} conflicts, ${fmt(last.copyGroups)} copy groups; ${fmt(r.dbMb)} MB`);
    out.push(`load average during the run: ${r.load.map((l) => fmt(l, 1)).join(' / ')} (2 cores shared; wall times stretch with load, CPU times much less)`);
    const slow = (ms: Record<string, number>) => Object.entries(ms).filter(([, v]) => v > 200).map(([n]) => n);
    const verdict = (xs: string[]) => (xs.length ? 'MISSED: ' + xs.join(', ') : 'met');
    out.push(
      `targets: linking < 20 ms/doc (wall ${last.linkMsMean < 20 ? 'met' : 'MISSED'}, CPU ${last.linkCpuMsMean < 20 ? 'met' : 'MISSED'}), ` +
        `queries < 200 ms (wall ${verdict(slow(last.queriesMs))}; CPU ${verdict(slow(last.queriesCpuMs))})`,
    );
  }
  return out.join('\n');
}

/** The bench section: `--ledger-docs N` (default 100000), `--pool N` paragraphs (default 1500), `--keep` to keep the ledger file. */
export async function ledgerBench(argv: string[] = []): Promise<LedgerBenchResult> {
  const arg = (name: string, fallback: number) => {
    const at = argv.indexOf(name);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  const at = argv.indexOf('--extend');
  const extend = at >= 0 ? argv[at + 1] : undefined;
  const path = extend ?? join(REPO_ROOT, '.bench', `ledger-${process.pid}.db`);
  process.stderr.write(`bench: cross-article linking ${extend ? `of ${fmt(arg('--ledger-docs', 1000))} more documents into ${extend}` : `up to ${fmt(arg('--ledger-docs', 100000))} documents`}…\n`);
  const r = await runLedgerBench({ docs: arg('--ledger-docs', extend ? 1000 : 100000), poolSize: arg('--pool', 1500), path, ...(extend ? { extend: true } : {}) });
  if (!argv.includes('--keep') && !extend) for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  else process.stderr.write(`bench: ledger kept at ${path} (time its queries again with --queries ${path})\n`);
  process.stdout.write('\n' + ledgerTable(r) + '\n');
  return r;
}

// run alone: node --import tsx src/bench/ledger.ts [--ledger-docs N] [--pool N] [--keep]
//            node --import tsx src/bench/ledger.ts --queries .bench/ledger-PID.db   (queries only, on a kept ledger)
if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const q = argv.indexOf('--queries');
  if (q >= 0) await queryBench(argv[q + 1]!);
  else await ledgerBench(argv);
}
