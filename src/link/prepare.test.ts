import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLedger } from '../store/sqlite.ts';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import { prepare } from './prepare.ts';
import { pack, unpack } from '../services/packed.ts';
import type { Document, Extraction } from '../types.ts';

// written for this test: a first count with its place, a later one without (it joins the series that
// has one, and its report takes that series' label), a wire story and its copy, a denial, and names that recur
const texts: [string, string][] = [
  ['2024-01-20', 'Nearly 4,000 Sudanese refugees are now in Uganda, the UN refugee agency said on Tuesday, up from roughly 3,100 at the end of last year.'],
  ['2024-02-05', 'About 3,100 Sudanese refugees lived in the Ugandan town of Arua at the end of 2023, the UN refugee agency said on Monday.'],
  ['2024-03-01', 'KAMPALA (Lake Wire) - At least 5,000 Sudanese refugees crossed into Uganda in February, an aid group said in a report on Thursday. ' +
    'The group said shelters near the border were full and that families were sleeping in schools and churches while they waited to be registered. ' +
    'Donors were asked to pay for more tents, water tanks and food before the rainy season, which usually closes the roads to the camps for weeks.'],
  ['2024-03-02', 'KAMPALA (Lake Wire) - At least 5,000 Sudanese refugees crossed into Uganda in February, an aid group said in a report on Thursday. ' +
    'The group said shelters near the border were full and that families were sleeping in schools and churches while they waited to be registered. ' +
    'Donors were asked to pay for more tents, water tanks and food before the rainy season, which usually closes the roads to the camps for weeks. The Arua Herald asked the group for comment.'],
  ['2024-03-04', 'The government denied the aid group’s report that 5,000 refugees had crossed in February, saying the figure was exaggerated. ' +
    'A spokesman said on Sunday that fewer than 2,000 people had been registered at the border posts.'],
];

function dump(ledger: SqliteLedger): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['documents', 'link_points', 'link_series', 'link_reports', 'link_statements', 'link_statement_blocks', 'link_conflicts', 'link_conflict_points',
    'link_conflict_claims', 'link_conflict_parts', 'link_stances', 'link_copies', 'link_copy_groups', 'link_signatures', 'link_bands', 'link_entities', 'link_entity_keys', 'link_entity_members']) {
    out[t] = ledger.db.prepare(`SELECT * FROM ${t}`).all().map((r) => {
      const { ingested_at: _, ...rest } = r as Record<string, unknown>;
      return rest;
    });
  }
  return out;
}

test('links made from features prepared in a worker are the links made without them, and the stored extraction is the same', async () => {
  const docs: { doc: Document; extraction: Extraction }[] = texts.map(([published, text]) => {
    const doc = makeDocument({ text, published });
    return { doc, extraction: extract(doc) };
  });
  const plain = new SqliteLedger(join(mkdtempSync(join(tmpdir(), 'tri-prep-')), 'ledger.db'));
  const prepared = new SqliteLedger(join(mkdtempSync(join(tmpdir(), 'tri-prep-')), 'ledger.db'));
  const packed = new SqliteLedger(join(mkdtempSync(join(tmpdir(), 'tri-prep-')), 'ledger.db'));
  try {
    for (const d of docs) await plain.addAll([d]);
    // a structured clone of the extraction with what was prepared, and as a worker thread sends it (packed as JSON)
    for (const d of docs) await prepared.addAll([{ doc: d.doc, extraction: structuredClone(prepare(d.doc, d.extraction)) }]);
    for (const d of docs) await packed.addAll([{ doc: d.doc, extraction: unpack(pack(prepare(d.doc, d.extraction))) }]);
    const a = dump(plain);
    const b = dump(prepared);
    assert.deepEqual(dump(packed), a);
    assert.ok(a.link_points!.length >= 4 && a.link_reports!.length >= 3 && a.link_copies!.length >= 2, 'the articles are linked at all');
    assert.deepEqual(b, a);
    // the later count joined the series with a place, and its report says so, as if made after linking
    const figures = a.link_reports!.flatMap((r) => JSON.parse((r as { figures: string }).figures) as { text: string; label: string }[]);
    assert.equal(figures.find((f) => f.text === 'About 3,100 Sudanese refugees')?.label, 'Sudanese refugees in Uganda');
    const stored = JSON.parse((prepared.db.prepare('SELECT extraction FROM documents LIMIT 1').get() as { extraction: string }).extraction);
    assert.equal('prepared' in stored, false, 'what was prepared is not stored');
  } finally {
    await plain.close();
    await prepared.close();
    await packed.close();
  }
});

test('prepared features are used once: a retried write computes them afresh', async () => {
  const [published, text] = texts[1]!;
  const doc = makeDocument({ text, published });
  const x = prepare(doc, extract(doc));
  const ledger = new SqliteLedger(join(mkdtempSync(join(tmpdir(), 'tri-prep-')), 'ledger.db'));
  try {
    await ledger.addAll([{ doc, extraction: x }]);
    assert.equal(x.prepared?.links, undefined);
    assert.equal(typeof x.prepared?.json, 'string');
  } finally {
    await ledger.close();
  }
});
