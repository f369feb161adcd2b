/**
 * End-to-end: drives the real CLI (bin/triangulate.js) as a user would, on small articles written
 * for the project, against a fresh SQLite ledger in a temporary folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../src/types.ts';
import { badSpans } from '../src/util/spans.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const bin = join(root, 'bin', 'triangulate.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'tri-cli-cwd-')),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'tri-cli-')), 'ledger.db');

test('extract --json prints one record per document whose spans slice back to the text', () => {
  const r = cli(['extract', fixtures, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 3, 'one .txt article and two JSON Lines records');
  const texts = [
    readFileSync(join(fixtures, 'harbour.txt'), 'utf8').replace(/^ date \S+ /, '').trim(),
    ...readFileSync(join(fixtures, 'wire.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string),
  ];
  const records = lines.map((l) => JSON.parse(l) as Extraction);
  // folder order: harbour.txt, then wire.jsonl
  assert.equal(records[0]!.document.published, '2024-11-14');
  assert.equal(records[1]!.document.outlet, 'Northgate Wire');
  records.forEach((x, i) => {
    for (const k of ['entities', 'times', 'figures', 'claims', 'events'] as const) assert.ok(Array.isArray(x[k]), k);
    assert.deepEqual(badSpans(texts[i]!, x), []);
  });
});

test('extract without --json prints a readable report with claims, figures and dates sections', () => {
  const r = cli(['extract', join(fixtures, 'harbour.txt')]);
  assert.equal(r.code, 0, r.stderr);
  for (const h of ['Claims (', 'Figures (', 'Dates (', 'Names (']) assert.ok(r.stdout.includes(h), h);
  assert.ok(r.stdout.includes('2024-11-14'));
});

test('ingest stores articles, a second ingest changes nothing and says so; queries read the ledger', () => {
  const db = tmpDb();
  const first = cli(['ingest', fixtures, '--db', db, '--quiet']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^3 ingested/);
  const again = cli(['ingest', fixtures, '--db', db]);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /0 ingested .*3 already in the ledger, 0 rejected: nothing changed\./);
  assert.match(again.stdout, /3 documents/);

  const summary = cli(['summary', '--db', db, '--json']);
  assert.equal(JSON.parse(summary.stdout).documents, 3);

  const claims = cli(['claims', '--db', db, '--json']);
  assert.equal(claims.code, 0, claims.stderr);
  for (const line of claims.stdout.trim().split('\n').filter(Boolean)) {
    const c = JSON.parse(line);
    assert.ok(c.documentId && c.id && typeof c.content === 'string');
  }
  const figures = cli(['figures', '--db', db, '--json']);
  assert.equal(figures.code, 0, figures.stderr);

  const docs = JSON.parse(cli(['summary', '--db', db, '--json']).stdout);
  assert.equal(docs.outlets.length, 2);
});

test('TRIANGULATE_DB names the ledger when --db is absent', () => {
  const db = tmpDb();
  const r = cli(['ingest', join(fixtures, 'harbour.txt'), '--quiet'], { TRIANGULATE_DB: db });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(db));
});

test('show marks the article text, finds a document by id prefix, and --json gives the stored record', () => {
  const db = tmpDb();
  cli(['ingest', join(fixtures, 'harbour.txt'), '--db', db, '--quiet']);
  const x = JSON.parse(cli(['extract', join(fixtures, 'harbour.txt'), '--json']).stdout) as Extraction;
  const id = x.document.id;
  const shown = cli(['show', id.slice(0, 8), '--db', db]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.ok(shown.stdout.includes('port of Veldra'));
  const stored = JSON.parse(cli(['show', id, '--db', db, '--json']).stdout);
  assert.deepEqual(stored, x);
});

test('errors say what and where, with exit codes scripts can rely on', () => {
  const db = tmpDb();
  const missingDoc = cli(['ingest', join(fixtures, 'harbour.txt'), '--db', db, '--quiet']);
  assert.equal(missingDoc.code, 0);
  const notFound = cli(['show', 'ffffffffffff', '--db', db]);
  assert.equal(notFound.code, 4);
  assert.match(notFound.stderr, /no document ffffffffffff/);

  const noLedger = cli(['claims', '--db', join(tmpdir(), 'does-not-exist.db')]);
  assert.equal(noLedger.code, 4);
  assert.match(noLedger.stderr, /no ledger at .*does-not-exist\.db/);

  const badDate = cli(['claims', '--db', db, '--since', 'last week']);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--since/);

  const unknown = cli(['frobnicate']);
  assert.equal(unknown.code, 2);

  const dir = mkdtempSync(join(tmpdir(), 'tri-cli-bad-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'good.txt'), 'The council said 40 new homes would be built.');
  const reportPath = join(mkdtempSync(join(tmpdir(), 'tri-cli-report-')), 'report.jsonl');
  const partial = cli(['ingest', dir, '--db', db, '--quiet', '--report', reportPath]);
  assert.equal(partial.code, 3, 'some inputs rejected');
  assert.match(partial.stderr, /rejected \(empty\): .*empty\.txt/);
  const report = readFileSync(reportPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(report.map((o) => o.status).sort(), ['ingested', 'rejected']);

  const notALedger = join(dir, 'good.txt');
  const refused = cli(['claims', '--db', notALedger]);
  assert.equal(refused.code, 5);
  assert.match(refused.stderr, /good\.txt/);
});

test('--help is there for every command', () => {
  for (const c of ['extract', 'ingest', 'claims', 'figures', 'show', 'summary']) {
    const r = cli([c, '--help']);
    assert.equal(r.code, 0, c);
    assert.match(r.stdout, /Usage: triangulate/);
  }
  const top = cli(['--help']);
  assert.match(top.stdout, /Exit codes:/);
});

test('--names adds a user list: its names are typed and given their country; a missing list is a usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-cli-names-'));
  const list = join(dir, 'beat.tsv');
  writeFileSync(list, '# my beat\nTavrin Oskelund\tPERSON\tNOR\tT. Oskelund\nHalvek Shipping\tORG\tNOR\tHalvek\n');
  const article = join(dir, 'a.txt');
  writeFileSync(article, 'Tavrin Oskelund, who runs Halvek, said on Monday that 300 sailors were idle.');
  const r = cli(['extract', article, '--json', '--names', list]);
  assert.equal(r.code, 0, r.stderr);
  const x = JSON.parse(r.stdout) as Extraction;
  const halvek = x.entities.find((e) => e.mentions.some((m) => m.text === 'Halvek'));
  assert.equal(halvek?.type, 'ORG');
  assert.equal(halvek?.country, 'NOR');
  assert.equal(x.entities.find((e) => e.name === 'Tavrin Oskelund')?.country, 'NOR');
  const missing = cli(['extract', article, '--names', join(dir, 'nope.tsv')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.tsv/);
});
