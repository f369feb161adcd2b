/**
 * The Ledger contract, run against both engines: every assertion below holds for the embedded SQLite
 * ledger and for the PostgreSQL one. Then both are given the same articles (hand-made ones and real
 * news run through the extraction pipeline) and must answer every query with the same rows.
 *
 * PostgreSQL: TRIANGULATE_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres); each test
 * works in a schema of its own. Without a server the Postgres half is skipped, except on CI.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Ledger } from '../src/store/ledger.ts';
import { SqliteLedger } from '../src/store/sqlite.ts';
import { PostgresLedger } from '../src/store/postgres.ts';
import { LedgerError } from '../src/store/errors.ts';
import { postgresUnavailable, tempSchema } from '../src/store/postgres/testing.ts';
import { HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS, article, tempDbPath, type ArticleSpec } from '../src/server/testing.ts';
import { makeDocument } from '../src/ingest/document.ts';
import { extract } from '../src/nlp/pipeline.ts';
import { hasShared, sharedPath } from '../src/eval/shared.ts';
import type { Document, Extraction } from '../src/types.ts';

const pgMissing = await postgresUnavailable();

type Opened = { ledger: Ledger; done(): Promise<void> };
type Engine = { name: string; skip?: string; open(): Promise<Opened> };

const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    async open() {
      const ledger = new SqliteLedger(tempDbPath());
      return { ledger, done: () => ledger.close() };
    },
  },
  {
    name: 'postgres',
    skip: pgMissing,
    async open() {
      const schema = await tempSchema('tri_contract');
      const ledger = await PostgresLedger.open(schema.url);
      return {
        ledger,
        async done() {
          await ledger.close();
          await schema.drop();
        },
      };
    },
  },
];

async function using(engine: Engine, fn: (l: Ledger) => Promise<void>): Promise<void> {
  const { ledger, done } = await engine.open();
  try {
    await fn(ledger);
  } finally {
    await done();
  }
}

const STORY: ArticleSpec[] = [...HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS];

/** A wire story and its copy under another outlet with a new first line: one copy group. */
const WIRE_TEXT =
  'Rescue teams reached the flooded valley villages on Thursday after roads reopened, the regional emergency office said. ' +
  'About 1,200 residents spent the night in school halls and a sports centre, while volunteers handed out blankets and hot meals. ' +
  'Engineers are checking two bridges that were closed when the river rose faster than forecasts had suggested. ' +
  'The office said that power had returned to most homes, but that drinking water would have to be boiled for several more days.';
const WIRE: ArticleSpec[] = [
  {
    title: 'Valley floods: rescuers reach villages', outlet: 'Valley Wire', published: '2024-02-09', text: WIRE_TEXT,
    claims: [{ source: 'the regional emergency office', cue: 'said', content: ['Rescue teams reached the flooded valley villages on Thursday after roads reopened'], said: '2024-02-08' }],
    figures: [{ text: 'About 1,200 residents', value: 1200, qualifier: 'approximately', counts: 'residents' }],
  },
  {
    title: 'Flood update', outlet: 'Hill Courier', published: '2024-02-10', text: `VALLEY (Valley Wire) — ${WIRE_TEXT}`,
    claims: [{ source: 'the regional emergency office', cue: 'said', content: ['Rescue teams reached the flooded valley villages on Thursday after roads reopened'], said: '2024-02-08' }],
    figures: [{ text: 'About 1,200 residents', value: 1200, qualifier: 'approximately', counts: 'residents' }],
  },
];

/**
 * Denials across articles (src/link/positions.ts), invented: a position, a verdict on it in another
 * article (the verdict first, so the later position finds it), a rejection told as an apposition, and
 * a rule said not to apply (the ministry's quota) against another source that says it does.
 */
