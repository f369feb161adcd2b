/**
 * One statement, many reports. A report is what one article says one source said on one occasion
 * (its claims by that source with the same date said). Reports in different articles are one
 * statement when the source is the same (by name, or by the kind of body and its country), the
 * dates said meet, and the content overlaps: a shared figure, the same total split differently
 * ("6,000" against "4,500 … and 1,500 …"), shared wording, or shared content words. A report is
 * looked up only among statements filed under its source keys and month (blocking), never against
 * every earlier statement.
 */
import type { Claim, Entity, Extraction } from '../types.ts';
import { PRONOUNS, STOPWORDS } from './lexicon.ts';
import { singular } from './measure.ts';
import { dayShift, rangesMeet, saidDate, timexRange, type DayRange } from './period.ts';
import type { Point } from './points.ts';
import { kindCountries, relayedSource, sourceIdentity, type SourceIdentity } from './source.ts';
import { contentWords, hash32 } from './text.ts';
import { copyWords } from './copies.ts';

export type ReportFigure = {
  id: string;
  text: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
  qualifier: string;
  digits: string;
  compare: string;
  family: string;
  label: string;
  /** True for the total of several figures of one claim ("4,500 … and 1,500 …" = 6,000). */
  sum?: boolean;
};

export type SaidRange = DayRange & { basis: 'said' | 'published' };

export type Report = {
  index: number;
  claimIds: string[];
  identity: SourceIdentity;
  said?: string;
  range?: SaidRange;
  content: string;
  start: number;
  end: number;
  words: string[];
  shingles: number[];
  figures: ReportFigure[];
};

const MAX_WORDS = 40;
const MAX_SHINGLES = 32;
const MAX_FIGURES = 12;

/** The smallest hashes of a report's 4-word shingles: a bottom-k sketch, so shared wording survives the cap. */
function sketch(text: string): number[] {
  const w = copyWords(text);
  const hs = new Set<number>();
  for (let i = 0; i + 4 <= w.length; i++) hs.add(hash32(`${w[i]} ${w[i + 1]} ${w[i + 2]} ${w[i + 3]}`));
  return [...hs].sort((a, b) => a - b).slice(0, MAX_SHINGLES);
}

const AMBIGUOUS: SourceIdentity = { label: '', strong: [], weak: [] };

