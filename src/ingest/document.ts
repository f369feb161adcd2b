/**
 * Turns what a reader found (raw text plus metadata) into a canonical Document:
 * NFC-normalised text, its SHA-256, and an id derived from that hash so that the same text
 * always gets the same id and re-ingesting it is a no-op.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../types.ts';

export type DocumentInput = {
  text: string;
  published?: string;
  title?: string;
  url?: string;
  outlet?: string;
  byline?: string;
  lang?: string;
  origin?: string;
};

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** Canonical form: NFC, Windows and old-Mac line ends made \n, no BOM, no trailing whitespace at the ends. */
export function canonicalText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .trim();
}

/** Accepts YYYY-MM-DD or a full ISO date-time; returns the normalised string or undefined when not a date. */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    if (d.getUTCFullYear() !== +m[1]! || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) return undefined;
    return m[4] ? v : `${m[1]}-${m[2]}-${m[3]}`;
  }
  const t = Date.parse(v);
  if (!Number.isNaN(t) && /\d{4}/.test(v)) return new Date(t).toISOString().slice(0, 10);
  return undefined;
}

export function makeDocument(input: DocumentInput): Document {
  const text = canonicalText(input.text);
  const textSha256 = sha256Hex(text);
  const doc: Document = { id: textSha256.slice(0, 16), text, lang: input.lang ?? 'en', textSha256 };
  const published = normaliseDate(input.published);
  if (published) doc.published = published;
  if (input.title?.trim()) doc.title = input.title.trim().normalize('NFC');
  if (input.url?.trim()) doc.url = input.url.trim();
  if (input.outlet?.trim()) doc.outlet = input.outlet.trim().normalize('NFC');
  if (input.byline?.trim()) doc.byline = input.byline.trim().replace(/\s+/g, ' ').normalize('NFC');
  if (input.origin) doc.origin = input.origin;
  return doc;
}
