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

/**
 * Links the figures, times and entity mentions that a claim carries: those inside its content, and
 * a figure standing between cue and content ("described the 5,000 workers as two brigades"), which is
 * what the claim is about. Marks each figure with its attributed claim (Figure.claim), which only
 * this stage can know; the reporter's own (unattributed) claims list figures but do not claim them.
 */
export function linkContents(
  claims: Claim[],
  earlier: { entities: Entity[]; times: TimeExpr[]; figures: Figure[] },
): void {
  for (const claim of claims) {
    const figures = earlier.figures.filter((f) => inside(claim.content, f.start, f.end) || betweenCueAndContent(claim, f));
    claim.figures = figures.map((f) => f.id);
    if (claim.kind !== 'unattributed') for (const f of figures) f.claim ??= claim.id;
    claim.entities = earlier.entities
      .filter((en) => en.mentions.some((m) => inside(claim.content, m.start, m.end)))
      .map((en) => en.id);
    const times = earlier.times.filter((t) => inside(claim.content, t.start, t.end));
    if (times.length) claim.times = times.map((t) => t.id ?? t.value);
  }
}

function betweenCueAndContent(claim: Claim, f: Span): boolean {
  const cue = claim.cue;
  const first = claim.content[0];
  return !!cue && !!first && f.start >= cue.end && f.end <= first.start;
}
