/**
 * Screenshots of the reader and the figure timeline for docs/screenshots/, taken in Debian's Chromium
 * against a ledger of the examples:
 *
 *   node bin/triangulate.js ingest examples/ --db /tmp/examples.db
 *   node --import tsx src/web/screenshot.ts /tmp/examples.db [docs/screenshots]
 *
 * The reader shows the article with the most claims, one claim selected; the timeline shows the
 * series with the most articles.
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

    const [series] = await ledger.seriesList({ limit: 1 });
    if (series) {
      await page.goto(`${server.url}/figures/${encodeURIComponent(series.measure)}`);
      await page.waitForSelector('#timeline[data-points]');
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
