/**
 * Text output for people: the extraction report, the article with its spans marked, and tables.
 * Colour only when writing to a terminal that wants it (NO_COLOR and FORCE_COLOR are honoured).
 */
import type { Document, Extraction, Span } from '../types.ts';
import type { ClaimRow, FigureRow, Summary } from '../store/ledger.ts';
import type { ConflictRow, CopyGroupRow, CopyMemberRow, CrossEntity, SeriesSummary, SeriesTimeline, StatementGroup, TimelinePoint } from '../link/types.ts';

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

export function formatReport(doc: Pick<Document, 'id' | 'published' | 'title' | 'outlet' | 'origin'> & Partial<Pick<Document, 'byline'>>, x: Extraction, color = false): string {
  const out: string[] = [];
  const b = (s: string) => paint(color, SGR.bold, s);
  const d = (s: string) => paint(color, SGR.dim, s);
  const head = [doc.title, doc.outlet, doc.byline, doc.published ?? 'no publication date'].filter(Boolean).join(' · ');
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

// ---- cross-article links: series, statements, conflicts, copies, entities ----

const num = (n: number) => Math.round(n).toLocaleString('en-US');

/** A point's value as a reader says it: "about 4,000", "10,000–12,000", "fewer than 1,000", "hundreds". */
export function valueText(p: { value: number | null; min?: number; max?: number; qualifier: string; text?: string }): string {
  if (p.value === null && p.min !== undefined) return `${num(p.min)}–${p.max !== undefined ? num(p.max) : '…'}`;
  if (p.value === null) return p.text ?? '?';
  const q: Record<string, string> = {
    approximately: 'about ', 'at most': 'at most ', 'at least': 'at least ', 'more than': 'more than ', 'less than': 'fewer than ', range: '',
    exact: '', vague: '',
  };
  return `${q[p.qualifier] ?? ''}${num(p.value)}`;
}

export function formatSeriesList(rows: SeriesSummary[], color = false): string {
  if (!rows.length) return 'No figure series yet: a series needs the same measure in at least two independent articles (use --all to list every measure).';
  const out = [paint(color, SGR.bold, `${'points'.padStart(6)} ${'articles'.padStart(8)} ${'indep.'.padStart(6)}  ${'from … to'.padEnd(17)}  measure`)];
  for (const s of rows) {
    const span = s.first ? `${s.first.slice(0, 7)} … ${(s.last ?? '').slice(0, 7)}` : '';
    out.push(`${String(s.points).padStart(6)} ${String(s.documents).padStart(8)} ${String(s.independent).padStart(6)}  ${span.padEnd(17)}  ${s.label}`);
  }
  out.push('', paint(color, SGR.dim, 'indep. = articles that are not copies of one another. Show one: triangulate series "<measure>"'));
  return out.join('\n');
}

const BAR = 36;

/** One row of the terminal chart: solid for a value, shaded for what a qualifier leaves open. */
function bar(p: TimelinePoint, max: number): string {
  const at = (v: number) => Math.max(0, Math.min(BAR, Math.round((v / max) * BAR)));
  if (p.value === null && p.min !== undefined) {
    const a = at(p.min);
    const b = Math.max(a + 1, at(p.max ?? max));
    return ' '.repeat(a) + '▒'.repeat(b - a) + ' '.repeat(BAR - b);
  }
  if (p.value === null) return '?'.padEnd(BAR);
  const v = at(p.value);
  switch (p.qualifier) {
    case 'at most':
    case 'less than':
      return ('░'.repeat(Math.max(1, v - 1)) + '┤').padEnd(BAR).slice(0, BAR);
    case 'at least':
    case 'more than':
      return ('█'.repeat(Math.max(1, v)) + '▶').padEnd(BAR).slice(0, BAR);
    case 'approximately':
      return ('█'.repeat(Math.max(0, v - 1)) + '▌').padEnd(BAR).slice(0, BAR);
    default:
      return '█'.repeat(Math.max(1, v)).padEnd(BAR);
  }
}

export function formatTimeline(t: SeriesTimeline, color = false): string {
  const s = t.series;
  const d = (x: string) => paint(color, SGR.dim, x);
  const out = [
    paint(color, SGR.bold, s.label),
    `${s.points} points in ${s.documents} articles (${s.independent} not copies of one another)${s.first ? `, ${s.first} … ${s.last}` : ''}`,
    d(`why these belong together: ${t.why.join('; ')}`),
    '',
  ];
  const max = Math.max(1, ...t.points.map((p) => p.max ?? p.value ?? 0));
  out.push(d(`${'period'.padEnd(18)} ${'0'.padEnd(BAR - num(max).length)}${num(max)}  value`));
  for (const p of t.points) {
    const when = (p.period ?? '?') + (p.periodBasis === 'stated' ? '' : p.periodBasis === 'said' ? ' (as said)' : ' (pub.)');
    const flag = p.conflicts.length ? paint(color, '\x1b[1;31m', ` ⚠ conflict ${p.conflicts.map((c) => '#' + c).join(' ')}`) : '';
    out.push(`${when.padEnd(18)} ${paint(color, MARKS.figure.ansi, bar(p, max))}  ${valueText(p)}${flag}`);
    const who = [p.source ?? 'unattributed', p.said ? `said ${p.said}` : '', p.outlet ?? 'no outlet', p.published ?? '', p.copyOf ? `copy of ${p.copyOf.slice(0, 8)}` : '']
      .filter(Boolean)
      .join(' · ');
    out.push(d(`${''.padEnd(18)} “${quote(p.text, 70)}” — ${who} · ${p.documentId}:${p.figureId}@${p.start}-${p.end}`));
  }
  out.push('', d('█ value  ▌ about  ░┤ at most / fewer than  █▶ at least / more than  ▒ range'));
  if (t.related.length) {
    out.push('', 'Related series:');
    for (const r of t.related) out.push(`  ${String(r.points).padStart(4)}  ${r.label}`);
  }
  return out.join('\n');
}

export function formatStatements(rows: StatementGroup[], color = false): string {
  if (!rows.length) return 'No statement is reported by more than one article (use --all to list every statement).';
  const d = (x: string) => paint(color, SGR.dim, x);
  const out: string[] = [];
  for (const s of rows) {
    out.push(
      paint(color, SGR.bold, `#${s.id} ${s.source}${s.said ? `, said ${s.said}` : ''}`) +
        ` — ${s.reports.length} reports in ${s.documents} articles (${s.independent} independent)${s.outlets.length ? ': ' + s.outlets.join(', ') : ''}` +
        (s.discrepancy ? paint(color, '\x1b[1;31m', '  ⚠ reporting discrepancy') : ''),
    );
    s.reports.forEach((r, i) => {
      const figs = r.figures.length ? '  [' + r.figures.map((f) => f.text).join('; ') + ']' : '';
      out.push(`  ${(r.outlet ?? 'no outlet').padEnd(22)} ${(r.published ?? '').padEnd(10)} ${paint(color, MARKS.source.ansi, r.source ?? '')}: ${quote(r.content, 160)}${figs}`);
      // each later report says why it was taken as the same statement
      const why = [r.copyOf ? `copy of ${r.copyOf.slice(0, 8)}` : '', ...(i ? r.why.slice(0, 4) : [])].filter(Boolean);
      if (why.length) out.push(d(`  ${''.padEnd(33)} ${why.join('; ')}`));
    });
    out.push('');
  }
  return out.join('\n').trimEnd();
}

export function formatConflicts(rows: ConflictRow[], color = false): string {
  if (!rows.length) return 'No conflicts found.';
  const d = (x: string) => paint(color, SGR.dim, x);
  const kindName: Record<string, string> = {
    figures: 'figures disagree', misprint: 'misprint (reporting discrepancy)', reporting: 'reporting discrepancy', denial: 'a report and its denial',
  };
  // a denial across articles is not always of a report: a position judged by another source, or a rule one says does not apply and another says does
  const denialName: Record<string, string> = { verdict: 'a position and a verdict on it', applicability: 'a rule said not to apply, and said to apply' };
  const out: string[] = [];
  for (const c of rows) {
    const name = (c.denial && denialName[c.denial]) ?? kindName[c.kind] ?? c.kind;
    out.push(paint(color, SGR.bold, `#${c.id} ${name}: ${c.label}${c.period ? `, ${c.period}` : ''}`));
    c.sides.forEach((side, i) => {
      out.push(`  ${i ? 'against' : 'side'} ${side.value} — ${side.reports} report${side.reports === 1 ? '' : 's'} from ${side.independent} independent source${side.independent === 1 ? '' : 's'}`);
      for (const p of side.points) {
        const who = [p.source ?? 'unattributed', p.said ? `said ${p.said}` : '', p.outlet ?? 'no outlet', p.published ?? '', p.copyOf ? `copy of ${p.copyOf.slice(0, 8)}` : ''].filter(Boolean).join(' · ');
        out.push(`    “${paint(color, MARKS.figure.ansi, quote(p.text, 70))}” — ${who} ${d(`${p.documentId}:${p.claimId ?? p.figureId}@${p.start}-${p.end}`)}`);
      }
    });
    out.push(d(`  why: ${c.why.join('; ')}`), '');
  }
  return out.join('\n').trimEnd();
}

export function formatCopies(rows: CopyGroupRow[], color = false): string {
  if (!rows.length) return 'No copies: no two articles share most of their text.';
  const d = (x: string) => paint(color, SGR.dim, x);
  const out: string[] = [];
  const line = (m: CopyMemberRow) => `${(m.outlet ?? 'no outlet').padEnd(22)} ${(m.published ?? '').padEnd(10)} ${m.documentId}  ${quote(m.title ?? '', 70)}`;
  for (const g of rows) {
    out.push(paint(color, SGR.bold, `Copy group #${g.id}: ${g.copies.length + 1} articles, one text`));
    out.push(`  original  ${line(g.original)}`);
    for (const c of g.copies) out.push(`  copy      ${line(c)}  ${d(`${Math.round(c.similarity * 100)}% shared`)}`);
    out.push(d(`  why: ${g.why}`), '');
  }
  return out.join('\n').trimEnd();
}

export function formatCrossEntities(rows: CrossEntity[], color = false): string {
  if (!rows.length) return 'No names in the ledger yet.';
  const d = (x: string) => paint(color, SGR.dim, x);
  const out: string[] = [];
  for (const e of rows) {
    const also = e.names.filter((n) => n !== e.name);
    out.push(`${paint(color, SGR.bold, e.name)} ${d(e.type)} — ${e.documents} article${e.documents === 1 ? '' : 's'}, ${e.mentions} mention${e.mentions === 1 ? '' : 's'}${also.length ? d(`; also written ${also.join(', ')}`) : ''}`);
    for (const m of e.members.slice(0, 12)) {
      out.push(d(`  ${(m.outlet ?? 'no outlet').padEnd(22)} ${(m.published ?? '').padEnd(10)} ${m.name} ×${m.mentions}  ${m.confidence < 1 ? `${Math.round(m.confidence * 100)}%: ${m.evidence}` : m.evidence}`));
    }
    if (e.members.length > 12) out.push(d(`  … ${e.members.length - 12} more`));
  }
  return out.join('\n');
}
