/**
 * What is particular to the PostgreSQL ledger: schema migrations (versioned, applied once however
 * many processes start together, refused when newer), writers racing on the same names and series,
 * claim search through its GIN index, and the ingest queue's leases. What both engines share is in
 * test/ledger-contract.test.ts.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresLedger, WriteAbandoned } from './postgres.ts';
import { PG_MIGRATIONS } from './postgres/schema.ts';
import { LedgerError } from './errors.ts';
import { openLedger } from './open.ts';
import { postgresUnavailable, tempSchema, type TempSchema } from './postgres/testing.ts';
import { tsqueryOf, tsvectorOf } from './postgres/text.ts';
import { article, HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS, storyLedger } from '../server/testing.ts';
import { createApp } from '../server/app.ts';
import { IngestQueue } from '../services/queue.ts';
import { runWorker } from '../services/worker-process.ts';
import { makeDocument } from '../ingest/document.ts';

const pgMissing = await postgresUnavailable();

test('search words are split, folded and stripped of accents the same way for text and query', () => {
  assert.equal(tsvectorOf('Mayor José Nuñ\u0302ez said 4,000 ships — 한국'), `'mayor' 'jose' 'nunez' 'said' '4' '000' 'ships' '한국'`);
  assert.equal(tsqueryOf('NUÑEZ  "ships'), `'nunez' & 'ships'`);
  assert.equal(tsqueryOf(`'); DROP TABLE claims; --`), `'drop' & 'table' & 'claims'`, 'only letters and digits reach the query');
  assert.equal(tsqueryOf('?!'), undefined);
});

describe('PostgreSQL ledger', { skip: pgMissing }, () => {
  const schemas: TempSchema[] = [];
  const fresh = async () => {
    const s = await tempSchema('tri_pg');
    schemas.push(s);
    return s;
  };
  const sql = async (url: string, text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(text, values)).rows;
    } finally {
      await c.end();
    }
  };
  after(async () => {
    for (const s of schemas) await s.drop();
  });

  test('migrations run once, however many processes start on a new database at the same moment', async () => {
    const s = await fresh();
    const reports = await Promise.all([1, 2, 3, 4].map(() => PostgresLedger.migrate(s.url)));
    assert.equal(reports.filter((r) => r.from === 0).length, 1, 'one of them applied the schema');
    assert.ok(reports.every((r) => r.to === PG_MIGRATIONS.length));
    const versions = await sql(s.url, 'SELECT version FROM triangulate_migrations ORDER BY version');
    assert.deepEqual(versions.map((r) => r.version), PG_MIGRATIONS.map((_, i) => i + 1));
    const l = await openLedger(s.url);
    assert.ok(l instanceof PostgresLedger, 'a postgres:// URL opens the PostgreSQL engine');
    await l.close();
  });

  test('a database written by a newer version, or holding other tables, is refused with a clear message', async () => {
    const newer = await fresh();
    await PostgresLedger.migrate(newer.url);
    await sql(newer.url, 'INSERT INTO triangulate_migrations (version) VALUES (999)');
    await assert.rejects(PostgresLedger.open(newer.url), (e: Error) => e instanceof LedgerError && /newer Triangulate \(schema 999/.test(e.message));

    const other = await fresh();
    await sql(other.url, 'CREATE TABLE documents (id int)');
    await assert.rejects(PostgresLedger.open(other.url), /not a Triangulate ledger/);

    const empty = await fresh();
    await assert.rejects(PostgresLedger.open(empty.url, { readonly: true }), /run "triangulate migrate/);
  });

  test('an unreachable server is a LedgerError naming it, without the password', async () => {
    await assert.rejects(
      PostgresLedger.open('postgres://someone:secret@127.0.0.1:1/nowhere'),
      (e: Error) => e instanceof LedgerError && e.message.includes('127.0.0.1:1') && !e.message.includes('secret'),
    );
  });

  test('text PostgreSQL cannot hold (a NUL character) is refused with the document named', async () => {
    const s = await fresh();
    const l = await PostgresLedger.open(s.url);
    try {
      const bad = article({ text: 'The mill said output rose.\u0000 Then nothing.', claims: [] });
      await assert.rejects(l.addAll([bad]), (e: Error) => e instanceof LedgerError && e.message.includes(bad.doc.id) && /NUL/.test(e.message));
      assert.equal((await l.counts()).documents, 0);
    } finally {
      await l.close();
    }
  });

  test('a document keeps its byline, as in SQLite (migration 9)', async () => {
    const s = await fresh();
    const l = await PostgresLedger.open(s.url);
    try {
      const plain = article({ text: 'Ferry crews on the northern route stopped work at dawn.', published: '2024-09-12', claims: [] });
      const byline = 'By Ines Hallberg, Transport Correspondent';
      const signed = { doc: { ...plain.doc, byline }, extraction: plain.extraction };
      const other = article({ text: 'The union said talks would resume on Monday.', published: '2024-09-13', claims: [] });
      await l.addAll([signed, other]);
      assert.equal((await l.document(signed.doc.id))?.byline, byline);
      assert.equal((await l.document(other.doc.id))?.byline, undefined);
    } finally {
      await l.close();
    }
  });

  test('writers racing on the same names and measure make one entity and one series, not one each', async () => {
    const s = await fresh();
    const [a, b] = [await PostgresLedger.open(s.url), await PostgresLedger.open(s.url)];
    try {
      const reports = Array.from({ length: 12 }, (_, i) =>
        article({
          text: `The Halden Harbour Authority said ${4000 + i * 10} dock workers were employed at Port Halden in week ${i + 1}.`,
          published: `2024-03-${String(i + 1).padStart(2, '0')}`,
          outlet: `Outlet ${i % 3}`,
          entities: [{ name: 'Port Halden', type: 'GPE', mentions: ['Port Halden'] }, { name: 'Halden Harbour Authority', type: 'ORG', mentions: ['Halden Harbour Authority'] }],
          claims: [{ source: 'The Halden Harbour Authority', entity: 'Halden Harbour Authority', cue: 'said', content: [`${4000 + i * 10} dock workers were employed at Port Halden in week ${i + 1}`] }],
          figures: [{ text: `${4000 + i * 10} dock workers`, value: 4000 + i * 10, counts: 'dock workers', claim: 1 }],
        }),
      );
      // one document per transaction, from two connections pools at once, as workers on two machines would
      await Promise.all(reports.map((r, i) => (i % 2 ? a : b).addAll([r])));
      const places = await a.crossEntities({ q: 'port halden' });
      assert.deepEqual(places.map((e) => [e.name, e.documents, e.members.length]), [['Port Halden', 12, 12]]);
      assert.equal((await a.crossEntities({ q: 'harbour authority' })).length, 1);
      const series = (await a.series({ all: true })).filter((x) => /worker/.test(x.label));
      assert.deepEqual(series.map((x) => [x.points, x.documents]), [[12, 12]]);
      assert.deepEqual(await a.sources(), [{ name: 'Halden Harbour Authority', claims: 12, documents: 12 }]);
      assert.deepEqual(await a.seriesList(), [{ measure: 'dock worker', points: 12, documents: 12 }]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('claim search is answered from the GIN index on the tsvector, not by reading every claim', async () => {
    const s = await fresh();
    const l = await PostgresLedger.open(s.url);
    try {
      await l.addAll(HARBOUR_STORY.map(article));
      const c = new pg.Client({ connectionString: s.url });
      await c.connect();
      try {
        // on a table this small a scan is cheaper; forbidding it shows the index can answer alone
        await c.query('SET enable_seqscan = off');
        const plan = JSON.stringify((await c.query(`EXPLAIN (FORMAT JSON) SELECT doc_id FROM claims WHERE fts @@ $1::tsquery`, [tsqueryOf('night crews')])).rows);
        assert.match(plan, /claims_fts/);
      } finally {
        await c.end();
      }
      assert.deepEqual((await l.claims({ about: 'crews night' })).map((r) => r.source), ['a union organiser']);
    } finally {
      await l.close();
    }
  });

  test('the web app and API serve every page from a PostgreSQL ledger as they do from SQLite', async () => {
    const s = await fresh();
    const l = await PostgresLedger.open(s.url);
    const reference = await storyLedger();
    try {
      await l.addAll([...HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS].map(article));
      const id = article(HARBOUR_STORY[1]!).doc.id;
      const pages = ['/', '/documents', `/documents/${id}`, `/documents/${id}?claim=c1`, '/claims', '/claims?q=night+crews', '/claims?source=harbour',
        '/figures', '/figures/dock%20worker', '/sources', '/sources/Harbour%20Authority', '/entities', '/entities/Port%20Halden', '/statements', '/copies',
        '/api/summary', '/api/claims?q=workers', '/api/series', '/api/sources/Harbour%20Authority', '/api/entities/Port%20Halden', '/documents/ffffffffffff'];
      const [pgApp, sqliteApp] = [createApp({ ledger: l }), createApp({ ledger: reference })];
      for (const page of pages) {
        const [got, want] = [await pgApp.request(page), await sqliteApp.request(page)];
        assert.equal(got.status, want.status, page);
        const [a, b] = [await got.text(), await want.text()];
        if (page.startsWith('/api/')) assert.deepEqual(JSON.parse(a), JSON.parse(b), page);
      }
    } finally {
      await l.close();
      await reference.close();
    }
  });

  test('a lease that runs out passes the job on; the late worker\'s commit is abandoned, the new one\'s stands', async () => {
    const s = await fresh();
    const l = await PostgresLedger.open(s.url);
    const q = new IngestQueue(l.pool);
    try {
      const item = article(HARBOUR_STORY[0]!);
      assert.deepEqual(await q.enqueue([item.doc, item.doc]), { queued: 1, requeued: 0, alreadyQueued: 1, alreadyStored: 0 });
      const [mine] = await q.claim('slow', 5, 200);
      assert.equal(mine?.docId, item.doc.id);
      assert.deepEqual(await q.claim('fast', 5, 60_000), [], 'a leased job is not handed out twice');
      await new Promise((r) => setTimeout(r, 300));
      const [theirs] = await q.claim('fast', 5, 60_000);
      assert.equal(theirs?.attempts, 2, 'taken again once the lease ran out');
      await assert.rejects(l.write([item], q.completeInside(mine!, 'slow')), WriteAbandoned);
      assert.equal(await l.has(item.doc.id), false, 'the abandoned write left nothing');
      assert.deepEqual((await l.write([item], q.completeInside(theirs!, 'fast'))).map((r) => r.status), ['added']);
      assert.deepEqual(await q.stats(), { queued: 0, leased: 0, failed: 0 });
      assert.deepEqual(await q.enqueue([item.doc]), { queued: 0, requeued: 0, alreadyQueued: 0, alreadyStored: 1 });
    } finally {
      await l.close();
    }
  });

  test('a job whose workers keep dying under it is given up as failed, and enqueueing it again retries it', async () => {
    const s = await fresh();
    const l = await PostgresLedger.open(s.url);
    const q = new IngestQueue(l.pool);
    try {
      const doc = makeDocument({ text: 'The ferry company said 12 crossings were cancelled because of the storm.', published: '2024-01-05' });
      await q.enqueue([doc]);
      for (let i = 0; i < 3; i++) {
        assert.equal((await q.claim(`doomed-${i}`, 1, 1)).length, 1);
        await new Promise((r) => setTimeout(r, 20));
      }
      const totals = await runWorker(s.url, { jobs: 0, untilEmpty: true, maxAttempts: 3, leaseMs: 2000 });
      assert.equal(totals.failed, 1);
      assert.equal(totals.stored, 0);
      const [failed] = await q.failures();
      assert.match(failed!.error, /given up after 3 tries/);
      assert.deepEqual(await q.enqueue([doc]), { queued: 0, requeued: 1, alreadyQueued: 0, alreadyStored: 0 });
      const again = await runWorker(s.url, { jobs: 0, untilEmpty: true, leaseMs: 2000 });
      assert.equal(again.stored, 1);
      assert.ok(await l.has(doc.id));
    } finally {
      await l.close();
    }
  });
});
