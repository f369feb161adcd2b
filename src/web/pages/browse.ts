/** The overview, the list of articles and the claims browser. */
import type { ClaimRow, DocumentRow, LedgerCounts, SourceRow } from '../../store/ledger.ts';
import type { SeriesSummary } from '../../link/types.ts';
import { CLAIM_KINDS } from '../../server/params.ts';
import type { ListPage } from '../../server/api.ts';
import { html, type Html } from '../html.ts';
import { enc, fmt, pager } from '../layout.ts';
import { claimsTable } from './claimsTable.ts';

export function documentsTable(rows: DocumentRow[]): Html {
  return html`<table class="rows">
<thead><tr><th class="c-when">Published</th><th class="c-outlet">Outlet</th><th>Title</th><th class="num">Characters</th></tr></thead>
<tbody>${rows.map(
    (d) => html`<tr><td class="c-when">${d.published?.slice(0, 10) ?? html`<span class="muted">—</span>`}</td><td class="c-outlet">${d.outlet ?? html`<span class="muted">—</span>`}</td>
<td><a href="/documents/${enc(d.id)}">${d.title ?? d.origin ?? d.id}</a></td><td class="num">${fmt(d.length)}</td></tr>`,
  )}</tbody></table>`;
}

export function homePage(d: { counts: LedgerCounts; recent: DocumentRow[]; sources: SourceRow[]; series: SeriesSummary[]; linked: boolean }): Html {
  const c = d.counts;
  if (!c.documents) {
    return html`<section class="empty"><h1>The ledger is empty</h1>
<p>Add articles with <code>triangulate ingest PATH</code>, or POST them to <code>/api/documents</code> when this server runs with a write token. The API is described at <a href="/openapi.json">/openapi.json</a>.</p></section>`;
  }
  return html`<h1 class="page-title">Overview</h1>
<div class="stats">
  <a class="stat" href="/documents"><b>${fmt(c.documents)}</b> articles</a>
  <a class="stat" href="/claims"><b>${fmt(c.claims)}</b> claims</a>
  <a class="stat" href="/figures"><b>${fmt(c.figures)}</b> figures</a>
  <a class="stat" href="/entities" title="each name counted once per article"><b>${fmt(c.entities)}</b> names</a>
</div>
${d.linked ? '' : html`<p class="note">Cross-article linking (series, statements, conflicts, copies) has not run on this ledger yet.</p>`}
<div class="cols">
  <section><h2>Latest articles</h2>${documentsTable(d.recent)}<p><a href="/documents">All articles →</a></p></section>
  <section class="narrow">
    <h2>Most quoted sources <span class="count">claims</span></h2>
    <table class="rows compact"><tbody>${d.sources.map((s) => html`<tr><td><a href="/sources/${enc(s.name)}">${s.name}</a></td><td class="num">${fmt(s.claims)}</td></tr>`)}</tbody></table>
    <p><a href="/sources">All sources →</a></p>
    <h2>Figure series <span class="count">by articles</span></h2>
    ${d.series.length
      ? html`<table class="rows compact"><tbody>${d.series.map((s) => html`<tr><td><a href="/figures/${enc(s.key)}">${s.label}</a></td><td class="num" title="${fmt(s.points)} figures in ${fmt(s.documents)} articles, ${fmt(s.independent)} of them not copies of one another">${fmt(s.documents)}</td></tr>`)}</tbody></table>`
      : html`<p class="muted">No series followed by two or more articles yet.</p>`}
    <p><a href="/figures">All series →</a></p>
  </section>
</div>`;
}

export function documentsPage(p: ListPage<DocumentRow>, q: { outlet?: string }): Html {
  return html`<h1 class="page-title">Articles</h1>
<form class="filters" method="get" action="/documents">
  <label>Outlet <input name="outlet" value="${q.outlet ?? ''}" placeholder="exact outlet name"></label>
  <button type="submit">Filter</button>
</form>
${p.items.length ? documentsTable(p.items) : html`<p class="empty-inline">No articles${q.outlet ? html` from “${q.outlet}”` : ''}.</p>`}
${pager('/documents', q, { ...p, shown: p.items.length })}`;
}

export type ClaimFilterValues = { q?: string; source?: string; entity?: string; since?: string; until?: string; kind?: string; outlet?: string };

export function claimsPage(p: ListPage<ClaimRow>, f: ClaimFilterValues): Html {
  const any = Object.values(f).some(Boolean);
  return html`<h1 class="page-title">Claims</h1>
<form class="filters" method="get" action="/claims" id="claim-filters">
  <label class="grow">Search <input type="search" name="q" value="${f.q ?? ''}" placeholder="words in what was said"></label>
  <label>Source <input name="source" value="${f.source ?? ''}" placeholder="e.g. ministry"></label>
  <label>About <input name="entity" value="${f.entity ?? ''}" placeholder="a name"></label>
  <label>Said from <input name="since" value="${f.since ?? ''}" placeholder="YYYY-MM-DD" size="10" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?"></label>
  <label>to <input name="until" value="${f.until ?? ''}" placeholder="YYYY-MM-DD" size="10" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?"></label>
  <label>Kind <select name="kind"><option value="">any</option>${CLAIM_KINDS.map((k) => html`<option${f.kind === k ? html` selected` : ''}>${k}</option>`)}</select></label>
  <label>Outlet <input name="outlet" value="${f.outlet ?? ''}" size="14"></label>
  <button type="submit">Filter</button>${any ? html` <a class="reset" href="/claims">clear</a>` : ''}
</form>
${p.items.length
    ? html`<p class="muted small result-count">${p.offset + 1}–${p.offset + p.items.length}${p.more ? ' of more' : ''}, newest articles first</p>${claimsTable(p.items)}`
    : html`<p class="empty-inline" id="no-results">No claims match${any ? ' these filters' : ''}.</p>`}
${pager('/claims', { ...f }, { ...p, shown: p.items.length })}`;
}
