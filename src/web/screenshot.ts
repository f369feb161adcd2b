/**
 * Screenshots of the reader and the figure timeline for docs/screenshots/, taken in Debian's Chromium
 * (with fonts-noto-cjk installed, or Hangul shows as boxes) against a ledger of the example articles:
 *
 *   node bin/triangulate.js ingest examples/*.txt examples/*.jsonl --db /tmp/examples.db
 *   node --import tsx src/web/screenshot.ts /tmp/examples.db [docs/screenshots]
 *
 * The reader shows the article with the most claims, one claim selected; the timeline shows the
 * ledger's series followed by the most independent articles, its earliest point hovered.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SqliteLedger } from '../store/sqlite.ts';
import { startServer } from '../server/serve.ts';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';

async function main(db: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const ledger = new SqliteLedger(db);
  const server = await startServer({ ledger, port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const docs = await ledger.documentPage({ limit: 500 });
    let best = { id: docs[0]!.id, claims: -1 };
    for (const d of docs) {
      if (!d.outlet || !d.published) continue;
      const n = (await ledger.extraction(d.id))!.claims.length;
      if (n > best.claims) best = { id: d.id, claims: n };
    }
    const x = (await ledger.extraction(best.id))!;
    const claim = x.claims.find((c) => c.source && c.cue && c.figures.length) ?? x.claims[0];
    await page.goto(`${server.url}/documents/${best.id}${claim ? `?claim=${claim.id}` : ''}`);
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(outDir, 'reader.png') });

    const [series] = await ledger.series({ limit: 1 });
    if (series) {
      await page.goto(`${server.url}/figures/${encodeURIComponent(series.key)}`);
      await page.waitForSelector('#timeline[data-points]');
      // hover the point that refers to the earliest time: its tooltip (the period, the date said, the
      // sentence) falls over the start of the chart and leaves the rest of the series in view
      const first = await page.evaluate(() => {
        const chart = (window as any).Chart.getChart(document.getElementById('timeline'));
        let best: { x: number; y: number } | undefined;
        chart.data.datasets.forEach((_: unknown, i: number) => {
          for (const el of chart.getDatasetMeta(i).data) if (!best || el.x < best.x) best = { x: el.x, y: el.y };
        });
        return best;
      });
      const box = await page.locator('#timeline').boundingBox();
      if (first && box) await page.mouse.move(box.x + first.x, box.y + first.y);
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(outDir, 'timeline.png') });
    }
  } finally {
    await browser.close();
    await server.close();
    await ledger.close();
  }
}

main(process.argv[2] ?? 'triangulate.db', process.argv[3] ?? 'docs/screenshots').catch((e) => {
  console.error(e);
  process.exit(1);
});
