/**
 * Reads one amount at a character offset: an optional currency, a number written in digits, words
 * or both ("15,000", "15 000", "5K", "$3.5bn", "six thousand", "four-thousand-100"), a scale, and a
 * unit ("miles", "%", "square kilometres", "yuan"). Works on characters rather than wink tokens
 * because wink splits and joins number shapes inconsistently ("1,000s" becomes "1,0" + "00s",
 * "twenty-five" three tokens, "four-thousand-100" one word).
 *
 * Ranges, hedges, counted nouns and every "is this a figure at all" decision belong to the stage
 * (figures.ts); this module only answers "what amount is written here, and where does it end".
 */
import {
  CURRENCY_CODES,
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  DOLLAR_COUNTRIES,
  FRACTIONS,
  SCALE_ABBREVIATIONS,
  SCALE_WORDS,
  SMALL_NUMBERS,
  TENS,
  UNIT_FORMS,
  VAGUE_DETERMINERS,
  VAGUE_PLURALS,
} from './lexicon.ts';

export type Amount = {
  start: number;
  end: number;
  /** The amount with its scale applied; null for vague magnitudes. */
  value: number | null;
  /** The number as written before any scale ("12" in "12 million"), for range scale sharing. */
  base: number;
  scale: number;
  unit?: string;
  /** Vague magnitude words ("thousands", "several hundred"). */
  vague?: string;
  /** Written with digits (as opposed to words only). */
  digits: boolean;
  /** Digits only, no separators, decimals, scale or unit: the shape of years, model numbers and codes. */
  bare: boolean;
  /** A single spelled-out word such as "one" or "two" with nothing else. */
  singleWord: boolean;
  /** "m" straight after digits with no currency: million or metres, for the caller to settle. */
  ambiguousM?: { end: number };
  /** End of the number and scale, before any unit: ranges join here ("30-40%"). */
  numberEnd: number;
};

const SPACE = /[ \t\u00a0\u2009\u202f]/;
const DIGITS = /(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![0-9A-Za-z])|\d+)(?:\.\d+)?/y;
const LETTERS = /[A-Za-z]+/y;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z\u00C0-\u024F]/.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function skipSpaces(text: string, at: number, limit: number): number {
  while (at < limit && SPACE.test(text[at]!)) at++;
  return at;
}

/** Matches a word (case-insensitive) at `at` that is not followed by another letter. */
function wordAt(text: string, at: number, word: string): boolean {
  if (text.length < at + word.length) return false;
  if (text.slice(at, at + word.length).toLowerCase() !== word) return false;
  return !isLetter(text[at + word.length]) && !isDigit(text[at + word.length]);
}

function readLetters(text: string, at: number): string | null {
  LETTERS.lastIndex = at;
  const m = LETTERS.exec(text);
  return m ? m[0] : null;
}

/** A currency sign or code before the number; returns the unit and where the number may begin. */
export function currencyBefore(text: string, at: number, limit: number): { unit: string; next: number } | null {
  for (const [sign, unit] of CURRENCY_PREFIXES) {
    if (text.startsWith(sign, at)) {
      const next = skipSpaces(text, at + sign.length, limit);
      if (isDigit(text[next]) || (text[next] === '.' && isDigit(text[next + 1]))) return { unit, next };
      return null;
    }
  }
  const word = readLetters(text, at);
  if (word) {
    let end = at + word.length;
    if (text[end] === '.' && word === 'Rs') end++;
    const code = CURRENCY_CODES.get(text.slice(at, end));
    if (code) {
      const next = skipSpaces(text, end, limit);
      if (next > end && isDigit(text[next])) return { unit: code, next };
    }
  }
  return null;
}

type Written = {
  value: number;
  end: number;
  words: number;
  digits: boolean;
  plainDigits: boolean;
  /** "4 million", "six thousand": the number before a single scale word, so ranges can share the scale. */
  scaled?: { base: number; scale: number };
};

/**
 * Digits and number words in sequence, added up the way English writes them: "twenty-five",
 * "one hundred and twenty", "six thousand", "four-thousand-100", "1.5 million", "two dozen".
 * Stops before a word that cannot continue the number, so "five and six" is read as "five".
 */
