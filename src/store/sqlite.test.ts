import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteLedger } from './sqlite.ts';
import { LedgerError } from './errors.ts';
import { makeDocument } from '../ingest/document.ts';
import type { Document, Extraction } from '../types.ts';

function dbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'tri-store-')), 'ledger.db');
}

/** A document with one hand-made claim and figure, offsets computed from the text itself. */
function sample(text: string, published: string, outlet: string, source: string, cue: string, content: string, figure: string, counts: string, value: number): { doc: Document; extraction: Extraction } {
  const doc = makeDocument({ text, published, outlet });
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const extraction: Extraction = {
    document: { id: doc.id, published, outlet, lang: 'en', textSha256: doc.textSha256 },
    entities: [{ id: 'e1', type: 'ORG', name: source, mentions: [at(source)] }],
    times: [],
    figures: [{ id: 'f1', ...at(figure), value, qualifier: 'approximately', counts, claim: 'c1' }],
    claims: [{ id: 'c1', kind: 'indirect', polarity: 'affirmed', source: { ...at(source), entity: 'e1' }, cue: at(cue), content: [at(content)], said: published.slice(0, 7), figures: ['f1'], entities: [] }],
    events: [],
  };
  return { doc, extraction };
}

const a = sample(
  'About 4,000 dock workers are employed at the port, the Harbour Authority said.',
  '2023-04-02', 'Coastal Times', 'the Harbour Authority', 'said', 'About 4,000 dock workers are employed at the port', 'About 4,000 dock workers', 'dock workers', 4000,
);
const b = sample(
  'The union said roughly 6,500 dock workers now work shifts at the port.',
  '2024-09-10', 'Morning Ledger', 'The union', 'said', 'roughly 6,500 dock workers now work shifts at the port', 'roughly 6,500 dock workers', 'dock workers', 6500,
);

test('documents are stored once; the same text again is a duplicate', async () => {
  const l = new SqliteLedger(dbPath());
  assert.deepEqual((await l.addAll([a, b])).map((r) => r.status), ['added', 'added']);
  assert.deepEqual((await l.addAll([a])).map((r) => r.status), ['duplicate']);
  assert.equal((await l.summary()).documents, 2);
  assert.ok(await l.has(a.doc.id));
  const back = await l.document(a.doc.id.slice(0, 6));
  assert.equal(back?.text, a.doc.text);
  assert.deepEqual(await l.extraction(a.doc.id), a.extraction);
  await l.close();
});

test('a document keeps who wrote it: the byline is stored and read back, and a document without one has none', async () => {
  const l = new SqliteLedger(dbPath());
  const plain = sample(
    'About 300 ferry crew members stopped work at dawn, the Seafarers Union said.',
    '2024-09-12', 'Coastal Times', 'the Seafarers Union', 'said', 'About 300 ferry crew members stopped work at dawn', 'About 300 ferry crew members', 'ferry crew members', 300,
  );
  const byline = 'By Ines Hallberg, Transport Correspondent';
  const signed = { doc: makeDocument({ text: plain.doc.text, published: '2024-09-12', outlet: 'Coastal Times', byline }), extraction: plain.extraction };
  await l.addAll([signed, a]);
  assert.equal((await l.document(signed.doc.id))?.byline, byline);
  assert.equal((await l.document(a.doc.id))?.byline, undefined);
  await l.close();
});

test('claims can be filtered by source, words, dates, outlet; series group figures across articles', async () => {
  const l = new SqliteLedger(dbPath());
  await l.addAll([a, b]);
  assert.equal((await l.claims({ source: 'harbour' })).length, 1);
  assert.equal((await l.claims({ about: 'shifts' }))[0]!.source, 'The union');
  assert.equal((await l.claims({ about: '"unbalanced (quote' })).length, 0, 'odd search input is not a syntax error');
  assert.equal((await l.claims({ since: '2024' })).length, 1);
  assert.equal((await l.claims({ until: '2023-12-31' })).length, 1);
  assert.equal((await l.claims({ outlet: 'Morning' })).length, 1);
  const figs = await l.figures({ counts: 'dock' });
  assert.deepEqual(figs.map((f) => [f.value, f.source, f.measure]), [
    [4000, 'the Harbour Authority', 'dock worker'],
    [6500, 'The union', 'dock worker'],
  ]);
  const s = await l.summary();
  assert.deepEqual(s.series, [{ measure: 'dock worker', points: 2, first: '2023-04', last: '2024-09' }]);
  await l.close();
});

test('a batch that fails midway stores nothing of that batch', async () => {
  const path = dbPath();
  const l = new SqliteLedger(path);
  const broken = structuredClone(b);
  // two figures with the same id violate the primary key after the document row was written
  broken.extraction.figures.push({ ...broken.extraction.figures[0]! });
  await assert.rejects(l.addAll([a, broken]), LedgerError);
  assert.equal((await l.summary()).documents, 0);
  assert.equal((await l.summary()).claims, 0);
  await l.close();
});

test('a file that is not a ledger is refused with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-store-'));
  const text = join(dir, 'notes.db');
  writeFileSync(text, 'just some notes, not a database at all'.repeat(20));
  assert.throws(() => new SqliteLedger(text), (e: Error) => e instanceof LedgerError && e.message.includes('notes.db'));
  const other = join(dir, 'other.db');
  const db = new Database(other);
  db.exec('CREATE TABLE t (x)');
  db.close();
  assert.throws(() => new SqliteLedger(other), /not a Triangulate ledger/);
});
