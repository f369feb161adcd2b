/**
 * Small, allocation-light views of a document's text around one offset: the sentence, clause and
 * paragraph it sits in, and the words of a window. The linker reads a few dozen characters around
 * each figure and claim, so it scans locally instead of segmenting the whole document again.
 */

export type Word = {
  /** The word as written, without a possessive ending. */
  text: string;
  lower: string;
  start: number;
  end: number;
  possessive: boolean;
  capital: boolean;
};

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

/** Words of text[from, to), with "Russia’s" read as the word Russia marked possessive. */
export function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let w = m[0];
    let possessive = false;
    if (/['’]s$/i.test(w) && w.length > 2) {
      w = w.slice(0, -2);
      possessive = true;
    } else if (/s['’]$/.test(slice.slice(m.index, m.index + w.length + 1)) && slice[m.index + w.length] && /['’]/.test(slice[m.index + w.length]!)) {
      possessive = true;
    }
    const c = w[0]!;
    out.push({ text: w, lower: w.toLowerCase(), start: from + m.index, end: from + m.index + w.length, possessive, capital: c !== c.toLowerCase() });
  }
  return out;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'gov', 'sen', 'rep', 'prof', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'u.s', 'u.n', 'u.k', 'inc', 'corp', 'co', 'ltd', 'jr', 'sr',
]);

function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  while (j < text.length && /["”’')\]]/.test(text[j]!)) j++;
  if (j < text.length && !/\s/.test(text[j]!)) return false;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  if (j >= text.length || text[j] === '\n') return true;
  const next = text[j]!;
  if (!(next !== next.toLowerCase() || /["“‘(\d]/.test(next))) return false;
  if (c === '.') {
    let k = i - 1;
    while (k >= 0 && /[\p{L}.]/u.test(text[k]!)) k--;
    const before = text.slice(k + 1, i).toLowerCase();
    if (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before)) return false;
  }
  return true;
}

/** [start, end) of the sentence containing offset `at` (paragraph breaks always end a sentence). */
export function sentenceAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0) {
    const c = text[start - 1]!;
    if (c === '\n') break;
    if (isSentenceEnd(text, start - 1)) break;
    start--;
  }
  while (start < at && /\s/.test(text[start]!)) start++;
  let end = at;
  while (end < text.length) {
    const c = text[end]!;
    if (c === '\n') break;
    if (isSentenceEnd(text, end)) {
      end++;
      while (end < text.length && /["”’')\]]/.test(text[end]!)) end++;
      break;
    }
    end++;
  }
  return [start, end];
}

/** [start, end) of the paragraph (blank-line separated) containing `at`. */
export function paragraphAround(text: string, at: number): [number, number] {
  const before = text.lastIndexOf('\n\n', at - 1);
  const after = text.indexOf('\n\n', at);
  return [before < 0 ? 0 : before + 2, after < 0 ? text.length : after];
}

/**
 * The clause around [start, end) inside its sentence: cut at semicolons, dashes and the commas that
 * open a relative clause about something else (", where", ", which"). "when" is kept: in news it
 * usually points back at the time just named ("in late 2022, when the agency put the number at …").
 */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  const [s0, s1] = sentenceAround(text, start);
  const before = text.slice(s0, start);
  const after = text.slice(end, s1);
  const BOUND = /;|\s[—–]\s|\s-\s|,\s+(?:where|which|while|whereas|but|although|though)\b/g;
  let from = s0;
  for (let m = BOUND.exec(before); m; m = BOUND.exec(before)) from = s0 + m.index + m[0].length;
  BOUND.lastIndex = 0;
  const m = BOUND.exec(after);
  const to = m ? end + m.index : s1;
  return [from, Math.max(to, end)];
}

/** The digits of a written number, for spotting the same figure printed differently ("1,2538" and "12,538"). */
export function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
  }
  return out;
}

/** A number written with thousands separators in the wrong places ("1,2538", "13 221" is fine, "12,53,8" is not). */
export function misgrouped(s: string): boolean {
  const m = /\d[\d,]*\d/.exec(s);
  if (!m || !m[0].includes(',')) return false;
  return !/^\d{1,3}(,\d{3})+$/.test(m[0]);
}

/** Content words of a span, lower-cased and singular, for overlap between reports. */
export function contentWords(s: string, stop: Set<string>, singular: (w: string) => string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (w.length < 3 || stop.has(w) || /^\d/.test(w)) continue;
    out.push(singular(w));
  }
  return out;
}

/** 32-bit FNV-1a. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
