/**
 * The article reader: the canonical text with every stored span marked, a legend, and a side panel of
 * the article's claims, figures and names. Selecting a claim (click, or ?claim= in a link from a list)
 * highlights its spans; clicking a marked span selects its claim in the panel. The sentence a link
 * points at is marked on the server, so it shows even without the script.
 */
import type { Document, Extraction } from '../../types.ts';
import { measureKey } from '../../link/measure.ts';
import { html, type Html } from '../html.ts';
import { enc, fmt } from '../layout.ts';
import { LEGEND, figureReading, markedText, marksOf, misplaced, type Mark } from '../marks.ts';

export type ReaderFocus = { start: number; end: number };

function clip(s: string, max = 260): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

export function readerPage(doc: Document & { ingestedAt?: string }, x: Extraction, opts: { claim?: string; figure?: string; focus?: ReaderFocus } = {}): Html {
  const marks: Mark[] = marksOf(x);
  if (opts.focus) marks.push({ kind: 'focus', start: opts.focus.start, end: opts.focus.end });
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  const bad = misplaced(doc.text, x);
  const heading = doc.title ?? doc.origin ?? doc.id;
  return html`<article class="reader" data-doc="${doc.id}"${opts.claim ? html` data-select-claim="${opts.claim}"` : ''}${opts.figure ? html` data-select-figure="${opts.figure}"` : ''}>
<header class="doc-head">
  <div class="kicker">${doc.outlet ?? 'Outlet unknown'} · ${doc.published ? doc.published.slice(0, 10) : 'publication date unknown'}</div>
  <h1>${heading}</h1>
  ${doc.byline ? html`<div class="byline">${doc.byline}</div>` : ''}
  <div class="meta">
    <span class="mono" title="document id (from the SHA-256 of the text)">${doc.id}</span>
    ${doc.url ? html` · <a href="${/^https?:\/\//i.test(doc.url) ? doc.url : '#'}" rel="noreferrer noopener" target="_blank">${doc.url}</a>` : ''}
    · ${fmt(x.claims.length)} claims · ${fmt(x.figures.length)} figures · ${fmt(x.times.length)} dates · ${fmt(x.entities.length)} names
  </div>
</header>
${bad.length ? html`<p class="warning">${bad.length} stored span${bad.length > 1 ? 's do' : ' does'} not match the text at ${bad.length > 1 ? 'their' : 'its'} offsets (first: “${clip(bad[0]!.text, 60)}” at ${bad[0]!.start}); they are marked where the offsets say.</p>` : ''}
<div class="legend" aria-label="legend">
  ${LEGEND.map((l) => html`<span class="legend-item" title="${l.explains}"><span class="m m-${l.kind}">${l.label}</span> <span class="muted small">${l.explains}</span></span>`)}
  <span class="legend-item"><span class="m m-content sel">selected</span></span>
</div>
<div class="reader-grid">
  <div class="doc-text" id="doc-text" lang="${doc.lang}">${markedText(doc.text, marks)}</div>
  <aside class="panel" aria-label="claims in this article">
    <h2>Claims <span class="count">${x.claims.length}</span></h2>
    ${x.claims.length
      ? html`<ol class="claim-list">
${x.claims.map((c) => {
  const resolved = c.source?.entity ? names.get(c.source.entity) : undefined;
  const who = resolved ?? c.source?.text;
  return html`<li class="claim-item${opts.claim === c.id ? ' sel' : ''}" id="claim-${c.id}" data-claim="${c.id}" tabindex="0" role="button" aria-pressed="${opts.claim === c.id ? 'true' : 'false'}">
  <div class="ci-head">${who ? html`<a class="ci-src" href="/sources/${enc(who)}">${who}</a>` : html`<span class="muted">unattributed</span>`}${c.cue ? html` <span class="ci-cue">${c.cue.text}</span>` : ''}<span class="tag">${c.kind}</span>${c.polarity === 'negated' ? html`<span class="tag tag-neg">negated</span>` : ''}</div>
  <div class="ci-content">${clip(c.content.map((s) => s.text).join(' … '))}</div>
  <div class="ci-meta">${c.said ? html`said ${c.said}` : html`<span class="muted">date said unknown</span>`}${c.figures.length ? html` · ${c.figures.length} figure${c.figures.length > 1 ? 's' : ''}` : ''} · <span class="mono">${c.id}</span></div>
</li>`;
})}
</ol>`
      : html`<p class="muted">No claims were found in this article.</p>`}
    <h2>Figures <span class="count">${x.figures.length}</span></h2>
    ${x.figures.length
      ? html`<ul class="fig-list">
${x.figures.map((f) => {
  const key = measureKey(f);
  return html`<li class="fig-item${opts.figure === f.id ? ' sel' : ''}" data-figure="${f.id}"${f.claim ? html` data-claim="${f.claim}"` : ''} tabindex="0" role="button">
  <span class="m m-figure">${clip(f.text, 60)}</span> <span class="muted">= ${figureReading(f)}</span>${key ? html` · <a href="/figures/${enc(key)}">timeline</a>` : ''}
</li>`;
})}
</ul>`
      : html`<p class="muted">No figures.</p>`}
    <h2>Names <span class="count">${x.entities.length}</span></h2>
    ${x.entities.length
      ? html`<ul class="name-list">${x.entities.map((e) => html`<li><a href="/entities/${enc(e.name)}">${e.name}</a> <span class="muted small">${e.type} · ${e.mentions.length}×</span></li>`)}</ul>`
      : html`<p class="muted">No names.</p>`}
  </aside>
</div>
</article>`;
}
