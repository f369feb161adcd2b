/**
 * Static files the pages use, served by the app itself so that it works offline: our stylesheet and
 * scripts from src/web/assets, and Chart.js from node_modules (installed by `npm install`, never a CDN).
 * Read once at start; answered with an ETag so a browser revalidates instead of downloading again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const here = dirname(fileURLToPath(import.meta.url));
const chartDist = dirname(createRequire(import.meta.url).resolve('chart.js'));

type Asset = { body: Buffer; type: string; etag: string };

function load(path: string, type: string): Asset {
  const body = readFileSync(path);
  return { body, type, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` };
}

const ASSETS: Record<string, Asset> = {
  'app.css': load(join(here, 'assets', 'app.css'), 'text/css; charset=utf-8'),
  'app.js': load(join(here, 'assets', 'app.js'), 'text/javascript; charset=utf-8'),
  'timeline.js': load(join(here, 'assets', 'timeline.js'), 'text/javascript; charset=utf-8'),
  'chart.umd.min.js': load(join(chartDist, 'chart.umd.min.js'), 'text/javascript; charset=utf-8'),
};

export function assetRoute(c: Context): Response {
  const asset = ASSETS[c.req.param('name') ?? ''];
  if (!asset) return c.json({ error: { status: 404, code: 'not-found', message: `no asset ${c.req.param('name')}` } }, 404);
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { ETag: asset.etag });
  return c.body(new Uint8Array(asset.body), 200, { 'Content-Type': asset.type, ETag: asset.etag, 'Cache-Control': 'no-cache' });
}