const STANCES: ArticleSpec[] = [
  {
    text: 'Coastal crews from Veldmark kept fishing off Port Halden this winter, a union said on Monday. “Calling them trainees is a legal fiction,” said Anna Berg, the union’s head.',
    published: '2023-03-06', outlet: 'Evening Gazette',
    claims: [{ source: 'Anna Berg, the union’s head', cue: 'said', kind: 'direct', content: ['“Calling them trainees is a legal fiction,”'] }],
  },
  {
    text: 'Veldmark says coastal crews in the harbour are there lawfully, mostly as trainees. The ministry has said that the crews are exempt from the quota, a reading rejected by the union and the port council.',
    published: '2023-04-12', outlet: 'Coastal Times',
    claims: [
      { source: 'Veldmark', cue: 'says', content: ['coastal crews in the harbour are there lawfully, mostly as trainees'] },
      { source: 'The ministry', cue: 'has said', content: ['that the crews are exempt from the quota, a reading rejected by the union and the port council'] },
    ],
  },
  {
    // the apposition as a claim of its own, as the claims stage may give it
    text: 'The port council has said that the night crews are exempt from the curfew, a view disputed by the harbour police.',
    published: '2023-04-20', outlet: 'Evening Gazette',
    claims: [
      { source: 'The port council', cue: 'has said', content: ['that the night crews are exempt from the curfew'] },
      { source: 'a view', cue: 'disputed', content: ['by the harbour police'] },
    ],
  },
  {
    // the quota said to apply to the crews the ministry calls exempt from it (Coastal Times, five months before)
    text: 'Port Halden’s harbour master said on Friday that the fishing quota applies to the Veldmark crews.',
    published: '2023-09-15', outlet: 'Hill Courier',
    claims: [{ source: 'Port Halden’s harbour master', cue: 'said', content: ['that the fishing quota applies to the Veldmark crews'] }],
  },
];

