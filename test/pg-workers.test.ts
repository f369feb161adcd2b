/**
 * Many workers, one PostgreSQL ledger, driven through the real CLI as a deployment would run it:
 * `triangulate enqueue` fills the queue, several `triangulate worker` processes drain it at once, one
 * of them killed with SIGKILL in the middle. Afterwards every document must be stored exactly once
 * and the cross-article links (series, statements, entities, copies) must be those a single process
 * makes from the same articles.
 */
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PostgresLedger } from '../src/store/postgres.ts';
import { postgresUnavailable, tempSchema, type TempSchema } from '../src/store/postgres/testing.ts';
import { makeDocument } from '../src/ingest/document.ts';
import type { Ledger } from '../src/store/ledger.ts';
import { workerCorpus, writeCorpus } from './pg-corpus.ts';

const pgMissing = await postgresUnavailable();
const root = resolve(fileURLToPath(import.meta.url), '../..');
const bin = join(root, 'bin', 'triangulate.js');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Worker = { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> };

function startWorker(url: string, extra: string[] = []): Worker {
  const child = spawn(process.execPath, [bin, 'worker', '--db', url, '--until-empty', '--jobs', '0', '--lease', '3', ...extra], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** What linking decided, in terms that do not depend on the order documents were committed in. */
async function links(l: Ledger) {
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    counts: await l.counts(),
    series: sorted((await l.series({ all: true, limit: 10_000 })).map((s) => `${s.key} points=${s.points} documents=${s.documents} independent=${s.independent}`)),
    statements: sorted((await l.statements({ all: true, limit: 10_000 })).map((s) => sorted(s.reports.map((r) => `${r.documentId}:${r.claimIds.join('+')}`)).join(' '))),
    entities: sorted((await l.crossEntities({ limit: 10_000 })).map((e) => `${e.type} ` + sorted(e.members.map((m) => `${m.documentId}:${m.entityId}`)).join(' '))),
    copies: sorted((await l.copies({ limit: 10_000 })).map((g) => `${g.original.documentId} <- ${sorted(g.copies.map((c) => c.documentId)).join(',')}`)),
    conflicts: (await l.conflicts({ limit: 10_000 })).length,
  };
}

/** Equal link views, or a message naming only what differs. */
function assertSameLinks(got: Awaited<ReturnType<typeof links>>, want: Awaited<ReturnType<typeof links>>, what: string): void {
  assert.deepEqual(got.counts, want.counts, `${what}: counts`);
  assert.equal(got.conflicts, want.conflicts, `${what}: conflicts`);
  for (const k of ['series', 'statements', 'entities', 'copies'] as const) {
    const extra = got[k].filter((x) => !want[k].includes(x));
    const missing = want[k].filter((x) => !got[k].includes(x));
    assert.ok(!extra.length && !missing.length && got[k].length === want[k].length, `${what}: ${k} differ\n  only here: ${extra.join('\n    ')}\n  only in the single-process ingest: ${missing.join('\n    ')}`);
  }
}

async function jobsLeft(url: string): Promise<{ state: string; n: number }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(`SELECT state, count(*)::int AS n FROM ingest_jobs GROUP BY state ORDER BY state`)).rows;
  } finally {
    await c.end();
  }
}

