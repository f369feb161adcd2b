/** Sources (who said things) and names (who or what things were said about). */
import type { ClaimRow, EntityProfile, EntityRow, SourceProfile, SourceRow } from '../../store/ledger.ts';
import type { ListPage } from '../../server/api.ts';
import { ENTITY_TYPES } from '../../server/params.ts';
import { html, type Html } from '../html.ts';
import { enc, fmt, pager } from '../layout.ts';
import { claimsTable } from './claimsTable.ts';

export function sourcesPage(p: ListPage<SourceRow>, q: { q?: string }): Html {
  return html`<h1 class="page-title">Sources</h1>
<form class="filters" method="get" action="/sources"><label class="grow">Name <input type="search" name="q" value="${q.q ?? ''}" placeholder="part of a name"></label><button type="submit">Filter</button></form>
${p.items.length
    ? html`<table class="rows"><thead><tr><th>Source</th><th class="num">Claims</th><th class="num">Articles</th></tr></thead>
<tbody>${p.items.map((s) => html`<tr><td><a href="/sources/${enc(s.name)}">${s.name}</a></td><td class="num">${fmt(s.claims)}</td><td class="num">${fmt(s.documents)}</td></tr>`)}</tbody></table>`
    : html`<p class="empty-inline">No sources${q.q ? html` match “${q.q}”` : ''}.</p>`}
${pager('/sources', q, { ...p, shown: p.items.length })}`;
}

export function sourcePage(s: SourceProfile, said: ListPage<ClaimRow>): Html {
  return html`<div class="kicker">Source</div>
<h1 class="page-title">${s.name}</h1>
<div class="stats">
  <span class="stat"><b>${fmt(s.claims)}</b> claims</span>
  <span class="stat"><b>${fmt(s.documents)}</b> articles</span>
  <span class="stat"><b>${s.first ?? '—'}</b> first</span>
  <span class="stat"><b>${s.last ?? '—'}</b> latest</span>
</div>
<p class="muted">${s.within !== undefined && s.within < s.claims ? html`In its latest ${fmt(s.within)} claims: reported by ` : 'Reported by '}${s.outlets.length ? s.outlets.map((o, i) => html`${i ? ', ' : ''}${o.outlet} (${fmt(o.claims)})`) : 'outlets unknown'} · ${s.kinds.map((k, i) => html`${i ? ', ' : ''}${fmt(k.claims)} ${k.kind}`)} · <a href="/entities/${enc(s.name)}">as a name in the text</a> · <a href="/claims?source=${enc(s.name)}">filter claims</a></p>
<h2>What ${s.name} said, newest first</h2>
${said.items.length ? claimsTable(said.items, { showSource: false }) : html`<p class="empty-inline">No more claims.</p>`}
${pager(`/sources/${enc(s.name)}`, {}, { ...said, shown: said.items.length })}`;
}

export function entitiesPage(p: ListPage<EntityRow>, q: { q?: string; type?: string }): Html {
  return html`<h1 class="page-title">Names</h1>
<form class="filters" method="get" action="/entities">
  <label class="grow">Name <input type="search" name="q" value="${q.q ?? ''}" placeholder="part of a name"></label>
  <label>Type <select name="type"><option value="">any</option>${ENTITY_TYPES.map((t) => html`<option${q.type === t ? html` selected` : ''}>${t}</option>`)}</select></label>
  <button type="submit">Filter</button>
</form>
${p.items.length
    ? html`<table class="rows"><thead><tr><th>Name</th><th>Type</th><th class="num">Articles</th><th class="num">Mentions</th></tr></thead>
<tbody>${p.items.map((e) => html`<tr><td><a href="/entities/${enc(e.name)}">${e.name}</a></td><td>${e.types.join(', ')}</td><td class="num">${fmt(e.documents)}</td><td class="num">${fmt(e.mentions)}</td></tr>`)}</tbody></table>`
    : html`<p class="empty-inline">No names${q.q ? html` match “${q.q}”` : ''}.</p>`}
${pager('/entities', q, { ...p, shown: p.items.length })}`;
}

export function entityPage(e: EntityProfile, about: ListPage<ClaimRow>): Html {
  return html`<div class="kicker">${e.types.join(' / ')}${e.countries.length ? html` · ${e.countries.join(', ')}` : ''}</div>
<h1 class="page-title">${e.name}</h1>
${e.roles.length ? html`<p class="muted">Described as ${e.roles.map((r, i) => html`${i ? '; ' : ''}“${r}”`)}</p>` : ''}
<div class="stats">
  <span class="stat"><b>${fmt(e.documents)}</b> articles</span>
  <span class="stat"><b>${fmt(e.mentions)}</b> mentions</span>
  ${e.claimsBy ? html`<a class="stat" href="/sources/${enc(e.name)}"><b>${fmt(e.claimsBy)}</b> claims made</a>` : html`<span class="stat"><b>0</b> claims made</span>`}
</div>
<div class="cols">
  <section>
    <h2>What was said about ${e.name}</h2>
    ${about.items.length ? claimsTable(about.items) : html`<p class="empty-inline">No claim mentions ${e.name} in what it says.</p>`}
    ${pager(`/entities/${enc(e.name)}`, {}, { ...about, shown: about.items.length })}
  </section>
  <section class="narrow">
    <h2>By whom</h2>
    ${e.documents > e.saidByWithin ? html`<p class="muted small">In the latest ${fmt(e.saidByWithin)} of ${fmt(e.documents)} articles that name it.</p>` : ''}
    ${e.saidBy.length
      ? html`<table class="rows compact"><tbody>${e.saidBy.map((s) => html`<tr><td><a href="/claims?source=${enc(s.name)}&amp;entity=${enc(e.name)}">${s.name}</a></td><td class="num">${fmt(s.claims)}</td></tr>`)}</tbody></table>`
      : html`<p class="muted">No attributed claims mention this name.</p>`}
  </section>
</div>`;
}