function readWritten(text: string, at: number, limit: number, leadingA: boolean): Written | null {
  let total = 0;
  let current = leadingA ? 1 : 0;
  let pos = at;
  let end = -1;
  let words = 0;
  let atoms = 0;
  let sawDigits = false;
  let plainDigits = false;
  type Atom = 'none' | 'unit' | 'tens' | 'hundred' | 'big' | 'digits';
  let last = (leadingA ? 'unit' : 'none') as Atom;
  let lastBig = Infinity;
  let scales = 0;
  let beforeScale = 0;

  for (;;) {
    if (pos >= limit) break;
    let atomValue: number | null = null;
    let kind: Atom = 'none';
    let atomEnd = pos;
    if (isDigit(text[pos])) {
      if (last !== 'none' && last !== 'hundred' && last !== 'big') break;
      DIGITS.lastIndex = pos;
      const m = DIGITS.exec(text);
      if (!m) break;
      atomValue = Number(m[0].replace(/[^\d.]/g, ''));
      atomEnd = pos + m[0].length;
      kind = 'digits';
      plainDigits = atoms === 0 && /^\d+$/.test(m[0]);
      sawDigits = true;
    } else {
      const w = readLetters(text, pos);
      if (!w) break;
      const lw = w.toLowerCase();
      atomEnd = pos + w.length;
      if (SMALL_NUMBERS.has(lw)) {
        if (!(last === 'none' || (last === 'tens' && current % 10 === 0) || last === 'hundred' || last === 'big')) break;
        if (last === 'tens' && SMALL_NUMBERS.get(lw)! >= 10) break;
        atomValue = SMALL_NUMBERS.get(lw)!;
        kind = 'unit';
      } else if (TENS.has(lw)) {
        if (!(last === 'none' || last === 'hundred' || last === 'big')) break;
        atomValue = TENS.get(lw)!;
        kind = 'tens';
      } else if (lw === 'hundred') {
        if (!(last === 'unit' || last === 'digits' || last === 'tens') || current >= 100 || current === 0) break;
        current *= 100;
        kind = 'hundred';
      } else if (lw === 'dozen') {
        if (!(last === 'unit' || last === 'digits' || last === 'tens')) break;
        current *= 12;
        kind = 'hundred';
      } else if (SCALE_WORDS.has(lw)) {
        const scale = SCALE_WORDS.get(lw)!;
        if (current === 0 || scale >= lastBig || last === 'none') break;
        scales++;
        beforeScale = current;
        total += current * scale;
        current = 0;
        lastBig = scale;
        kind = 'big';
      } else break;
      words++;
    }
    if (atomValue !== null) {
      if (kind === 'digits' && (last === 'hundred' || last === 'big')) {
        // "four-thousand-100": digits may finish a worded number but only with a smaller part
        if (atomValue >= (last === 'big' ? lastBig : 100)) break;
      }
      current += atomValue;
    }
    atoms++;
    last = kind;
    end = atomEnd;
    // separators between atoms: a hyphen, spaces, or "and" after hundred/thousand ("one hundred and five")
    let next = atomEnd;
    if (text[next] === '-' && (isLetter(text[next + 1]) || isDigit(text[next + 1]))) next++;
    else {
      const s = skipSpaces(text, next, limit);
      if (s === next) break;
      next = s;
      if ((last === 'hundred' || last === 'big') && wordAt(text, next, 'and')) {
        const after = skipSpaces(text, next + 3, limit);
        const w = readLetters(text, after)?.toLowerCase();
        if (!w || !(SMALL_NUMBERS.has(w) || TENS.has(w))) break;
        next = after;
      }
    }
    // only continue when the next thing can be part of this number
    if (isDigit(text[next])) {
      if (last !== 'hundred' && last !== 'big') break;
    } else {
      const w = readLetters(text, next)?.toLowerCase();
      if (!w || !(SMALL_NUMBERS.has(w) || TENS.has(w) || SCALE_WORDS.has(w) || w === 'dozen')) break;
    }
    pos = next;
  }
  if (end < 0 || atoms === 0) return null;
  const scaled = scales === 1 && current === 0 && lastBig > 100 ? { base: beforeScale, scale: lastBig } : undefined;
  return { value: total + current, end, words, digits: sawDigits, plainDigits: plainDigits && atoms === 1, ...(scaled ? { scaled } : {}) };
}

