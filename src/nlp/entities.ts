/**
 * Stage: named entities, recognised, typed and linked within the document.
 *
 * Mentions come from the statistical tagger (names no list knows) and from the shipped and user
 * name lists (src/nlp/names/gazetteer.ts); names/mentions.ts merges them and spreads names the
 * document established to their other occurrences; names/link.ts makes one entity of each
 * thing's mentions and finds roles, countries and descriptions. Ids are e1, e2, ... in order of
 * first mention.
 */
import { delimiter } from 'node:path';
import type { Entity } from '../types.ts';
import type { StageContext } from './context.ts';
import { gazetteer, loadUserNames as addUserNames } from './names/gazetteer.ts';
import { linkMentions } from './names/link.ts';
import { findMentions } from './names/mentions.ts';
import { shippedModel } from './names/tagger.ts';
import { shippedTyper } from './names/typer.ts';

/** Paths already loaded from TRIANGULATE_NAMES, so each is read once per process (and per worker thread). */
const loadedFromEnv = new Set<string>();

/**
 * User lists named in TRIANGULATE_NAMES (several joined with the platform's path delimiter). Read
 * from the environment rather than passed in so that worker threads, which inherit it, use the same
 * lists as the main thread; the CLI's --names option sets it.
 */
function loadUserNamesFromEnv(): void {
  const value = process.env.TRIANGULATE_NAMES;
  if (!value) return;
  for (const path of value.split(delimiter)) {
    if (!path || loadedFromEnv.has(path)) continue;
    loadedFromEnv.add(path);
    addUserNames(path);
  }
}

export function extractEntities(ctx: StageContext): Entity[] {
  loadUserNamesFromEnv();
  const gz = gazetteer();
  const { mentions, input } = findMentions(ctx.seg, gz, shippedModel(), shippedTyper());
  return linkMentions(ctx.seg, input.keys, mentions, gz);
}

/**
 * Adds a user's list of names for their beat: TSV, one name a line,
 * `name<TAB>type<TAB>country<TAB>aliases` (aliases separated by `|`; type PERSON, ORG, GPE, LOC,
 * NORP or MISC; country ISO 3166-1 alpha-3). Listed names are found wherever written and
 * outrank the shipped lists. Returns how many names were read.
 */
export function loadUserNames(path: string): number {
  return addUserNames(path);
}
