/**
 * Figure series and the timeline of one series: the ledger's own series and conflicts (src/link/).
 * The chart (Chart.js, drawn by timeline.js) reads its points from a JSON block; the same points are
 * listed in a table under it, with the conflicts they are a side of, which is also what a reader
 * without the script, or a screen reader, gets.
 */
import type { SeriesSummary } from '../../link/types.ts';
import type { ListPage } from '../../server/api.ts';
import { periodWords, pointConflicts, type ChartPoint, type ConflictView, type SeriesView } from '../../server/series.ts';
import { html, jsonForScript, type Html } from '../html.ts';
import { enc, fmt, pager } from '../layout.ts';

export function seriesListPage(p: ListPage<SeriesSummary>, q: { q?: string; all?: string }): Html {
  return html`<h1 class="page-title">Figure series</h1>
<p class="lede">Figures that count or measure the same thing (what is counted, whose, where), as cross-article linking grouped them. A series reported by several articles shows how an estimate moved, and who disagreed.</p>
<form class="filters" method="get" action="/figures"><label class="grow">Measure <input type="search" name="q" value="${q.q ?? ''}" placeholder="e.g. workers, Russia, USD"></label><label class="check"><input type="checkbox" name="all" value="1"${q.all === '1' ? html` checked` : ''}> also series from one article, or without whose or where</label><button type="submit">Filter</button></form>
${p.items.length
    ? html`<table class="rows series-table"><thead><tr><th>Measure</th><th class="num">Figures</th><th class="num">Articles</th><th class="num" title="articles that are not copies of one another">Independent</th><th class="c-when">Refers to</th></tr></thead>
<tbody>${p.items.map((s) => html`<tr><td><a href="/figures/${enc(s.key)}">${s.label}</a></td><td class="num">${fmt(s.points)}</td><td class="num">${fmt(s.documents)}</td><td class="num">${fmt(s.independent)}</td><td class="c-when">${s.first ? html`${s.first.slice(0, 7)} … ${(s.last ?? s.first).slice(0, 7)}` : ''}</td></tr>`)}</tbody></table>`
    : html`<p class="empty-inline">No figure series${q.q ? html` match “${q.q}”` : ''}${q.all === '1' ? '' : html`; <a href="/figures?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), all: '1' }).toString()}">show every series</a>`}.</p>`}
${pager('/figures', q, { ...p, shown: p.items.length })}`;
}

/** The value as the table shows it; a vague magnitude ("a few hundred") has no number, and its qualifier says so. */
export function figureValue(p: Pick<ChartPoint, 'value' | 'min' | 'max'>): string {
  if (p.min !== undefined && p.max !== undefined) return `${fmt(p.min)}–${fmt(p.max)}`;
  if (p.value !== null) return fmt(p.value);
  return '';
}

/** The reader with the figure's sentence in view and its span marked (a side made of a claim opens the claim). */
export function figureHref(p: { documentId: string; figureId?: string; claimId?: string }): string {
  if (p.figureId) return `/documents/${enc(p.documentId)}?figure=${enc(p.figureId)}#doc-text`;
  if (p.claimId) return `/documents/${enc(p.documentId)}?claim=${enc(p.claimId)}#claim-${enc(p.claimId)}`;
  return `/documents/${enc(p.documentId)}`;
}

export const CONFLICT_KIND: Record<string, string> = {
  figures: 'figures disagree',
  misprint: 'misprint',
  reporting: 'reports of one statement differ',
  denial: 'a report and its denial',
};

/** Rows listed under the chart: conflicts first, then the latest; the API has them all. */
const TABLE_ROWS = 100;

function said(p: ChartPoint): Html {
  if (p.said) return html`<span title="date said">${p.said}</span>`;
  if (p.published) return html`<span class="muted" title="date said unknown: publication date">${p.published.slice(0, 10)} <span class="small">pub.</span></span>`;
  return html`<span class="muted">—</span>`;
}

