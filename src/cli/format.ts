/**
 * Text output for people: the extraction report, the article with its spans marked, and tables.
 * Colour only when writing to a terminal that wants it (NO_COLOR and FORCE_COLOR are honoured).
 */
import type { Document, Extraction, Span } from '../types.ts';
import type { ClaimRow, FigureRow, Summary } from '../store/ledger.ts';

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

const SGR = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
};

/** How each kind of span is marked: an ANSI style for terminals and brackets for plain output. */
export const MARKS = {
  source: { ansi: '\x1b[1;36m', open: '⟨', close: '⟩', label: 'source' },
  cue: { ansi: '\x1b[1;35m', open: '‹', close: '›', label: 'cue' },
  content: { ansi: '\x1b[4m', open: '[', close: ']', label: 'content' },
  figure: { ansi: '\x1b[1;33m', open: '{', close: '}', label: 'figure' },
  time: { ansi: '\x1b[34m', open: '⟦', close: '⟧', label: 'date' },
  entity: { ansi: '\x1b[32m', open: '', close: '', label: 'name' },
} as const;
export type MarkKind = keyof typeof MARKS;

const paint = (color: boolean, code: string, s: string) => (color ? code + s + SGR.reset : s);

function quote(s: string, max = 220): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

export function formatReport(doc: Pick<Document, 'id' | 'published' | 'title' | 'outlet' | 'origin'>, x: Extraction, color = false): string {
  const out: string[] = [];
  const b = (s: string) => paint(color, SGR.bold, s);
  const d = (s: string) => paint(color, SGR.dim, s);
  const head = [doc.title, doc.outlet, doc.published ?? 'no publication date'].filter(Boolean).join(' · ');
  out.push(b(`${doc.origin ?? doc.id}`) + d(`  ${doc.id}`));
  out.push(head);
  const names = new Map(x.entities.map((e) => [e.id, e.name]));

  out.push('', b(`Claims (${x.claims.length})`));
  for (const c of x.claims) {
    const src = c.source ? c.source.text + (c.source.entity && names.get(c.source.entity) !== c.source.text ? ` (= ${names.get(c.source.entity)})` : '') : '(unattributed)';
    const when = c.said ? `said ${c.said}` : 'date said unknown';
    const flags = [c.kind, c.polarity === 'negated' ? 'negated' : ''].filter(Boolean).join(', ');
    out.push(`  ${d(c.id.padEnd(4))} ${paint(color, MARKS.source.ansi, src)} → ${paint(color, MARKS.cue.ansi, c.cue?.text ?? '—')} → ${quote(c.content.map((s) => s.text).join(' … '))}`);
    out.push(`       ${d(`${flags}; ${when}`)}`);
  }

  out.push('', b(`Figures (${x.figures.length})`));
  for (const f of x.figures) {
    const value = f.value !== null ? String(f.value) : f.min !== undefined ? `${f.min}–${f.max}` : f.vague ?? 'vague';
    const what = [f.unit, f.per ? `per ${f.per}` : '', f.counts ? `counts “${f.counts}”` : ''].filter(Boolean).join(' ');
    const extra = [f.modality, f.claim ? `in ${f.claim}` : '', f.changedFrom ? `changed from ${f.changedFrom}` : ''].filter(Boolean).join(', ');
    out.push(`  ${d(f.id.padEnd(4))} ${paint(color, MARKS.figure.ansi, quote(f.text, 80))}  = ${value} (${f.qualifier})${what ? ' ' + what : ''}${extra ? d('  ' + extra) : ''}`);
  }

  out.push('', b(`Dates (${x.times.length})`));
  for (const t of x.times) out.push(`  ${paint(color, MARKS.time.ansi, t.text)} → ${t.value} ${d(t.type + (t.mod ? ' ' + t.mod : ''))}`);

  out.push('', b(`Names (${x.entities.length})`));
  for (const e of x.entities) {
    const forms = [...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name);
    out.push(`  ${e.type.padEnd(6)} ${paint(color, MARKS.entity.ansi, e.name)}${e.country ? ` (${e.country})` : ''}${e.role ? d(` ${e.role}`) : ''}  ${d(`${e.mentions.length}×${forms.length ? ', also ' + forms.join(', ') : ''}`)}`);
  }
  if (x.events.length) {
    out.push('', b(`Events (${x.events.length})`));
    for (const v of x.events) {
      out.push(`  ${v.type}${v.mode ? '/' + v.mode : ''}: ${names.get(v.actor ?? '') ?? '?'} → ${names.get(v.recipient ?? '') ?? '—'}  “${v.trigger.text}”${v.when ? ' ' + v.when : ''}`);
    }
  }
  return out.join('\n');
}

