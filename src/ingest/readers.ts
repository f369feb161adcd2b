/**
 * Readers turn inputs into documents. One reader per format; `inputs` walks folders, opens files,
 * standard input and gzip streams, and picks the reader by extension (or, for stdin and files without
 * one, by content). Every input gets an outcome: documents to ingest, or a rejection with a reason
 * that says what and where, so nothing is silently dropped.
 *
 * Whole-document formats (text, HTML, feeds) are read in two steps: `inputs` gathers the bytes (cheap
 * I/O, bounded by the size limit) and `parseWhole` turns them into documents (pure and synchronous,
 * so the ingest pool can run it in a worker thread; an HTML page costs far more to parse than to
 * read). JSON Lines stream record by record instead, so a dump of any size never sits in memory.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { makeDocument, type DocumentInput } from './document.ts';
import { parseDatedText } from './datedText.ts';
import { decodeMarkup, decodeText, looksBinary } from './decode.ts';
import { readHtml } from './html.ts';
import { readFeed } from './feeds.ts';
import { CorruptInputError, fileSource, lines, peek, readBounded, stdinSource, type Source } from './sources.ts';
import type { Document } from '../types.ts';

export { decodeText, looksBinary } from './decode.ts';

export type RejectReason = 'binary' | 'empty' | 'too-large' | 'undecodable' | 'not-an-article' | 'unreadable';

export type Outcome =
  | { kind: 'document'; origin: string; doc: Document }
  | { kind: 'rejected'; origin: string; reason: RejectReason; message: string };

export type ReadOptions = {
  /** Publication date for inputs that carry none (plain text). */
  published?: string;
  /** Outlet for inputs that carry none. */
  outlet?: string;
  /** Largest file (decompressed) or JSON Lines record accepted, in bytes. */
  maxBytes?: number;
  /** What `-` reads; standard input unless a caller (a test) gives another stream. */
  stdin?: NodeJS.ReadableStream;
};

/** The options `parseWhole` needs: plain data, so they can be posted to a worker thread. */
export type ParseOptions = Pick<ReadOptions, 'published' | 'outlet'>;

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type WholeFormat = 'text' | 'html' | 'feed';
export type Format = WholeFormat | 'jsonl';

/**
 * What `inputs` yields: an outcome already known (a rejection, a JSON Lines record), or the bytes of
 * one whole-document input still to be parsed.
 */
export type Unit =
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'whole'; format: WholeFormat; origin: string; bytes: Buffer };

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html',
  '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
};

/** Judges a nameless input (stdin, a file with no extension) by its first bytes. */
export function sniffFormat(head: Uint8Array): Format {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const utf16 = b[0] === 0xff && b[1] === 0xfe ? 'utf16le' : undefined;
  const s = (utf16 ? b.subarray(2).toString('utf16le') : b.toString('latin1')).replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '').trimStart();
  if (s.startsWith('{')) return 'jsonl';
  const html = /^<(!doctype\s+html|html|head|body|meta|title|article|main|div|p)[\s>]/i.test(s) || /<html[\s>]/i.test(s);
  if (!html && (/^<\?xml/i.test(s) || /<(rss|feed|rdf:RDF)[\s>]/.test(s))) return 'feed';
  return html ? 'html' : 'text';
}

export function formatOf(name: string, head: Uint8Array): Format | undefined {
  const ext = extname(name).toLowerCase();
  if (ext === '' || name === '') return sniffFormat(head);
  return EXTENSIONS[ext];
}

function reject(origin: string, reason: RejectReason, message: string): Outcome {
  return { kind: 'rejected', origin, reason, message };
}

function documentOrReject(origin: string, input: DocumentInput): Outcome {
  const doc = makeDocument({ ...input, origin });
  if (!doc.text) return reject(origin, 'empty', `${origin}: no text`);
  if (!/\p{L}{2}/u.test(doc.text)) return reject(origin, 'not-an-article', `${origin}: contains no words`);
  return { kind: 'document', origin, doc };
}

