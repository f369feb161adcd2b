/**
 * What the cross-article queries return: series and their points, statements and their reports,
 * conflicts with both sides, copy groups, and entities across documents. Every grouping carries
 * `why`: the reasons its members were put together, in words.
 */

export type SeriesSummary = {
  key: string;
  label: string;
  points: number;
  documents: number;
  /** Documents that are not copies of one another. */
  independent: number;
  first?: string;
  last?: string;
  planned: boolean;
  /** False for series with neither whose nor where ("23 workers"): kept, but not listed by default. */
  scoped: boolean;
};

export type TimelinePoint = {
  documentId: string;
  figureId: string;
  text: string;
  value: number | null;
  min?: number;
  max?: number;
  qualifier: string;
  /** The time the figure describes (TIMEX3), and how it was decided: stated, said or published. */
  period?: string;
  periodStart?: string;
  periodEnd?: string;
  periodBasis: string;
  said?: string;
  source?: string;
  outlet?: string;
  published?: string;
  title?: string;
  place?: string;
  statementId?: number;
  /** Set when the article is a copy of another: the id of the original. */
  copyOf?: string;
  /** Ids of conflicts this point is a side of. */
  conflicts: number[];
  start: number;
  end: number;
  why: string[];
};

export type SeriesTimeline = { series: SeriesSummary; points: TimelinePoint[]; related: SeriesSummary[]; why: string[] };

export type StatementFigure = { id: string; text: string; value: number | null; qualifier: string; label: string };

export type StatementReport = {
  documentId: string;
  outlet?: string;
  published?: string;
  title?: string;
  claimIds: string[];
  source?: string;
  said?: string;
  content: string;
  figures: StatementFigure[];
  copyOf?: string;
  start: number;
  end: number;
  why: string[];
};

export type StatementGroup = {
  id: number;
  source: string;
  said?: string;
  reports: StatementReport[];
  documents: number;
  outlets: string[];
  /** Reports that are not copies of one another. */
  independent: number;
  discrepancy: boolean;
  why: string[];
};

export type ConflictPoint = {
  documentId: string;
  /** The figure on this side; empty for a side made of a claim (a denial and what it denies). */
  figureId: string;
  claimId?: string;
  text: string;
  outlet?: string;
  published?: string;
  source?: string;
  said?: string;
  period?: string;
  copyOf?: string;
  start: number;
  end: number;
};

export type ConflictSide = { value: string; points: ConflictPoint[]; reports: number; independent: number };

export type ConflictRow = {
  id: number;
  kind: 'figures' | 'misprint' | 'reporting' | 'denial';
  /** a denial only: a report and its denial, a position and a verdict on it, or a rule said not to apply against said to (side 0 the former each time) */
  denial?: 'report' | 'verdict' | 'applicability';
  label: string;
  period?: string;
  sides: [ConflictSide, ConflictSide];
  why: string[];
};

export type CopyMemberRow = { documentId: string; outlet?: string; published?: string; title?: string; similarity: number; why: string };

export type CopyGroupRow = { id: number; original: CopyMemberRow; copies: CopyMemberRow[]; why: string };

export type CrossEntityMember = { documentId: string; entityId: string; name: string; mentions: number; confidence: number; evidence: string; outlet?: string; published?: string };

export type CrossEntity = { id: number; type: string; name: string; names: string[]; documents: number; mentions: number; members: CrossEntityMember[] };