/** "thousands", "tens of thousands", "several hundred", "a few dozen". */
function readVague(text: string, at: number, limit: number): { vague: string; end: number } | null {
  const w = readLetters(text, at);
  if (!w) return null;
  const lw = w.toLowerCase();
  let end = at + w.length;
  if (VAGUE_PLURALS.has(lw)) {
    // "tens" and "scores" only as magnitudes when a plural scale or noun follows with "of"
    let p = end;
    for (;;) {
      const s = skipSpaces(text, p, limit);
      if (!wordAt(text, s, 'of')) break;
      const s2 = skipSpaces(text, s + 2, limit);
      const w2 = readLetters(text, s2)?.toLowerCase();
      if (!w2 || !VAGUE_PLURALS.has(w2) || w2 === 'tens' || w2 === 'scores' || w2 === 'dozens') break;
      p = s2 + w2.length;
      end = p;
    }
    if ((lw === 'tens' || lw === 'scores') && end === at + w.length) {
      // bare "tens"/"scores" are not magnitudes; "scores of people" is
      if (lw === 'tens') return null;
      const s = skipSpaces(text, end, limit);
      if (!wordAt(text, s, 'of')) return null;
    }
    return { vague: text.slice(at, end), end };
  }
  let p = end;
  if (lw === 'a' || lw === 'an') {
    const s = skipSpaces(text, p, limit);
    if (!wordAt(text, s, 'few')) return null;
    p = s + 3;
  } else if (!VAGUE_DETERMINERS.has(lw)) return null;
  const s = skipSpaces(text, p, limit);
  const w2 = readLetters(text, s)?.toLowerCase();
  if (!w2 || !(w2 === 'hundred' || w2 === 'thousand' || w2 === 'million' || w2 === 'billion' || w2 === 'dozen' || w2 === 'trillion')) {
    return null;
  }
  if (isLetter(text[s + w2.length])) return null;
  end = s + w2.length;
  // "several hundred thousand"
  const s3 = skipSpaces(text, end, limit);
  const w3 = readLetters(text, s3)?.toLowerCase();
  if (w3 && (w3 === 'thousand' || w3 === 'million' || w3 === 'billion') && SCALE_WORDS.get(w3)! > SCALE_WORDS.get(w2)! &&
      !isLetter(text[s3 + w3.length])) {
    end = s3 + w3.length;
  }
  return { vague: text.slice(at, end), end };
}

/** "half", "a third", "two-thirds", "three quarters": fractions as percentages, only before "of". */
function readFraction(text: string, at: number, limit: number): { value: number; end: number } | null {
  const w = readLetters(text, at);
  if (!w) return null;
  const lw = w.toLowerCase();
  let end = at + w.length;
  let value: number | null = null;
  if (lw === 'half') value = 50;
  else if (lw === 'a' || lw === 'one') {
    const s = lw === 'one' && text[end] === '-' ? end + 1 : skipSpaces(text, end, limit);
    const w2 = readLetters(text, s)?.toLowerCase();
    if (w2 && FRACTIONS.has(w2) && w2 !== 'half' && !w2.endsWith('s')) {
      value = FRACTIONS.get(w2)!;
      end = s + w2.length;
    } else if (w2 === 'half') {
      value = 50;
      end = s + 4;
    }
  } else if (SMALL_NUMBERS.has(lw) && SMALL_NUMBERS.get(lw)! >= 2 && SMALL_NUMBERS.get(lw)! <= 4) {
    const sep = text[end] === '-' ? end + 1 : skipSpaces(text, end, limit);
    const w2 = readLetters(text, sep)?.toLowerCase();
    if (w2 && FRACTIONS.has(w2) && w2.endsWith('s')) {
      value = SMALL_NUMBERS.get(lw)! * FRACTIONS.get(w2)!;
      end = sep + w2.length;
    }
  }
  if (value === null) return null;
  const s = skipSpaces(text, end, limit);
  if (!wordAt(text, s, 'of')) return null;
  return { value, end };
}

/** A scale abbreviation or word after the number: "bn", "K", " million". */
function readScale(text: string, at: number, digitsStart: number, limit: number, hasCurrency: boolean): { scale: number; end: number; ambiguousM?: boolean } | null {
  // glued abbreviations: 5K, $3bn, £20m
  const glued = readLetters(text, at);
  if (glued !== null) {
    if (SCALE_ABBREVIATIONS.has(glued)) {
      if ((glued === 'b' || glued === 'B' || glued === 'M') && !hasCurrency) return null;
      // a single digit with K and no currency is a format or a race ("4K TVs", "a 5K run"), not thousands
      if ((glued === 'K' || glued === 'k') && !hasCurrency && at - digitsStart < 2) return null;
      return { scale: SCALE_ABBREVIATIONS.get(glued)!, end: at + glued.length };
    }
    if (glued === 'm') return hasCurrency ? { scale: 1e6, end: at + 1 } : { scale: 1e6, end: at + 1, ambiguousM: true };
    return null;
  }
  const s = skipSpaces(text, at, limit);
  if (s === at) return null;
  const w = readLetters(text, s);
  if (!w) return null;
  const lw = w.toLowerCase();
  if (SCALE_WORDS.has(lw) && lw !== 'hundred') return { scale: SCALE_WORDS.get(lw)!, end: s + w.length };
  if ((lw === 'bn' || lw === 'mn' || lw === 'mln' || lw === 'tn') && w === lw) return { scale: SCALE_ABBREVIATIONS.get(lw)!, end: s + w.length };
  if (w === 'm' && hasCurrency) return { scale: 1e6, end: s + 1 };
  return null;
}

