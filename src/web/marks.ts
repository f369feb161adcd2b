/**
 * The article text with every stored span marked, for the reader. Spans overlap and nest (a figure
 * inside a claim's content inside a paragraph), so the text is cut at every span edge and each piece
 * carries the classes of all spans over it; a piece also lists the claims it belongs to, which is how
 * the client script highlights one claim's spans. Offsets are used exactly as stored.
 */
import type { Extraction, Span } from '../types.ts';
import { MARKS, type MarkKind } from '../cli/format.ts';
import { Html, escapeHtml } from './html.ts';

export type Mark = {
  kind: MarkKind | 'focus';
  start: number;
  end: number;
  /** Claim the span belongs to (contents, sources, cues, and figures inside a claim). */
  claim?: string;
  /** Figure id, so the timeline can point at one figure. */
  figure?: string;
  /** What the span was read as, shown on hover. */
  tip?: string;
};

export function figureReading(f: Extraction['figures'][number]): string {
  const value =
    f.value !== null ? f.value.toLocaleString('en-US') : f.min !== undefined ? `${f.min.toLocaleString('en-US')}–${(f.max ?? f.min).toLocaleString('en-US')}` : f.vague ?? 'vague';
  return [`${f.qualifier === 'exact' ? '' : f.qualifier + ' '}${value}`, f.unit, f.per ? `per ${f.per}` : '', f.counts ? `· ${f.counts}` : '']
    .filter(Boolean)
    .join(' ');
}

export function marksOf(x: Extraction): Mark[] {
  const out: Mark[] = [];
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  for (const c of x.claims) {
    for (const s of c.content) out.push({ kind: 'content', start: s.start, end: s.end, claim: c.id });
    if (c.source) {
      const resolved = c.source.entity ? names.get(c.source.entity) : undefined;
      out.push({ kind: 'source', start: c.source.start, end: c.source.end, claim: c.id, tip: `source${resolved && resolved !== c.source.text ? ' = ' + resolved : ''}` });
    }
    if (c.cue) out.push({ kind: 'cue', start: c.cue.start, end: c.cue.end, claim: c.id, tip: `cue · ${c.kind}${c.polarity === 'negated' ? ', negated' : ''}` });
  }
  for (const f of x.figures) out.push({ kind: 'figure', start: f.start, end: f.end, claim: f.claim, figure: f.id, tip: `figure = ${figureReading(f)}` });
  for (const t of x.times) out.push({ kind: 'time', start: t.start, end: t.end, tip: `date = ${t.value}${t.mod ? ' ' + t.mod : ''}` });
  for (const e of x.entities) for (const m of e.mentions) out.push({ kind: 'entity', start: m.start, end: m.end, tip: `${e.type} · ${e.name}` });
  return out;
}

/** Spans whose stored text is not what their offsets cut from the document: shown to the reader as a warning. */
export function misplaced(text: string, x: Extraction): Span[] {
  const bad: Span[] = [];
  const check = (s: Span | undefined) => {
    if (s && text.slice(s.start, s.end) !== s.text) bad.push(s);
  };
  for (const c of x.claims) {
    c.content.forEach(check);
    check(c.source);
    check(c.cue);
  }
  x.figures.forEach(check);
  x.times.forEach(check);
  for (const e of x.entities) e.mentions.forEach(check);
  return bad;
}

const ORDER: (MarkKind | 'focus')[] = ['focus', 'content', 'entity', 'time', 'figure', 'source', 'cue'];

/** The text as HTML: pieces between span edges, each escaped, marked ones wrapped in a span with their kinds. */
export function markedText(text: string, marks: Mark[]): Html {
  const valid = marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= text.length && m.start < m.end);
  const edges = new Set<number>([0, text.length]);
  for (const m of valid) {
    edges.add(m.start);
    edges.add(m.end);
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const starting = new Map<number, Mark[]>();
  for (const m of valid) (starting.get(m.start) ?? starting.set(m.start, []).get(m.start)!).push(m);
  const active = new Set<Mark>();
  let out = '';
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    for (const m of active) if (m.end <= a) active.delete(m);
    for (const m of starting.get(a) ?? []) active.add(m);
    const piece = escapeHtml(text.slice(a, b));
    if (!active.size) {
      out += piece;
      continue;
    }
    const kinds = new Set<string>();
    const claims = new Set<string>();
    const figures = new Set<string>();
    const tips: string[] = [];
    for (const m of active) {
      kinds.add(m.kind);
      if (m.claim) claims.add(m.claim);
      if (m.figure) figures.add(m.figure);
      if (m.tip && !tips.includes(m.tip)) tips.push(m.tip);
    }
    const classes = ORDER.filter((k) => kinds.has(k)).map((k) => 'm-' + k).join(' ');
    out +=
      `<span class="m ${classes}" data-s="${a}"` +
      (claims.size ? ` data-claims="${escapeHtml([...claims].join(' '))}"` : '') +
      (figures.size ? ` data-figures="${escapeHtml([...figures].join(' '))}"` : '') +
      (tips.length ? ` title="${escapeHtml(tips.join(' · '))}"` : '') +
      `>${piece}</span>`;
  }
  return new Html(out);
}

/** The legend: each kind with its label, in the same classes the text uses. */
export const LEGEND: { kind: MarkKind; label: string; explains: string }[] = [
  { kind: 'source', label: MARKS.source.label, explains: 'who is said to have said it' },
  { kind: 'cue', label: MARKS.cue.label, explains: 'the verb or phrase that attributes it' },
  { kind: 'content', label: MARKS.content.label, explains: 'what was said' },
  { kind: 'figure', label: MARKS.figure.label, explains: 'a number, amount or estimate' },
  { kind: 'time', label: MARKS.time.label, explains: 'a date or time, with its reading' },
  { kind: 'entity', label: MARKS.entity.label, explains: 'a person, organisation or place' },
];
