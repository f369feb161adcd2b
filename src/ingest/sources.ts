/**
 * Where input bytes come from: files, gzip-compressed files and standard input, all read as streams
 * so that nothing larger than one document (or one JSON Lines record) is ever held at once. Readers
 * see the decompressed bytes; a `.gz` is recognised by its magic bytes, not only by its name.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export type Source = {
  /** How outcomes name this input: the path as given (or relative to the cwd inside a folder), `-` for stdin. */
  origin: string;
  /** The name readers choose by, without a compression suffix: `page.html.gz` reads as `page.html`. */
  name: string;
  /** Compressed size on disk, when known; the uncompressed size is only known by reading. */
  size?: number;
  /** The decompressed bytes; may be called once. */
  open(): AsyncIterable<Buffer>;
};

/** Raised when compressed input is corrupt; readers turn it into an `undecodable` outcome. */
export class CorruptInputError extends Error {
  override name = 'CorruptInputError';
}

const GZIP_MAGIC = [0x1f, 0x8b];
const isGzip = (head: Buffer) => head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];

async function* gunzipped(raw: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  // pipeline destroys both ends when either fails or when the reader stops early
  pipeline(raw, gunzip, () => {});
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (e) {
    throw new CorruptInputError(`not a valid gzip stream (${(e as Error).message})`);
  }
}

export async function fileSource(path: string, origin: string): Promise<Source> {
  const fh = await open(path, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await fh.stat()).size;
    head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const gz = isGzip(head);
  return {
    origin,
    name: gz ? path.replace(/\.(gz|gzip)$/i, '') : path,
    size,
    open: () => (gz ? gunzipped(createReadStream(path)) : (createReadStream(path) as AsyncIterable<Buffer>)),
  };
}

/** Standard input, gzip-compressed or not; its name is empty so its format is judged by content. */
export async function stdinSource(stdin: NodeJS.ReadableStream = process.stdin): Promise<Source> {
  const it = (stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await it.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    for (let n = await it.next(); !n.done; n = await it.next()) yield Buffer.from(n.value);
  }
  const gz = isGzip(head);
  return { origin: '-', name: '', open: () => (gz ? gunzipped(Readable.from(all())) : all()) };
}

/**
 * The first `n` bytes of a stream, and the whole stream again (those bytes included); `close` ends
 * the stream early (closing its file) when the rest is not wanted.
 */
export async function peek(
  chunks: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; all: AsyncIterable<Buffer>; close: () => Promise<void> }> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let got = 0;
  let done = false;
  const close = async () => {
    if (!done) {
      done = true;
      await it.return?.();
    }
  };
  try {
    while (got < n) {
      const r = await it.next();
      if (r.done) {
        done = true;
        break;
      }
      seen.push(r.value);
      got += r.value.length;
    }
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
  const head = Buffer.concat(seen).subarray(0, n);
  async function* all(): AsyncGenerator<Buffer> {
    while (seen.length) yield seen.shift()!;
    while (!done) {
      const r = await it.next();
      if (r.done) {
        done = true;
        return;
      }
      yield r.value;
    }
  }
  return { head, all: all(), close };
}

/** All bytes, or `undefined` as soon as they pass `max` (the rest is never read). */
export async function readBounded(chunks: AsyncIterable<Buffer>, max: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const c of chunks) {
    total += c.length;
    if (total > max) return undefined;
    parts.push(c);
  }
  return Buffer.concat(parts, total);
}

/** One line: `text` when it decoded, `tooLong` when it passed the limit, `invalid` when it is not UTF-8. */
export type Line = { n: number; bytes: number; text?: string; tooLong?: boolean; invalid?: boolean };

/**
 * Lines of a byte stream, decoded one by one as UTF-8 (a BOM on the first is dropped). A line longer
 * than `max` bytes is skipped as it streams past, never buffered, so one endless line cannot exhaust
 * memory; a bad line spoils only itself.
 */
export async function* lines(chunks: AsyncIterable<Buffer>, max: number): AsyncGenerator<Line> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let n = 0;
  const finish = (): Line => {
    n++;
    if (overflow) {
      const r = { n, bytes: length, tooLong: true };
      parts = [];
      length = 0;
      overflow = false;
      return r;
    }
    let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    if (buf.length && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
    parts = [];
    length = 0;
    if (n === 1 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    try {
      return { n, bytes: buf.length, text: utf8.decode(buf) };
    } catch {
      return { n, bytes: buf.length, invalid: true };
    }
  };
  for await (const chunk of chunks) {
    let at = 0;
    while (at < chunk.length) {
      const nl = chunk.indexOf(0x0a, at);
      const end = nl < 0 ? chunk.length : nl;
      const piece = chunk.subarray(at, end);
      length += piece.length;
      if (!overflow) {
        if (length > max) {
          overflow = true;
          parts = [];
        } else if (piece.length) parts.push(piece);
      }
      if (nl < 0) break;
      yield finish();
      at = nl + 1;
    }
  }
  if (length > 0 || parts.length) yield finish();
}