type UnitForm = { form: string; lower: string; unit: string; anyCase: boolean };

/** Unit forms grouped by lower-cased first character, so a lookup tries a handful, not all of them. */
const UNIT_FORMS_BY_FIRST: ReadonlyMap<string, UnitForm[]> = (() => {
  const byFirst = new Map<string, UnitForm[]>();
  for (const [form, unit] of UNIT_FORMS) {
    // full words match in any case ("Miles"); abbreviations only as written ("m" is not "M")
    const f: UnitForm = { form, lower: form.toLowerCase(), unit, anyCase: /^[a-z ]+$/.test(form) && form.length > 3 };
    const key = form[0]!.toLowerCase();
    byFirst.set(key, [...(byFirst.get(key) ?? []), f]);
  }
  return byFirst;
})();

/** A unit or currency word after the amount; returns the unit, a minor-unit scale and the end offset. */
export function readUnit(text: string, at: number, limit: number): { unit: string; end: number; scale?: number } | null {
  const s = skipSpaces(text, at, limit);
  const first = text[s];
  if (first === undefined || s >= limit) return null;
  // currency words, with an optional country adjective ("Canadian dollars", "US dollars")
  const w = readLetters(text, s);
  if (w) {
    const lw = w.toLowerCase();
    const two = (() => {
      const s2 = skipSpaces(text, s + w.length, limit);
      const w2 = readLetters(text, s2);
      return w2 ? { w: w2, s: s2 } : null;
    })();
    if (DOLLAR_COUNTRIES.has(lw) || lw === 'u' || (lw === 'new' || lw === 'hong')) {
      // "U.S. dollars", "Hong Kong dollars"
      let p = s + w.length;
      let key = lw;
      if (lw === 'u' && text.startsWith('.S.', p)) {
        key = 'u.s.';
        p += 3;
      } else if ((lw === 'new' || lw === 'hong') && two) {
        key = `${lw} ${two.w.toLowerCase()}`;
        p = two.s + two.w.length;
      }
      const s2 = skipSpaces(text, p, limit);
      const w2 = readLetters(text, s2)?.toLowerCase();
      if (DOLLAR_COUNTRIES.has(key) && (w2 === 'dollars' || w2 === 'dollar')) {
        return { unit: DOLLAR_COUNTRIES.get(key)!, end: s2 + w2.length };
      }
      if (key === 'swiss' && (w2 === 'francs' || w2 === 'franc')) return { unit: 'CHF', end: s2 + w2.length };
    }
    if (CURRENCY_WORDS.has(lw) && !isLetter(text[s + w.length])) {
      const c = CURRENCY_WORDS.get(lw)!;
      let end = s + w.length;
      // "pounds of flour" is weight; "pounds sterling" money
      if ((lw === 'pounds' || lw === 'pound') && two && two.w.toLowerCase() === 'of') return { unit: 'lb', end };
      if ((lw === 'pounds' || lw === 'pound') && two && two.w.toLowerCase() === 'sterling') end = two.s + two.w.length;
      // "won" and "real" are English words first: take them only after a scale or with a currency sense nearby
      if (lw === 'won' || lw === 'real') return null;
      return { unit: c.unit, end, ...(c.scale ? { scale: c.scale } : {}) };
    }
    const code = CURRENCY_CODES.get(w);
    if (code && w.length === 3 && w === w.toUpperCase()) return { unit: code, end: s + w.length };
  }
  for (const { form, lower, unit, anyCase } of UNIT_FORMS_BY_FIRST.get(first.toLowerCase()) ?? []) {
    if (anyCase) {
      if (text.length >= s + form.length && text.slice(s, s + form.length).toLowerCase() === lower && !isLetter(text[s + form.length])) {
        return { unit, end: s + form.length };
      }
    } else if (text.startsWith(form, s) && !isLetter(text[s + form.length]) && !isDigit(text[s + form.length])) {
      // a glued "2" in "km2" is part of the form; any other digit means a code such as "A330-200"
      return { unit, end: s + form.length };
    }
  }
  return null;
}

/**
 * The amount starting exactly at `at` (digits, words, a vague magnitude or a fraction), or null.
 * "a"/"an" starts so many tokens that callers ask for "a thousand" with `allowA`.
 */
