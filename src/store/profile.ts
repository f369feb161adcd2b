import type { SourceProfile } from './ledger.ts';

type Row = Record<string, any>;

/**
 * A source's profile from its tally row and its latest claims (kind, `at` = date said or published,
 * outlet), as both engines read them: outlets and kinds counted, dates from first to last. `first`
 * is the earliest of these rows; an engine that read only the latest `within` claims of a source
 * with more replaces it with the source's true first date.
 */
export function sourceProfileOf(tally: Row, rows: Row[], within: number): SourceProfile {
  const tallyOf = (key: 'kind' | 'outlet') => {
    const n = new Map<string, number>();
    for (const r of rows) if (r[key]) n.set(r[key], (n.get(r[key]) ?? 0) + 1);
    return [...n].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  };
  const dates = rows.map((r) => r.at as string | null).filter((x): x is string => !!x).sort();
  return {
    name: tally.name,
    claims: tally.claims,
    documents: tally.documents,
    first: dates[0],
    last: dates[dates.length - 1],
    outlets: tallyOf('outlet').slice(0, 20).map(([outlet, claims]) => ({ outlet, claims })),
    kinds: tallyOf('kind').map(([kind, claims]) => ({ kind, claims })),
    within,
  };
}