/** Spans of an extraction by kind, for marking the text. */
export function spansOf(x: Extraction): { kind: MarkKind; span: Span }[] {
  const out: { kind: MarkKind; span: Span }[] = [];
  for (const c of x.claims) {
    for (const s of c.content) out.push({ kind: 'content', span: s });
    if (c.source) out.push({ kind: 'source', span: c.source });
    if (c.cue) out.push({ kind: 'cue', span: c.cue });
  }
  for (const f of x.figures) out.push({ kind: 'figure', span: f });
  for (const t of x.times) out.push({ kind: 'time', span: t });
  for (const e of x.entities) for (const m of e.mentions) out.push({ kind: 'entity', span: m });
  return out;
}

/**
 * The text with spans marked. In colour each character takes the styles of every span over it;
 * without colour, brackets open and close at span edges (figures {…}, dates ⟦…⟧, sources ⟨…⟩,
 * cues ‹…›, contents […]).
 */
export function markText(text: string, spans: { kind: MarkKind; span: Span }[], color: boolean): string {
  if (color) {
    const PRIORITY: MarkKind[] = ['content', 'entity', 'time', 'figure', 'source', 'cue'];
    const layers = new Array<Set<MarkKind> | undefined>(text.length);
    for (const { kind, span } of spans) {
      for (let i = span.start; i < span.end; i++) (layers[i] ??= new Set()).add(kind);
    }
    let out = '';
    let prev = '';
    for (let i = 0; i < text.length; i++) {
      const set = layers[i];
      const code = set ? PRIORITY.filter((k) => set.has(k)).map((k) => MARKS[k].ansi).join('') : '';
      if (code !== prev) {
        out += SGR.reset + code;
        prev = code;
      }
      out += text[i];
    }
    return out + SGR.reset;
  }
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const sorted = [...spans].filter((s) => MARKS[s.kind].open).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  for (const { kind, span } of sorted) {
    (opens.get(span.start) ?? opens.set(span.start, []).get(span.start)!).push(MARKS[kind].open);
    (closes.get(span.end) ?? closes.set(span.end, []).get(span.end)!).unshift(MARKS[kind].close);
  }
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    const c = closes.get(i);
    if (c) out += c.join('');
    const o = opens.get(i);
    if (o) out += o.join('');
    if (i < text.length) out += text[i];
  }
  return out;
}

export function legend(color: boolean): string {
  return (Object.keys(MARKS) as MarkKind[])
    .map((k) => (color ? MARKS[k].ansi + MARKS[k].label + SGR.reset : MARKS[k].open ? `${MARKS[k].open}${MARKS[k].label}${MARKS[k].close}` : ''))
    .filter(Boolean)
    .join('  ');
}

export function formatClaims(rows: ClaimRow[], color = false): string {
  if (!rows.length) return 'No claims match.';
  return rows
    .map((r) => {
      const who = r.sourceEntity && r.sourceEntity !== r.source ? `${r.source} (= ${r.sourceEntity})` : r.source ?? '(unattributed)';
      const when = r.said ?? (r.published ? `published ${r.published}` : 'undated');
      return `${paint(color, SGR.dim, `${r.documentId}:${r.id}`)} ${when}${r.outlet ? ' · ' + r.outlet : ''}\n  ${paint(color, MARKS.source.ansi, who)} → ${paint(color, MARKS.cue.ansi, r.cue ?? '—')} → ${quote(r.content)}  ${paint(color, SGR.dim, r.kind)}`;
    })
    .join('\n');
}

export function formatFigures(rows: FigureRow[], color = false): string {
  if (!rows.length) return 'No figures match.';
  const out: string[] = [];
  let measure: string | undefined | null = null;
  for (const r of rows) {
    if (r.measure !== measure) {
      measure = r.measure;
      out.push(paint(color, SGR.bold, measure ?? '(no counted noun or unit)'));
    }
    const value = r.value !== null ? r.value.toLocaleString('en-US') : r.min !== undefined ? `${r.min}–${r.max}` : r.vague ?? '?';
    const when = r.said ?? r.published ?? 'undated';
    out.push(`  ${when.padEnd(10)} ${value.padStart(10)} ${r.qualifier.padEnd(13)} ${paint(color, MARKS.figure.ansi, quote(r.text, 60))}  ${paint(color, SGR.dim, [r.source, r.outlet, `${r.documentId}:${r.id}`].filter(Boolean).join(' · '))}`);
  }
  return out.join('\n');
}

export function formatSummary(s: Summary, where: string): string {
  const out = [
    `Ledger ${where}`,
    `  ${s.documents} documents · ${s.claims} claims · ${s.figures} figures · ${s.entities} names`,
  ];
  if (s.outlets.length) out.push('', 'Outlets', ...s.outlets.map((o) => `  ${String(o.documents).padStart(4)}  ${o.outlet}`));
  if (s.sources.length) out.push('', 'Top sources', ...s.sources.map((o) => `  ${String(o.claims).padStart(4)}  ${o.name}`));
  if (s.series.length) {
    out.push('', 'Top figure series (figures on the same measure in more than one article)');
    out.push(...s.series.map((o) => `  ${String(o.points).padStart(4)}  ${o.measure}${o.first ? `  (${o.first} … ${o.last})` : ''}`));
  }
  return out.join('\n');
}
