/**
 * PostgreSQL next to SQLite: ingest throughput with 1, 2 and 4 worker processes draining the queue of
 * one database, and ledger query times on a large ledger, both engines holding the same articles.
 *
 *   node --import tsx src/bench/postgres.ts [--ingest-docs 240] [--docs 100000] [--pg URL] [--pg-part ingest|queries]
 *
 * Server: --pg, else TRIANGULATE_BENCH_PG, else TRIANGULATE_TEST_PG, else the local default; without
 * one the bench says so and stops. Ingest runs the real CLI (`enqueue`, then N `worker` processes of
 * one extraction thread each) on generated news (corpus.ts), against `ingest --jobs 1` and `--jobs 2`
 * on SQLite. Writes are also timed alone, extraction done beforehand: that is the part the write lock
 * makes serial, so it caps what any number of workers can reach. The query ledger is the web bench's
 * SQLite file (.bench/web-N.db, built once) copied into a Postgres schema kept for reuse; both built
 * without cross-article links, as the web bench builds it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../eval/shared.ts';
import { corpus, type BenchDoc } from './corpus.ts';
import { buildBenchLedger } from './web.ts';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import { SqliteLedger } from '../store/sqlite.ts';
import { PostgresLedger } from '../store/postgres.ts';
import { TEST_PG, postgresUnavailable, tempSchema, withSchema } from '../store/postgres/testing.ts';
import type { Ledger } from '../store/ledger.ts';
import type { Document, Extraction } from '../types.ts';

const BIN = join(REPO_ROOT, 'bin', 'triangulate.js');
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

type IngestRow = { run: string; docs: number; seconds: number; steadyDocsPerSec?: number };

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`triangulate ${args[0]} exited ${code}: ${stderr.slice(-500)}`))));
  });
}

async function one<T = number>(url: string, sql: string): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Object.values((await c.query(sql)).rows[0])[0] as T;
  } finally {
    await c.end();
  }
}

async function ingestBench(server: string, docs: number): Promise<{ rows: IngestRow[]; writeMs: { sqlite: number; postgres: number } }> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-pg-bench-'));
  const path = join(dir, 'corpus.jsonl');
  const records: BenchDoc[] = [];
  for (const d of corpus(Infinity, 5)) {
    if (records.length >= docs) break;
    records.push(d);
  }
  writeFileSync(path, records.map((r, i) => JSON.stringify({ text: r.text, published: r.published, outlet: `Outlet ${i % 12}` })).join('\n') + '\n');
  const rows: IngestRow[] = [];

  for (const jobs of [1, 2]) {
    const db = join(dir, `sqlite-${jobs}.db`);
    const t = performance.now();
    await run(['ingest', path, '--db', db, '--jobs', String(jobs), '--quiet']);
    rows.push({ run: `SQLite: ingest --jobs ${jobs} (one process)`, docs, seconds: (performance.now() - t) / 1000 });
  }
  for (const workers of [1, 2, 4]) {
    const s = await tempSchema('tri_bench_ingest', server);
    try {
      await run(['enqueue', path, '--db', s.url, '--quiet']);
      const t = performance.now();
      await Promise.all(Array.from({ length: workers }, () => run(['worker', '--db', s.url, '--jobs', '1', '--until-empty', '--quiet'])));
      const seconds = (performance.now() - t) / 1000;
      const stored = await one(s.url, 'SELECT count(*)::int FROM documents');
      if (stored !== docs) throw new Error(`${workers} workers stored ${stored} of ${docs} documents`);
      // from the first commit to the last: the workers' start-up (loading the nlp models) left out
      const span = await one(s.url, `SELECT extract(epoch FROM max(ingested_at) - min(ingested_at))::float8 FROM documents`);
      rows.push({ run: `PostgreSQL: ${workers} worker process${workers > 1 ? 'es' : ''} × 1 thread`, docs, seconds, steadyDocsPerSec: (docs - 1) / span });
    } finally {
      await s.drop();
    }
  }

  // the serial part: storing and linking alone, one document per transaction, extraction done before
  const items: { doc: Document; extraction: Extraction }[] = records.slice(0, Math.min(docs, 120)).map((r, i) => {
    const doc = makeDocument({ text: r.text, published: r.published, outlet: `Outlet ${i % 12}` });
    return { doc, extraction: extract(doc) };
  });
  const timeWrites = async (ledger: Ledger) => {
    const t = performance.now();
    for (const it of items) await ledger.addAll([it]);
    return (performance.now() - t) / items.length;
  };
  const sqlite = new SqliteLedger(join(dir, 'writes.db'));
  const sqliteMs = await timeWrites(sqlite);
  await sqlite.close();
  const s = await tempSchema('tri_bench_writes', server);
  let postgresMs: number;
  try {
    const ledger = await PostgresLedger.open(s.url);
    postgresMs = await timeWrites(ledger);
    await ledger.close();
  } finally {
    await s.drop();
  }
  rmSync(dir, { recursive: true, force: true });
  return { rows, writeMs: { sqlite: sqliteMs, postgres: postgresMs } };
}

/** The web bench's SQLite ledger copied into a kept schema, so both engines answer over the same rows. */
async function queryLedgers(server: string, docs: number): Promise<{ sqlite: SqliteLedger; postgres: PostgresLedger; buildSeconds?: number }> {
  const path = join(REPO_ROOT, '.bench', `web-${docs}.db`);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    process.stderr.write(`postgres bench: building the SQLite ledger of ${fmt(docs)} articles first (${path})\n`);
    await buildBenchLedger(path, docs);
  }
  // opened for writing, as the web bench opens it, so that a file built by an older version is migrated first
  const sqlite = new SqliteLedger(path);
  const schema = `tri_bench_${docs}`;
  const url = withSchema(server, schema);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  let ready = false;
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    ready = (await admin.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1 AND tablename = 'bench_complete'`, [schema])).rows[0].n > 0;
    if (!ready) {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema}`);
    }
  } finally {
    await admin.end();
  }
  const postgres = await PostgresLedger.open(url);
  if (ready) return { sqlite, postgres };
  const t = performance.now();
  postgres.linking = false;
  const ids = sqlite.db.prepare('SELECT id FROM documents ORDER BY rowid').pluck().all() as string[];
  for (let i = 0; i < ids.length; i += 1000) {
    const batch: { doc: Document; extraction: Extraction }[] = [];
    for (const id of ids.slice(i, i + 1000)) batch.push({ doc: (await sqlite.document(id))!, extraction: (await sqlite.extraction(id))! });
    await postgres.addAll(batch);
    process.stderr.write(`\rpostgres bench: copying ${fmt(Math.min(ids.length, i + 1000))}/${fmt(ids.length)} articles (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  process.stderr.write('\n');
  postgres.linking = true;
  // a freshly loaded table has no visibility map yet: index-only scans would still read the heap
  await postgres.pool.query('VACUUM (ANALYZE)');
  await postgres.pool.query('CREATE TABLE bench_complete (at timestamptz DEFAULT now())');
  return { sqlite, postgres, buildSeconds: (performance.now() - t) / 1000 };
}

type QueryTiming = { query: string; sqlite: { firstMs: number; medianMs: number; rows: number }; postgres: { firstMs: number; medianMs: number; rows: number } };

async function queryBench(sqlite: Ledger, postgres: Ledger): Promise<QueryTiming[]> {
  const [topSource] = await sqlite.sources({ limit: 1 });
  const [midSource] = await sqlite.sources({ limit: 1, offset: 300 });
  const [topName] = await sqlite.entities({ limit: 1, type: 'GPE' });
  const [midName] = await sqlite.entities({ limit: 1, type: 'GPE', offset: 300 });
  const [topSeries] = await sqlite.seriesList({ limit: 1 });
  const [someDoc] = await sqlite.documentPage({ limit: 1, offset: 1234 });
  const queries: [string, (l: Ledger) => Promise<unknown>][] = [
    ['counts', (l) => l.counts()],
    ['documentPage (newest 50)', (l) => l.documentPage()],
    ['documentPage offset 20,000', (l) => l.documentPage({ offset: 20_000 })],
    ['document + extraction by id', async (l) => [await l.document(someDoc!.id), await l.extraction(someDoc!.id)]],
    ['browseClaims (newest 50)', (l) => l.browseClaims()],
    ['browseClaims about "counted refugees"', (l) => l.browseClaims({ about: 'counted refugees' })],
    ['browseClaims about "grain Place 3"', (l) => l.browseClaims({ about: 'grain Place 3' })],
    [`browseClaims source is top (${topSource!.name})`, (l) => l.browseClaims({ sourceIs: topSource!.name })],
    [`browseClaims source is mid (${midSource!.name})`, (l) => l.browseClaims({ sourceIs: midSource!.name })],
    [`browseClaims naming top (${topName!.name})`, (l) => l.browseClaims({ entity: topName!.name })],
    [`browseClaims naming mid (${midName!.name})`, (l) => l.browseClaims({ entity: midName!.name })],
    ['browseClaims since 2024-01 until 2024-03', (l) => l.browseClaims({ since: '2024-01', until: '2024-03' })],
    ['browseClaims outlet "Outlet 5"', (l) => l.browseClaims({ outlet: 'Outlet 5' })],
    ['browseClaims offset 10,000', (l) => l.browseClaims({ offset: 10_000 })],
    ['claims about "workers" (CLI, 1,000)', (l) => l.claims({ about: 'workers', limit: 1000 })],
    ['sources (top 50)', (l) => l.sources()],
    ['sources q "Source 4"', (l) => l.sources({ q: 'Source 4' })],
    [`sourceProfile top`, (l) => l.sourceProfile(topSource!.name)],
    ['entities (top 50)', (l) => l.entities()],
    [`entityProfile top`, (l) => l.entityProfile(topName!.name)],
    [`entityProfile mid`, (l) => l.entityProfile(midName!.name)],
    ['seriesList (top 50)', (l) => l.seriesList()],
    [`seriesPoints top (${topSeries!.measure})`, (l) => l.seriesPoints(topSeries!.measure)],
    ['summary', (l) => l.summary()],
  ];
  const time = async (l: Ledger, q: (l: Ledger) => Promise<unknown>) => {
    const once = async () => {
      const t = performance.now();
      const r = await q(l);
      return { ms: performance.now() - t, rows: Array.isArray(r) ? r.length : 1 };
    };
    const first = await once();
    const rest: number[] = [];
    for (let i = 0; i < 5; i++) rest.push((await once()).ms);
    rest.sort((a, b) => a - b);
    return { firstMs: first.ms, medianMs: rest[2]!, rows: first.rows };
  };
  const out: QueryTiming[] = [];
  for (const [query, q] of queries) out.push({ query, sqlite: await time(sqlite, q), postgres: await time(postgres, q) });
  return out;
}

async function ingestReport(server: string, ingestDocs: number, version: string): Promise<string[]> {
  const lines: string[] = [];
  process.stderr.write(`postgres bench: ingest of ${ingestDocs} generated articles, SQLite then PostgreSQL with 1, 2, 4 workers…\n`);
  const ingest = await ingestBench(server, ingestDocs);
  lines.push(`\nIngest: ${ingestDocs} generated articles, extraction + storing + cross-article links (PostgreSQL ${version}, ${(await import('node:os')).availableParallelism()} cores)`);
  lines.push(`${'run'.padEnd(46)} ${'wall s'.padStart(7)} ${'docs/s'.padStart(7)} ${'docs/s after start-up'.padStart(22)}`);
  for (const r of ingest.rows) {
    lines.push(`${r.run.padEnd(46)} ${fmt(r.seconds, 1).padStart(7)} ${fmt(r.docs / r.seconds, 1).padStart(7)} ${(r.steadyDocsPerSec ? fmt(r.steadyDocsPerSec, 1) : '').padStart(22)}`);
  }
  lines.push(`storing + linking one document (extraction done before; serial under the write lock): SQLite ${fmt(ingest.writeMs.sqlite, 1)} ms, ` +
    `PostgreSQL ${fmt(ingest.writeMs.postgres, 1)} ms → at most ~${fmt(1000 / ingest.writeMs.postgres)} documents/s into one PostgreSQL, however many workers`);
  return lines;
}

export async function postgresBench(argv: string[] = []): Promise<void> {
  const arg = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
  const server = arg('--pg') ?? process.env.TRIANGULATE_BENCH_PG ?? TEST_PG;
  let missing: string | undefined;
  try {
    missing = await postgresUnavailable(server);
  } catch (e) {
    missing = (e as Error).message;
  }
  if (missing) {
    process.stdout.write(`\nPostgreSQL bench skipped: ${missing}\n`);
    return;
  }
  const ingestDocs = Number(arg('--ingest-docs') ?? 240);
  const docs = Number(arg('--docs') ?? process.env.TRIANGULATE_WEB_BENCH_DOCS ?? 100_000);
  const version = await one<string>(server, 'SHOW server_version');
  // --pg-part ingest|queries runs one half (the query ledger takes minutes to copy the first time)
  const part = arg('--pg-part');
  let lines: string[] = [];
  const flush = () => {
    process.stdout.write(lines.join('\n') + '\n');
    lines = [];
  };
  if (part !== 'queries') {
    lines.push(...(await ingestReport(server, ingestDocs, version)));
    flush();
  }
  if (part === 'ingest') return;

  process.stderr.write(`postgres bench: query times on ${fmt(docs)} articles…\n`);
  const { sqlite, postgres, buildSeconds } = await queryLedgers(server, docs);
  try {
    const counts = await postgres.counts();
    const timings = await queryBench(sqlite, postgres);
    lines.push(`\nLedger queries on ${fmt(counts.documents)} articles, ${fmt(counts.claims)} claims, ${fmt(counts.figures)} figures, same rows in both engines` +
      (buildSeconds ? ` (copied into PostgreSQL in ${fmt(buildSeconds)} s)` : ''));
    lines.push(`${'query'.padEnd(50)} ${'SQLite first'.padStart(12)} ${'median'.padStart(8)} ${'PG first'.padStart(9)} ${'median'.padStart(8)} ${'rows'.padStart(6)}`);
    for (const t of timings) {
      const name = t.query.length > 50 ? t.query.slice(0, 49) + '…' : t.query;
      lines.push(`${name.padEnd(50)} ${fmt(t.sqlite.firstMs, 1).padStart(12)} ${fmt(t.sqlite.medianMs, 1).padStart(8)} ${fmt(t.postgres.firstMs, 1).padStart(9)} ${fmt(t.postgres.medianMs, 1).padStart(8)} ${String(t.postgres.rows).padStart(6)}` +
        (t.sqlite.rows !== t.postgres.rows ? `  (SQLite ${t.sqlite.rows} rows)` : ''));
    }
  } finally {
    await sqlite.close();
    await postgres.close();
  }
  flush();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, '/src/'))) {
  postgresBench(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
