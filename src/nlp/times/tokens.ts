/**
 * A tokeniser made for reading dates: digits keep their internal separators ("16:15", "06/17/2025",
 * "2,000", "1.5") and short suffixes ("17th", "1990s", "3pm"), words are runs of letters, and every
 * other character is a token of its own, so "2025-06-17", "mid-June" and "p.m." become sequences the
 * grammar can read. wink's tokens are right for POS tagging but glue or split some of these forms.
 *
 * A newline ends a run: headlines and datelines sit on lines of their own, and a time expression
 * never continues across one.
 */

export type Tok = {
  /** Offsets into the document text, end exclusive. */
  s: number;
  e: number;
  /** Text as written and lower-cased. */
  t: string;
  l: string;
  /** Whitespace precedes the token (false: it is glued to the one before). */
  sp: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Value when the token is a plain unsigned integer of at most 4 digits; NaN otherwise. */
  int: number;
  /** Index in its run. */
  i: number;
};

const TOKEN_RE = /\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|am|pm|a\.m\.|p\.m\.)?(?![\p{L}\d])|\d+(?:[.,:/]\d+)*|[\p{L}\p{M}]+|\S/gu;

export function tokenizeRuns(text: string, from: number, to: number): Tok[][] {
  const runs: Tok[][] = [];
  let run: Tok[] = [];
  TOKEN_RE.lastIndex = from;
  let prevEnd = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) && m.index < to) {
    const t = m[0];
    const s = m.index;
    const e = Math.min(s + t.length, to);
    const gap = s > prevEnd;
    if (gap && run.length && text.slice(prevEnd, s).includes('\n')) {
      runs.push(run);
      run = [];
    }
    const c = t.charCodeAt(0);
    const l = t.toLowerCase();
    run.push({
      s,
      e,
      t: e - s === t.length ? t : text.slice(s, e),
      l,
      sp: gap || run.length === 0,
      cap: l !== t && t[0] !== l[0],
      int: c >= 48 && c <= 57 && t.length <= 4 && /^\d+$/.test(t) ? +t : NaN,
      i: run.length,
    });
    prevEnd = e;
  }
  if (run.length) runs.push(run);
  return runs;
}
