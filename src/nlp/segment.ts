/**
 * Stage 1: sentences, tokens and paragraphs with exact offsets into the canonical text.
 *
 * wink-nlp does the tokenising, sentence splitting and POS tagging; it reports tokens and the
 * whitespace before them but no offsets, so we align each token to the text ourselves. Alignment
 * searches forward from a cursor rather than summing lengths, which keeps offsets exact even where
 * wink's token text is not a plain slice (contractions, unusual whitespace, astral-plane characters).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Token = {
  /** Offsets into the document text, UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Universal POS tag from wink (NOUN, PROPN, VERB, NUM, PUNCT ...). */
  pos: string;
  lemma: string;
  /** wink token type: word, number, punctuation, emoji, currency, ... */
  kind: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
};

export type Sentence = {
  index: number;
  start: number;
  end: number;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
};

export type Paragraph = { index: number; start: number; end: number };

export type Segmented = {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Paragraph[];
};

/**
 * wink-nlp adds every out-of-vocabulary word it meets to its lexicon, and its tokeniser asks that
 * lexicon whether a string with a full stop or a hyphen inside ("U.S", "Jong-un") is a word before
 * deciding where to split it. Left alone, how one article is tokenised (and where its sentences end)
 * would depend on which articles the same process read before it: the ledger would differ with the
 * order of ingest and the number of worker threads. So after each document the words with a full stop
 * or hyphen that it added are taken out of the lexicon's lookup again, which makes every document read
 * as a fresh instance reads it (other added words never change a split). Their entries stay in wink's
 * own tables, so a fresh instance replaces the old one once enough have piled up.
 */
type WinkLexeme = { hash: Record<string, number>; list: string[] };
let lexeme: WinkLexeme | undefined;
const trackedModel = {
  ...(model as object),
  core: () => {
    const core = (model as unknown as { core: () => { features: { lexeme: WinkLexeme } } }).core();
    lexeme = core.features.lexeme;
    return core;
  },
};
/** Entries wink may hold beyond its own vocabulary before a fresh instance is made. */
const MAX_ADDED = 200_000;
let nlp = winkNLP(trackedModel as typeof model, ['sbd', 'pos']);
let baseSize = lexeme ? lexeme.list.length : 0;
const its = nlp.its as any;

function forgetSplitDecidingWords(from: number): void {
  if (!lexeme) return;
  const { hash, list } = lexeme;
  for (let i = from; i < list.length; i++) {
    const w = list[i]!;
    if (/[.\-–—]/.test(w) && hash[w] === i) delete hash[w];
  }
  if (list.length - baseSize > MAX_ADDED) {
    nlp = winkNLP(trackedModel as typeof model, ['sbd', 'pos']);
    baseSize = lexeme.list.length;
  }
}

/** Paragraphs are runs of text separated by blank lines (a line with only whitespace counts as blank). */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t\r\f\v]*\n\s*/g;
  let from = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number) => {
    // trim whitespace at both ends so a paragraph span starts and ends on text
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e });
  };
  while ((m = re.exec(text))) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

function isSpaceToken(kind: string, text: string): boolean {
  return kind === 'tabCRLF' || /^\s+$/.test(text);
}

export function segment(text: string): Segmented {
  const paragraphs = paragraphsOf(text);
  const before = lexeme ? lexeme.list.length : 0;
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemma = doc.tokens().out(its.lemma) as string[];
  const kind = doc.tokens().out(its.type) as string[];
  const spans: [number, number][] = [];
  doc.sentences().each((s: any) => {
    spans.push(s.out(its.span) as [number, number]);
  });
  forgetSplitDecidingWords(before);

  // Align wink tokens to character offsets.
  const starts = new Array<number>(words.length);
  const ends = new Array<number>(words.length);
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let at = text.startsWith(w, cursor) ? cursor : -1;
    if (at < 0) {
      // skip whitespace, then try again; finally search a little further ahead
      let c = cursor;
      while (c < text.length && /\s/.test(text[c]!)) c++;
      if (text.startsWith(w, c)) at = c;
      else {
        const found = text.indexOf(w, cursor);
        at = found >= 0 && found - cursor < 64 ? found : c;
      }
    }
    const len = text.startsWith(w, at) ? w.length : Math.max(1, Math.min(w.length, text.length - at));
    starts[i] = at;
    ends[i] = Math.min(text.length, at + len);
    cursor = ends[i]!;
  }

  // Build tokens (dropping whitespace tokens) and sentences over them.
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let para = 0;
  for (const [a, b] of spans) {
    const tokenStart = tokens.length;
    for (let i = a; i <= b; i++) {
      if (isSpaceToken(kind[i]!, words[i]!)) continue;
      tokens.push({
        start: starts[i]!,
        end: ends[i]!,
        text: text.slice(starts[i]!, ends[i]!),
        pos: pos[i]!,
        lemma: lemma[i]!,
        kind: kind[i]!,
        sentence: sentences.length,
      });
    }
    if (tokens.length === tokenStart) continue;
    const start = tokens[tokenStart]!.start;
    const end = tokens[tokens.length - 1]!.end;
    while (para < paragraphs.length - 1 && paragraphs[para]!.end <= start) para++;
    sentences.push({ index: sentences.length, start, end, tokenStart, tokenEnd: tokens.length, paragraph: para });
  }
  splitAtParagraphs(text, tokens, sentences, paragraphs);
  return { text, tokens, sentences, paragraphs };
}

/** wink occasionally runs a sentence across a blank line (a heading without a full stop); split it there. */
function splitAtParagraphs(text: string, tokens: Token[], sentences: Sentence[], paragraphs: Paragraph[]): void {
  if (paragraphs.length < 2) return;
  const out: Sentence[] = [];
  for (const s of sentences) {
    let from = s.tokenStart;
    for (let t = s.tokenStart + 1; t < s.tokenEnd; t++) {
      const gap = text.slice(tokens[t - 1]!.end, tokens[t]!.start);
      if (/\n[ \t\r\f\v]*\n/.test(gap)) {
        out.push({ ...s, tokenStart: from, tokenEnd: t });
        from = t;
      }
    }
    out.push({ ...s, tokenStart: from, tokenEnd: s.tokenEnd });
  }
  let para = 0;
  out.forEach((s, i) => {
    s.index = i;
    s.start = tokens[s.tokenStart]!.start;
    s.end = tokens[s.tokenEnd - 1]!.end;
    while (para < paragraphs.length - 1 && paragraphs[para]!.end <= s.start) para++;
    s.paragraph = para;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) tokens[t]!.sentence = i;
  });
  sentences.length = 0;
  sentences.push(...out);
}

/** The sentence containing a character offset, by binary search. */
export function sentenceAt(seg: Segmented, offset: number): Sentence | undefined {
  let lo = 0;
  let hi = seg.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = seg.sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Index of the first token whose start is >= offset (tokens.length when none). */
export function tokenIndexAt(seg: Segmented, offset: number): number {
  let lo = 0;
  let hi = seg.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seg.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
