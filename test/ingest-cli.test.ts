/**
 * End-to-end: the `ingest` and `extract` commands on real inputs: a saved page, feeds, compressed
 * files, standard input, the size limit, the per-input report written with a worker pool, and exit
 * codes. Every span of every record must slice back to its text (pages in several scripts included).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Extraction } from '../src/types.ts';
import { badSpans } from '../src/util/spans.ts';
import { SqliteLedger } from '../src/store/sqlite.ts';
import { BIN, ROOT } from './ingest-corpus.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'ingest');

function cli(args: string[], input?: Buffer | string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inputsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tri-ingest-cli-'));
  copyFileSync(join(FIXTURES, 'news-page.html'), join(dir, 'page.html'));
  copyFileSync(join(FIXTURES, 'feed.rss'), join(dir, 'feed.rss'));
  writeFileSync(join(dir, 'atom.xml.gz'), gzipSync(readFileSync(join(FIXTURES, 'feed.atom'))));
  writeFileSync(join(dir, 'world.html'), `<!doctype html><html><head><meta property="article:published_time" content="2024-06-03"></head><body><article>
    <p>Мэр Новограда заявил в понедельник, что 300 семей эвакуировали. The mayor of Novograd said on Monday that 300 families were evacuated 🚒.</p>
    <p>서울시는 화요일 새 다리가 봄에 개통된다고 밝혔다. Seoul city officials said on Tuesday that the bridge would open in spring.</p>
    <p>Le maire a de\u0301clare\u0301 que 40 navires attendaient, according to the port authority.</p></article></body></html>`);
  return dir;
}

test('ingest with a worker pool: pages, feeds and gzip in, a per-input report out, every outcome accounted for', () => {
  const dir = inputsFolder();
  const db = join(mkdtempSync(join(tmpdir(), 'tri-ingest-cli-db-')), 'ledger.db');
  const report = join(dir, '..', `report-${process.pid}.jsonl`);
  const r = cli(['ingest', dir, '--db', db, '--jobs', '2', '--report', report, '-q']);
  assert.equal(r.code, 3, 'an empty feed item was rejected, so the exit code says so');
  assert.match(r.stdout, /^7 ingested \(\d+ claims, \d+ figures\), 0 already in the ledger, 1 rejected/);
  assert.match(r.stderr, /rejected \(empty\): .*feed\.rss#4/);
  const lines = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { origin: string; status: string });
  assert.deepEqual(
    lines.map((o) => `${o.status} ${o.origin.replace(/^.*\//, '')}`),
    ['ingested atom.xml.gz#1', 'ingested atom.xml.gz#2', 'ingested feed.rss#1', 'ingested feed.rss#2', 'ingested feed.rss#3', 'rejected feed.rss#4', 'ingested page.html', 'ingested world.html'],
  );
  const again = cli(['ingest', dir, '--db', db, '--jobs', '1', '-q']);
  assert.match(again.stdout, /^0 ingested .*7 already in the ledger, 1 rejected/);
  const show = cli(['summary', '--db', db, '--json']);
  assert.equal(JSON.parse(show.stdout).documents, 7);
});

test('pages in several scripts: every stored span slices back to the document text, and extract prints what ingest stores', async () => {
  const dir = inputsFolder();
  const files = [join(dir, 'world.html'), join(dir, 'page.html')];
  const db = join(mkdtempSync(join(tmpdir(), 'tri-ingest-cli-db-')), 'ledger.db');
  assert.equal(cli(['ingest', ...files, '--db', db, '--jobs', '2', '-q']).code, 0);
  const r = cli(['extract', ...files, '--json', '--jobs', '0']);
  assert.equal(r.code, 0, r.stderr);
  const printed = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Extraction);
  assert.equal(printed.length, 2);
  assert.equal(printed[0]!.document.published, '2024-06-03');
  const ledger = new SqliteLedger(db, { readonly: true });
  try {
    for (const x of printed) {
      const doc = (await ledger.document(x.document.id))!;
      assert.ok(doc, `stored: ${x.document.id}`);
      assert.deepEqual(badSpans(doc.text, x), []);
      assert.deepEqual(await ledger.extraction(doc.id), x, 'worker threads and the main thread extract the same');
    }
    const world = (await ledger.document(printed[0]!.document.id))!;
    assert.ok(world.text.includes('Мэр Новограда') && world.text.includes('서울시는') && world.text.includes('🚒') && world.text.includes('déclaré'));
  } finally {
    await ledger.close();
  }
});

test('standard input: a page piped in, gzip or not, is ingested; the size limit rejects what is over it', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'tri-ingest-cli-db-')), 'ledger.db');
  const page = readFileSync(join(FIXTURES, 'news-page.html'));
  const r = cli(['ingest', '-', '--db', db, '--jobs', '1', '-q'], gzipSync(page));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^1 ingested/);
  const small = cli(['ingest', '-', '--db', db, '--max-bytes', '2k', '-q'], page);
  assert.equal(small.code, 3);
  assert.match(small.stderr, /rejected \(too-large\): -: over the limit of 2048 bytes/);
  const bad = cli(['ingest', '-', '--db', db, '--max-bytes', 'lots']);
  assert.equal(bad.code, 2, 'a malformed size is a usage error');
  const extracted = cli(['extract', '-', '--json', '--jobs', '0'], 'Officials said on Monday that 40 ships were waiting.\n');
  assert.equal(extracted.code, 0, extracted.stderr);
  assert.equal(badSpans('Officials said on Monday that 40 ships were waiting.', JSON.parse(extracted.stdout)).length, 0);
});

test('a saved page keeps its metadata in the ledger: title, outlet, byline, canonical URL and publication date, and show prints them', async () => {
  const dir = inputsFolder();
  const db = join(mkdtempSync(join(tmpdir(), 'tri-ingest-cli-db-')), 'ledger.db');
  assert.equal(cli(['ingest', join(dir, 'page.html'), '--db', db, '--jobs', '0', '-q']).code, 0);
  const ledger = new SqliteLedger(db, { readonly: true });
  let id: string;
  try {
    const [row] = await ledger.documents();
    const doc = (await ledger.document(row!.id))!;
    id = doc.id;
    assert.equal(doc.title, 'Ferry crews walk out over rosters');
    assert.equal(doc.outlet, 'The Tidewater Gazette');
    assert.equal(doc.byline, 'Maren Oakley');
    assert.equal(doc.url, 'https://tidewater-gazette.example.org/news/2024/09/12/ferry-crews-walk-out');
    assert.equal(doc.published, '2024-09-12T07:45:00+01:00');
  } finally {
    await ledger.close();
  }
  const shown = cli(['show', id.slice(0, 8), '--db', db]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /The Tidewater Gazette · Maren Oakley · 2024-09-12/);
});
