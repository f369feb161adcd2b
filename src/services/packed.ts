/**
 * How a worker thread sends a prepared extraction (src/link/prepare.ts) back: as two JSON texts
 * rather than as objects. A string crosses threads as one copy, and JSON.parse rebuilds the objects
 * on the receiving thread faster than a structured clone does; the receiving thread is the one that
 * writes the ledger, whose time per document bounds what more workers can add. The extraction's
 * text is the very JSON the ledger stores, so it is not serialised twice.
 */
import type { Extraction } from '../types.ts';
import type { LinkFeatures } from '../link/prepare.ts';

export type Packed = { packed: true; json: string; links: string };

export const isPacked = (v: unknown): v is Packed => typeof v === 'object' && v !== null && (v as Packed).packed === true;

/** Only for an extraction with its features prepared. */
export function pack(x: Extraction): Packed {
  const { json, links } = x.prepared!;
  // the MinHash signature is a typed array, which JSON would write as an object
  const plain = links?.copy ? { ...links, copy: { ...links.copy, signature: { ...links.copy.signature, hashes: Array.from(links.copy.signature.hashes) } } } : links;
  return { packed: true, json, links: JSON.stringify(plain ?? null) };
}

export function unpack(p: Packed): Extraction {
  const x = JSON.parse(p.json) as Extraction;
  const links = JSON.parse(p.links) as LinkFeatures | null;
  if (links?.copy) links.copy.signature.hashes = Uint32Array.from(links.copy.signature.hashes);
  x.prepared = { json: p.json, ...(links ? { links } : {}) };
  return x;
}
