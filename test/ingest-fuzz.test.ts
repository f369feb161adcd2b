/**
 * Fuzz: thousands of random and mutated inputs through every reader (text, HTML, feeds, JSON Lines,
 * gzip, sniffed stdin). Nothing may throw or hang, and every input must end as a document or as a
 * rejection with one of the known reasons. Seeded, so a failure names its seed and input number and
 * reproduces with FUZZ_SEED=<seed>.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { prng } from '../src/bench/corpus.ts';
import { parseWhole, readPaths, type Outcome, type WholeFormat } from '../src/ingest/readers.ts';
import { ingest, type FileOutcome } from '../src/services/ingest.ts';
import { SqliteLedger } from '../src/store/sqlite.ts';
import { ROOT } from './ingest-corpus.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20240917);
const REASONS = new Set(['binary', 'empty', 'too-large', 'undecodable', 'not-an-article', 'unreadable']);
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'ingest', name));

const SEEDS: Buffer[] = [
  fixture('news-page.html'),
  fixture('feed.rss'),
  fixture('feed.atom'),
  Buffer.from(' date 2024-01-05 The council said on Monday that 40 homes were flooded.\n\nResidents were moved to a school hall.'),
  Buffer.from('{"text": "Pilots said the channel was 2 metres shallower.", "published": "2024-02-02"}\n{"text": "Dockers said they would strike."}\n'),
];

/** Characters that break naive text handling: zero-width, bidi controls, BOMs, combining marks, astral and CJK. */
const TRICKY = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u202D', '\u2066', '\u2069', '\u061C', '\u0301', '\u0338', '👩‍👩‍👧', '🇺🇦', '\u00AD', '\u00A0', '\r', '\u2028', 'Мэр', '서울', '東京', '\uFFFD'];
const MARKUP = ['<div>', '</div>', '<p>', '</p>', '<![CDATA[', ']]>', '<script>', '</script>', '<!--', '-->', '&amp;', '&#0;', '&#x110000;', '&nbsp;', '<item>', '</item>', '<entry>', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY e "ee">]>', '&e;', '{"text":', '"}', '\n', '\u0000', '<meta charset="shift_jis">', '<meta charset="bogus">'];

function mutate(base: Buffer, rnd: () => number): Buffer {
  let b = base;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const at = () => Math.floor(rnd() * (b.length + 1));
  for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) {
    const op = Math.floor(rnd() * 7);
    const i = at();
    if (op === 0) b = b.subarray(0, i); // truncated download
    else if (op === 1) b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + Math.floor(rnd() * 200)))]);
    else if (op === 2) b = Buffer.concat([b.subarray(0, i), Buffer.from(pick(TRICKY)), b.subarray(i)]);
    else if (op === 3) b = Buffer.concat([b.subarray(0, i), Buffer.from(pick(MARKUP)), b.subarray(i)]);
    else if (op === 4) {
      b = Buffer.from(b);
      for (let n = 0; n < 4 && b.length; n++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
    } else if (op === 5) b = Buffer.concat([b.subarray(0, i), b.subarray(Math.max(0, i - 300), i), b.subarray(i)]);
    else b = Buffer.concat([b.subarray(0, i), randomBytes(rnd, 1 + Math.floor(rnd() * 64)), b.subarray(i)]);
  }
  return b;
}

function randomBytes(rnd: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}

/** Inputs that stress size and depth rather than content. */
function extremes(): { name: string; bytes: Buffer }[] {
  const words = 'officials said the ferry was late again today '.repeat(24_000); // ~1.1 MB, one line
  return [
    { name: 'megabyte line of text', bytes: Buffer.from(words) },
    { name: 'megabyte JSON Lines record', bytes: Buffer.from(JSON.stringify({ text: words }) + '\n') },
    { name: 'megabyte paragraph in a page', bytes: Buffer.from(`<html><body><article><p>${words}</p></article></body></html>`) },
    { name: 'megabyte of one unclosed tag', bytes: Buffer.from('<p class="' + 'x'.repeat(1_000_000)) },
    { name: 'deeply nested divs', bytes: Buffer.from('<html><body>' + '<div>'.repeat(20_000) + 'The mayor said the bridge will open. '.repeat(20) + '</div>'.repeat(20_000) + '</body></html>') },
    { name: 'deeply nested inline tags', bytes: Buffer.from('<p>' + '<b><i>'.repeat(10_000) + 'Officials said so.') },
    { name: 'deeply nested feed', bytes: Buffer.from('<rss><channel><item><description>' + '<x>'.repeat(20_000) + '</description></item></channel></rss>') },
    { name: 'nested tables', bytes: Buffer.from('<table><tr><td>'.repeat(3000) + 'Cell text said the agency.') },
    { name: 'zero-width and bidi text', bytes: Buffer.from('<p>' + TRICKY.join('Officials said 40 ships waited. ').repeat(200) + '</p>') },
    { name: 'thousands of feed items', bytes: Buffer.from('<rss><channel><title>T</title>' + '<item><title>x</title><description>The port said 3 ships left.</description></item>'.repeat(3000) + '</channel></rss>') },
  ];
}

