import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../server/app.ts';
import { storyLedger, article, HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS, PORT_SERIES, portLedger } from '../server/testing.ts';
import type { SqliteLedger } from '../store/sqlite.ts';
import { SqliteLedger as Ledger } from '../store/sqlite.ts';
import { tempDbPath, SYNDICATED } from '../server/testing.ts';
import { NO_LINKS } from '../server/links.ts';

let ledger: SqliteLedger;
let app: ReturnType<typeof createApp>;
before(async () => {
  ledger = await storyLedger();
  app = createApp({ ledger });
});
after(() => ledger.close());

const page = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, headers: res.headers, body: await res.text() };
};

/**
 * The text of the marked spans of one kind, as the reader shows them: pieces cut by other spans'
 * edges are joined again when they touch (by their data-s offsets); the legend has no offsets.
 */
function marked(body: string, kind: string): string[] {
  const out: { start: number; text: string }[] = [];
  const re = new RegExp(`<span class="m [^"]*\\bm-${kind}\\b[^"]*" data-s="(\\d+)"[^>]*>([^<]*)</span>`, 'g');
  for (const m of body.matchAll(re)) {
    const text = m[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const start = Number(m[1]);
    const last = out[out.length - 1];
    if (last && last.start + last.text.length === start) last.text += text;
    else out.push({ start, text });
  }
  return out.map((r) => r.text);
}

test('the overview counts the ledger and links to the pages', async () => {
  const r = await page('/');
  assert.equal(r.status, 200);
  assert.match(r.body, /<b>5<\/b> articles/);
  assert.match(r.body, /No series followed by two or more articles yet/);
  assert.doesNotMatch(r.body, /Cross-article linking .* has not run/, 'the ledger links as it stores');
  assert.match(await (await createApp({ ledger, links: NO_LINKS }).request('/')).text(), /Cross-article linking .* has not run/);
});

test('the reader marks sources, cues, contents, figures, dates and names from the stored offsets, with a legend', async () => {
  const { doc } = article(HARBOUR_STORY[0]!);
  const r = await page(`/documents/${doc.id}`);
  assert.equal(r.status, 200);
  assert.deepEqual(marked(r.body, 'source').join('|'), 'the Harbour Authority|The authority');
  assert.deepEqual(marked(r.body, 'figure'), ['About 4,000 dock workers']);
  assert.deepEqual(marked(r.body, 'time'), ['Tuesday', '2024']);
  assert.ok(marked(r.body, 'cue').includes('expects'));
  for (const label of ['source', 'cue', 'content', 'figure', 'date', 'name']) assert.match(r.body, new RegExp(`class="m m-[a-z]+">${label}</span>`), label);
  assert.match(r.body, /id="claim-c1" data-claim="c1"/);
  // the figure piece belongs to claim c1, so selecting the claim lights it up
  assert.match(r.body, /class="m m-content m-figure" data-s="0" data-claims="c1" data-figures="f1"/);
});

test('a link to a claim selects it and marks its sentence on the server', async () => {
  const { doc } = article(HARBOUR_STORY[0]!);
  const r = await page(`/documents/${doc.id}?claim=c2`);
  assert.match(r.body, /data-select-claim="c2"/);
  assert.match(r.body, /class="claim-item sel" id="claim-c2"/);
  const focused = marked(r.body, 'focus').join('');
  assert.ok(focused.startsWith('The authority expects'), focused);
  assert.ok(!focused.includes('About 4,000'), 'only the claim’s own sentence is marked');
});

test('the reader keeps offsets exact with emoji, combining marks, Cyrillic and Hangul', async () => {
  const { doc, extraction } = article(MIXED_SCRIPTS);
  const r = await page(`/documents/${doc.id}`);
  assert.deepEqual(marked(r.body, 'source'), [extraction.claims[0]!.source!.text]);
  assert.deepEqual(marked(r.body, 'figure'), ['12 ships']);
  assert.equal(marked(r.body, 'content').join(''), '한국 ports had 12 ships waiting 🙂');
});

test('the reader shows who wrote the article, as text', async () => {
  const l = new Ledger(tempDbPath());
  try {
    const plain = article({ text: 'Ferry crews on the northern route stopped work at dawn.', published: '2024-09-12', outlet: 'Coastal Times', claims: [] });
    await l.addAll([{ doc: { ...plain.doc, byline: 'By Ines Hallberg <b>Transport</b>' }, extraction: plain.extraction }]);
    const body = await (await createApp({ ledger: l }).request(`/documents/${plain.doc.id}`)).text();
    assert.match(body, /<div class="byline">By Ines Hallberg &lt;b&gt;Transport&lt;\/b&gt;<\/div>/);
  } finally {
    await l.close();
  }
});

test('a hostile article is shown as text: no tag, attribute or URL from it reaches the markup', async () => {
  const { doc } = article(HOSTILE);
  const r = await page(`/documents/${doc.id}`);
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.body, /<script>window/);
  assert.doesNotMatch(r.body, /<img src=x/);
  assert.doesNotMatch(r.body, /" onmouseover="/);
  assert.doesNotMatch(r.body, /href="javascript:/i);
  assert.match(r.body, /&lt;script&gt;window.__pwned = 4&lt;\/script&gt;/);
  assert.match(r.body, /&quot; onmouseover=&quot;window.__pwned=5&quot;/);
  assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const list = await page('/claims?q=berth');
  assert.doesNotMatch(list.body, /<script>window/);
  assert.doesNotMatch(list.body, /<img src=x/);
});

test('the claims browser filters, explains empty results, and links rows to their sentence', async () => {
  const r = await page('/claims?q=night+crews');
  assert.equal(r.status, 200);
  const { doc } = article(HARBOUR_STORY[1]!);
  assert.match(r.body, new RegExp(`href="/documents/${doc.id}\\?claim=c2#claim-c2"`));
  assert.match(r.body, /value="night crews"/);
  const none = await page('/claims?source=nobody+at+all');
  assert.match(none.body, /No claims match these filters/);
  const bad = await page('/claims?since=soon');
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get('content-type') ?? '', /text\/html/);
  assert.match(bad.body, /since: expected a date/);
});

