/**
 * What the pages need from cross-article linking (statements reported by several articles, figures
 * that contradict each other, copies of the same text), as a small interface. Linking is built
 * separately; until a ledger has been linked, NO_LINKS answers and the pages say so plainly instead
 * of showing an empty table that looks like "nothing found".
 */
export type Report = {
  documentId: string;
  claimId?: string;
  outlet?: string;
  published?: string;
  title?: string;
  /** The source as this report words it. */
  source?: string;
  /** What was said, in this report's words. */
  text: string;
  start: number;
  end: number;
};

export type Statement = { id: string; source?: string; said?: string; reports: Report[] };

export type ConflictPoint = {
  documentId: string;
  figureId?: string;
  claimId?: string;
  text: string;
  value: number | null;
  source?: string;
  outlet?: string;
  date?: string;
};

export type Conflict = { id: string; measure?: string; reason: string; points: ConflictPoint[] };

export type CopyGroup = {
  id: string;
  documents: { documentId: string; outlet?: string; published?: string; title?: string; similarity: number }[];
};

export type ListOptions = { limit?: number; offset?: number };

export interface Links {
  /** Whether cross-article linking has run on this ledger; when false every list is empty for that reason. */
  readonly available: boolean;
  statements(opts?: ListOptions & { source?: string }): Promise<Statement[]>;
  statement(id: string): Promise<Statement | undefined>;
  conflicts(opts?: ListOptions & { measure?: string }): Promise<Conflict[]>;
  copies(opts?: ListOptions): Promise<CopyGroup[]>;
}

export const NO_LINKS: Links = {
  available: false,
  statements: async () => [],
  statement: async () => undefined,
  conflicts: async () => [],
  copies: async () => [],
};
