import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from './app.ts';
import { storyLedger, HARBOUR_STORY, PORT_SERIES, article, portLedger } from './testing.ts';
import { NO_LINKS, type Links, type Statement } from './links.ts';
import { SqliteLedger } from '../store/sqlite.ts';
import { SYNDICATED, tempDbPath } from './testing.ts';
import { MAX_BODY_BYTES } from './write.ts';

let ledger: SqliteLedger;
let app: ReturnType<typeof createApp>;
const TOKEN = 'correct horse battery staple';

before(async () => {
  ledger = await storyLedger();
  app = createApp({ ledger, writeToken: TOKEN });
});
after(() => ledger.close());

const json = async (path: string, init?: RequestInit) => {
  const res = await app.request(path, init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
};

test('GET /api/summary counts what the ledger holds and says linking has not run', async () => {
  const { status, body } = await json('/api/summary');
  assert.equal(status, 200);
  assert.equal(body.documents, 5);
  assert.equal(body.claims, 7);
  assert.equal(body.linked, true, 'the ledger links articles as it stores them');
  // the story's dock workers say neither whose nor where: not a series worth following across articles
  assert.deepEqual(body.series, []);
});

test('GET /api/documents pages newest first and says whether more follow', async () => {
  const first = await json('/api/documents?limit=2');
  assert.equal(first.status, 200);
  assert.deepEqual(first.body.items.map((d: any) => d.published), ['2024-06-11', '2023-05-05']);
  assert.equal(first.body.more, true);
  const last = await json('/api/documents?limit=2&offset=4');
  assert.equal(last.body.items.length, 1);
  assert.equal(last.body.more, false);
  const one = await json(`/api/documents/${first.body.items[0].id.slice(0, 8)}`);
  assert.equal(one.status, 200);
  assert.match(one.body.document.text, /^Between 5,000/);
  assert.equal(one.body.extraction.claims.length, 1);
  assert.equal((await json('/api/documents/ffffffffffff')).status, 404);
});

test('GET /api/claims filters by source, name, words, dates, kind and outlet', async () => {
  const q = async (s: string) => (await json('/api/claims?' + s)).body.items.map((c: any) => c.source);
  assert.deepEqual(await q('source=union'), ['The dockers’ union', 'a union organiser']);
  assert.deepEqual(await q('q=night+crews'), ['a union organiser']);
  assert.deepEqual(await q('kind=direct'), ['a union organiser']);
  assert.deepEqual(await q('since=2024'), ['the transport ministry']);
  assert.deepEqual((await q('until=2023-02')).sort(), ['The authority', 'the Harbour Authority']);
  assert.deepEqual(await q('outlet=Evening&q=cranes'), []);
  // a claim with no date said counts by its article's publication date
  assert.deepEqual(await q('since=2023-05&until=2023-05'), ['Mayor José Nuñ\u0302ez']);
  // "about a name": the claim's content mentions it; a mention inside the source does not count
  assert.deepEqual(await q('entity=harbour+authority'), ['The dockers’ union']);
  assert.equal((await q('entity=Port+Halden')).length, 3);
  const rows = (await json('/api/claims?q=night')).body.items;
  assert.equal(rows[0].kind, 'direct');
  assert.equal(typeof rows[0].start, 'number');
});

test('GET /api/figures and /api/series give the ledger’s series with its points in time and its conflicts', async () => {
  const figs = await json('/api/figures?counts=dock');
  assert.equal(figs.body.items.length, 3);
  // the story's figures are linked, but say neither whose nor where: listed only with all=1
  assert.deepEqual((await json('/api/series?q=workers')).body.items, []);
  assert.deepEqual((await json('/api/series?q=workers&all=1')).body.items.map((s: any) => [s.label, s.points]), [['workers', 3]]);
  assert.equal((await json('/api/series?all=yes')).status, 400);
  const port = await portLedger();
  try {
    const app2 = createApp({ ledger: port });
    const get = async (path: string) => {
      const res = await app2.request(path);
      return { status: res.status, body: (await res.json()) as any };
    };
    const list = await get('/api/series');
    assert.deepEqual(list.body.items.map((s: any) => [s.key, s.label, s.points, s.documents, s.independent]), [[PORT_SERIES, 'Polish workers in Rotterdam', 4, 4, 4]]);
    const s = await get(`/api/series/${encodeURIComponent(PORT_SERIES)}`);
    assert.equal(s.status, 200);
    assert.equal(s.body.total, 4);
    // in the order of the time each figure refers to: the ministry's range is about 2022, though said in 2024
    assert.deepEqual(s.body.points.map((p: any) => p.value ?? `${p.min}-${p.max}`), ['5000-5500', 4000, 6500, 9000]);
    assert.deepEqual(s.body.points.map((p: any) => [p.period, p.said]), [['2022', '2024-06-10'], ['2023-02-28', '2023-02-28'], ['2023-03-01', '2023-03-01'], ['2024-06-11', '2024-06-11']]);
    assert.equal(new Date(s.body.points[0].time).toISOString().slice(0, 4), '2022');
    // only the ledger's conflict is marked: about 4,000 against 6,500, counted a day apart
    const id = s.body.conflicts[0].id;
    assert.deepEqual(s.body.points.map((p: any) => p.conflicts), [[], [id], [id], []]);
    assert.deepEqual(s.body.conflicts.map((c: any) => [c.kind, c.sides[0].value, c.sides[1].value]), [['figures', '6,500', 'about 4,000']]);
    assert.equal(s.body.points[1].sentence, 'About 4,000 Polish dock workers are employed in Rotterdam, the Harbour Authority said on Tuesday.');
    // a phrase naming the measure finds the series too
    assert.equal((await get('/api/series/polish%20workers%20in%20rotterdam')).body.series.key, PORT_SERIES);
    assert.equal((await get('/api/series/no%20such%20thing')).status, 404);
    // conflicts filtered by words of their label, before paging
    assert.deepEqual((await get('/api/conflicts?measure=polish+workers')).body.items.map((c: any) => c.measure), ['Polish workers in Rotterdam']);
    assert.deepEqual((await get('/api/conflicts?measure=polish+workers&offset=1')).body.items, []);
    assert.deepEqual((await get('/api/conflicts?measure=zeppelins')).body.items, []);
  } finally {
    await port.close();
  }
});

test('GET /api/sources and /api/entities list and profile', async () => {
  const sources = await json('/api/sources');
  assert.equal(sources.body.items[0].name, 'Harbour Authority');
  assert.equal(sources.body.items[0].claims, 2);
  const one = await json('/api/sources/harbour%20authority');
  assert.equal(one.body.name, 'Harbour Authority');
  assert.equal(one.body.said.items.length, 2);
  assert.deepEqual(one.body.outlets, [{ outlet: 'Coastal Times', claims: 2 }]);
  assert.equal((await json('/api/sources/nobody')).status, 404);
  const names = await json('/api/entities?type=GPE');
  assert.deepEqual(names.body.items.map((e: any) => [e.name, e.documents]), [['Port Halden', 3]]);
  const port = await json('/api/entities/Port%20Halden');
  assert.equal(port.body.about.items.length, 3);
  assert.ok(port.body.saidBy.some((s: any) => s.name === 'the transport ministry'));
  assert.equal((await json('/api/entities/Atlantis')).status, 404);
});

test('statements, conflicts and copies come from the ledger’s links, or say they are not linked yet', async () => {
  const l = new SqliteLedger(tempDbPath());
  await l.addAll(SYNDICATED.map(article));
  const linkedApp = createApp({ ledger: l });
  const get = async (path: string) => (await (await linkedApp.request(path)).json()) as any;
  const statements = await get('/api/statements');
  assert.equal(statements.linked, true);
  assert.equal(statements.items.length, 1);
  assert.deepEqual(statements.items[0].reports.map((r: any) => r.outlet), ['Island Post', 'Mainland Courier']);
  const one = await get(`/api/statements/${statements.items[0].id}`);
  assert.equal(one.source, 'Island Council');
  const copies = await get('/api/copies');
  assert.deepEqual(copies.items[0].documents.map((d: any) => d.outlet), ['Island Post', 'Mainland Courier']);
  assert.deepEqual((await get('/api/conflicts')).items, []);
  await l.close();

  const unlinked = createApp({ ledger, links: NO_LINKS });
  for (const path of ['/api/statements', '/api/conflicts', '/api/copies']) {
    const r = { status: (await unlinked.request(path)).status, body: (await (await unlinked.request(path)).json()) as any };
    assert.equal(r.status, 200, path);
    assert.equal(r.body.linked, false, path);
    assert.deepEqual(r.body.items, [], path);
  }
  assert.equal((await unlinked.request('/api/statements/s1')).status, 404);
  assert.equal((await json('/api/statements/999')).status, 404);
  const statement: Statement = { id: 's1', source: 'Harbour Authority', reports: [{ documentId: 'x', text: 'about 4,000 workers', start: 0, end: 19 }] };
  const links: Links = { available: true, statements: async () => [statement], statement: async (id) => (id === 's1' ? statement : undefined), conflicts: async () => [], copies: async () => [] };
  const linked = createApp({ ledger, links });
  const r = await linked.request('/api/statements');
  assert.deepEqual(((await r.json()) as any).items[0].id, 's1');
  assert.equal((await linked.request('/api/statements/s1')).status, 200);
});

test('GET /openapi.json describes every API path the app serves', async () => {
  const { status, body } = await json('/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  for (const p of ['/api/documents', '/api/documents/{id}', '/api/claims', '/api/figures', '/api/series', '/api/series/{key}', '/api/entities', '/api/entities/{name}', '/api/sources', '/api/sources/{name}', '/api/statements', '/api/conflicts', '/api/copies', '/api/summary']) {
    assert.ok(body.paths[p], `missing ${p}`);
  }
  const claimParams = body.paths['/api/claims'].get.parameters.map((p: any) => p.name);
  for (const name of ['source', 'entity', 'q', 'since', 'until', 'kind', 'outlet', 'limit', 'offset']) assert.ok(claimParams.includes(name), name);
  assert.ok(body.paths['/api/documents'].post.security);
});

test('malformed queries get a 400 that names the parameter', async () => {
  const cases: [string, RegExp][] = [
    ['/api/claims?since=last+week', /since: expected a date/],
    ['/api/claims?kind=rumour', /kind: expected one of direct/],
    ['/api/claims?limit=0', /limit: expected a whole number from 1 to 500/],
    ['/api/claims?limit=abc', /limit/],
    ['/api/claims?offset=-1', /offset/],
    ['/api/claims?sauce=union', /sauce: unknown parameter/],
    ['/api/entities?type=PLANET', /type: expected one of PERSON/],
    [`/api/claims?q=${'x'.repeat(201)}`, /q: longer than 200/],
  ];
  for (const [path, message] of cases) {
    const r = await json(path);
    assert.equal(r.status, 400, path);
    assert.match(r.type, /application\/json/);
    assert.equal(r.body.error.code, 'bad-parameter');
    assert.match(r.body.error.message, message, path);
  }
  const unknown = await json('/api/nothing-here');
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.error.message, /nothing at GET \/api\/nothing-here/);
});

