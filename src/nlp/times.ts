/**
 * Stage: time expressions, normalised to TIMEX3 values against the publication date.
 *
 * Our own grammar (times/grammar.ts) reads the expressions and a resolver (times/resolve.ts) places
 * them on the calendar, choosing between past and future readings from the tense of the governing
 * verb (times/tense.ts). We measured @microsoft/recognizers-text-date-time at about 20 ms per news
 * sentence (~1,000 tokens/s), two orders of magnitude short of the pipeline's budget, so it is not
 * on this path.
 *
 * Sentences that cannot hold a time expression (no digit and none of the time words) are skipped
 * with one regular-expression test before any tokenising.
 */
import type { TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';
import { tokenIndexAt } from './segment.ts';
import { parseIsoDate } from './times/calendar.ts';
import { scan } from './times/grammar.ts';
import { resolve, type Resolved } from './times/resolve.ts';
import type { Match } from './times/semantics.ts';
import { governingTense, type Tense } from './times/tense.ts';
import { tokenizeRuns } from './times/tokens.ts';

/**
 * A superset of what the grammar can start from: any digit, or a stem of a month, weekday,
 * season, unit, deictic or reference word. False positives only cost a tokenising pass.
 */
export const MAY_HOLD_TIME =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|spring|summer|autumn|fall|winter|year|month|week|day|hour|min|second|decade|centur|quarter|half|fortnight|today|tonight|tomorrow|yesterday|now|current|recent|lately|future|past|present|term|time|annual|biannual|biennial|semiannual|daily|hourly|nightly|morning|afternoon|evening|night|noon|midday|midnight|christmas|easter|halloween|thanksgiving|valentine|new year|good friday|boxing day|fiscal|fy|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|yr|hr)/i;

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;

type Found = { start: number; end: number; line: number; match: Match };

const leansOnDay = (m: Match) =>
  m.sem.k === 'ref' || (m.sem.k === 'cal' && !!m.sem.clock && m.sem.wd === undefined && m.sem.m === undefined);

export function extractTimes(ctx: StageContext): TimeExpr[] {
  const { doc, seg } = ctx;
  const text = doc.text;
  const anchor = ctx.anchor ? parseIsoDate(ctx.anchor) : undefined;
  const posAt = (offset: number): string | undefined => {
    const t = seg.tokens[tokenIndexAt(seg, offset)];
    return t && t.start === offset ? t.pos : undefined;
  };

  const out: TimeExpr[] = [];
  /** The day the text last talked about, carried across sentences. */
  let refDay: number | undefined;
  for (const sentence of seg.sentences) {
    if (!MAY_HOLD_TIME.test(text.slice(sentence.start, sentence.end))) continue;
    const found: Found[] = [];
    tokenizeRuns(text, sentence.start, sentence.end).forEach((run, line) => {
      for (const match of scan(run, posAt)) found.push({ start: run[match.from]!.s, end: run[match.to - 1]!.e, line, match });
    });
    if (!found.length) continue;

    const resolved = new Array<Resolved | undefined>(found.length);
    /** The nearest day-level date on the same line, else in the same sentence. */
    const dayNear = (k: number): number | undefined => {
      let best: number | undefined;
      let bestScore = Infinity;
      resolved.forEach((r, j) => {
        if (!r || j === k || r.type !== 'DATE' || !DAY_VALUE.test(r.value)) return;
        const score = Math.abs(found[j]!.start - found[k]!.start) + (found[j]!.line === found[k]!.line ? 0 : 1e6);
        if (score < bestScore) (bestScore = score), (best = parseIsoDate(r.value));
      });
      return best;
    };
    const resolveAt = (k: number, ref: number | undefined) => {
      const { start, end, match } = found[k]!;
      let tense: Tense | undefined;
      resolved[k] = resolve(match, {
        anchor,
        refDay: ref,
        tense: () => (tense ??= governingTense(seg, sentence.index, tokenIndexAt(seg, start), tokenIndexAt(seg, end))),
        sentenceDay: () => dayNear(k),
      });
    };
    // dates first; then what leans on a day named beside it: a bare clock time ("16:15 UTC, June 1")
    // and "the day"/"the next day", which take the nearest day in the sentence before the last one talked about
    found.forEach((f, k) => {
      if (leansOnDay(f.match)) return;
      resolveAt(k, refDay);
      const r = resolved[k]!;
      if (r.type === 'DATE' && DAY_VALUE.test(r.value)) refDay = parseIsoDate(r.value);
    });
    found.forEach((f, k) => leansOnDay(f.match) && resolveAt(k, dayNear(k) ?? refDay));

    found.forEach((f, k) => {
      const r = resolved[k]!;
      out.push({ start: f.start, end: f.end, text: text.slice(f.start, f.end), value: r.value, type: r.type, ...(r.mod ? { mod: r.mod } : {}) });
    });
  }
  out.forEach((t, i) => (t.id = `t${i + 1}`));
  return out.map(({ id, ...rest }) => ({ id, ...rest }));
}
