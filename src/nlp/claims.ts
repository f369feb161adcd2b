/**
 * The claims stage: who said what, pinned to the characters of the article.
 *
 * `claims/attribution.ts` finds source, cue and content on tokens; this module turns them into
 * Claim records: spans, kind (direct / indirect / mixed / omission), polarity, the entity a pronoun
 * or description source stands for, when it was said, and the figures, times and entities its
 * content contains. Reporter's own assertions are kept only when they carry a figure, so that every
 * figure in the ledger can be traced to whoever stands behind it.
 */
import type { Claim, ClaimKind, Entity, Figure, Span, TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';
import { findAttributions, type Attribution, type Range } from './claims/attribution.ts';
import { findQuotes, quoteAt } from './claims/quotes.ts';
import { resolveSources } from './claims/resolve.ts';
import { dateClaims } from './claims/said.ts';
import { unattributedClaims } from './claims/unattributed.ts';
import { spanOf, linkContents } from './claims/spans.ts';

export function extractClaims(
  ctx: StageContext,
  earlier: { entities: Entity[]; times: TimeExpr[]; figures: Figure[] },
): Claim[] {
  const { seg } = ctx;
  const attributions = findAttributions(seg);
  const quotes = findQuotes(seg.text, seg.paragraphs);
  const claims: Claim[] = attributions.map((a, i) => toClaim(ctx, a, i, quotes));
  const speakers = resolveSources(ctx, attributions, claims, earlier.entities);
  dateClaims(ctx, attributions, claims, earlier.times, speakers);
  linkContents(claims, earlier);
  const own = unattributedClaims(ctx, claims, earlier.figures, claims.length);
  linkContents(own, earlier);
  claims.push(...own);
  return claims;
}

function toClaim(ctx: StageContext, a: Attribution, i: number, quotes: ReturnType<typeof findQuotes>): Claim {
  const { seg } = ctx;
  const content: Span[] = a.content.map((r) => spanOf(seg, r));
  const claim: Claim = {
    id: `c${String(i + 1).padStart(2, '0')}`,
    kind: a.omission ? 'omission' : kindOf(seg.text, content, quotes),
    polarity: a.negated ? 'negated' : 'affirmed',
    cue: spanOf(seg, a.cue),
    content,
    figures: [],
    entities: [],
  };
  if (a.source) claim.source = spanOf(seg, a.source);
  return claim;
}

/** Direct when every word of the content is quoted, mixed when some are, indirect when none. */
export function kindOf(text: string, content: Span[], quotes: ReturnType<typeof findQuotes>): ClaimKind {
  let quoted = 0;
  let plain = 0;
  for (const c of content) {
    for (let i = c.start; i < c.end; i++) {
      const ch = text.charCodeAt(i);
      // count letters and digits only: punctuation outside the marks does not make a quote mixed
      if (!isWordChar(ch)) continue;
      if (quoteAt(quotes, i)) quoted++;
      else plain++;
    }
  }
  if (quoted && !plain) return 'direct';
  if (quoted) return 'mixed';
  return 'indirect';
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: number): boolean {
  if (ch < 128) return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
  return WORD_CHAR.test(String.fromCharCode(ch));
}

export type { Range };