/**
 * Every outcome of one whole-document input. Pure and synchronous (no I/O): safe to run in a worker.
 * Never throws for bad input; a parser failure becomes a rejection of that input.
 */
export function parseWhole(format: WholeFormat, bytes: Uint8Array, origin: string, opts: ParseOptions = {}): Outcome[] {
  try {
    if (format === 'text') {
      const text = decodeText(bytes);
      if (text === undefined) return [reject(origin, 'undecodable', `${origin}: not valid UTF-8 or UTF-16 text`)];
      if (!text.trim()) return [reject(origin, 'empty', `${origin}: contains only whitespace`)];
      return [documentOrReject(origin, parseDatedText(text, { published: opts.published, outlet: opts.outlet }))];
    }
    const decoded = decodeMarkup(bytes);
    if ('error' in decoded) return [reject(origin, 'undecodable', `${origin}: ${decoded.error}`)];
    if (!decoded.text.trim()) return [reject(origin, 'empty', `${origin}: contains only whitespace`)];
    if (format === 'html') {
      const page = readHtml(decoded.text, opts);
      return 'reason' in page ? [reject(origin, page.reason, `${origin}: ${page.message}`)] : [documentOrReject(origin, page.input)];
    }
    const feed = readFeed(decoded.text, opts);
    if ('reason' in feed) return [reject(origin, feed.reason, `${origin}: ${feed.message}`)];
    if (!feed.items.length) return [reject(origin, 'empty', `${origin}: the feed has no items`)];
    return feed.items.map((item, i) => {
      const where = `${origin}#${i + 1}`;
      return 'empty' in item ? reject(where, 'empty', `${where}: ${item.empty}`) : documentOrReject(where, item.input);
    });
  } catch (e) {
    // a parser that gives up on hostile markup (stack depth, element limits) has found no article
    return [reject(origin, 'not-an-article', `${origin}: could not be read as ${format} (${(e as Error).message})`)];
  }
}

/** One JSON Lines record to an outcome; `where` is `file:line`. */
function jsonRecord(where: string, line: string, opts: ReadOptions): Outcome | undefined {
  if (!line.trim()) return undefined;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return reject(where, 'undecodable', `${where}: not valid JSON (${(e as Error).message})`);
  }
  if (!rec || typeof rec !== 'object' || typeof (rec as { text?: unknown }).text !== 'string') {
    return reject(where, 'not-an-article', `${where}: a record needs a "text" string`);
  }
  const r = rec as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  if (!(r.text as string).trim()) return reject(where, 'empty', `${where}: "text" is empty`);
  return documentOrReject(where, {
    ...parseDatedText(r.text as string),
    published: str('published') ?? str('date') ?? opts.published,
    title: str('title'),
    url: str('url'),
    outlet: str('outlet') ?? opts.outlet,
    byline: str('byline') ?? str('author'),
  });
}

async function* jsonLines(chunks: AsyncIterable<Buffer>, origin: string, opts: ReadOptions): AsyncGenerator<Unit> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let any = false;
  for await (const line of lines(chunks, max)) {
    const where = `${origin}:${line.n}`;
    let o: Outcome | undefined;
    if (line.tooLong) o = reject(where, 'too-large', `${where}: the record is ${line.bytes} bytes, over the limit of ${max}`);
    else if (line.invalid) o = reject(where, 'undecodable', `${where}: not valid UTF-8`);
    else o = jsonRecord(where, line.text!, opts);
    if (!o) continue;
    any = true;
    yield { kind: 'outcome', outcome: o };
  }
  if (!any) yield { kind: 'outcome', outcome: reject(origin, 'empty', `${origin}: contains no records`) };
}

const rejected = (origin: string, reason: RejectReason, message: string): Unit => ({ kind: 'outcome', outcome: reject(origin, reason, message) });

