/**
 * A benchmark corpus of distinct, realistic documents, generated on the fly by recombining real
 * paragraphs (Wikinews articles and MEANTIME sentences from ../shared/data) with a seeded PRNG.
 * Documents are yielded one at a time, so the corpus never sits in memory whatever its size.
 */
import { readFileSync } from 'node:fs';
import { sharedPath } from '../eval/shared.ts';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** MEANTIME text is token-joined ("$ 40 billion , he said"); undo the most visible spacing. */
function detokenise(s: string): string {
  return s
    .replace(/ ([,.;:!?%)\]])/g, '$1')
    .replace(/([$(\[]) /g, '$1')
    .replace(/ (n't|'s|'re|'ve|'ll|'d)\b/g, '$1')
    .replace(/`` | ''/g, '"');
}

export function paragraphPool(): string[] {
  const pool: string[] = [];
  for (const line of readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const { text } = JSON.parse(line) as { text: string };
    for (const p of text.split(/\n\s*\n/)) if (p.length > 80) pool.push(p.trim());
  }
  for (const line of readFileSync(sharedPath('data', 'timex', 'meantime-en', 'meantime_en_timex.train.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const { text } = JSON.parse(line) as { text: string };
    const sents = text.split('\n').slice(2).map(detokenise);
    for (let i = 0; i < sents.length; i += 3) {
      const p = sents.slice(i, i + 3).join(' ');
      if (p.length > 80) pool.push(p);
    }
  }
  return pool;
}

export type BenchDoc = { text: string; published: string; bytes: number };

/** Yields documents until `totalBytes` of text have been produced. */
export function* corpus(totalBytes: number, seed = 42, pool = paragraphPool()): Generator<BenchDoc> {
  const rnd = prng(seed);
  let produced = 0;
  let n = 0;
  while (produced < totalBytes) {
    const k = 4 + Math.floor(rnd() * 9);
    const paras: string[] = [];
    for (let i = 0; i < k; i++) paras.push(pool[Math.floor(rnd() * pool.length)]!);
    const year = 2015 + Math.floor(rnd() * 11);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    // a serial line keeps every document distinct even when the same paragraphs come up twice
    const text = `Report ${++n}.\n\n` + paras.join('\n\n');
    const bytes = Buffer.byteLength(text);
    produced += bytes;
    yield { text, published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, bytes };
  }
}
