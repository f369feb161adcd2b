/**
 * Agreement and contradiction between two points of the same measure. Two figures contradict
 * when they describe the same thing (same classes, whose, planned or not), the same place, the
 * same time, and the values their qualifiers allow do not overlap: "about 3,000" (2,550–3,450)
 * cannot be "at least 10,000". Growth is not contradiction: points are compared only when their
 * periods meet — both stated and overlapping, or both counts "as of" days at most a week apart.
 * The same digits printed as two different numbers ("1,2538" and "12,538") are a misprint, a
 * discrepancy in reporting rather than a disagreement between sources.
 */
import { rangesMeet } from './period.ts';

export type ComparablePoint = {
  docId: string;
  figureId: string;
  claimId?: string | null;
  statementId?: number | null;
  copyGroup?: number | null;
  place?: string | null;
  placeLevel?: string | null;
  value: number | null;
  lo: number | null;
  hi: number | null;
  qualifier: string;
  text: string;
  digits: string;
  misgrouped: boolean;
  basis: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  granularity?: string | null;
};

export type Verdict = { kind: 'figures' | 'misprint'; why: string };

/** Days a count "as of" one day may be compared with another: troop and worker counts move within weeks. */
export const SNAPSHOT_DAYS = 7;

function placesMeet(a: ComparablePoint, b: ComparablePoint): boolean {
  if (a.place && b.place) return a.place === b.place;
  // a figure with no place is compared with country-wide ones only, never with a region's
  const other = a.place ? a : b;
  return !other.place || other.placeLevel === 'country';
}

export function periodsMeet(a: ComparablePoint, b: ComparablePoint): 'stated' | 'snapshot' | undefined {
  if (!a.periodStart || !a.periodEnd || !b.periodStart || !b.periodEnd) return undefined;
  const ra = { start: a.periodStart, end: a.periodEnd };
  const rb = { start: b.periodStart, end: b.periodEnd };
  if (a.basis === 'stated' && b.basis === 'stated') return rangesMeet(ra, rb) ? 'stated' : undefined;
  const fine = (g?: string | null) => g === 'day' || g === 'week';
  if (a.basis === 'said' && b.basis === 'said' && fine(a.granularity) && fine(b.granularity)) return rangesMeet(ra, rb, SNAPSHOT_DAYS) ? 'snapshot' : undefined;
  return undefined;
}

/** The verdict on two points of one comparison key, or undefined when they agree or cannot be compared. */
export function judge(a: ComparablePoint, b: ComparablePoint): Verdict | undefined {
  if (a.docId === b.docId && a.figureId === b.figureId) return undefined;
  if (a.docId === b.docId && a.claimId && a.claimId === b.claimId) return undefined;
  if (a.copyGroup && a.copyGroup === b.copyGroup) return undefined;
  if (!placesMeet(a, b)) return undefined;
  const when = periodsMeet(a, b);
  if (!when) return undefined;
  if (a.digits.length >= 4 && a.digits === b.digits && (a.value !== b.value || a.misgrouped !== b.misgrouped)) {
    const bad = a.misgrouped ? a : b;
    const good = bad === a ? b : a;
    return { kind: 'misprint', why: `“${bad.text}” and “${good.text}” have the same digits for the same period: one is printed wrong` };
  }
  if (a.statementId && a.statementId === b.statementId) return undefined;
  const disjoint = (a.hi !== null && b.lo !== null && a.hi < b.lo) || (b.hi !== null && a.lo !== null && b.hi < a.lo);
  if (!disjoint) return undefined;
  const show = (p: ComparablePoint) => `${p.text} (${p.qualifier}: ${p.lo === null ? '…' : Math.round(p.lo).toLocaleString('en-US')}–${p.hi === null ? '…' : Math.round(p.hi).toLocaleString('en-US')})`;
  return {
    kind: 'figures',
    why: `${show(a)} and ${show(b)} do not overlap for ${when === 'stated' ? 'the same stated period' : `counts made within ${SNAPSHOT_DAYS} days of each other`}`,
  };
}

const WORDS: Record<string, string> = {
  approximately: 'about ', 'at most': 'at most ', 'at least': 'at least ', 'more than': 'more than ', 'less than': 'fewer than ',
};

/** A short name for one side of a conflict, as a reader would say it: "about 3,000", "at least 10,000", "10,000–12,000". */
export function sideKey(p: Pick<ComparablePoint, 'qualifier' | 'value' | 'lo' | 'hi'>): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (p.value !== null) return `${WORDS[p.qualifier] ?? ''}${n(p.value)}`;
  return `${p.lo === null ? '…' : n(p.lo)}–${p.hi === null ? '…' : n(p.hi)}`;
}
