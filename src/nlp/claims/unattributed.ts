/**
 * The reporter's own assertions, kept only when they carry a figure ("an estimated 14,000 troops
 * fought ..."): an analyst following a number needs to see that nobody is cited for it. One claim
 * per sentence holding figures that no attributed content already covers.
 */
import type { Claim, Figure } from '../../types.ts';
import type { StageContext } from '../context.ts';
import { sentenceAt } from '../segment.ts';
import { spanOf } from './spans.ts';

const END_PUNCT = new Set(['.', '!', '?', '…']);

export function unattributedClaims(ctx: StageContext, claims: Claim[], figures: Figure[], firstIndex: number): Claim[] {
  const { seg } = ctx;
  const linked = new Set(claims.flatMap((c) => c.figures));
  const covered = (f: Figure) => linked.has(f.id) || claims.some((c) => c.content.some((s) => f.start < s.end && s.start < f.end));
  const bySentence = new Map<number, Figure[]>();
  for (const f of figures) {
    if (covered(f)) continue;
    const s = sentenceAt(seg, f.start);
    if (!s) continue;
    const list = bySentence.get(s.index);
    if (list) list.push(f);
    else bySentence.set(s.index, [f]);
  }
  const out: Claim[] = [];
  for (const [index] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const s = seg.sentences[index]!;
    let end = s.tokenEnd;
    while (end > s.tokenStart + 1 && END_PUNCT.has(seg.tokens[end - 1]!.text)) end--;
    // a question is not an assertion
    if (seg.tokens[s.tokenEnd - 1]!.text === '?') continue;
    out.push({
      id: `c${String(firstIndex + out.length + 1).padStart(2, '0')}`,
      kind: 'unattributed',
      polarity: 'affirmed',
      content: [spanOf(seg, [s.tokenStart, end])],
      figures: [],
      entities: [],
    });
  }
  return out;
}
