/**
 * Quotation spans, marks included. News uses curly pairs (“ ”), straight double quotes, and in
 * older wire copy `` '' pairs or '' on both sides (the New York Times archive style). A quotation
 * that runs over several paragraphs reopens each paragraph without closing the previous one, so an
 * open quote is closed at the paragraph's end.
 */
import type { Paragraph } from '../segment.ts';

export type Quote = { start: number; end: number };

export function findQuotes(text: string, paragraphs: readonly Paragraph[]): Quote[] {
  const out: Quote[] = [];
  for (const p of paragraphs) {
    let open = -1;
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201c) {
        // “ : a second opener while open means the first was never closed; restart from here —
        // unless it stands where a closer does (“It's unusual,“ said ...), a slip copy makes
        if (open >= 0 && /[^\s“"]/.test(text[i - 1] ?? ' ') && /^[\s.,;:!?)\]]?$/.test(text[i + 1] ?? '')) {
          out.push({ start: open, end: i + 1 });
          open = -1;
        } else open = i;
      } else if (c === 0x201d) {
        if (open >= 0) {
          out.push({ start: open, end: i + 1 });
          open = -1;
        }
      } else if (c === 0x22) {
        // a straight mark closes a straight one, or a curly one when it stands where a closer does
        // (after a word, before a space or punctuation): copy often mixes the two
        const closer = open >= 0 && (text.charCodeAt(open) === 0x22 || (!/\s/.test(text[i - 1] ?? ' ') && /^[\s.,;:!?)\]]?$/.test(text[i + 1] ?? '')));
        if (closer) {
          out.push({ start: open, end: i + 1 });
          open = -1;
        } else if (open < 0) open = i;
      } else if (c === 0x60 && text.charCodeAt(i + 1) === 0x60) {
        open = i;
        i++;
      } else if (c === 0x27 && text.charCodeAt(i + 1) === 0x27 && text.charCodeAt(i + 2) !== 0x27) {
        // '' closes `` or an earlier '', and opens a quotation where none is open
        if (open >= 0 && (text.charCodeAt(open) === 0x60 || text.charCodeAt(open) === 0x27)) {
          out.push({ start: open, end: i + 2 });
          open = -1;
        } else if (open < 0) open = i;
        i++;
      }
    }
    if (open >= 0 && p.end - open > 1) out.push({ start: open, end: p.end });
  }
  return out;
}

/** The quote containing offset, by binary search over quotes sorted by start. */
export function quoteAt(quotes: readonly Quote[], offset: number): Quote | undefined {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (offset < q.start) hi = mid - 1;
    else if (offset >= q.end) lo = mid + 1;
    else return q;
  }
  return undefined;
}

export function isQuoteMark(s: string): boolean {
  return s === '“' || s === '”' || s === '"' || s === '``' || s === "''" || s === '`';
}

export function isOpeningQuote(s: string): boolean {
  return s === '“' || s === '``';
}

export function isClosingQuote(s: string): boolean {
  return s === '”' || s === "''";
}
