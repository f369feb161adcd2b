/**
 * Figure series and the timeline of one series. The chart (Chart.js, drawn by timeline.js) reads its
 * points from a JSON block; the same points are listed in a table under it, which is also what a
 * reader without the script, or a screen reader, gets.
 */
import type { SeriesRow } from '../../store/ledger.ts';
import type { ListPage } from '../../server/api.ts';
import { CONFLICT_WINDOW_DAYS, type TimelinePoint } from '../../server/series.ts';
import { html, jsonForScript, type Html } from '../html.ts';
import { enc, fmt, pager } from '../layout.ts';

export function seriesListPage(p: ListPage<SeriesRow>, q: { q?: string }): Html {
  return html`<h1 class="page-title">Figure series</h1>
<p class="lede">Figures grouped by what they count or measure. A series reported by several articles shows how an estimate moved, and who disagreed.</p>
<form class="filters" method="get" action="/figures"><label class="grow">Measure <input type="search" name="q" value="${q.q ?? ''}" placeholder="e.g. workers, USD"></label><button type="submit">Filter</button></form>
${p.items.length
    ? html`<table class="rows"><thead><tr><th>Measure</th><th class="num">Figures</th><th class="num">Articles</th></tr></thead>
<tbody>${p.items.map((s) => html`<tr><td><a href="/figures/${enc(s.measure)}">${s.measure}</a></td><td class="num">${fmt(s.points)}</td><td class="num">${fmt(s.documents)}</td></tr>`)}</tbody></table>`
    : html`<p class="empty-inline">No figure series${q.q ? html` match “${q.q}”` : ''}.</p>`}
${pager('/figures', q, { ...p, shown: p.items.length })}`;
}

export function figureValue(p: Pick<TimelinePoint, 'value' | 'min' | 'max' | 'vague' | 'qualifier'>): string {
  if (p.min !== undefined && p.max !== undefined) return `${fmt(p.min)}–${fmt(p.max)}`;
  if (p.value !== null) return fmt(p.value);
  return p.vague ?? 'vague';
}

export function figureHref(p: Pick<TimelinePoint, 'documentId' | 'id'>): string {
  return `/documents/${enc(p.documentId)}?figure=${enc(p.id)}#doc-text`;
}

/** Rows listed under the chart: conflicts first, then the latest; the API has them all. */
const TABLE_ROWS = 100;

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

export function timelinePage(measure: string, total: number, points: TimelinePoint[]): Html {
  const conflicted = points.filter((p) => p.conflicts.length).length;
  const undated = points.filter((p) => p.time === undefined).length;
  const data = points.map((p, i) => ({
    i,
    t: p.time ?? null,
    date: p.date ?? null,
    value: p.value,
    min: p.min ?? null,
    max: p.max ?? null,
    qualifier: p.qualifier,
    shown: figureValue(p),
    unit: p.unit ?? null,
    text: p.text,
    quote: p.quote ? clip(p.quote, 240) : null,
    source: p.source ?? null,
    outlet: p.outlet ?? null,
    href: figureHref(p),
    conflicts: p.conflicts,
    conflictCount: p.conflictCount,
  }));
  return html`<h1 class="page-title">${measure}</h1>
<p class="lede">${fmt(total)} figure${total === 1 ? '' : 's'}${total > points.length ? html` — the latest ${fmt(points.length)} are drawn` : ''}; coloured by source; <span class="conflict-key">ringed red</span> where two sources gave readings that cannot both be true within ${CONFLICT_WINDOW_DAYS} days of each other (${conflicted} point${conflicted === 1 ? '' : 's'}).${undated ? html` ${undated} undated figure${undated === 1 ? ' is' : 's are'} listed but not drawn.` : ''}</p>
<figure class="chart-box">
  <div class="chart-wrap"><canvas id="timeline" role="img" aria-label="figures on ${measure} over time"></canvas></div>
  <figcaption class="muted small">Points are single values (lighter when approximate), bars are ranges, ▲ “at least / more than”, ▼ “at most / less than”. Hover for the quote, click to open the sentence.</figcaption>
</figure>
<script type="application/json" id="timeline-data">${jsonForScript({ measure, points: data })}</script>
<table class="rows points-table" id="points">
<thead><tr><th class="c-when">Date</th><th class="num">Value</th><th>As written</th><th class="c-src">Source</th><th class="c-outlet">Outlet</th></tr></thead>
<tbody>${tableRows(points).map(
    ([p, i]) => html`<tr class="point${p.conflicts.length ? ' conflict' : ''}" data-point="${i}">
<td class="c-when">${p.date ?? html`<span class="muted">undated</span>`}${p.said ? '' : html` <span class="muted small" title="date said unknown: publication date">pub.</span>`}</td>
<td class="num">${p.qualifier !== 'exact' && p.qualifier !== 'range' ? html`<span class="muted small">${p.qualifier}</span> ` : ''}${figureValue(p)}${p.unit ? html` <span class="muted small">${p.unit}</span>` : ''}${p.conflicts.length ? html` <span class="tag tag-conflict" title="conflicts with ${p.conflictCount} other point(s)">conflict</span>` : ''}</td>
<td><a href="${figureHref(p)}">${p.text}</a>${p.quote ? html`<div class="muted small quote">“${clip(p.quote, 200)}”</div>` : ''}</td>
<td class="c-src">${p.source ? html`<a href="/sources/${enc(p.source)}">${p.source}</a>` : html`<span class="muted">unattributed</span>`}</td>
<td class="c-outlet">${p.outlet ?? html`<span class="muted">—</span>`}</td>
</tr>`,
  )}</tbody>
</table>
${points.length > TABLE_ROWS ? html`<p class="muted small">Listed: ${TABLE_ROWS} of ${fmt(points.length)} drawn points (conflicts first, then the latest). All of them: <a href="/api/series/${enc(measure)}">/api/series/${measure}</a>.</p>` : ''}`;
}

function tableRows(points: TimelinePoint[]): [TimelinePoint, number][] {
  const indexed = points.map((p, i) => [p, i] as [TimelinePoint, number]);
  if (indexed.length <= TABLE_ROWS) return indexed;
  const conflicts = indexed.filter(([p]) => p.conflicts.length);
  const rest = indexed.filter(([p]) => !p.conflicts.length).slice(-Math.max(0, TABLE_ROWS - conflicts.length));
  return [...conflicts.slice(0, TABLE_ROWS), ...rest].sort((a, b) => a[1] - b[1]).slice(0, TABLE_ROWS);
}
