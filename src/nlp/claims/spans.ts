/** Token ranges to character spans, and what a claim's content contains. */
import type { Claim, Entity, Figure, Span, TimeExpr } from '../../types.ts';
import type { Segmented } from '../segment.ts';

/** The exact text of tokens [start, end): the span starts on the first token and ends on the last. */
export function spanOf(seg: Segmented, [start, end]: [number, number]): Span {
  const s = seg.tokens[start]!.start;
  const e = seg.tokens[end - 1]!.end;
  return { start: s, end: e, text: seg.text.slice(s, e) };
}

function inside(spans: Span[], s: number, e: number): boolean {
  return spans.some((c) => s >= c.start && e <= c.end);
}

/** Links the figures, times and entity mentions that lie inside each claim's content. */
export function linkContents(
  claims: Claim[],
  earlier: { entities: Entity[]; times: TimeExpr[]; figures: Figure[] },
): void {
  for (const claim of claims) {
    claim.figures = earlier.figures.filter((f) => inside(claim.content, f.start, f.end)).map((f) => f.id);
    claim.entities = earlier.entities
      .filter((en) => en.mentions.some((m) => inside(claim.content, m.start, m.end)))
      .map((en) => en.id);
    const times = earlier.times.filter((t) => inside(claim.content, t.start, t.end));
    if (times.length) claim.times = times.map((t) => t.id ?? t.value);
  }
}