describe('ingest workers on one PostgreSQL ledger', { skip: pgMissing }, () => {
  const corpusPath = join(mkdtempSync(join(tmpdir(), 'tri-pg-workers-')), 'corpus.jsonl');
  const records = workerCorpus({ news: 2 });
  const docs = records.map((r) => makeDocument(r));
  const ids = new Set(docs.map((d) => d.id));
  const schemas: TempSchema[] = [];

  before(() => writeCorpus(corpusPath, records));

  after(async () => {
    for (const s of schemas) await s.drop();
  });

  /**
   * The single-process ingest the workers must agree with: the extractions the workers stored,
   * written again by one writer, one document at a time, in file order. (Taking the workers' own
   * extractions keeps this a test of storing and linking, whatever the nlp stages find.)
   */
  async function singleProcess(from: Ledger): Promise<Awaited<ReturnType<typeof links>>> {
    const s = await tempSchema('tri_workers_ref');
    schemas.push(s);
    const ledger = await PostgresLedger.open(s.url);
    try {
      for (const doc of docs) {
        const extraction = await from.extraction(doc.id);
        assert.ok(extraction, `document ${doc.id} was stored`);
        await ledger.addAll([{ doc, extraction }]);
      }
      return await links(ledger);
    } finally {
      await ledger.close();
    }
  }

  test('three workers at once: every document stored once, links as a single process makes them', async () => {
    const s = await tempSchema('tri_workers_many');
    schemas.push(s);
    const queued = cli(['enqueue', corpusPath, '--db', s.url]);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stdout, new RegExp(`^${ids.size} queued`));
    const again = cli(['enqueue', corpusPath, '--db', s.url]);
    assert.match(again.stdout, new RegExp(`^0 queued, ${ids.size} already queued`), 'enqueueing twice queues nothing twice');

    const workers = [startWorker(s.url), startWorker(s.url), startWorker(s.url)];
    const results = await Promise.all(workers.map((w) => w.exited));
    let stored = 0;
    for (const r of results) {
      assert.equal(r.code, 0, r.stderr);
      stored += Number(/worker: (\d+) stored/.exec(r.stdout)?.[1]);
    }
    assert.equal(stored, ids.size, 'each document was stored by exactly one worker');
    assert.deepEqual(await jobsLeft(s.url), [], 'the queue is empty');
    const ledger = await PostgresLedger.open(s.url);
    try {
      const got = await links(ledger);
      assert.equal(got.counts.documents, ids.size);
      assert.ok(got.series.some((x) => !/documents=1 /.test(x)), 'the corpus gives series across articles');
      assert.ok(got.entities.some((e) => e.split(' ').length > 2), 'and entities named in several articles');
      assertSameLinks(got, await singleProcess(ledger), 'three workers');
    } finally {
      await ledger.close();
    }
    const late = cli(['enqueue', corpusPath, '--db', s.url]);
    assert.match(late.stdout, new RegExp(`^0 queued, 0 already queued, ${ids.size} already in the ledger`));
  });

  test('a worker killed with SIGKILL mid-ingest loses nothing; the others finish its jobs, each once', async () => {
    const s = await tempSchema('tri_workers_kill');
    schemas.push(s);
    assert.equal(cli(['enqueue', corpusPath, '--db', s.url]).code, 0);
    const victim = startWorker(s.url);
    const c = new pg.Client({ connectionString: s.url });
    await c.connect();
    let held: number[] = [];
    try {
      // wait until it has stored something and holds jobs it has not finished
      for (let tries = 0; tries < 600; tries++) {
        const done = (await c.query('SELECT count(*)::int AS n FROM documents')).rows[0].n as number;
        held = (await c.query(`SELECT id FROM ingest_jobs WHERE locked_by LIKE $1 AND locked_until > now()`, [`%:${victim.child.pid}:%`])).rows.map((r) => r.id);
        if (done >= 2 && held.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(held.length > 0, 'the worker to be killed holds jobs');
      victim.child.kill('SIGKILL');
      const gone = await victim.exited;
      assert.equal(gone.signal, 'SIGKILL');
      const stuck = (await c.query('SELECT count(*)::int AS n FROM ingest_jobs WHERE id = ANY($1)', [held])).rows[0].n as number;
      assert.ok(stuck > 0, 'its jobs are still on the queue, leased to a dead worker');
    } finally {
      await c.end();
    }
    const rest = await Promise.all([startWorker(s.url), startWorker(s.url)].map((w) => w.exited));
    for (const r of rest) assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await jobsLeft(s.url), [], 'every job was done, none given up');
    const ledger = await PostgresLedger.open(s.url);
    try {
      // nothing lost, nothing doubled, links as a single process makes them
      const got = await links(ledger);
      assert.equal(got.counts.documents, ids.size);
      assertSameLinks(got, await singleProcess(ledger), 'after the kill');
    } finally {
      await ledger.close();
    }
  });
});