export function timelinePage(view: SeriesView, asked: string): Html {
  const { series, points } = view;
  const conflicted = points.filter((p) => p.conflicts.length).length;
  const undated = points.filter((p) => p.time === undefined).length;
  const data = points.map((p, i) => ({
    i,
    t: p.time ?? null,
    from: p.from ?? null,
    to: p.to ?? null,
    period: periodWords(p),
    said: p.said ?? null,
    published: p.published?.slice(0, 10) ?? null,
    value: p.value,
    min: p.min ?? null,
    max: p.max ?? null,
    qualifier: p.qualifier,
    shown: figureValue(p),
    text: p.text,
    sentence: p.sentence ?? null,
    source: p.source ?? null,
    outlet: p.outlet ?? null,
    copy: !!p.copyOf,
    href: figureHref(p),
    conflicts: pointConflicts(view, i, p).map((c) => ({ id: c.id, kind: CONFLICT_KIND[c.kind] ?? c.kind, against: c.against })),
  }));
  const resolved = asked !== series.key && view.why.length > 1;
  return html`<div class="kicker">Figure series${series.planned ? ' · planned or forecast' : ''}</div>
<h1 class="page-title">${series.label}</h1>
${resolved ? html`<p class="muted small">${view.why[0]}.</p>` : ''}
<p class="lede">${fmt(series.points)} figure${series.points === 1 ? '' : 's'} in ${fmt(series.documents)} article${series.documents === 1 ? '' : 's'} (${fmt(series.independent)} not copies of one another)${points.length < series.points ? html`; the latest ${fmt(points.length)} are drawn` : ''}. Each point sits at the time its figure refers to: the period it names, else the day it was said, else the day its article was published (the date said is in the tooltip and the table). Coloured by source; <span class="conflict-key">ringed red</span> where the ledger found a conflict (${conflicted} point${conflicted === 1 ? '' : 's'}, ${view.conflicts.length} conflict${view.conflicts.length === 1 ? '' : 's'}, <a href="#conflicts">listed below</a>).${undated ? html` ${undated} figure${undated === 1 ? ' has' : 's have'} no date and ${undated === 1 ? 'is' : 'are'} listed but not drawn.` : ''}</p>
<figure class="chart-box">
  <div class="chart-wrap"><canvas id="timeline" role="img" aria-label="figures on ${series.label} over the time they refer to; the table below lists them"></canvas></div>
  <figcaption class="muted small">Points are single values (lighter when approximate, hollow when the article copies another), vertical bars are ranges, a faint horizontal bar is the period a figure covers, ▲ “at least / more than”, ▼ “at most / as many as / less than”. Hover for the sentence, click to open it.</figcaption>
</figure>
<script type="application/json" id="timeline-data">${jsonForScript({ label: series.label, points: data })}</script>
<h2 id="points-title">Figures</h2>
<table class="rows points-table" id="points" aria-labelledby="points-title">
<thead><tr><th class="c-when" title="the time the figure refers to">Refers to</th><th class="c-when">Said</th><th class="num">Value</th><th>As written</th><th class="c-src">Source</th><th class="c-outlet">Outlet</th></tr></thead>
<tbody>${tableRows(points).map(([p, i]) => {
    const conflicts = data[i]!.conflicts;
    return html`<tr class="point${conflicts.length ? ' conflict' : ''}" data-point="${i}" tabindex="0">
<td class="c-when">${periodWords(p)}</td>
<td class="c-when">${said(p)}</td>
<td class="num">${p.qualifier !== 'exact' && p.qualifier !== 'range' ? html`<span class="muted small">${p.qualifier}</span> ` : ''}${figureValue(p)}${conflicts.map((c) => html` <a class="tag tag-conflict" href="#conflict-${c.id}" title="${c.kind}: against ${c.against}">conflict: ${c.against}</a>`)}</td>
<td><a href="${figureHref(p)}">${p.text}</a>${p.copyOf ? html` <span class="tag" title="this article copies another">copy</span>` : ''}${p.sentence ? html`<div class="muted small quote">“${p.sentence}”</div>` : ''}</td>
<td class="c-src">${p.source ? html`<a href="/sources/${enc(p.source)}">${p.source}</a>` : html`<span class="muted">unattributed</span>`}</td>
<td class="c-outlet">${p.outlet ?? html`<span class="muted">—</span>`}</td>
</tr>`;
  })}</tbody>
</table>
${points.length > TABLE_ROWS ? html`<p class="muted small">Listed: ${TABLE_ROWS} of ${fmt(points.length)} drawn points (conflicts first, then the latest). All of them: <a href="/api/series/${enc(series.key)}">/api/series/${series.key}</a>.</p>` : ''}
<section id="conflicts">
<h2>Conflicts</h2>
${view.conflicts.length
    ? html`<p class="muted small">Decided by cross-article linking at ingest: two figures of the same measure and place whose periods meet and whose readings cannot both be true; figures about different periods are never set against each other.</p>${view.conflicts.map((c) => conflictCard(c, points))}`
    : html`<p class="empty-inline" id="no-conflicts">The ledger found no conflict among these figures.</p>`}
</section>
${view.related.length ? html`<section><h2>Related series</h2><ul>${view.related.map((r) => html`<li><a href="/figures/${enc(r.key)}">${r.label}</a> <span class="muted small">${fmt(r.points)} figures</span></li>`)}</ul></section>` : ''}`;
}

function conflictCard(c: ConflictView, points: ChartPoint[]): Html {
  return html`<article class="conflict-card" id="conflict-${c.id}">
<h3><span class="tag tag-conflict">${CONFLICT_KIND[c.kind] ?? c.kind}</span> ${c.sides[0].value} <span class="muted">against</span> ${c.sides[1].value}${c.period ? html` <span class="muted small">· ${c.period}</span>` : ''}</h3>
<p class="muted small">${c.why.join('; ')}</p>
<div class="sides">${c.sides.map(
    (s) => html`<div class="side"><b>${s.value}</b> <span class="muted small">${fmt(s.reports)} report${s.reports === 1 ? '' : 's'}, ${fmt(s.independent)} independent</span>
<ul>${s.points.map((q, k) => {
      const at = s.drawn[k];
      return html`<li><a href="${figureHref(q)}">${q.text}</a> <span class="muted small">— ${q.source ?? 'unattributed'}${q.outlet ? `, ${q.outlet}` : ''}${q.published ? `, ${q.published.slice(0, 10)}` : ''}${at === null || at === undefined ? ' · not on this chart (another series or an earlier point)' : points[at] ? ` · refers to ${periodWords(points[at]!)}` : ''}</span></li>`;
    })}</ul></div>`,
  )}</div>
</article>`;
}

function tableRows(points: ChartPoint[]): [ChartPoint, number][] {
  const indexed = points.map((p, i) => [p, i] as [ChartPoint, number]);
  if (indexed.length <= TABLE_ROWS) return indexed;
  const conflicts = indexed.filter(([p]) => p.conflicts.length);
  const rest = indexed.filter(([p]) => !p.conflicts.length).slice(-Math.max(0, TABLE_ROWS - conflicts.length));
  return [...conflicts.slice(0, TABLE_ROWS), ...rest].sort((a, b) => a[1] - b[1]).slice(0, TABLE_ROWS);
}
