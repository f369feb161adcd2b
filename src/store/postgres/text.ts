/**
 * Words and patterns as the PostgreSQL ledger matches them, chosen to give the answers SQLite gives.
 *
 * Claim search: SQLite's FTS5 (unicode61, remove_diacritics 2) splits text into runs of letters and
 * digits, folds case and drops accents, and a query matches when every word is there. Postgres's own
 * parser splits differently ("4,000", "e-mail", Hangul under a C locale), so the ledger splits words
 * itself, the same way for the stored vector and for the query, and hands Postgres ready lexemes:
 * the tsvector column and its GIN index then do the matching.
 */

/** Letters and digits, with the combining marks that follow them (dropped later, as FTS5 drops them). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** One search term: lower case, accents removed (résumé and resume match, as in FTS5). */
function term(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** Distinct terms of a text, in tsvector input form ('word' 'word'); quotes are not word characters. */
export function tsvectorOf(...texts: (string | undefined | null)[]): string {
  const terms = new Set<string>();
  for (const t of texts) if (t) for (const w of t.match(WORD) ?? []) terms.add(term(w));
  return [...terms].map((t) => `'${t}'`).join(' ');
}

/** A tsquery that needs every word of the user's input; undefined when there is no word at all. */
export function tsqueryOf(words: string): string | undefined {
  const terms = words.match(WORD);
  if (!terms?.length) return undefined;
  return [...new Set(terms.map(term))].map((t) => `'${t}'`).join(' & ');
}

/** Lower case for ASCII letters only: what SQLite's lower() and NOCASE do, and Postgres's lower() under "C". */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** A LIKE pattern that finds `s` anywhere, with the wildcard characters in `s` taken literally. */
export function containsPattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
}
