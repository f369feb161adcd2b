/** Every span of an extraction, with where it sits in the record, for checks of the offset invariant. */
import type { Extraction, Span } from '../types.ts';

export function allSpans(x: Extraction): { path: string; span: Span }[] {
  const out: { path: string; span: Span }[] = [];
  x.entities.forEach((e) => e.mentions.forEach((m, i) => out.push({ path: `entities.${e.id}.mentions.${i}`, span: m })));
  x.times.forEach((t, i) => out.push({ path: `times.${i}`, span: t }));
  x.figures.forEach((f) => out.push({ path: `figures.${f.id}`, span: f }));
  x.claims.forEach((c) => {
    if (c.source) out.push({ path: `claims.${c.id}.source`, span: c.source });
    if (c.cue) out.push({ path: `claims.${c.id}.cue`, span: c.cue });
    c.content.forEach((s, i) => out.push({ path: `claims.${c.id}.content.${i}`, span: s }));
  });
  x.events.forEach((v) => out.push({ path: `events.${v.id}.trigger`, span: v.trigger }));
  return out;
}

/** Spans whose offsets do not reproduce their text (should always be empty). */
export function badSpans(text: string, x: Extraction): { path: string; span: Span; actual: string }[] {
  return allSpans(x)
    .filter(({ span }) => !(span.start >= 0 && span.end <= text.length && span.start <= span.end && text.slice(span.start, span.end) === span.text))
    .map((b) => ({ ...b, actual: text.slice(b.span.start, b.span.end) }));
}
