/**
 * The part of linking that needs no ledger: computed from one document and its extraction alone,
 * so it can run in the extraction worker beside `extract()` and reach the thread that writes the
 * ledger ready to use. That thread only looks things up and writes (src/link/store.ts,
 * src/store/postgres/link.ts); with one writer and many extractors, whatever it does not have to
 * compute is throughput gained for every extra core.
 *
 * What is computed here is exactly what `link()` would compute itself: `link()` uses it when it is
 * there and computes it when not, with the same results either way (src/link/prepare.test.ts).
 */
import type { Document, Extraction } from '../types.ts';
import { bands, signature, type Signature } from './copies.ts';
import { denialsOf, type Denial } from './denials.ts';
import { entityKeys } from './entities.ts';
import { nameKey } from '../nlp/names/normalize.ts';
import { pointsOf, type Point } from './points.ts';
import { rejectionsOf, stancesOf, type Rejection, type Stance } from './positions.ts';
import { reportsOf, type Report } from './statements.ts';

export type LinkFeatures = {
  /** MinHash signature of the text and its band keys; undefined when the text is too short to call anything a copy of it. */
  copy?: { signature: Signature; bands: number[] };
  /** Every figure with a measure, before the ledger fills in a place or whose it did not state. */
  points: Point[];
  /**
   * The reports of the document, made from `points`. Their figures' labels are the points' labels
   * before the ledger's completion; `link()` takes the completed ones.
   */
  reports: Report[];
  denials: Denial[];
  /** Positions and verdicts on them, looked up across articles (positions.ts). */
  stances: Stance[];
  /** Claims that carry their own rejection as an apposition ("…, a reading rejected by Seoul"). */
  rejections: Rejection[];
  /** Per entity, in extraction order: its name key and its lookup keys. */
  entities: { key: string; keys: string[] }[];
};

/** What travels with an extraction from the worker: link features and the extraction as stored (JSON). */
export type Prepared = { links?: LinkFeatures; json: string };

/** A text with fewer shingles is too short to call two articles copies of one another. */
export const MIN_COPY_SHINGLES = 20;

export function linkFeatures(doc: Pick<Document, 'text' | 'published'>, x: Extraction): LinkFeatures {
  const sig = signature(doc.text);
  const points = pointsOf(doc, x);
  return {
    ...(sig.shingles >= MIN_COPY_SHINGLES ? { copy: { signature: sig, bands: bands(sig) } } : {}),
    points,
    reports: reportsOf(doc.published, x, points),
    denials: denialsOf(x.claims, new Map(x.entities.map((e) => [e.id, e])), doc.published),
    stances: stancesOf(doc, x),
    rejections: rejectionsOf(x.claims),
    entities: x.entities.map((e) => ({ key: nameKey(e.name), keys: entityKeys(e) })),
  };
}

/** The extraction as the ledger stores it: without what was prepared for it. */
export function storedExtraction(x: Extraction): Extraction {
  if (!x.prepared) return x;
  const { prepared: _, ...rest } = x;
  return rest;
}

/** The JSON the ledger stores for an extraction, the same whether or not it was prepared. */
export function extractionJson(x: Extraction): string {
  return x.prepared?.json ?? JSON.stringify(x);
}

/**
 * The link features for `link()`: those prepared in the worker (taken, since linking completes its
 * points in place and a retried write must start from fresh ones) or computed now.
 */
export function takeLinkFeatures(doc: Pick<Document, 'text' | 'published'>, x: Extraction): LinkFeatures {
  const links = x.prepared?.links;
  if (!links) return linkFeatures(doc, x);
  x.prepared = { json: x.prepared!.json };
  return links;
}

/**
 * The reports with their figures' labels as the ledger completed the points (a count with no place
 * stated joins the largest series of its measure and takes its label), as if made after it.
 */
export function completeReports(reports: Report[], points: Point[]): Report[] {
  const label = new Map(points.map((p) => [p.figureId, p.label]));
  for (const r of reports) {
    for (const f of r.figures) {
      const l = f.sum ? undefined : label.get(f.id);
      if (l !== undefined) f.label = l;
    }
  }
  return reports;
}

/** An extraction with its link features and stored JSON attached (done in the worker). */
export function prepare(doc: Pick<Document, 'text' | 'published'>, x: Extraction): Extraction {
  const json = JSON.stringify(storedExtraction(x));
  return { ...x, prepared: { links: linkFeatures(doc, x), json } };
}
