import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaths, type Outcome } from './readers.ts';
import { makeDocument, canonicalText, normaliseDate } from './document.ts';
import { parseDatedText } from './datedText.ts';

async function all(paths: string[], opts = {}): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of readPaths(paths, opts)) out.push(o);
  return out;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'tri-readers-'));
}

test('dated text: the leading date token becomes the publication date and is not part of the text', () => {
  const r = parseDatedText(' date 2024-03-05 Port officials said on Monday that ships were waiting.');
  assert.equal(r.published, '2024-03-05');
  assert.equal(r.text, 'Port officials said on Monday that ships were waiting.');
  assert.equal(parseDatedText('No date here.').published, undefined);
});

test('same text, same id: NFC and line endings do not change identity', () => {
  const a = makeDocument({ text: 'Cafe\u0301 owners said so.\r\n\r\nSecond paragraph.' });
  const b = makeDocument({ text: 'Café owners said so.\n\nSecond paragraph.\n' });
  assert.equal(a.id, b.id);
  assert.equal(a.text, b.text);
  assert.match(a.id, /^[0-9a-f]{16}$/);
  assert.equal(canonicalText('\uFEFF x '), 'x');
});

test('dates are validated: impossible dates are dropped, date-times kept', () => {
  assert.equal(normaliseDate('2025-02-30'), undefined);
  assert.equal(normaliseDate('2025-06-19'), '2025-06-19');
  assert.equal(normaliseDate('2025-06-19T08:30:00Z'), '2025-06-19T08:30:00Z');
  assert.equal(normaliseDate('yesterday'), undefined);
});

test('a folder is read recursively in a stable order, each format by its reader', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), ' date 2023-01-02 The ministry said 300 people were evacuated.');
  writeFileSync(join(dir, 'b', 'deeper', 'c.txt'), 'Plain text with no date, a spokesman said.');
  writeFileSync(
    join(dir, 'b', 'feed.jsonl'),
    [
      JSON.stringify({ text: 'First record, the agency said.', published: '2022-05-01', outlet: 'Harbour Post', title: 'One', url: 'https://example.org/1' }),
      '',
      JSON.stringify({ text: 'Second record, officials said.' }),
    ].join('\n'),
  );
  const got = await all([dir], { published: '2020-01-01' });
  assert.equal(got.length, 4);
  assert.ok(got.every((o) => o.kind === 'document'));
  const docs = got.map((o) => (o.kind === 'document' ? o.doc : undefined)!);
  // names sort within each folder: a.txt, b/deeper/c.txt, b/feed.jsonl
  assert.equal(docs[0]!.published, '2023-01-02');
  assert.match(docs[1]!.origin!, /c\.txt$/);
  assert.equal(docs[1]!.published, '2020-01-01', 'the fallback date applies to texts without one');
  assert.equal(docs[2]!.outlet, 'Harbour Post');
  assert.equal(docs[2]!.title, 'One');
  assert.match(docs[2]!.origin!, /feed\.jsonl:1$/);
  assert.match(docs[3]!.origin!, /feed\.jsonl:3$/);
  assert.equal(docs[3]!.published, '2020-01-01');
});

test('bad inputs are rejected with a reason and where, and the good ones still come through', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 owners said.', 'latin1'));
  writeFileSync(join(dir, 'big.txt'), 'word '.repeat(3000));
  writeFileSync(join(dir, 'sheet.xlsx'), 'PK');
  writeFileSync(join(dir, 'mixed.jsonl'), '{"text": "Fine record, he said."}\n{not json\n{"title": "no text"}\n');
  writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Officials said 40 ships.', 'utf16le')]));
  const got = await all([dir, join(dir, 'missing.txt')], { maxBytes: 10_000 });
  const by = (suffix: string) => got.filter((o) => o.origin.endsWith(suffix));
  const reason = (suffix: string) => by(suffix).map((o) => (o.kind === 'rejected' ? o.reason : 'document'));
  assert.deepEqual(reason('empty.txt'), ['empty']);
  assert.deepEqual(reason('blank.txt'), ['empty']);
  assert.deepEqual(reason('image.txt'), ['binary']);
  assert.deepEqual(reason('latin1.txt'), ['undecodable']);
  assert.deepEqual(reason('big.txt'), ['too-large']);
  assert.deepEqual(reason('sheet.xlsx'), ['not-an-article']);
  assert.deepEqual(reason('missing.txt'), ['unreadable']);
  assert.deepEqual(reason('mixed.jsonl:1'), ['document']);
  assert.deepEqual(reason('mixed.jsonl:2'), ['undecodable']);
  assert.deepEqual(reason('mixed.jsonl:3'), ['not-an-article']);
  const u16 = by('utf16.txt')[0]!;
  assert.equal(u16.kind === 'document' && u16.doc.text, 'Officials said 40 ships.');
  for (const o of got) if (o.kind === 'rejected') assert.ok(o.message.includes(o.origin), `message names the input: ${o.message}`);
});