export function readAmount(text: string, at: number, limit: number, opts: { allowA?: boolean } = {}): Amount | null {
  const start = at;
  let unit: string | undefined;
  let pos = at;
  const cur = currencyBefore(text, pos, limit);
  if (cur) {
    unit = cur.unit;
    pos = cur.next;
  }

  if (!cur) {
    const vague = readVague(text, pos, limit);
    if (vague) {
      const u = readUnitOrOfCurrency(text, vague.end, limit);
      return {
        start, end: u ? u.end : vague.end, value: null, base: 0, scale: 1, ...(u ? { unit: u.unit } : {}),
        vague: vague.vague, digits: false, bare: false, singleWord: false, numberEnd: vague.end,
      };
    }
    const fraction = readFraction(text, pos, limit);
    if (fraction) {
      return {
        start, end: fraction.end, value: fraction.value, base: fraction.value, scale: 1, unit: '%', digits: false,
        bare: false, singleWord: false, numberEnd: fraction.end,
      };
    }
  }

  // "a thousand", "a dozen", "half a million"
  let leadingA = false;
  let factor = 1;
  if (!cur) {
    const w = readLetters(text, pos)?.toLowerCase();
    if (w === 'half' || w === 'a' || w === 'an') {
      let p = pos + w.length;
      if (w === 'half') {
        const s = skipSpaces(text, p, limit);
        if (!wordAt(text, s, 'a')) return null;
        p = s + 1;
        factor = 0.5;
      }
      const s = skipSpaces(text, p, limit);
      const w2 = readLetters(text, s)?.toLowerCase();
      if (!w2 || !(w2 === 'hundred' || w2 === 'thousand' || w2 === 'million' || w2 === 'billion' || w2 === 'trillion' || w2 === 'dozen') ||
          isLetter(text[s + w2.length])) {
        return null;
      }
      if (!opts.allowA && w !== 'half') {
        // callers ask for "a ..." explicitly because "a" starts so many tokens
        return null;
      }
      leadingA = true;
      pos = s;
    }
  }

  // after "a", the scale word itself is the first atom with an implied one in front
  const written = readWritten(text, pos, limit, leadingA);
  if (!written) return null;
  let numberEnd = written.end;
  let base = (written.scaled ? written.scaled.base : written.value) * factor;
  let scale = written.scaled ? written.scaled.scale : 1;
  let ambiguousM: { end: number } | undefined;
  const sc = written.digits && !written.words ? readScale(text, numberEnd, pos, limit, !!unit) : null;
  if (sc) {
    base = written.value * factor;
    scale = sc.scale;
    if (sc.ambiguousM) ambiguousM = { end: sc.end };
    numberEnd = sc.end;
  } else if (written.digits && !written.words && isLetter(text[numberEnd])) {
    // "3G", "4x4", "747s": glued letters that are neither scale nor unit make this not an amount
    const u = readUnit(text, numberEnd, limit);
    if (!u) return null;
  }
  let end = numberEnd;
  const value = base * scale;
  let minorScale = 1;
  if (!ambiguousM) {
    const u = readUnit(text, numberEnd, limit);
    if (u && !unit) {
      unit = u.unit;
      if (u.scale) minorScale = u.scale;
      end = u.end;
    } else if (u && unit && isCurrencyUnit(u.unit)) {
      // the currency said twice: "$249 USD", "$5.9 billion dollars"
      end = u.end;
    }
  }
  const bare = written.plainDigits && scale === 1 && !unit && !leadingA;
  return {
    start,
    end,
    value: value * minorScale,
    base: base * minorScale,
    scale,
    ...(unit ? { unit } : {}),
    digits: written.digits,
    bare,
    singleWord: !written.digits && written.words === 1 && !leadingA && scale === 1,
    ...(ambiguousM ? { ambiguousM } : {}),
    numberEnd,
  };
}

/** "billions of dollars", "several hundred square kilometres". */
function readUnitOrOfCurrency(text: string, at: number, limit: number): { unit: string; end: number } | null {
  const direct = readUnit(text, at, limit);
  if (direct && !isCurrencyUnit(direct.unit)) return direct;
  const s = skipSpaces(text, at, limit);
  if (!wordAt(text, s, 'of')) return null;
  const u = readUnit(text, s + 2, limit);
  if (u && isCurrencyUnit(u.unit)) return u;
  return null;
}

const MEASURE_UNITS = new Set(UNIT_FORMS.map(([, u]) => u));

export function isCurrencyUnit(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit) && !MEASURE_UNITS.has(unit);
}
