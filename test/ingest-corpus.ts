/**
 * A corpus for end-to-end ingest tests: distinct articles recombined from the project's own example
 * paragraphs (examples/, written for the project) with a seeded PRNG, so runs are reproducible and
 * large enough for an ingest to be caught mid-way.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../src/bench/corpus.ts';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const BIN = join(ROOT, 'bin', 'triangulate.js');

export function exampleParagraphs(): string[] {
  const dir = join(ROOT, 'examples');
  const pool: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const raw = readFileSync(join(dir, f), 'utf8');
    const texts = f.endsWith('.jsonl') ? raw.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text) : f.endsWith('.txt') ? [raw.replace(/^ date \S+\s*/, '')] : [];
    for (const t of texts) for (const p of t.split(/\n\s*\n/)) if (p.trim().length > 60) pool.push(p.trim());
  }
  return pool;
}

/** Writes `n` articles as JSON Lines; returns the file's path. */
export function writeCorpus(path: string, n: number, seed = 7): string {
  const pool = exampleParagraphs();
  const rnd = prng(seed);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = 3 + Math.floor(rnd() * 5);
    const paras = Array.from({ length: k }, () => pool[Math.floor(rnd() * pool.length)]!);
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    lines.push(JSON.stringify({ text: `Bulletin ${i + 1}.\n\n${paras.join('\n\n')}`, published: `2024-05-${day}`, outlet: `Test Wire ${i % 5}` }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
