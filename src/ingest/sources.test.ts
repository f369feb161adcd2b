import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { lines, peek, readBounded, stdinSource, type Line } from './sources.ts';

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(buf: Buffer, max: number, chunk = 3): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of lines(chunked(buf, chunk), max)) out.push(l);
  return out;
}

test('lines: split across chunk boundaries, CRLF and a BOM handled, the last line without a newline kept', async () => {
  const got = await collect(Buffer.from('\uFEFFfirst\r\nsecond — Мэр\n\nlast'), 100);
  assert.deepEqual(got.map((l) => l.text), ['first', 'second — Мэр', '', 'last']);
  assert.deepEqual(got.map((l) => l.n), [1, 2, 3, 4]);
});

test('lines: a line over the limit is skipped without buffering it; an invalid one spoils only itself', async () => {
  const got = await collect(Buffer.concat([Buffer.from('ok\n' + 'x'.repeat(50) + '\n'), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from('fine')]), 20, 7);
  assert.equal(got[0]!.text, 'ok');
  assert.equal(got[1]!.tooLong, true);
  assert.equal(got[1]!.bytes, 50);
  assert.equal(got[2]!.invalid, true);
  assert.equal(got[3]!.text, 'fine');
});

test('readBounded stops at the limit; peek gives the head and still the whole stream', async () => {
  assert.equal(await readBounded(chunked(Buffer.alloc(100), 10), 99), undefined);
  assert.equal((await readBounded(chunked(Buffer.alloc(100), 10), 100))!.length, 100);
  const { head, all } = await peek(chunked(Buffer.from('abcdefghij'), 3), 4);
  assert.equal(head.toString(), 'abcd');
  assert.equal((await readBounded(all, 100))!.toString(), 'abcdefghij');
});

test('stdin: plain and gzip-compressed input read the same', async () => {
  const text = 'Officials said 40 ships were waiting.\n';
  for (const bytes of [Buffer.from(text), gzipSync(text)]) {
    const src = await stdinSource(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    assert.equal(src.origin, '-');
    assert.equal((await readBounded(src.open(), 1000))!.toString(), text);
  }
});
