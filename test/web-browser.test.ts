/**
 * End-to-end in a real browser: Debian's Chromium through playwright-core drives the served app over
 * a ledger built both ways (the CLI's ingest of small fixtures, and hand-made records whose spans are
 * known). A missing browser fails the run: these tests are how we know the pages work.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SqliteLedger } from '../src/store/sqlite.ts';
import { startServer, type Serving } from '../src/server/serve.ts';
import { article, HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS, PORT_SERIES, PORT_STORY, tempDbPath } from '../src/server/testing.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../src/web/browser.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let ledger: SqliteLedger;
let server: Serving;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

before(async () => {
  assert.ok(existsSync(chromiumPath()), `no browser at ${chromiumPath()}: install Debian's chromium (apt-get install chromium) or set TRIANGULATE_CHROMIUM`);
  const db = tempDbPath();
  const ingest = spawnSync(process.execPath, [join(root, 'bin/triangulate.js'), 'ingest', join(root, 'test/fixtures/web'), '--db', db, '-q'], { encoding: 'utf8' });
  // 3 = some inputs rejected: the hostile fixture must still be in (checked below); the pages are under test here
  assert.ok(ingest.status === 0 || ingest.status === 3, `triangulate ingest failed (${ingest.status}): ${ingest.stderr}`);
  ledger = new SqliteLedger(db);
  await ledger.addAll([...HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS, ...PORT_STORY].map(article));
  server = await startServer({ ledger, port: 0 });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ledger?.close();
});

const story = (i: number) => article(HARBOUR_STORY[i]!).doc.id;

test('reader: clicking a claim highlights its spans, and clicking a span selects its claim', async () => {
  await page.goto(`${server.url}/documents/${story(0)}`);
  assert.equal(await page.locator('.doc-text .sel').count(), 0);
  await page.click('#claim-c1');
  const selected = await page.locator('.doc-text .m.sel').allInnerTexts();
  // the claim's content, source and cue, in text order (the comma between them belongs to no span)
  assert.equal(selected.join(''), ['About 4,000 dock workers are employed at Port Halden', 'the Harbour Authority', 'said'].join(''));
  const background = await page.locator('.doc-text .m.sel').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, 'rgb(253, 224, 71)', 'highlighted in the selection colour');
  assert.equal(await page.getAttribute('#claim-c1', 'aria-pressed'), 'true');
  await page.click('.doc-text .m-cue >> text=expects');
  assert.equal(await page.getAttribute('#claim-c2', 'class'), 'claim-item sel');
  assert.equal(await page.locator('.doc-text .m.sel').first().innerText(), 'The authority');
  assert.match(page.url(), /\?claim=c2#claim-c2$/);
  // by keyboard: a claim takes focus and Enter (or Space) selects it
  await page.focus('#claim-c1');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#claim-c1', 'aria-pressed'), 'true');
  assert.equal((await page.locator('.doc-text .m.sel').allInnerTexts()).join(''), ['About 4,000 dock workers are employed at Port Halden', 'the Harbour Authority', 'said'].join(''));
});

test('figure timeline: points sit at the time they refer to, only the ledger’s conflict is ringed, a click opens the sentence', async () => {
  await page.goto(`${server.url}/figures/${encodeURIComponent(PORT_SERIES)}`);
  await page.waitForSelector('#timeline[data-points="4"]');
  const drawn = await page.evaluate(() => {
    const chart = (window as any).Chart.getChart(document.getElementById('timeline'));
    return chart.data.datasets.flatMap((ds: any, i: number) =>
      chart.getDatasetMeta(i).data.map((el: any, j: number) => ({ x: el.x, y: el.y, value: ds.data[j].p.shown, ring: ds.pointBorderColor[j], source: ds.label })),
    );
  });
  const at = (v: string) => drawn.find((d: any) => d.value === v);
  assert.deepEqual(drawn.map((d: any) => d.value).sort(), ['4,000', '5,000–5,500', '6,500', '9,000']);
  // the ministry's range is about 2022: drawn before the 2023 counts although it was said in June 2024, and not ringed
  assert.ok(at('5,000–5,500').x < at('4,000').x, 'the 2022 range is left of the 2023 count');
  const RED = '#dc2626';
  assert.deepEqual(['5,000–5,500', '4,000', '6,500', '9,000'].map((v) => at(v).ring === RED), [false, true, true, false]);
  // the accessible table says the same
  assert.deepEqual(await page.locator('tr.point').evaluateAll((rows) => rows.map((r) => r.classList.contains('conflict'))), [false, true, true, false]);
  assert.match(await page.locator('tr.point.conflict').first().innerText(), /conflict: 6,500/);
  assert.equal(await page.locator('#conflicts .conflict-card').count(), 1);
  const box = (await page.locator('#timeline').boundingBox())!;
  const union = at('6,500');
  await page.mouse.move(box.x + union.x, box.y + union.y);
  const tip = await page.evaluate(() => {
    const chart = (window as any).Chart.getChart(document.getElementById('timeline'));
    return chart.tooltip.getActiveElements().length ? [...chart.tooltip.title, ...chart.tooltip.body.flatMap((b: any) => b.lines), ...chart.tooltip.afterBody].join(' | ') : '';
  });
  assert.match(tip, /refers to 2023-03-01 \(as of when said\) · The stevedores’ union · Morning Ledger/);
  assert.match(tip, /said 2023-03-01 · published 2023-03-03/);
  assert.match(tip, /“The stevedores’ union said on Wednesday that 6,500 Polish dock \| workers now work shifts in Rotterdam\.”/, 'the sentence, wrapped');
  assert.match(tip, /figures disagree: against about 4,000/);
  // keyboard: a row takes focus, shows its point, and Enter opens its sentence
  await page.locator('tr.point').first().focus();
  assert.match(await page.evaluate(() => (window as any).Chart.getChart(document.getElementById('timeline')).tooltip.title.join(' ')), /refers to 2022 · the maritime ministry/);
  await Promise.all([page.waitForURL(/\/documents\//), page.mouse.click(box.x + union.x, box.y + union.y)]);
  assert.match(page.url(), new RegExp(`/documents/${article(PORT_STORY[1]!).doc.id}\\?figure=f1`));
  assert.equal(await page.locator('.doc-text .m.sel').allInnerTexts().then((t) => t.join('')), '6,500 Polish dock workers');
  await page.goto(`${server.url}/figures/${encodeURIComponent(PORT_SERIES)}`);
  await page.locator('tr.point').first().focus();
  await Promise.all([page.waitForURL(/\/documents\//), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('.doc-text .m.sel').allInnerTexts().then((t) => t.join('')), 'Between 5,000 and 5,500 Polish dock workers');
});

test('search: the top search box finds claims, and a result opens its sentence in the reader', async () => {
  await page.goto(`${server.url}/`);
  await page.fill('.top-search input', 'night crews');
  await Promise.all([page.waitForURL(/\/claims\?q=night/), page.press('.top-search input', 'Enter')]);
  const rows = await page.locator('.claims-table tbody tr').allInnerTexts();
  assert.equal(rows.length, 1);
  assert.match(rows[0]!, /Nobody counts the night crews/);
  await Promise.all([page.waitForURL(/claim=c2/), page.click('.claims-table a.claim-link')]);
  assert.equal(await page.getAttribute('#claim-c2', 'aria-pressed'), 'true');
  assert.match((await page.locator('.doc-text .m-focus').allInnerTexts()).join(''), /^“Nobody counts the night crews,” a union organiser told reporters\.$/);
  // a filter from the form narrows the list; nothing matching says so
  await page.goto(`${server.url}/claims`);
  await page.fill('input[name=source]', 'transport ministry');
  await Promise.all([page.waitForURL(/source=transport/), page.click('#claim-filters button')]);
  assert.equal(await page.locator('.claims-table tbody tr').count(), 1);
  await page.goto(`${server.url}/claims?q=zeppelin`);
  assert.equal(await page.locator('#no-results').count(), 1);
});

test('a hostile article renders inert: its script, handlers and image never run', async () => {
  const ingested = (await ledger.documentPage({ limit: 50 })).find((d) => d.published === '2023-06-02');
  assert.ok(ingested, 'the fixture was ingested by the CLI');
  for (const id of [article(HOSTILE).doc.id, ingested.id]) {
    await page.goto(`${server.url}/documents/${id}`);
    const text = await page.locator('#doc-text').innerText();
    assert.match(text, /<script>window.__pwned/);
    assert.match(text, /onmouseover=/);
    // hover over marked pieces and click the text, where an injected handler would fire
    for (const el of (await page.locator('#doc-text .m').all()).slice(0, 8)) await el.hover();
    await page.locator('#doc-text').click();
    assert.equal(await page.evaluate(() => (window as any).__pwned), undefined);
    assert.equal(await page.locator('#doc-text script, #doc-text img, h1 script, .kicker img').count(), 0);
  }
  await page.goto(`${server.url}/claims?q=berth`);
  assert.equal(await page.evaluate(() => (window as any).__pwned), undefined);
  assert.deepEqual(dialogs, []);
});