for (const engine of ENGINES) {
  describe(`ledger contract: ${engine.name}`, { skip: engine.skip }, () => {
    test('a document is stored once; its text, metadata and extraction come back unchanged', async () => {
      await using(engine, async (l) => {
        const items = STORY.map(article);
        assert.deepEqual((await l.addAll(items)).map((r) => r.status), items.map(() => 'added'));
        assert.deepEqual((await l.addAll([items[0]!, items[0]!])).map((r) => r.status), ['duplicate', 'duplicate']);
        assert.equal((await l.counts()).documents, items.length);
        for (const it of items) {
          assert.ok(await l.has(it.doc.id));
          const back = (await l.document(it.doc.id))!;
          assert.equal(back.text, it.doc.text);
          assert.equal(back.outlet, it.doc.outlet);
          assert.match(back.ingestedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
          assert.deepEqual(await l.extraction(it.doc.id), it.extraction);
          // every span of what was stored still slices the stored text
          for (const c of (await l.claims({ document: it.doc.id }))) assert.equal(back.text.slice(c.start, c.end).length, c.end - c.start);
        }
        const mixed = article(MIXED_SCRIPTS);
        assert.equal((await l.document(mixed.doc.id.slice(0, 7)))?.id, mixed.doc.id, 'a unique id prefix finds the document');
        assert.equal(await l.document('ffffffffffff'), undefined);
        assert.equal(await l.has('0000000000000000'), false);
      });
    });

    test('claims are found by source, words, dates, kind, outlet and document', async () => {
      await using(engine, async (l) => {
        await l.addAll(STORY.map(article));
        assert.deepEqual((await l.claims({ source: 'harbour authority' })).map((c) => c.sourceEntity), ['Harbour Authority', 'Harbour Authority']);
        assert.deepEqual((await l.claims({ about: 'night crews' })).map((c) => c.source), ['a union organiser']);
        assert.equal((await l.claims({ about: 'NIGHT' })).length, 1, 'search ignores case');
        assert.deepEqual((await l.claims({ about: 'Nunez' })).map((c) => c.source), ['Mayor José Nuñ̂ez'], 'and accents');
        assert.deepEqual((await l.claims({ about: '한국' })).map((c) => c.content), ['한국 ports had 12 ships waiting 🙂']);
        assert.equal((await l.claims({ about: '"unbalanced (quote' })).length, 0, 'odd search input is no syntax error');
        assert.equal((await l.claims({ about: '%_' })).length, 0);
        assert.deepEqual((await l.claims({ since: '2024' })).map((c) => c.said), ['2024-06-10']);
        assert.deepEqual((await l.claims({ until: '2023-02' })).map((c) => c.said), ['2023-02-28', '2023-02-28']);
        assert.equal((await l.claims({ kind: 'direct' })).length, 1);
        assert.equal((await l.claims({ outlet: 'morning' })).length, 2);
        assert.equal((await l.claims({ source: '100%' })).length, 0, 'wildcards in input are taken literally');
        const all = await l.claims();
        assert.deepEqual(all.map((c) => c.said ?? c.published), [...all.map((c) => c.said ?? c.published)].sort(), 'oldest first');
        assert.deepEqual((await l.claims({ limit: 2, offset: 1 })).map((c) => c.content), all.slice(1, 3).map((c) => c.content));
      });
    });

    test('figures and series: one measure across articles, with who said each figure', async () => {
      await using(engine, async (l) => {
        await l.addAll(STORY.map(article));
        const docks = await l.figures({ counts: 'dock' });
        assert.deepEqual(docks.map((f) => [f.value ?? `${f.min}–${f.max}`, f.source]), [
          [4000, 'Harbour Authority'],
          [6500, 'The dockers’ union'],
          ['5000–5500', 'the transport ministry'],
        ]);
        const s = await l.summary();
        assert.deepEqual(s.series, [{ measure: 'dock worker', points: 3, first: '2023-02-28', last: '2024-06-10' }]);
        assert.deepEqual(await l.seriesList(), [{ measure: 'dock worker', points: 3, documents: 3 }, { measure: 'ship', points: 1, documents: 1 }]);
        const p = await l.seriesPoints('dock worker');
        assert.equal(p.total, 3);
        assert.deepEqual(p.points.map((x) => x.title), ['Port says dock workforce has grown', 'Union disputes port figures', 'Ministry puts port jobs in a range']);
      });
    });

    test('a batch that fails midway stores nothing of that batch, and the ledger goes on working', async () => {
      await using(engine, async (l) => {
        const [good, other] = [article(HARBOUR_STORY[0]!), article(HARBOUR_STORY[1]!)];
        const broken = structuredClone(other);
        // a second figure with the same id breaks the figures' primary key after the document row was written
        broken.extraction.figures.push({ ...broken.extraction.figures[0]! });
        await assert.rejects(l.addAll([good, broken]), LedgerError);
        assert.deepEqual(await l.counts(), { documents: 0, claims: 0, figures: 0, entities: 0 });
        assert.deepEqual(await l.sources(), [], 'tallies were rolled back with the rows');
        assert.deepEqual(await l.crossEntities(), [], 'and so were the links');
        assert.deepEqual((await l.addAll([good, other])).map((r) => r.status), ['added', 'added']);
      });
    });

    test('pages: tallies, newest-first browsing, source and name profiles', async () => {
      await using(engine, async (l) => {
        await l.addAll(STORY.map(article));
        await l.addAll(HARBOUR_STORY.map(article)); // duplicates change no tally
        assert.deepEqual((await l.sources({ q: 'HARBOUR' })).map((s) => [s.name, s.claims, s.documents]), [['Harbour Authority', 2, 1], ['The harbour master', 1, 1]]);
        assert.deepEqual((await l.entities({ q: 'halden' })).map((e) => [e.name, e.documents, e.mentions, e.types]), [['Port Halden', 3, 3, ['GPE']]]);
        assert.deepEqual((await l.entities({ type: 'ORG' })).map((e) => e.name), ['Harbour Authority']);
        const docs = await l.documentPage();
        assert.deepEqual(docs.map((d) => d.published), [...docs.map((d) => d.published)].sort().reverse(), 'newest first');
        assert.equal((await l.documentPage({ outlet: 'Evening Gazette' })).length, 2);
        assert.deepEqual((await l.browseClaims({ sourceIs: 'harbour authority' })).map((c) => c.said), ['2023-02-28', '2023-02-28']);
        assert.deepEqual((await l.browseClaims({ entity: 'port halden' })).map((c) => c.source), ['the transport ministry', 'The dockers’ union', 'the Harbour Authority']);
        assert.deepEqual((await l.browseClaims({ about: 'berth' })).map((c) => c.source), ['The harbour master']);
        assert.equal((await l.browseClaims({ limit: 2 })).length, 2);
        const profile = (await l.sourceProfile('HARBOUR AUTHORITY'))!;
        assert.deepEqual([profile.name, profile.claims, profile.documents, profile.first, profile.last], ['Harbour Authority', 2, 1, '2023-02-28', '2023-02-28']);
        assert.deepEqual(profile.outlets, [{ outlet: 'Coastal Times', claims: 2 }]);
        assert.equal(await l.sourceProfile('nobody at all'), undefined);
        const halden = (await l.entityProfile('Port Halden'))!;
        assert.deepEqual([halden.documents, halden.mentions, halden.types, halden.claimsBy], [3, 3, ['GPE'], 0]);
        assert.deepEqual(halden.saidBy.map((s) => s.name).sort(), ['Harbour Authority', 'The dockers’ union', 'the transport ministry']);
        assert.equal(await l.entityProfile('Atlantis'), undefined);
      });
    });

    test('links: series with independent reports, statements, copies and entities across articles', async () => {
      await using(engine, async (l) => {
        await l.addAll([...STORY, ...WIRE].map(article));
        const copies = await l.copies();
        assert.equal(copies.length, 1);
        assert.equal(copies[0]!.original.outlet, 'Valley Wire', 'the credited wire is the original');
        assert.deepEqual(copies[0]!.copies.map((c) => c.outlet), ['Hill Courier']);
        const entities = await l.crossEntities({ q: 'halden' });
        assert.deepEqual(entities.map((e) => [e.name, e.documents]), [['Port Halden', 3]]);
        const statements = await l.statements({ all: true });
        assert.ok(statements.length > 0);
        for (const s of statements) assert.ok(s.reports.length >= 1 && s.why.every((w) => typeof w === 'string'));
        const all = await l.series({ all: true });
        const dock = all.find((s) => /worker/.test(s.label));
        assert.deepEqual([dock?.points, dock?.documents, dock?.independent], [3, 3, 3], 'the three dock worker counts are one series');
      });
    });

    test('links: a verdict on a position held in another article, a rejection told as an apposition, a rule said not to apply and said to', async () => {
      await using(engine, async (l) => {
        await l.addAll(STANCES.map(article));
        const rows = await l.conflicts({ kind: 'denial' });
        const text = (c: (typeof rows)[number], side: number) => c.sides[side].points.map((p) => p.text);
        const fiction = rows.find((c) => text(c, 1).some((t) => /legal fiction/.test(t)));
        assert.deepEqual(fiction && text(fiction, 0), ['coastal crews in the harbour are there lawfully, mostly as trainees']);
        const rejected = rows.find((c) => text(c, 1).includes('a reading rejected by the union and the port council'));
        assert.equal(rejected?.sides[1].points[0]!.source, 'the union and the port council');
        assert.match(text(rejected!, 0)[0]!, /exempt from the quota/);
        const disputed = rows.find((c) => text(c, 1).includes('a view disputed by the harbour police'));
        assert.deepEqual(disputed && [disputed.sides[1].points[0]!.source, text(disputed, 0)], ['the harbour police', ['that the night crews are exempt from the curfew']]);
        const quota = rows.find((c) => c.denial === 'applicability');
        assert.deepEqual(quota && [text(quota, 0), text(quota, 1), quota.label], [['that the crews are exempt from the quota, a reading rejected by the union and the port council'], ['that the fishing quota applies to the Veldmark crews'], 'quota: The ministry against Port Halden’s harbour master']);
        assert.deepEqual(rows.map((c) => c.denial).sort(), ['applicability', 'report', 'report', 'verdict']);
        assert.equal(rows.length, 4);
      });
    });
  });
}

// ---- both engines, same articles, same answers ----

/** Real news through the real pipeline: what the link layer sees in use. */
function newsArticles(n: number): { doc: Document; extraction: Extraction }[] {
  if (!hasShared('data', 'news', 'gum-wikinews.jsonl')) return [];
  const lines = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8').trim().split('\n').slice(0, n);
  return lines.map((line, i) => {
    const r = JSON.parse(line) as { text: string; dateCreated?: string };
    const doc = makeDocument({ text: r.text, published: r.dateCreated, outlet: `Outlet ${i % 3}`, title: `News ${i}` });
    return { doc, extraction: extract(doc) };
  });
}

/**
 * Rows in a canonical order. Rows whose sort keys tie come back in no particular order from either
 * engine, so lists are compared as sets here, and their order separately through their sort keys.
 */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canonical);
    if (!items.every((x) => x !== null && typeof x === 'object')) return items;
    return items.map((x) => [JSON.stringify(x), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((x) => x[1]);
  }
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canonical(x)]));
  return v;
}

