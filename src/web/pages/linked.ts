/**
 * Statements (one thing said, reported by several articles) and copies (the same text under several
 * outlets). They need cross-article linking; until it has run, these pages say so instead of
 * showing empty tables that would read as "nothing found".
 */
import type { CopyGroup, Statement } from '../../server/links.ts';
import type { ListPage } from '../../server/api.ts';
import { html, type Html } from '../html.ts';
import { enc, pager } from '../layout.ts';
import { wordDiff } from '../diff.ts';

const notLinked = (what: string) =>
  html`<section class="empty" id="not-linked"><h2>Not linked yet</h2>
<p>${what} come from cross-article linking, which has not run on this ledger. Each article's own claims and figures are already browsable: see <a href="/claims">claims</a> and <a href="/figures">figure timelines</a>.</p></section>`;

export function statementsPage(p: ListPage<Statement>, linked: boolean): Html {
  return html`<h1 class="page-title">Statements</h1>
<p class="lede">One statement as several articles reported it: who said it, when, and how each report worded it.</p>
${!linked
    ? notLinked('Statements')
    : p.items.length
      ? html`<table class="rows"><thead><tr><th class="c-when">Said</th><th class="c-src">Source</th><th>First report</th><th class="num">Reports</th></tr></thead>
<tbody>${p.items.map((s) => html`<tr><td class="c-when">${s.said ?? ''}</td><td class="c-src">${s.source ?? html`<span class="muted">unattributed</span>`}</td><td><a href="/statements/${enc(s.id)}">${s.reports[0]?.text ?? s.id}</a>${s.discrepancy ? html` <span class="tag tag-conflict" title="the reports disagree on a figure or wording that matters">reports differ</span>` : ''}</td><td class="num">${s.reports.length}</td></tr>`)}</tbody></table>`
      : html`<p class="empty-inline">No statement is reported by more than one article.</p>`}
${pager('/statements', {}, { ...p, shown: p.items.length })}`;
}

export function statementPage(s: Statement): Html {
  const first = s.reports[0];
  return html`<div class="kicker">Statement${s.said ? html` · said ${s.said}` : ''}</div>
<h1 class="page-title">${s.source ?? 'Unattributed'}</h1>
<p class="lede">${s.reports.length} reports side by side; words that differ from the first report are <mark class="diff">marked</mark>.</p>
${s.why?.length ? html`<p class="muted small">Grouped because ${s.why.join('; ')}.</p>` : ''}
<div class="side-by-side">
${s.reports.map((r, i) => {
  const pieces = i === 0 || !first ? [{ text: r.text, changed: false }] : wordDiff(first.text, r.text).b;
  return html`<article class="report">
  <header><b>${r.outlet ?? 'Outlet unknown'}</b> <span class="muted">${r.published?.slice(0, 10) ?? ''}</span>${r.copyOf ? html` <span class="tag" title="this article copies another">copy</span>` : ''}${r.source ? html`<div class="muted small">source as written: ${r.source}</div>` : ''}</header>
  <blockquote>${pieces.map((p) => (p.changed ? html`<mark class="diff">${p.text}</mark>` : p.text))}</blockquote>
  <a href="/documents/${enc(r.documentId)}${r.claimId ? `?claim=${enc(r.claimId)}#claim-${enc(r.claimId)}` : ''}">open in the article</a>
</article>`;
})}
</div>`;
}

export function copiesPage(p: ListPage<CopyGroup>, linked: boolean): Html {
  return html`<h1 class="page-title">Copies</h1>
<p class="lede">Articles that carry the same text under different outlets (syndication, rewrites), grouped.</p>
${!linked
    ? notLinked('Copy groups')
    : p.items.length
      ? p.items.map(
          (g) => html`<section class="copy-group"><h2>${g.documents.length} articles, one text</h2>${g.why ? html`<p class="muted small">${g.why}</p>` : ''}<table class="rows compact"><thead><tr><th class="c-when">Published</th><th class="c-outlet">Outlet</th><th>Title</th><th class="num" title="share of the original's text">Same text</th></tr></thead><tbody>${g.documents.map(
            (d, i) => html`<tr><td class="c-when">${d.published?.slice(0, 10) ?? ''}</td><td class="c-outlet">${d.outlet ?? '—'}</td><td><a href="/documents/${enc(d.documentId)}">${d.title ?? d.documentId}</a>${i === 0 ? html` <span class="tag">original</span>` : ''}</td><td class="num">${i === 0 ? '' : `${Math.round(d.similarity * 100)}%`}</td></tr>`,
          )}</tbody></table></section>`,
        )
      : html`<p class="empty-inline">No copies found.</p>`}
${pager('/copies', {}, { ...p, shown: p.items.length })}`;
}
