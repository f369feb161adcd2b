/**
 * Readers turn input files into documents. One reader per format; `readPath` walks folders and
 * picks the reader by extension and content. Every input gets an outcome: documents to ingest, or a
 * rejection with a reason that says what and where, so nothing is silently dropped.
 *
 * The reader interface is deliberately small (name, accepts, read) so that HTML pages and feeds can
 * be added beside these without touching callers.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { makeDocument, type DocumentInput } from './document.ts';
import { parseDatedText } from './datedText.ts';
import type { Document } from '../types.ts';

export type RejectReason = 'binary' | 'empty' | 'too-large' | 'undecodable' | 'not-an-article' | 'unreadable';

export type Outcome =
  | { kind: 'document'; origin: string; doc: Document }
  | { kind: 'rejected'; origin: string; reason: RejectReason; message: string };

export type ReadOptions = {
  /** Publication date for inputs that carry none (plain text). */
  published?: string;
  /** Outlet for inputs that carry none. */
  outlet?: string;
  /** Largest file (or JSON Lines record) accepted, in bytes. */
  maxBytes?: number;
};

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface Reader {
  name: string;
  /** Whether this reader takes the file, judged by extension and (for ambiguous files) its first bytes. */
  accepts(path: string, head: Buffer): boolean;
  read(path: string, origin: string, opts: ReadOptions): AsyncIterable<Outcome>;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '']);

function reject(origin: string, reason: RejectReason, message: string): Outcome {
  return { kind: 'rejected', origin, reason, message };
}

/** A heuristic good enough to refuse images, archives and executables before decoding them as text. */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  // UTF-16 with a BOM has many NULs but is text
  if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return false;
  let suspicious = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) suspicious++;
  }
  return suspicious / n > 0.1;
}

/** Decode bytes as text: UTF-8 (BOM or not) or UTF-16 with a BOM; undefined when it is not valid text. */
export function decodeText(buf: Buffer): string | undefined {
  try {
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(buf.subarray(2));
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(buf.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return undefined;
  }
}

function documentOrReject(origin: string, input: DocumentInput): Outcome {
  const doc = makeDocument({ ...input, origin });
  if (!doc.text) return reject(origin, 'empty', `${origin}: no text after the date line`);
  if (!/\p{L}{2}/u.test(doc.text)) return reject(origin, 'not-an-article', `${origin}: contains no words`);
  return { kind: 'document', origin, doc };
}

/** Seed-style dated text and plain text: one document per file. */
export const textReader: Reader = {
  name: 'text',
  accepts: (path) => TEXT_EXTENSIONS.has(extname(path).toLowerCase()),
  async *read(path, origin, opts) {
    const buf = await readFile(path);
    if (buf.length === 0) return yield reject(origin, 'empty', `${origin}: the file is empty`);
    if (buf.length > (opts.maxBytes ?? DEFAULT_MAX_BYTES))
      return yield reject(origin, 'too-large', `${origin}: ${buf.length} bytes is over the limit of ${opts.maxBytes ?? DEFAULT_MAX_BYTES}`);
    if (looksBinary(buf)) return yield reject(origin, 'binary', `${origin}: looks like a binary file, not text`);
    const text = decodeText(buf);
    if (text === undefined) return yield reject(origin, 'undecodable', `${origin}: not valid UTF-8 or UTF-16 text`);
    if (!text.trim()) return yield reject(origin, 'empty', `${origin}: contains only whitespace`);
    yield documentOrReject(origin, parseDatedText(text, { published: opts.published, outlet: opts.outlet }));
  },
};

/**
 * JSON Lines: one article per line, `{text, published?, title?, url?, outlet?}`. Streamed line by
 * line so a large dump never sits in memory; a bad line is rejected on its own (origin `file:line`).
 */
export const jsonLinesReader: Reader = {
  name: 'jsonl',
  accepts: (path) => ['.jsonl', '.ndjson'].includes(extname(path).toLowerCase()),
  async *read(path, origin, opts) {
    const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const info = await stat(path);
    if (info.size === 0) return yield reject(origin, 'empty', `${origin}: the file is empty`);
    const head = Buffer.alloc(Math.min(8192, info.size));
    const fh = await open(path, 'r');
    try {
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
    if (looksBinary(head)) return yield reject(origin, 'binary', `${origin}: looks like a binary file, not JSON Lines`);
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    let n = 0;
    let any = false;
    for await (const raw of lines) {
      n++;
      const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      any = true;
      const where = `${origin}:${n}`;
      if (Buffer.byteLength(line) > max) {
        yield reject(where, 'too-large', `${where}: the record is ${Buffer.byteLength(line)} bytes, over the limit of ${max}`);
        continue;
      }
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (e) {
        yield reject(where, 'undecodable', `${where}: not valid JSON (${(e as Error).message})`);
        continue;
      }
      if (!rec || typeof rec !== 'object' || typeof (rec as { text?: unknown }).text !== 'string') {
        yield reject(where, 'not-an-article', `${where}: a record needs a "text" string`);
        continue;
      }
      const r = rec as Record<string, unknown>;
      const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
      if (r.text === '' || !(r.text as string).trim()) {
        yield reject(where, 'empty', `${where}: "text" is empty`);
        continue;
      }
      yield documentOrReject(where, {
        ...parseDatedText(r.text as string),
        published: str('published') ?? str('date') ?? opts.published,
        title: str('title'),
        url: str('url'),
        outlet: str('outlet') ?? opts.outlet,
      });
    }
    if (!any) yield reject(origin, 'empty', `${origin}: contains no records`);
  },
};

export const READERS: Reader[] = [jsonLinesReader, textReader];

/** Files under a folder, recursively, in a stable order; hidden files and folders are skipped. */
export async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/**
 * Every outcome for the given paths (files or folders). Files inside folders that no reader takes
 * (images, spreadsheets) are rejected by name; a path named explicitly always gets an outcome.
 */
export async function* readPaths(paths: string[], opts: ReadOptions = {}): AsyncGenerator<Outcome> {
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      yield reject(p, 'unreadable', `${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
      continue;
    }
    if (info.isDirectory()) {
      for await (const f of walk(p)) {
        // notes beside the articles (README.md, NOTES.md) are documentation, not news: read .md only when named
        if (extname(f).toLowerCase() === '.md') continue;
        yield* readFile1(f, relative(process.cwd(), f) || f, opts);
      }
    } else {
      yield* readFile1(p, p, opts);
    }
  }
}

async function* readFile1(path: string, origin: string, opts: ReadOptions): AsyncGenerator<Outcome> {
  let head: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      head = Buffer.alloc(512);
      const { bytesRead } = await fh.read(head, 0, 512, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    return yield reject(origin, 'unreadable', `${origin}: ${(e as Error).message}`);
  }
  const reader = READERS.find((r) => r.accepts(path, head));
  if (!reader) {
    return yield reject(origin, 'not-an-article', `${origin}: no reader for ${extname(path) || 'this file'} (expected .txt, .jsonl or a folder)`);
  }
  try {
    yield* reader.read(path, origin, opts);
  } catch (e) {
    yield reject(origin, 'unreadable', `${origin}: ${(e as Error).message}`);
  }
}
