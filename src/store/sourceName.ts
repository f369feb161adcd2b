import { PRONOUNS } from '../link/lexicon.ts';

/**
 * The name a claim's source is stored, searched and tallied under: the entity it resolves to, else
 * its own words, except a bare pronoun that resolved to nothing ("It", "she"): that names no one,
 * and would otherwise rank among the top sources. Its words stay in source_text.
 */
export function storedSourceName(resolved: string | undefined, text: string | undefined): string | null {
  if (resolved) return resolved;
  if (text == null || PRONOUNS.has(text.trim().toLowerCase())) return null;
  return text;
}