test('the figure timeline draws the ledger’s series, marks only its conflicts, and takes the chart library from this server', async () => {
  const port = await portLedger();
  const portApp = createApp({ ledger: port });
  const list = await (await portApp.request('/figures')).text();
  assert.match(list, new RegExp(`href="/figures/${encodeURIComponent(PORT_SERIES)}">Polish workers in Rotterdam</a>`));
  assert.match(await (await portApp.request('/')).text(), /Polish workers in Rotterdam/);
  const r = { status: 0, body: '' };
  const res = await portApp.request(`/figures/${encodeURIComponent(PORT_SERIES)}`);
  [r.status, r.body] = [res.status, await res.text()];
  await port.close();
  assert.equal(r.status, 200);
  const data = JSON.parse(/<script type="application\/json" id="timeline-data">(.*?)<\/script>/s.exec(r.body)![1]!);
  assert.deepEqual(data.points.map((p: any) => [p.shown, p.period, p.said]), [
    ['5,000–5,500', '2022', '2024-06-10'],
    ['4,000', '2023-02-28 (as of when said)', '2023-02-28'],
    ['6,500', '2023-03-01 (as of when said)', '2023-03-01'],
    ['9,000', '2024-06-11 (as of when said)', '2024-06-11'],
  ]);
  assert.deepEqual(data.points.map((p: any) => p.conflicts.map((c: any) => c.against)), [[], ['6,500'], ['about 4,000'], []]);
  // the table says the same: the 2022 range said in June 2024 is no conflict, and the conflict is listed with both sides
  const rows = [...r.body.matchAll(/<tr class="point( conflict)?" data-point="(\d)"/g)].map((m) => !!m[1]);
  assert.deepEqual(rows, [false, true, true, false]);
  assert.match(r.body, /<article class="conflict-card" id="conflict-\d+">/);
  assert.match(r.body, /6,500 <span class="muted">against<\/span> about 4,000/);
  assert.match(r.body, /href="\/documents\/[0-9a-f]+\?figure=f1#doc-text">About 4,000 Polish dock workers<\/a>/);
  assert.match(r.body, /<script src="\/assets\/chart.umd.min.js" defer>/);
  assert.doesNotMatch(r.body, /https?:\/\/[^"]*\.js/, 'no script from elsewhere');
  const lib = await app.request('/assets/chart.umd.min.js');
  assert.equal(lib.status, 200);
  assert.match(lib.headers.get('content-type') ?? '', /javascript/);
  const again = await app.request('/assets/chart.umd.min.js', { headers: { 'if-none-match': lib.headers.get('etag')! } });
  assert.equal(again.status, 304);
  assert.equal((await page('/figures/nothing')).status, 404);
  assert.match((await page('/figures?all=1')).body, /href="\/figures\/count%7Clabour%7C%7C%7C%7C">workers<\/a>/);
});

test('a hostile figure on a timeline stays text: in the table, the conflict list and the chart’s data', async () => {
  const port = await portLedger();
  const text = 'The harbour master said about 9,000 Polish dock workers </script><script>window.__pwned=7</script> are in Rotterdam " onmouseover="window.__pwned=8".';
  await port.addAll([
    article({
      title: '<img src=x onerror="window.__pwned=9">',
      outlet: '</script><b>Outlet</b>',
      published: '2023-03-02',
      text,
      entities: [{ name: 'Rotterdam', type: 'GPE', mentions: ['Rotterdam'] }],
      claims: [{ source: 'The harbour master', cue: 'said', content: [text.slice(text.indexOf('about'), -1)], said: '2023-02-28' }],
      figures: [{ text: 'about 9,000 Polish dock workers', value: 9000, qualifier: 'approximately', counts: 'Polish dock workers', claim: 1 }],
    }),
  ]);
  const body = await (await createApp({ ledger: port }).request(`/figures/${encodeURIComponent(PORT_SERIES)}`)).text();
  await port.close();
  assert.doesNotMatch(body, /<script>window/);
  assert.doesNotMatch(body, /<b>Outlet/);
  assert.doesNotMatch(body, /<img src=x/);
  assert.match(body, /&lt;\/script&gt;&lt;script&gt;window.__pwned=7/);
  // the chart's data block cannot be closed from inside a string
  const block = /<script type="application\/json" id="timeline-data">(.*?)<\/script>/s.exec(body)![1]!;
  const data = JSON.parse(block);
  const hostile = data.points.find((p: any) => p.shown === '9,000' && p.said === '2023-02-28');
  assert.equal(hostile.outlet, '</script><b>Outlet</b>');
  assert.match(hostile.sentence, /<\/script><script>window.__pwned=7<\/script>/);
  // about 9,000 on the same day as about 4,000, from another source: the ledger's conflict, listed as text
  assert.ok(hostile.conflicts.length > 0);
});

test('source and name pages show who said what, and about whom', async () => {
  const src = await page('/sources/Harbour%20Authority');
  assert.equal(src.status, 200);
  assert.match(src.body, /What Harbour Authority said/);
  assert.match(src.body, /the figure to rise once the new quay opens/);
  const name = await page('/entities/Port%20Halden');
  assert.match(name.body, /What was said about Port Halden/);
  assert.match(name.body, /the transport ministry/);
  for (const path of ['/documents', '/sources', '/entities', '/figures', '/entities?type=ORG']) assert.equal((await page(path)).status, 200, path);
});

test('statements and copies say honestly that linking has not run', async () => {
  const unlinked = createApp({ ledger, links: NO_LINKS });
  for (const path of ['/statements', '/copies']) {
    const r = await unlinked.request(path);
    assert.equal(r.status, 200);
    assert.match(await r.text(), /id="not-linked"/);
  }
  assert.equal((await unlinked.request('/statements/1')).status, 404);
  assert.match((await page('/statements')).body, /No statement is reported by more than one article/);
});

test('a statement shows its reports side by side with the reworded words marked; copies are grouped', async () => {
  const l = new Ledger(tempDbPath());
  await l.addAll(SYNDICATED.map(article));
  const linked = createApp({ ledger: l });
  const list = await (await linked.request('/statements')).text();
  const id = /href="\/statements\/(\d+)"/.exec(list)![1];
  const one = await (await linked.request(`/statements/${id}`)).text();
  const reports = one.slice(one.indexOf('class="side-by-side"'));
  assert.deepEqual([...reports.matchAll(/<mark class="diff">([^<]*)<\/mark>/g)].map((m) => m[1]), ['some']);
  assert.match(one, /Island Post/);
  assert.match(one, /Mainland Courier/);
  const copies = await (await linked.request('/copies')).text();
  assert.match(copies, /2 articles, one text/);
  assert.match(copies, /<span class="tag">original<\/span>/);
  await l.close();
});

test('an empty ledger shows how to fill it', async () => {
  const empty = new Ledger(tempDbPath());
  const r = await createApp({ ledger: empty }).request('/');
  assert.match(await r.text(), /The ledger is empty/);
  await empty.close();
});
