/**
 * Seed-style dated text: an optional first token ` date YYYY-MM-DD`, then the body, paragraphs
 * separated by blank lines. This is the plain-text form many news archives use. Without the token
 * the whole file is the body, and the date (if any) comes from the caller (`--published`).
 */
import type { DocumentInput } from './document.ts';

const DATE_TOKEN = /^\uFEFF?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\r?\n|$)/;

export function parseDatedText(raw: string, fallback: Omit<DocumentInput, 'text'> = {}): DocumentInput {
  const m = DATE_TOKEN.exec(raw);
  if (!m) return { ...fallback, text: raw };
  return { ...fallback, published: m[1], text: raw.slice(m[0].length) };
}