type Keyed = Record<string, any>;

/** Every query the web app, API and CLI make, with the options they use; each list with the sort keys that order it. */
async function answers(l: Ledger): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const put = async <T,>(name: string, v: Promise<T>, order?: (row: Keyed) => unknown) => {
    // the ingest time is the only thing that differs between two ledgers fed the same articles
    const value = JSON.parse(JSON.stringify(await v, (k, x) => (k === 'ingestedAt' ? undefined : x)));
    out[name] = canonical(value);
    if (order && Array.isArray(value)) out[`${name} (order)`] = value.map(order);
  };
  const byDate = (r: Keyed) => r.said ?? r.published ?? null;
  await put('counts', l.counts());
  await put('summary', l.summary({ top: 10 }));
  await put('documents', l.documents({ limit: 500 }), (r) => [r.published, r.id]);
  await put('documentPage', l.documentPage({ limit: 500 }), (r) => [r.published, r.id]);
  await put('claims', l.claims({ limit: 5000 }), (r) => [byDate(r), r.documentId, r.start]);
  await put('claims about', l.claims({ about: 'said the government' }), (r) => [byDate(r), r.documentId, r.start]);
  await put('claims until', l.claims({ until: '2010-06', since: '2005' }), (r) => [byDate(r), r.documentId, r.start]);
  await put('figures', l.figures({ limit: 5000 }), (r) => [r.measure, r.documentId]);
  await put('browseClaims', l.browseClaims({ limit: 5000 }), (r) => [r.published, r.documentId, r.start]);
  await put('sources', l.sources({ limit: 500 }), (r) => r.claims);
  await put('entities', l.entities({ limit: 500 }), (r) => r.documents);
  await put('seriesList', l.seriesList({ limit: 500 }), (r) => [r.documents, r.points]);
  for (const s of (await l.sources({ limit: 8 })).map((x) => x.name)) {
    await put(`sourceProfile ${s}`, l.sourceProfile(s));
    await put(`browse source ${s}`, l.browseClaims({ sourceIs: s }), (r) => [r.published, r.documentId, r.start]);
  }
  for (const e of (await l.entities({ limit: 8 })).map((x) => x.name)) {
    const p = await l.entityProfile(e);
    await put(`entityProfile ${e}`, Promise.resolve(p && { ...p, types: [...p.types].sort(), roles: [...p.roles].sort(), countries: [...p.countries].sort() }));
    await put(`browse entity ${e}`, l.browseClaims({ entity: e }), (r) => [r.published, r.documentId, r.start]);
  }
  for (const m of (await l.seriesList({ limit: 5 })).map((x) => x.measure)) await put(`seriesPoints ${m}`, l.seriesPoints(m));
  await put('series', l.series({ all: true, limit: 500 }), (r) => [r.scoped, r.independent, r.points]);
  await put('series default', l.series(), (r) => [r.scoped, r.independent, r.points]);
  for (const s of (await l.series({ limit: 5 })).map((x) => x.key)) await put(`timeline ${s}`, l.seriesTimeline(s));
  await put('statements', l.statements({ all: true, limit: 500 }), (r) => r.documents);
  await put('conflicts', l.conflicts({ limit: 500 }), (r) => r.id);
  // a timeline asks for the conflicts its points are a side of, by id
  await put('conflicts by id', l.conflicts({ ids: (await l.conflicts({ limit: 500 })).filter((_, i) => i % 2 === 0).map((c) => c.id) }), (r) => r.id);
  await put('copies', l.copies({ limit: 500 }), (r) => r.id);
  await put('crossEntities', l.crossEntities({ limit: 500 }), (r) => [r.documents, r.mentions]);
  return out;
}

test('both engines give the same answers to every query on the same articles', { skip: pgMissing }, async () => {
  const items = [...[...STORY, ...WIRE, ...STANCES].map(article), ...newsArticles(16)];
  const sqlite = ENGINES[0]!;
  const postgres = ENGINES[1]!;
  let expected: Record<string, unknown> = {};
  await using(sqlite, async (l) => {
    await l.addAll(items.slice(0, 5));
    await l.addAll(items.slice(5));
    expected = await answers(l);
  });
  await using(postgres, async (l) => {
    await l.addAll(items.slice(0, 5));
    await l.addAll(items.slice(5));
    const got = await answers(l);
    assert.deepEqual(Object.keys(got), Object.keys(expected));
    for (const k of Object.keys(expected)) assert.deepEqual(got[k], expected[k], k);
  });
});