test('odd search input is searched, not parsed as FTS syntax', async () => {
  const r = await json('/api/claims?q=%22unbalanced+(quote+NEAR+*');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.items, []);
});

const post = (body: BodyInit, headers: Record<string, string>, target = app, path = '/api/documents') => target.request(path, { method: 'POST', body, headers });
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

test('POST /api/documents is refused without a token on a read-only server, and with a wrong one', async () => {
  const readOnly = createApp({ ledger });
  const r = await post(JSON.stringify({ text: 'The mayor said the ferry will run.' }), { 'content-type': 'application/json' }, readOnly);
  assert.equal(r.status, 403);
  assert.match(((await r.json()) as any).error.message, /read-only.*--write-token/);
  const none = await post('{"text":"x"}', { 'content-type': 'application/json' });
  assert.equal(none.status, 401);
  const wrong = await post('{"text":"x"}', { 'content-type': 'application/json', authorization: 'Bearer guess' });
  assert.equal(wrong.status, 401);
  assert.equal(((await wrong.json()) as any).error.code, 'bad-token');
  assert.equal((await ledger.counts()).documents, 5, 'nothing was written');
});

test('POST /api/documents with the token ingests, reports duplicates, and the article is then served', async () => {
  const text = 'The ferry operator said 40 crossings a week would resume in May, according to a statement on Friday.';
  const r = await post(JSON.stringify({ text, published: '2024-04-02', outlet: 'Island Post', title: 'Ferries to resume' }), auth);
  assert.equal(r.status, 201);
  const body = (await r.json()) as any;
  assert.equal(body.ingested, 1);
  const id = body.outcomes[0].id;
  const again = await post(JSON.stringify([{ text }]), auth);
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as any).duplicate, 1);
  const doc = await json(`/api/documents/${id}`);
  assert.equal(doc.body.document.outlet, 'Island Post');
  // the path works too, and plain text takes its date from the query
  const plain = await post('Harbour pilots said two tugs were out of service.', { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain; charset=utf-8' }, app, '/documents?published=2024-05-01&outlet=Quay%20News');
  assert.equal(plain.status, 201);
  const added = (await json(`/api/documents/${((await plain.json()) as any).outcomes[0].id}`)).body.document;
  assert.deepEqual([added.published, added.outlet], ['2024-05-01', 'Quay News']);
});

