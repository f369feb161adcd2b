/**
 * End-to-end: a real ingest process is killed with SIGKILL in the middle of its work. The ledger
 * must pass SQLite's integrity check, every stored document must have all of its rows (claims,
 * figures, entities, times, events as its stored extraction lists them), every input the report
 * called ingested must be there, and running the same ingest again must finish the job without
 * duplicates. Readers (`triangulate claims`, `summary`) keep working while the ingest writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, writeCorpus } from './ingest-corpus.ts';

const DOCS = 300;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function reportLines(path: string): { status: string; id?: string }[] {
  if (!existsSync(path)) return [];
  // the last line may be cut short by the kill
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).flatMap((l) => {
    try {
      return [JSON.parse(l)];
    } catch {
      return [];
    }
  });
}

/** Every document row has exactly the rows its stored extraction lists. */
function checkLedger(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const docs = db.prepare('SELECT id, extraction FROM documents').all() as { id: string; extraction: string }[];
    const count = (table: string) => {
      const rows = db.prepare(`SELECT doc_id, count(*) n FROM ${table} GROUP BY doc_id`).all() as { doc_id: string; n: number }[];
      return new Map(rows.map((r) => [r.doc_id, r.n]));
    };
    const tables = { claims: count('claims'), figures: count('figures'), entities: count('entities'), times: count('times'), events: count('events') };
    const ids = new Set(docs.map((d) => d.id));
    for (const [table, byDoc] of Object.entries(tables)) for (const id of byDoc.keys()) assert.ok(ids.has(id), `${table} rows of a document that is not stored: ${id}`);
    for (const d of docs) {
      const x = JSON.parse(d.extraction) as Record<keyof typeof tables, unknown[]>;
      for (const [table, byDoc] of Object.entries(tables)) {
        assert.equal(byDoc.get(d.id) ?? 0, x[table as keyof typeof tables].length, `${d.id}: ${table} rows`);
      }
    }
    return docs.length;
  } finally {
    db.close();
  }
}

test('kill -9 in the middle of an ingest leaves a consistent ledger, and the same ingest again completes it without duplicates', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-crash-'));
  const corpus = writeCorpus(join(dir, 'corpus.jsonl'), DOCS);
  const db = join(dir, 'ledger.db');
  const report = join(dir, 'report.jsonl');
  const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', db, '--jobs', '1', '--report', report, '-q'], { stdio: 'ignore' });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let finished = false;
  void exited.then(() => (finished = true));

  // wait for the first committed batch, then read the ledger while the ingest goes on writing
  const t0 = Date.now();
  while (!finished && reportLines(report).length === 0) {
    assert.ok(Date.now() - t0 < 300_000, 'no batch was committed within five minutes');
    await sleep(100);
  }
  assert.ok(!finished, 'the corpus should take longer than one batch');
  for (let i = 0; i < 2 && !finished; i++) {
    const claims = cli(['claims', '--db', db, '--json', '--limit', '5']);
    assert.equal(claims.code, 0, `claims during an ingest: ${claims.stderr}`);
    for (const line of claims.stdout.split('\n').filter(Boolean)) JSON.parse(line);
    const summary = cli(['summary', '--db', db, '--json']);
    assert.equal(summary.code, 0, `summary during an ingest: ${summary.stderr}`);
    assert.ok(JSON.parse(summary.stdout).documents > 0);
  }
  assert.ok(!finished, 'the ingest should still be running when it is killed');
  child.kill('SIGKILL');
  assert.equal(await exited, null, 'killed, not exited');

  const stored = checkLedger(db);
  const committed = reportLines(report).filter((o) => o.status === 'ingested');
  assert.ok(stored >= committed.length && stored < DOCS, `stored ${stored}, reported ${committed.length}, of ${DOCS}`);
  const dbr = new Database(db, { readonly: true });
  const has = dbr.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (const o of committed) assert.ok(has.get(o.id), `reported as ingested but not stored: ${o.id}`);
  dbr.close();

  const again = cli(['ingest', corpus, '--db', db, '--jobs', '1', '-q']);
  assert.equal(again.code, 0, again.stderr);
  const m = /^(\d+) ingested .*?, (\d+) already in the ledger, 0 rejected/.exec(again.stdout);
  assert.ok(m, again.stdout);
  assert.equal(Number(m[1]) + Number(m[2]), DOCS);
  assert.ok(Number(m[2]) >= stored, 'everything stored before the kill is recognised');
  assert.equal(checkLedger(db), DOCS);

  const third = cli(['ingest', corpus, '--db', db, '-q']);
  assert.equal(third.code, 0, third.stderr);
  assert.match(third.stdout, new RegExp(`^0 ingested .*${DOCS} already in the ledger, 0 rejected: nothing changed`));
});
