/**
 * The ledger: where extractions are kept and queried. One interface, one implementation per engine
 * (SQLite embedded by default; PostgreSQL for many workers). The interface is asynchronous so that a
 * networked engine fits behind it without changing callers.
 */
import type { Document, Extraction } from '../types.ts';
import type { ConflictRow, CopyGroupRow, CrossEntity, SeriesSummary, SeriesTimeline, StatementGroup } from '../link/types.ts';

export type AddResult = { id: string; status: 'added' | 'duplicate' };

export type ClaimFilter = {
  /** Matches the source as written or the name of the entity it resolves to (case-insensitive substring). */
  source?: string;
  /** Full-text match on the claim's content (and source). */
  about?: string;
  /** Earliest / latest date: the date said when known, otherwise the publication date. */
  since?: string;
  until?: string;
  kind?: string;
  outlet?: string;
  document?: string;
  limit?: number;
  offset?: number;
};

export type ClaimRow = {
  documentId: string;
  id: string;
  kind: string;
  polarity: string;
  source?: string;
  /** Name of the entity the source resolves to, when resolved. */
  sourceEntity?: string;
  cue?: string;
  content: string;
  said?: string;
  published?: string;
  outlet?: string;
  title?: string;
  /** First character of the claim in its document, for links back to the sentence. */
  start: number;
  end: number;
};

export type FigureFilter = { counts?: string; unit?: string; document?: string; limit?: number; offset?: number };

export type FigureRow = {
  documentId: string;
  id: string;
  text: string;
  value: number | null;
  min?: number;
  max?: number;
  qualifier: string;
  unit?: string;
  counts?: string;
  per?: string;
  vague?: string;
  claimId?: string;
  /** Who said it: the claim's resolved source or source text. */
  source?: string;
  said?: string;
  published?: string;
  outlet?: string;
  /** Normalised measure the figure belongs to (see link/measure.ts). */
  measure?: string;
  start: number;
  end: number;
};

export type DocumentRow = Omit<Document, 'text'> & { ingestedAt: string; length: number };

export type Summary = {
  documents: number;
  claims: number;
  figures: number;
  entities: number;
  sources: { name: string; claims: number }[];
  series: { measure: string; points: number; first?: string; last?: string }[];
  outlets: { outlet: string; documents: number }[];
};

/** Claims as the web app and API browse them: the ClaimFilter plus a name mentioned and an exact source. */
export type ClaimQuery = ClaimFilter & {
  /** Claims whose content mentions this name (as the article's name layer found it), any case. */
  entity?: string;
  /** Claims whose source, resolved or as written, is exactly this (any case). */
  sourceIs?: string;
};

export type LedgerCounts = { documents: number; claims: number; figures: number; entities: number };

export type SourceRow = { name: string; claims: number; documents: number };

export type SourceProfile = SourceRow & {
  first?: string;
  last?: string;
  /** How many of the latest claims `outlets`, `kinds` and `last` were counted over (all, for most sources). */
  within?: number;
  outlets: { outlet: string; claims: number }[];
  kinds: { kind: string; claims: number }[];
};

export type EntityRow = { name: string; types: string[]; documents: number; mentions: number };

export type EntityProfile = EntityRow & {
  roles: string[];
  countries: string[];
  /** Who said things that mention the name, most frequent first. */
  saidBy: { name: string; claims: number }[];
  /** How many of the latest articles naming it `saidBy` was counted over. */
  saidByWithin: number;
  /** How many claims this name is the source of. */
  claimsBy: number;
};

export type SeriesRow = { measure: string; points: number; documents: number };

/** A figure on a series' timeline, with what is needed to show and open it. */
export type SeriesPoint = FigureRow & { title?: string; cue?: string; quote?: string };

export interface Ledger {
  /** Stores each document with its extraction in one transaction per batch; existing ids are reported as duplicates. */
  addAll(items: { doc: Document; extraction: Extraction }[]): Promise<AddResult[]>;
  has(id: string): Promise<boolean>;
  /** A document by id or by a unique id prefix. */
  document(idOrPrefix: string): Promise<(Document & { ingestedAt: string }) | undefined>;
  extraction(id: string): Promise<Extraction | undefined>;
  documents(opts?: { limit?: number; offset?: number }): Promise<DocumentRow[]>;
  claims(filter?: ClaimFilter): Promise<ClaimRow[]>;
  figures(filter?: FigureFilter): Promise<FigureRow[]>;
  summary(opts?: { top?: number }): Promise<Summary>;
  close(): Promise<void>;

  // Queries for pages and the HTTP API: each returns one page, newest or largest first, and is
  // answered from an index so that a ledger of 100k articles stays fast.
  counts(): Promise<LedgerCounts>;
  /** Documents, newest publication first. */
  documentPage(opts?: { outlet?: string; limit?: number; offset?: number }): Promise<DocumentRow[]>;
  /** Claims, newest article first. */
  browseClaims(q?: ClaimQuery): Promise<ClaimRow[]>;
  sources(opts?: { q?: string; limit?: number; offset?: number }): Promise<SourceRow[]>;
  sourceProfile(name: string): Promise<SourceProfile | undefined>;
  entities(opts?: { q?: string; type?: string; limit?: number; offset?: number }): Promise<EntityRow[]>;
  entityProfile(name: string): Promise<EntityProfile | undefined>;
  seriesList(opts?: { q?: string; limit?: number; offset?: number }): Promise<SeriesRow[]>;
  /** The latest `limit` figures of one measure (in date order) and how many there are in all. */
  seriesPoints(measure: string, opts?: { limit?: number }): Promise<{ total: number; points: SeriesPoint[] }>;

  // Cross-article links, computed at ingest (src/link/): each grouping says why its members were grouped.
  /** Figure series: measures followed across articles; by default those reported by two or more independent articles. */
  series(opts?: { q?: string; all?: boolean; limit?: number; offset?: number }): Promise<SeriesSummary[]>;
  /** One series' points in time order, found by key, by a phrase naming the measure, or by words of its label. */
  seriesTimeline(query: string, opts?: { limit?: number }): Promise<SeriesTimeline | undefined>;
  /** Statements reported by more than one article (all of them with `all`). */
  statements(opts?: { source?: string; all?: boolean; limit?: number; offset?: number }): Promise<StatementGroup[]>;
  /** Figures that disagree beyond their qualifiers, misprints and reporting discrepancies, newest first; `ids` picks given conflicts (a timeline's). */
  conflicts(opts?: { kind?: string; ids?: number[]; limit?: number; offset?: number }): Promise<ConflictRow[]>;
  /** Groups of near-duplicate and syndicated articles with their original. */
  copies(opts?: { limit?: number; offset?: number }): Promise<CopyGroupRow[]>;
  /** People, organisations and places as one entity across articles, with the evidence for each member. */
  crossEntities(opts?: { type?: string; q?: string; limit?: number; offset?: number }): Promise<CrossEntity[]>;
}
