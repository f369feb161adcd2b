import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaths, type Outcome } from './readers.ts';
import { makeDocument, canonicalText, normaliseDate } from './document.ts';
import { parseDatedText } from './datedText.ts';
import { REPO_ROOT } from '../eval/shared.ts';

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

test('a folder’s Markdown notes are not read as articles; a Markdown file named on its own is', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'README.md'), '# Port strike coverage\n\nThe union said these files come from three outlets.');
  writeFileSync(join(dir, 'story.txt'), ' date 2024-03-02 Dock workers walked out, the union said.');
  const got = await all([dir]);
  assert.equal(got.length, 1, 'only the article');
  assert.match((got[0] as { doc: { origin: string } }).doc.origin, /story\.txt$/);
  const named = await all([join(dir, 'README.md')]);
  assert.equal(named.length, 1);
  assert.equal(named[0]!.kind, 'document');
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

// ── formats beyond plain text ────────────────────────────────────────────────────────────────────

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'ingest');
const docsOf = (got: Outcome[]) => got.filter((o): o is Extract<Outcome, { kind: 'document' }> => o.kind === 'document').map((o) => o.doc);
const article = (p: string) => `<!doctype html><html><head><title>t</title></head><body><article><p>${p}</p><p>The council said the work would take two years.</p></article></body></html>`;

test('a folder of pages, feeds and compressed files: every format by its reader, feed items one document each', async () => {
  const dir = tmp();
  copyFileSync(join(FIXTURES, 'news-page.html'), join(dir, 'a-page.html'));
  copyFileSync(join(FIXTURES, 'feed.rss'), join(dir, 'b-feed.rss'));
  copyFileSync(join(FIXTURES, 'feed.atom'), join(dir, 'c-feed.xml'));
  writeFileSync(join(dir, 'd-wire.jsonl.gz'), gzipSync(JSON.stringify({ text: 'Dockers voted to accept the offer, the union said.', published: '2024-02-02' }) + '\n'));
  writeFileSync(join(dir, 'e-page.htm.gz'), gzipSync(article('The harbour master said 12 berths were closed.')));
  writeFileSync(join(dir, 'f-saved-page'), article('The mayor said the square would reopen in June.'));
  const got = await all([dir]);
  const origins = got.map((o) => `${o.kind === 'document' ? 'doc' : (o as { reason: string }).reason} ${o.origin.replace(/^.*\//, '')}`);
  assert.deepEqual(origins, [
    'doc a-page.html',
    'doc b-feed.rss#1', 'doc b-feed.rss#2', 'doc b-feed.rss#3', 'empty b-feed.rss#4',
    'doc c-feed.xml#1', 'doc c-feed.xml#2',
    'doc d-wire.jsonl.gz:1',
    'doc e-page.htm.gz',
    'doc f-saved-page',
  ]);
  const docs = docsOf(got);
  assert.equal(docs[0]!.outlet, 'The Tidewater Gazette');
  assert.equal(docs[0]!.byline, 'Maren Oakley');
  assert.equal(docs[6]!.published, '2024-02-02');
  assert.match(docs[7]!.text, /12 berths/);
  assert.match(docs[8]!.text, /reopen in June/, 'a file with no extension is recognised as HTML by its content');
});

test('standard input: HTML, JSON Lines and gzip are recognised by content', async () => {
  const stdin = (b: Buffer | string) => ({ stdin: Readable.from([Buffer.from(b)]) });
  const html = await all(['-'], stdin(article('Ferries were cancelled, the operator said.')));
  assert.equal(html.length, 1);
  assert.equal(html[0]!.origin, '-');
  assert.match(docsOf(html)[0]!.text, /^Ferries were cancelled/);
  const jsonl = await all(['-'], stdin('{"text": "One record, he said."}\n{"text": "Two records, she said."}\n'));
  assert.deepEqual(jsonl.map((o) => o.origin), ['-:1', '-:2']);
  const gz = await all(['-'], stdin(gzipSync(' date 2021-05-06 Plain text from a pipe, officials said.')));
  assert.equal(docsOf(gz)[0]!.published, '2021-05-06');
  assert.deepEqual((await all(['-'], stdin(''))).map((o) => o.kind === 'rejected' && o.reason), ['empty']);
});

