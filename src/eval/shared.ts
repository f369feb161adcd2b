/**
 * Where the gold data lives. `../shared/` beside the repository is for tests, evaluation and
 * benchmarks only: the program itself never reads it. TRIANGULATE_SHARED overrides the location.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDocument } from '../ingest/document.ts';
import { parseDatedText } from '../ingest/datedText.ts';
import type { Document } from '../types.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.TRIANGULATE_SHARED ?? resolve(REPO_ROOT, '../shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

export function hasShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}

export const SEED_NAME = '000_a6d7b1f3111cc52b';

export type SeedKey = {
  published: string;
  claims: { id: string; source: string; resolvesTo?: string; cue: string; content: string; said: string | null; kind: string; polarity?: string }[];
  figures: { text: string; value: number | null; vague?: string; qualifier?: string; counts?: string; unit?: string; per?: string; claim: string | null }[];
  times: { text: string; occurrence?: number; value: string; type: string }[];
  entities: { name: string; type: string; mentions: string[]; country?: string }[];
  events: { type: string; actor?: string; recipient?: string; where?: string; when?: string; trigger: string; mode?: string }[];
};

/** The seed article as a Document, and its answer key. */
export function loadSeed(): { doc: Document; key: SeedKey } {
  const raw = readFileSync(sharedPath('seeds', `${SEED_NAME}.txt`), 'utf8');
  const doc = makeDocument({ ...parseDatedText(raw), origin: `${SEED_NAME}.txt` });
  const key = JSON.parse(readFileSync(sharedPath('seeds', `${SEED_NAME}.expected.json`), 'utf8')) as SeedKey;
  return { doc, key };
}

/** Offset of the n-th (1-based) occurrence of `needle` in `text`, or -1. */
export function nthIndexOf(text: string, needle: string, n = 1): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
