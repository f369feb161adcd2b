/**
 * Ingest over HTTP. The server is read-only unless it was started with a write token; a request must
 * then carry it as `Authorization: Bearer TOKEN`. Bodies are written to a temporary file and handed to
 * the same ingest service the CLI uses, so HTTP input is read, checked and rejected exactly like files.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'hono';
import { ingest, type FileOutcome } from '../services/ingest.ts';
import type { Ledger } from '../store/ledger.ts';
import { normaliseDate } from '../ingest/document.ts';
import { HttpError } from './errors.ts';

/** The largest request body accepted; readers refuse single articles over 5 MB anyway. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Articles per request: larger batches belong in a file given to `triangulate ingest`. */
export const MAX_DOCUMENTS_PER_REQUEST = 1000;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests so that the time taken says nothing about how much of the token was right. */
export function checkToken(expected: string | undefined, authorization: string | undefined): void {
  if (!expected) {
    throw new HttpError(403, 'read-only', 'this server is read-only; start it with --write-token or TRIANGULATE_WRITE_TOKEN to accept documents');
  }
  const m = /^Bearer\s+(.+?)\s*$/i.exec(authorization ?? '');
  if (!m) throw new HttpError(401, 'token-required', 'send the write token as "Authorization: Bearer TOKEN"');
  if (!timingSafeEqual(digest(m[1]!), digest(expected))) throw new HttpError(401, 'bad-token', 'the write token is wrong');
}

const FIELDS = ['text', 'published', 'title', 'url', 'outlet'] as const;

function checkRecord(r: unknown, at: string): Record<string, string> {
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw new HttpError(400, 'bad-document', `${at}: expected an object with a "text" string`);
  const rec = r as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    if (!(FIELDS as readonly string[]).includes(k)) throw new HttpError(400, 'bad-document', `${at}: unknown field "${k}"; a document has ${FIELDS.join(', ')}`);
    if (typeof rec[k] !== 'string') throw new HttpError(400, 'bad-document', `${at}: "${k}" must be a string`);
  }
  if (typeof rec.text !== 'string' || !rec.text.trim()) throw new HttpError(400, 'bad-document', `${at}: "text" is missing or empty`);
  if (rec.published !== undefined && !normaliseDate(rec.published)) throw new HttpError(400, 'bad-document', `${at}: "published" is not a date (YYYY-MM-DD)`);
  return rec as Record<string, string>;
}

/** The documents in a JSON body: one object, an array of them, or { documents: [...] }. */
export function documentsFromJson(body: string): Record<string, string>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw new HttpError(400, 'bad-json', `the body is not valid JSON: ${(e as Error).message}`);
  }
  const list =
    Array.isArray(parsed) ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { documents?: unknown }).documents) ? (parsed as { documents: unknown[] }).documents
    : [parsed];
  if (!list.length) throw new HttpError(400, 'bad-document', 'no documents in the body');
  if (list.length > MAX_DOCUMENTS_PER_REQUEST) throw new HttpError(413, 'too-many-documents', `${list.length} documents in one request; at most ${MAX_DOCUMENTS_PER_REQUEST}`);
  return list.map((r, i) => checkRecord(r, list.length > 1 ? `documents[${i}]` : 'document'));
}

export type IngestResponse = { ingested: number; duplicate: number; rejected: number; outcomes: FileOutcome[] };

export async function ingestRequest(c: Context, ledger: Ledger, token: string | undefined): Promise<Response> {
  checkToken(token, c.req.header('authorization'));
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const body = await c.req.text();
  const dir = await mkdtemp(join(tmpdir(), 'triangulate-post-'));
  try {
    let file: string;
    const opts: { published?: string; outlet?: string } = {};
    if (type === 'application/json') {
      file = join(dir, 'request.jsonl');
      await writeFile(file, documentsFromJson(body).map((r) => JSON.stringify(r)).join('\n') + '\n');
    } else if (type === 'text/plain') {
      if (!body.trim()) throw new HttpError(400, 'bad-document', 'the body is empty');
      const published = c.req.query('published');
      if (published !== undefined && !normaliseDate(published)) throw new HttpError(400, 'bad-parameter', 'published: expected a date as YYYY-MM-DD');
      opts.published = published;
      opts.outlet = c.req.query('outlet');
      file = join(dir, 'request.txt');
      await writeFile(file, body);
    } else {
      throw new HttpError(415, 'unsupported-type', `send application/json ({"text": ...} or a list) or text/plain, not ${type || 'no content type'}`);
    }
    const outcomes: FileOutcome[] = [];
    const totals = await ingest([file], ledger, { ...opts, onOutcome: (o) => outcomes.push({ ...o, origin: o.origin.replace(dir + '/', '') }) });
    const result: IngestResponse = { ingested: totals.ingested, duplicate: totals.duplicate, rejected: totals.rejected, outcomes };
    if (totals.rejected && !totals.ingested && !totals.duplicate) {
      throw new HttpError(422, 'rejected', outcomes.map((o) => ('message' in o ? o.message.replace(dir + '/', '') : o.status)).join('; '), result);
    }
    return c.json(result, totals.ingested ? 201 : 200);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
