/**
 * What the pages need from cross-article linking (statements reported by several articles, figures
 * that contradict each other, copies of the same text), as a small interface. Linking is built
 * separately; until a ledger has been linked, NO_LINKS answers and the pages say so plainly instead
 * of showing an empty table that looks like "nothing found". ledgerLinks adapts the ledger's own links.
 */
import type { Ledger } from '../store/ledger.ts';
import type { ConflictRow as LinkConflictRow, StatementGroup } from '../link/types.ts';
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
  /** Set when the article is a copy of another: the id of the original. */
  copyOf?: string;
};

export type Statement = { id: string; source?: string; said?: string; reports: Report[]; why?: string[]; discrepancy?: boolean };

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

export type Conflict = { id: string; measure?: string; reason: string; points: ConflictPoint[]; sides?: { value: string; points: ConflictPoint[] }[] };

export type CopyGroup = {
  id: string;
  /** The original first, then its copies. */
  documents: { documentId: string; outlet?: string; published?: string; title?: string; similarity: number; why?: string }[];
  why?: string;
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

/** Statements are looked up by paging through the list; past this many the lookup gives up. */
const STATEMENT_LOOKUP_LIMIT = 10_000;
/** Conflicts filtered by words of their label are looked for among the latest this many. */
export const CONFLICT_SCAN_LIMIT = 10_000;

/** The ledger's own cross-article links (src/link/, computed at ingest), in the shape the pages use. */
export function ledgerLinks(ledger: Pick<Ledger, 'statements' | 'conflicts' | 'copies'>): Links {
  const toStatement = (g: StatementGroup): Statement => ({
    id: String(g.id),
    source: g.source,
    said: g.said,
    why: g.why,
    discrepancy: g.discrepancy,
    reports: g.reports.map((r) => ({
      documentId: r.documentId,
      claimId: r.claimIds[0],
      outlet: r.outlet,
      published: r.published,
      title: r.title,
      source: r.source,
      text: r.content,
      start: r.start,
      end: r.end,
      copyOf: r.copyOf,
    })),
  });
  const toPoint = (p: LinkConflictRow['sides'][number]['points'][number]): ConflictPoint => ({
    documentId: p.documentId,
    figureId: p.figureId,
    text: p.text,
    value: null,
    source: p.source,
    outlet: p.outlet,
    date: p.said ?? p.published,
  });
  return {
    available: true,
    statements: async (opts = {}) => (await ledger.statements({ source: opts.source, limit: opts.limit, offset: opts.offset })).map(toStatement),
    statement: async (id) => {
      if (!/^\d+$/.test(id)) return undefined;
      for (let offset = 0; offset < STATEMENT_LOOKUP_LIMIT; offset += 500) {
        const page = await ledger.statements({ all: true, limit: 500, offset });
        const found = page.find((g) => String(g.id) === id);
        if (found) return toStatement(found);
        if (page.length < 500) return undefined;
      }
      return undefined;
    },
    conflicts: async (opts = {}) => {
      let rows: LinkConflictRow[];
      if (!opts.measure) rows = await ledger.conflicts({ limit: opts.limit, offset: opts.offset });
      else {
        // the filter applies before paging: look through the latest conflicts until the page is full
        const words = opts.measure.toLowerCase();
        const want = (opts.offset ?? 0) + (opts.limit ?? 50);
        const found: LinkConflictRow[] = [];
        for (let at = 0; at < CONFLICT_SCAN_LIMIT && found.length < want; at += 500) {
          const chunk = await ledger.conflicts({ limit: 500, offset: at });
          found.push(...chunk.filter((c) => c.label.toLowerCase().includes(words)));
          if (chunk.length < 500) break;
        }
        rows = found.slice(opts.offset ?? 0, want);
      }
      return rows.map((c) => ({
          id: String(c.id),
          measure: c.label,
          reason: c.why.join('; '),
          points: c.sides.flatMap((side) => side.points.map(toPoint)),
          sides: c.sides.map((side) => ({ value: side.value, points: side.points.map(toPoint) })),
        }));
    },
    copies: async (opts = {}) =>
      (await ledger.copies({ limit: opts.limit, offset: opts.offset })).map((g) => ({
        id: String(g.id),
        why: g.why,
        documents: [g.original, ...g.copies].map((m, i) => ({ documentId: m.documentId, outlet: m.outlet, published: m.published, title: m.title, similarity: i === 0 ? 1 : m.similarity, why: m.why })),
      })),
  };
}