function checkOutcomes(outcomes: Outcome[], what: string): void {
  assert.ok(outcomes.length > 0, `${what}: no outcome at all`);
  for (const o of outcomes) {
    if (o.kind === 'document') {
      assert.ok(o.doc.text.length > 0 && o.doc.text === o.doc.text.normalize('NFC'), `${what}: document text must be non-empty NFC`);
      assert.match(o.doc.id, /^[0-9a-f]{16}$/);
    } else {
      assert.equal(o.kind, 'rejected', `${what}: unknown outcome ${JSON.stringify(o).slice(0, 200)}`);
      assert.ok(REASONS.has(o.reason), `${what}: unknown reason ${o.reason}`);
      assert.ok(o.message.includes(o.origin), `${what}: the message names the input`);
    }
  }
}

const FORMATS: WholeFormat[] = ['text', 'html', 'feed'];
const EXTENSIONS = ['.txt', '.html', '.rss', '.atom', '.jsonl', '', '.html.gz', '.jsonl.gz'];

// the timeout catches a hang; on an idle machine the run takes well under a minute
test(`fuzz: random and mutated inputs through every reader (seed ${SEED})`, { timeout: 300_000 }, async () => {
  const rnd = prng(SEED);
  const dir = mkdtempSync(join(tmpdir(), 'tri-fuzz-'));
  let slowest = { ms: 0, what: '' };
  const timed = async <T>(what: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { ms, what };
    return r;
  };
  try {
    // text and feed parsing are cheap and see every input; HTML (jsdom and Readability, tens of ms
    // a page) sees a quarter of them here plus those that go through files named .html
    const N = 1200;
    for (let n = 0; n < N; n++) {
      const bytes = rnd() < 0.15 ? randomBytes(rnd, Math.floor(rnd() * 2048)) : mutate(SEEDS[Math.floor(rnd() * SEEDS.length)]!, rnd);
      const what = `input ${n} (FUZZ_SEED=${SEED})`;
      // each whole-document parser directly, whatever the bytes are
      for (const format of FORMATS) {
        if (format === 'html' && n % 4 !== 0) continue;
        checkOutcomes(await timed(`${what} as ${format}`, () => parseWhole(format, bytes, `fuzz-${n}`)), `${what} as ${format}`);
      }
      // and the real path (extension or content sniffing, gzip, size limit, streaming JSON Lines) for a share of them
      if (n % 4 === 1) {
        const ext = EXTENSIONS[Math.floor(rnd() * EXTENSIONS.length)]!;
        const file = join(dir, `in-${n}${ext}`);
        writeFileSync(file, ext.endsWith('.gz') ? gzipSync(bytes) : bytes);
        const got: Outcome[] = [];
        await timed(`${what} as ${ext || 'no extension'}`, async () => {
          for await (const o of readPaths([file], { maxBytes: 1_000_000 })) got.push(o);
        });
        checkOutcomes(got, `${what} as ${ext || 'no extension'}`);
        rmSync(file);
      }
    }
    for (const { name, bytes } of extremes()) {
      for (const format of FORMATS) checkOutcomes(await timed(`${name} as ${format}`, () => parseWhole(format, bytes, name)), `${name} as ${format}`);
      const got: Outcome[] = [];
      await timed(`${name} from stdin`, async () => {
        for await (const o of readPaths(['-'], { stdin: Readable.from([bytes]), maxBytes: 2_000_000 })) got.push(o);
      });
      checkOutcomes(got, `${name} from stdin`);
    }
    assert.ok(slowest.ms < 30_000, `no input may take this long to read: ${slowest.what} took ${Math.round(slowest.ms)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`fuzz: through the whole ingest, every input ends ingested, duplicate or rejected (seed ${SEED})`, { timeout: 120_000 }, async () => {
  const rnd = prng(SEED + 1);
  const dir = mkdtempSync(join(tmpdir(), 'tri-fuzz-ingest-'));
  const kinds = ['a.txt', 'b.html', 'c.rss', 'd.atom', 'e.jsonl', 'f'];
  const names = new Map<string, Buffer>();
  for (let n = 0; n < 60; n++) names.set(`${String(n).padStart(2, '0')}-${kinds[n % kinds.length]}`, mutate(SEEDS[n % SEEDS.length]!, rnd));
  for (const [name, bytes] of names) writeFileSync(join(dir, name), bytes);
  const dbDir = mkdtempSync(join(tmpdir(), 'tri-fuzz-db-'));
  const ledger = new SqliteLedger(join(dbDir, 'ledger.db'));
  const outcomes: FileOutcome[] = [];
  try {
    const totals = await ingest([dir], ledger, { jobs: 0, onOutcome: (o) => outcomes.push(o) });
    assert.equal(totals.ingested + totals.duplicate + totals.rejected, outcomes.length);
    for (const o of outcomes) {
      assert.ok(['ingested', 'duplicate', 'rejected'].includes(o.status), JSON.stringify(o));
      if (o.status === 'rejected') assert.ok(REASONS.has(o.reason) || o.reason === 'extraction-failed', o.reason);
    }
    const files = new Set(outcomes.map((o) => o.origin.replace(/[#:]\d+$/, '').replace(/^.*\//, '')));
    assert.deepEqual([...files].sort(), [...names.keys()].sort(), 'every file has at least one outcome');
  } finally {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dbDir, { recursive: true, force: true });
  }
});
