/**
 * The figure timeline in Debian's Chromium over the example articles, ingested by the CLI as a user
 * would: the series of North Korean workers in Russia, where the intelligence service's estimate for
 * the end of 2023 is repeated by articles of 2025, next to 2025's own estimates. The timeline must
 * draw it in 2023 and leave it unmarked, and ring only the conflict the ledger found (the interior
 * ministry's "about 3,000" permits against the monitor's "at least 10,000" for 2024). A missing browser
 * fails the run.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SqliteLedger } from '../src/store/sqlite.ts';
import { startServer, type Serving } from '../src/server/serve.ts';
import { tempDbPath } from '../src/server/testing.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../src/web/browser.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let ledger: SqliteLedger;
let server: Serving;
let browser: Browser;
let page: Page;

before(async () => {
  assert.ok(existsSync(chromiumPath()), `no browser at ${chromiumPath()}: install Debian's chromium (apt-get install chromium) or set TRIANGULATE_CHROMIUM`);
  const db = tempDbPath();
  // the articles (not the folder's README and story notes)
  const articles = readdirSync(join(root, 'examples')).filter((f) => /\.(txt|jsonl)$/.test(f)).map((f) => join(root, 'examples', f));
  const ingest = spawnSync(process.execPath, [join(root, 'bin/triangulate.js'), 'ingest', ...articles, '--db', db, '-q'], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, `triangulate ingest failed: ${ingest.stderr}`);
  ledger = new SqliteLedger(db);
  server = await startServer({ ledger, port: 0 });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await ledger?.close();
});

type Drawn = { x: number; text: string; period: string; published: string; ring: string; conflicts: string[] };

test('examples: an estimate for 2023 reported in 2025 sits in 2023 unmarked; only the ledger’s conflict is ringed, in the chart and the table alike', async () => {
  // offline: every request the page makes goes to this server, and none fails
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  await page.goto(`${server.url}/figures/${encodeURIComponent('north korean workers in russia')}`);
  assert.equal(await page.locator('h1').innerText(), 'North Korean workers in Russia');
  await page.waitForSelector('#timeline[data-points]');
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
  assert.deepEqual(failed, []);
  const drawn: Drawn[] = await page.evaluate(() => {
    const chart = (window as any).Chart.getChart(document.getElementById('timeline'));
    return chart.data.datasets.flatMap((ds: any, i: number) =>
      chart.getDatasetMeta(i).data.map((el: any, j: number) => {
        const p = ds.data[j].p;
        return { x: el.x, text: p.text, period: p.period, published: p.published, ring: ds.pointBorderColor[j], conflicts: p.conflicts.map((c: any) => c.against) };
      }),
    );
  });
  const RED = '#dc2626';
  const endOf2023 = drawn.filter((d) => d.period === '2023 (end)');
  assert.ok(endOf2023.some((d) => /4,000/.test(d.text) && d.published.startsWith('2025')), 'the end-of-2023 estimate is repeated by a 2025 article');
  const of2025 = drawn.filter((d) => d.period.startsWith('2025-01') && /12,000/.test(d.text));
  assert.ok(of2025.length, 'January 2025’s estimate of about 12,000');
  for (const d of endOf2023) {
    assert.notEqual(d.ring, RED, `${d.text} (${d.published}) is not ringed`);
    assert.deepEqual(d.conflicts, []);
    assert.ok(d.x < Math.min(...of2025.map((e) => e.x)), `${d.text} (published ${d.published}) is drawn before 2025`);
  }
  const ringed = drawn.filter((d) => d.ring === RED);
  assert.ok(ringed.length, 'the ledger’s conflict is ringed');
  for (const d of ringed) {
    assert.match(d.text, /10,000/i);
    assert.equal(d.period, '2024');
    assert.deepEqual(d.conflicts, ['about 3,000']);
  }
  // every ringed point is one the ledger put in a conflict, and no other
  assert.deepEqual(drawn.map((d) => d.ring === RED), drawn.map((d) => d.conflicts.length > 0));

  // the accessible table says the same
  const rows = await page.locator('tr.point').evaluateAll((trs) => trs.map((tr) => ({ when: (tr.children[0] as HTMLElement).innerText, conflict: tr.classList.contains('conflict'), text: (tr as HTMLElement).innerText })));
  assert.ok(rows.filter((r) => r.when === '2023 (end)').length >= 2);
  for (const r of rows.filter((r) => r.when === '2023 (end)')) assert.equal(r.conflict, false, r.text);
  assert.equal(rows.filter((r) => r.conflict).length, ringed.length);
  for (const r of rows.filter((r) => r.conflict)) assert.match(r.text, /conflict: about 3,000/);
  const cards = await page.locator('#conflicts .conflict-card h3').allInnerTexts();
  assert.deepEqual(cards.map((c) => c.replace(/\s+/g, ' ')), ['figures disagree about 3,000 against at least 10,000 · 2024']);
  // Hangul in a source's name is text, not boxes' worth of missing glyphs: a CJK font is installed
  const hangul = await page.evaluate(() => document.fonts.check('16px sans-serif', '국가정보원'));
  assert.ok(hangul, 'a font with Hangul is available (apt-get install fonts-noto-cjk)');
});