/** Reports of one document: claims grouped by source and date said; a claim with no date said stands alone. */
export function reportsOf(published: string | undefined, x: Pick<Extraction, 'claims' | 'entities'>, points: Point[]): Report[] {
  const entities = new Map<string, Entity>(x.entities.map((e) => [e.id, e]));
  const kinds = kindCountries(x.claims);
  const pointOf = new Map(points.map((p) => [p.figureId, p]));
  const groups = new Map<string, { claims: Claim[]; identity: SourceIdentity }>();
  const undated: { claim: Claim; identity: SourceIdentity }[] = [];
  // "Russia's embassy in Seoul rejected the report. In a statement, it said …": a pronoun resolved to
  // the entity of an earlier source in the article goes on with that source as written
  const lastOf = new Map<string, SourceIdentity>();
  const byName = new Map<string, SourceIdentity>();
  for (const c of x.claims) {
    if (c.kind === 'unattributed' || !c.content.length) continue;
    const pronoun = !!c.source && PRONOUNS.has(c.source.text.trim().toLowerCase());
    let identity = (pronoun && c.source?.entity ? lastOf.get(c.source.entity) : undefined) ?? sourceIdentity(c, entities, kinds);
    // after the first mention a person goes by one of their names ("Chae Min-ji, the group's
    // director" … "Chae said"): the one person of the article with that name, if there is one
    if (identity && !pronoun) {
      const word = identity.label.trim();
      const same = /^\p{Lu}[\p{L}’'-]+$/u.test(word) ? byName.get(word.toLowerCase()) : undefined;
      if (same && same !== AMBIGUOUS) identity = same;
      else if (identity.strong.some((k) => k.startsWith('p:')) && /\s/.test(word)) {
        for (const t of word.split(/\s+/)) {
          const key = t.toLowerCase();
          if (t.length < 2 || !/^\p{Lu}/u.test(t)) continue;
          const had = byName.get(key);
          byName.set(key, had && had.label !== identity.label ? AMBIGUOUS : identity);
        }
      }
    }
    if (identity && !pronoun && c.source?.entity) lastOf.set(c.source.entity, identity);
    // a speaker relaying another source's estimate is filed under that source too
    const relayed = relayedSource(c);
    if (relayed) {
      const strong = [...new Set([...(identity?.strong ?? []), ...relayed.strong])];
      // shown as the source it relays unless the speaker has a name of their own ("a lawmaker" relaying the agency)
      const named = identity?.strong.some((k) => /^[pon]:/.test(k));
      identity = identity
        ? { ...identity, ...(named ? {} : { label: relayed.text }), strong, weak: identity.weak.filter((k) => !strong.includes(k)) }
        : { label: relayed.text, strong, weak: [] };
    }
    if (!identity) continue;
    const said = saidDate(c.said, published);
    if (!said) {
      undated.push({ claim: c, identity });
      continue;
    }
    const key = `${identity.label.toLowerCase()}|${said}`;
    const g = groups.get(key);
    if (g) g.claims.push(c);
    else groups.set(key, { claims: [c], identity });
  }
  // an undated claim belongs to its source's one dated occasion in the article, if there is just one
  // and it is recent: a speaker's words quoted around a report of what they said this week
  const recent = (said: string) => {
    const r = timexRange(said);
    return !!r && !!published && r.end >= dayShift(published.slice(0, 10), -14);
  };
  // otherwise the undated claims of one source are one report: an article quotes a speaker on one
  // occasion unless it dates another
  for (const { claim, identity } of undated) {
    const label = identity.label.toLowerCase();
    const same = [...groups.entries()].filter(([k]) => k.startsWith(label + '|'));
    if (same.length === 1 && recent(same[0]![0].slice(same[0]![0].lastIndexOf('|') + 1))) same[0]![1].claims.push(claim);
    else if (same.length > 1) groups.set(`#${groups.size}`, { claims: [claim], identity });
    else {
      const g = groups.get(`${label}|?`);
      if (g) g.claims.push(claim);
      else groups.set(`${label}|?`, { claims: [claim], identity });
    }
  }
  const out: Report[] = [];
  for (const { claims, identity } of groups.values()) {
    const said = saidDate(claims[0]!.said, published);
    let range: SaidRange | undefined;
    if (said) range = { ...timexRange(said)!, basis: 'said' };
    else if (published && timexRange(published.slice(0, 10))) {
      // said on or shortly before the day it was published
      const day = published.slice(0, 10);
      range = { start: dayShift(day, -4), end: day, granularity: 'day', basis: 'published' };
    }
    const content = claims.map((c) => c.content.map((s) => s.text).join(' … ')).join(' / ');
    const words = [...new Set(contentWords(content, STOPWORDS, singular))].slice(0, MAX_WORDS);
    const figures: ReportFigure[] = [];
    for (const c of claims) {
      const own: ReportFigure[] = [];
      for (const id of c.figures) {
        const p = pointOf.get(id);
        if (!p) continue;
        own.push({
          id, text: p.text, value: p.value, lo: p.lo, hi: p.hi, qualifier: p.qualifier, digits: p.digits, compare: p.compare,
          family: p.measure.family, label: p.label,
        });
      }
      figures.push(...own);
      const counted = own.filter((f) => f.value !== null && f.compare.startsWith('count|'));
      if (counted.length >= 2) {
        const total = counted.reduce((s, f) => s + f.value!, 0);
        figures.push({
          id: counted.map((f) => f.id).join('+'), text: counted.map((f) => f.text).join(' + '), value: total, lo: total, hi: total,
          qualifier: 'exact', digits: String(total), compare: '', family: [...new Set(counted.map((f) => f.family))].join('+'), label: 'total', sum: true,
        });
      }
    }
    const spans = claims.flatMap((c) => [...c.content, ...(c.source ? [c.source] : [])]);
    out.push({
      index: out.length,
      claimIds: claims.map((c) => c.id),
      identity,
      ...(said ? { said } : {}),
      ...(range ? { range } : {}),
      content,
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
      words,
      shingles: sketch(content),
      figures: figures.slice(0, MAX_FIGURES),
    });
  }
  return out;
}

function monthsOf(range: SaidRange, cap = 3): string[] {
  const out: string[] = [];
  for (let d = range.start.slice(0, 7); d <= range.end.slice(0, 7) && out.length < cap; ) {
    out.push(d);
    const [y, m] = d.split('-').map(Number) as [number, number];
    d = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
}

const coarse = (r: SaidRange) => r.granularity === 'year' || r.granularity === 'decade';

/** Keys a report is filed under: each source key with each month its date said touches (a year, when only the year is known). */
export function blocksOf(r: Pick<Report, 'identity' | 'range'>): string[] {
  if (!r.range) return [];
  const periods = coarse(r.range) ? [r.range.start.slice(0, 4)] : monthsOf(r.range);
  const out: string[] = [];
  for (const k of [...r.identity.strong, ...r.identity.weak]) for (const p of periods) out.push(`${k}|${p}`);
  return out;
}

/** Keys a report looks under: its own, plus the year's (for statements known only by year), or every month of its year. */
export function lookupBlocksOf(r: Pick<Report, 'identity' | 'range'>): string[] {
  if (!r.range) return [];
  const years = [...new Set([r.range.start.slice(0, 4), r.range.end.slice(0, 4)])].slice(0, 2);
  const periods = coarse(r.range) ? years.flatMap((y) => [y, ...Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`)]) : [...monthsOf(r.range), ...years];
  const out: string[] = [];
  for (const k of [...r.identity.strong, ...r.identity.weak]) for (const p of periods) out.push(`${k}|${p}`);
  return out;
}

/** What a statement keeps of its reports for matching the next one: capped, so a statement reported a thousand times stays small. */
export type StatementFeatures = {
  strong: string[];
  weak: string[];
  range?: SaidRange;
  words: string[];
  shingles: number[];
  figures: ReportFigure[];
};

export function featuresOf(r: Report): StatementFeatures {
  return { strong: r.identity.strong, weak: r.identity.weak, ...(r.range ? { range: r.range } : {}), words: r.words, shingles: r.shingles, figures: r.figures };
}

const cap = <T>(xs: T[], n: number) => (xs.length > n ? xs.slice(0, n) : xs);

export function mergeFeatures(s: StatementFeatures, r: Report): StatementFeatures {
  // the narrowest date said wins: a report that gives the day refines one that only gives the month
  let range = s.range;
  if (r.range && (!range || (r.range.basis === 'said' && (range.basis === 'published' || widthDays(r.range) < widthDays(range))))) range = r.range;
  return {
    strong: cap([...new Set([...s.strong, ...r.identity.strong])], 16),
    weak: cap([...new Set([...s.weak, ...r.identity.weak])], 8),
    ...(range ? { range } : {}),
    words: cap([...new Set([...s.words, ...r.words])], MAX_WORDS * 2),
    shingles: [...new Set([...s.shingles, ...r.shingles])].sort((a, b) => a - b).slice(0, MAX_SHINGLES * 2),
    figures: cap([...s.figures, ...r.figures.filter((f) => !s.figures.some((g) => g.value === f.value && g.compare === f.compare && g.digits === f.digits))], MAX_FIGURES * 2),
  };
}

function widthDays(r: DayRange): number {
  return (Date.parse(r.end) - Date.parse(r.start)) / 864e5;
}

export type Discrepancy = { kind: 'misprint' | 'reporting'; report: ReportFigure; other: ReportFigure; why: string };

export type Match = { score: number; why: string[]; discrepancies: Discrepancy[] };

/** Dates said that can be one occasion: the same day give or take two (time zones, "on Tuesday" in a Wednesday paper). */
function saidMeets(a: SaidRange, b: SaidRange): boolean {
  const slack = a.granularity === 'day' && b.granularity === 'day' ? 2 : 0;
  return rangesMeet(a, b, slack);
}

/** Figures that report the same number: equal values of the same family, or the same digits printed differently. */
function sameFigure(a: ReportFigure, b: ReportFigure): 'same' | 'framed' | 'misprint' | undefined {
  if (a.value !== null && a.value === b.value && a.value >= 10) return a.family === b.family || a.sum || b.sum ? 'same' : 'framed';
  if (a.digits.length >= 3 && a.digits === b.digits && a.value !== b.value) return 'misprint';
  return undefined;
}

/** Whether report r is another report of the statement with features s, and why. */
export function matchStatement(r: Report, s: StatementFeatures): Match | undefined {
  if (!r.range || !s.range || !saidMeets(r.range, s.range)) return undefined;
  const strongShared = r.identity.strong.filter((k) => s.strong.includes(k));
  const weakShared = [...r.identity.strong, ...r.identity.weak].filter((k) => s.weak.includes(k) || s.strong.includes(k));
  if (!strongShared.length && !weakShared.length) return undefined;
  const why: string[] = [];
  const discrepancies: Discrepancy[] = [];
  let figureEvidence = 0;
  for (const f of r.figures) {
    for (const g of s.figures) {
      const how = sameFigure(f, g);
      if (!how) continue;
      if (how === 'misprint') {
        discrepancies.push({ kind: 'misprint', report: f, other: g, why: `“${f.text}” and “${g.text}” have the same digits: one is misprinted` });
        figureEvidence++;
        why.push(`the same digits as “${g.text}” (${f.text})`);
      } else {
        figureEvidence++;
        why.push(how === 'framed' ? `the same number framed differently: “${f.text}” / “${g.text}”` : f.sum || g.sum ? `the same total: “${f.text}” / “${g.text}”` : `the same figure: “${f.text}” / “${g.text}”`);
      }
    }
  }
  const sharedShingles = r.shingles.filter((h) => s.shingles.includes(h)).length;
  const sharedWords = r.words.filter((w) => s.words.includes(w));
  const overlap = sharedWords.length / Math.max(1, Math.min(r.words.length, s.words.length));
  const wordEvidence = sharedWords.length >= 3 && overlap >= 0.5;
  if (sharedShingles >= 2) why.push(`shared wording (${sharedShingles} four-word runs)`);
  if (wordEvidence) why.push(`content words in common: ${sharedWords.slice(0, 6).join(', ')}`);
  const dayPrecise = r.range.basis === 'said' && s.range.basis === 'said' && r.range.granularity === 'day' && s.range.granularity === 'day';
  const content = figureEvidence > 0 || sharedShingles >= 2 || wordEvidence;
  let score = 0;
  if (strongShared.length && (content || dayPrecise)) {
    score = 2 + figureEvidence * 3 + Math.min(sharedShingles, 4) + (wordEvidence ? 1 : 0);
    why.unshift(`same source (${strongShared.map(describeKey).join(', ')})`, dayPrecise ? `said the same day (${r.range.start})` : `said at a time that meets (${r.range.start.slice(0, 7)})`);
  } else if (weakShared.length && figureEvidence > 0) {
    score = 1 + figureEvidence * 3 + Math.min(sharedShingles, 4);
    why.unshift(`the same government speaking (${weakShared.map(describeKey).join(', ')})`, `said at a time that meets (${r.range.start.slice(0, 7)})`);
  } else return undefined;
  // figures of the same measure that disagree inside one statement are a reporting discrepancy
  for (const f of r.figures) {
    if (f.sum || f.lo === null && f.hi === null) continue;
    for (const g of s.figures) {
      if (g.sum || g.compare !== f.compare || !f.compare || sameFigure(f, g)) continue;
      const disjoint = (f.hi !== null && g.lo !== null && f.hi < g.lo) || (g.hi !== null && f.lo !== null && g.hi < f.lo);
      if (disjoint && !r.figures.some((h) => h !== f && sameFigure(h, g))) {
        discrepancies.push({ kind: 'reporting', report: f, other: g, why: `one statement reported as “${f.text}” and as “${g.text}”` });
      }
    }
  }
  return { score, why: [...new Set(why)], discrepancies };
}

/** A source key in words, for the reasons shown to users. */
export function describeKey(k: string): string {
  const [kind, ...rest] = k.split(':');
  const v = rest.join(':');
  if (kind === 'd') {
    const [country, what] = v.split(':');
    return `${what}${country && country !== '?' ? ' of ' + country : ''}`;
  }
  if (kind === 'g') return `government of ${v}`;
  return v;
}