async function* unitsOf(source: Source, opts: ReadOptions): AsyncGenerator<Unit> {
  const { origin } = source;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const ext = extname(source.name).toLowerCase();
  if (ext && source.name && !EXTENSIONS[ext]) {
    return yield rejected(origin, 'not-an-article', `${origin}: no reader for ${ext} files (expected .txt, .md, .html, .jsonl, .rss, .atom, .xml, any of them .gz, or a folder)`);
  }
  if (source.size === 0) return yield rejected(origin, 'empty', `${origin}: the file is empty`);
  const { head, all, close } = await peek(source.open(), 4096);
  try {
    if (head.length === 0) return yield rejected(origin, 'empty', `${origin}: ${source.name ? 'the file is' : 'the input is'} empty`);
    const format = formatOf(source.name, head)!;
    if (looksBinary(head)) return yield rejected(origin, 'binary', `${origin}: looks like a binary file, not ${format === 'jsonl' ? 'JSON Lines' : 'text'}`);
    if (format === 'jsonl') return yield* jsonLines(all, origin, opts);
    const bytes = await readBounded(all, max);
    if (!bytes) return yield rejected(origin, 'too-large', `${origin}: over the limit of ${max} bytes`);
    yield { kind: 'whole', format, origin, bytes };
  } finally {
    await close();
  }
}

/**
 * Files under a folder, recursively, in a stable order; hidden files and folders are skipped. Links
 * are yielded too (a link to a file is read; `inputs` refuses a link to a folder, which could loop).
 * Markdown files are skipped as well: in a folder of articles they are its README and notes, and
 * reading them as news would put their sentences in the ledger as claims. A Markdown article named
 * on its own is read.
 */
export async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (!e.isDirectory() && /\.md$/i.test(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() || e.isSymbolicLink()) yield p;
  }
}

async function* guarded(origin: string, units: () => AsyncGenerator<Unit>): AsyncGenerator<Unit> {
  let any = false;
  try {
    for await (const u of units()) {
      any = true;
      yield u;
    }
  } catch (e) {
    if (e instanceof CorruptInputError) yield rejected(origin, 'undecodable', `${origin}: ${e.message}`);
    // a file that vanished or failed mid-read still gets an outcome, even if some of its records came through
    else yield rejected(origin, 'unreadable', `${origin}: ${(e as Error).message}${any ? ' (after some of its records were read)' : ''}`);
  }
}

/**
 * Every input unit for the given paths (files, folders, `-` for standard input). Files inside folders
 * that no reader takes (images, spreadsheets) are rejected by name; a path named explicitly always
 * gets an outcome.
 */
export async function* inputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<Unit> {
  for (const p of paths) {
    if (p === '-') {
      yield* guarded('-', async function* () {
        yield* unitsOf(await stdinSource(opts.stdin), opts);
      });
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      yield rejected(p, 'unreadable', `${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
      continue;
    }
    const files = info.isDirectory() ? walk(p) : (async function* () { yield p; })();
    for await (const f of files) {
      const origin = f === p ? p : relative(process.cwd(), f) || f;
      yield* guarded(origin, async function* () {
        if (f !== p) {
          const target = await stat(f);
          if (target.isDirectory()) return yield rejected(origin, 'unreadable', `${origin}: a link to a folder is not followed (links can loop)`);
          // a pipe or a device inside a folder would block the whole ingest on its first read
          if (!target.isFile()) return yield rejected(origin, 'unreadable', `${origin}: not a regular file`);
        }
        yield* unitsOf(await fileSource(f, origin), opts);
      });
    }
  }
}

/** Every outcome for the given paths, read and parsed in this thread (`extract`, tests, small jobs). */
export async function* readPaths(paths: string[], opts: ReadOptions = {}): AsyncGenerator<Outcome> {
  for await (const u of inputs(paths, opts)) {
    if (u.kind === 'outcome') yield u.outcome;
    else yield* parseWhole(u.format, u.bytes, u.origin, opts);
  }
}