test('a page in a legacy charset becomes NFC Unicode text', async () => {
  const dir = tmp();
  const body = 'Губернатор заявил, что в понедельник эвакуировали 300 жителей.';
  writeFileSync(join(dir, 'ru.html'), iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><article><p>${body}</p></article></body></html>`, 'windows-1251'));
  writeFileSync(join(dir, 'fr.html'), article('Le maire a de\u0301clare\u0301 que 40 navires attendaient.'));
  const docs = docsOf(await all([dir]));
  assert.equal(docs.length, 2);
  assert.match(docs[1]!.text, new RegExp(body));
  assert.ok(docs[0]!.text.includes('déclaré') && docs[0]!.text === docs[0]!.text.normalize('NFC'));
});

test('every rejection reason, for every kind of input, names the input', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'photo.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'blank.html'), '');
  writeFileSync(join(dir, 'spaces.rss'), '   \n  ');
  writeFileSync(join(dir, 'empty.txt.gz'), gzipSync(''));
  writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(200_000, 'a')));
  writeFileSync(join(dir, 'huge.html'), article('x'.repeat(60_000)));
  writeFileSync(join(dir, 'corrupt.jsonl.gz'), Buffer.concat([gzipSync('{"text": "fine"}\n'.repeat(100)).subarray(0, 30), Buffer.from('garbage')]));
  writeFileSync(join(dir, 'mojibake.html'), Buffer.from('<meta charset="utf-8"><p>' + '\xe9\xe8'.repeat(200) + '</p>', 'latin1'));
  writeFileSync(join(dir, 'broken.rss'), '<rss><channel><item><title>cut off mid');
  writeFileSync(join(dir, 'menu.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
  writeFileSync(join(dir, 'drawing.xml'), '<?xml version="1.0"?><svg><rect/></svg>');
  writeFileSync(join(dir, 'nofeed.rss'), '<rss version="2.0"><channel><title>Quiet</title></channel></rss>');
  writeFileSync(join(dir, 'numbers.jsonl'), '{"text": "12 34 56"}\n');
  const got = await all([dir, join(dir, 'gone.html')], { maxBytes: 50_000 });
  const reasons = Object.fromEntries(got.map((o) => [o.origin.replace(/^.*\//, ''), o.kind === 'rejected' ? o.reason : 'document']));
  assert.deepEqual(reasons, {
    'photo.html': 'binary',
    'blank.html': 'empty',
    'spaces.rss': 'empty',
    'empty.txt.gz': 'empty',
    'bomb.txt.gz': 'too-large',
    'huge.html': 'too-large',
    'corrupt.jsonl.gz': 'undecodable',
    'mojibake.html': 'undecodable',
    'broken.rss': 'undecodable',
    'menu.html': 'not-an-article',
    'drawing.xml': 'not-an-article',
    'nofeed.rss': 'empty',
    'numbers.jsonl:1': 'not-an-article',
    'gone.html': 'unreadable',
  });
  for (const o of got) if (o.kind === 'rejected') assert.ok(o.message.includes(o.origin), `message names the input: ${o.message}`);
});

test('links inside a folder: a link to a file is read, a link to a folder is refused by name, a dangling one too', async () => {
  const dir = tmp();
  const elsewhere = tmp();
  writeFileSync(join(elsewhere, 'real.txt'), 'The agency said 12 boats were counted.');
  mkdirSync(join(dir, 'inside'));
  symlinkSync(join(elsewhere, 'real.txt'), join(dir, 'a-link.txt'));
  symlinkSync(dir, join(dir, 'inside', 'loop'));
  symlinkSync(join(elsewhere, 'missing.txt'), join(dir, 'b-dangling.txt'));
  const got = await all([dir]);
  assert.deepEqual(
    got.map((o) => `${o.kind === 'document' ? 'document' : o.reason} ${o.origin.replace(/^.*\//, '')}`),
    ['document a-link.txt', 'unreadable b-dangling.txt', 'unreadable loop'],
  );
});
