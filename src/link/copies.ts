/**
 * Near-duplicate and syndicated articles: the same wire text republished under several outlets,
 * with a rewritten first paragraph, a dropped dateline or an added line. Each article is reduced to
 * a MinHash signature of its 5-word shingles; locality-sensitive hashing over bands of the
 * signature gives the few earlier articles worth comparing (blocking), and the share of equal
 * signature slots estimates how much text two articles share (Jaccard similarity of shingles).
 */
import { hash32 } from './text.ts';

export const SHINGLE_WORDS = 5;
export const HASHES = 60;
export const BANDS = 20;
export const ROWS = HASHES / BANDS;
/** Two articles sharing at least this share of their shingles are copies of one text. */
export const COPY_THRESHOLD = 0.5;

const SEEDS = (() => {
  const out = new Uint32Array(HASHES);
  let s = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6a09e667) >>> 0;
    out[i] = s;
  }
  return out;
})();

/** murmur3's finaliser: spreads the bits of one 32-bit value. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Words as copies share them: case, quote and apostrophe styles, and punctuation do not count. */
export function copyWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
}

export type Signature = { hashes: Uint32Array; shingles: number };

export function signature(text: string): Signature {
  const words = copyWords(text);
  const hashes = new Uint32Array(HASHES).fill(0xffffffff);
  // each word hashed once; a shingle's hash mixes its five word hashes in order
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = hash32(words[i]!);
  let shingles = 0;
  const seen = new Set<number>();
  const n = words.length ? Math.max(1, words.length - SHINGLE_WORDS + 1) : 0;
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let k = i; k < i + SHINGLE_WORDS && k < words.length; k++) h = mix((h ^ wh[k]!) + k - i);
    if (seen.has(h)) continue;
    seen.add(h);
    shingles++;
    for (let k = 0; k < HASHES; k++) {
      const v = mix(h ^ SEEDS[k]!);
      if (v < hashes[k]!) hashes[k] = v;
    }
  }
  return { hashes, shingles };
}

/** One lookup key per band; articles sharing any band are compared. Safe integers for SQLite. */
export function bands(sig: Signature): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig.hashes[b * ROWS + r]!);
    out.push(b * 0x100000000 + h);
  }
  return out;
}

/** Estimated Jaccard similarity of two articles' shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

export function toBlob(sig: Signature): Buffer {
  return Buffer.from(sig.hashes.buffer, sig.hashes.byteOffset, sig.hashes.byteLength);
}

export function fromBlob(b: Buffer): Uint32Array {
  const copy = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) copy[i] = b.readUInt32LE(i * 4);
  return copy;
}

export type CopyMember = {
  id: string;
  outlet?: string;
  published?: string;
  /** Stored order: the first stored wins a tie. */
  order: number;
  /** The other members' text names this member's outlet (a wire's name in a dateline or credit line). */
  credited: boolean;
};

/**
 * Which member of a copy group is the original: the one whose outlet the others' text credits,
 * else the earliest published, else the first stored. Returns the member and the reason.
 */
export function pickOriginal(members: CopyMember[]): { id: string; why: string } {
  const credited = members.filter((m) => m.credited);
  if (credited.length === 1) return { id: credited[0]!.id, why: `${credited[0]!.outlet} is credited in the text of the other members (dateline or credit line)` };
  const pool = credited.length ? credited : members;
  const sorted = [...pool].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.order - b.order);
  const first = sorted[0]!;
  const tie = sorted[1] && (sorted[1].published ?? '9999') === (first.published ?? '9999');
  return { id: first.id, why: tie ? 'published first (with another on the same day; stored first)' : 'published first' };
}