test('malformed POST bodies get a 4xx that says what was wrong', async () => {
  const cases: [BodyInit, Record<string, string>, number, RegExp][] = [
    ['{"text": "unterminated', auth, 400, /not valid JSON/],
    ['{"body": "no text field"}', auth, 400, /unknown field "body"/],
    ['{"text": 42}', auth, 400, /"text" must be a string/],
    ['{"text": "   "}', auth, 400, /"text" is missing or empty/],
    ['{"text": "A port opened.", "published": "yesterday"}', auth, 400, /"published" is not a date/],
    ['[]', auth, 400, /no documents/],
    ['<doc/>', { ...auth, 'content-type': 'application/xml' }, 415, /application\/json/],
    ['1234 5678', { ...auth, 'content-type': 'text/plain' }, 422, /no words/],
  ];
  for (const [body, headers, status, message] of cases) {
    const r = await post(body, headers);
    assert.equal(r.status, status, String(body));
    assert.match(((await r.json()) as any).error.message, message, String(body));
  }
});

test('request bodies over the size limit are refused before they are read whole', async () => {
  const big = JSON.stringify({ text: 'word '.repeat(Math.ceil(MAX_BODY_BYTES / 5) + 10) });
  const r = await post(big, { ...auth, 'content-length': String(Buffer.byteLength(big)) });
  assert.equal(r.status, 413);
  assert.equal(((await r.json()) as any).error.code, 'body-too-large');
});

test('each article of the story is findable by what it says', async () => {
  for (const spec of HARBOUR_STORY) {
    const { doc } = article(spec);
    const rows = (await json(`/api/claims?document=${doc.id}`)).body.items;
    assert.equal(rows.length, spec.claims!.length);
  }
});
