/** A table of claims, each row linking to its sentence in the reader. */
import type { ClaimRow } from '../../store/ledger.ts';
import { html, type Html } from '../html.ts';
import { enc, whenOf } from '../layout.ts';

export function claimHref(r: Pick<ClaimRow, 'documentId' | 'id'>): string {
  return `/documents/${enc(r.documentId)}?claim=${enc(r.id)}#claim-${enc(r.id)}`;
}

function clip(s: string, max = 320): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

export function claimsTable(rows: ClaimRow[], opts: { showSource?: boolean } = {}): Html {
  const showSource = opts.showSource ?? true;
  return html`<table class="rows claims-table">
<thead><tr><th class="c-when">Said</th>${showSource ? html`<th class="c-src">Source</th>` : ''}<th>What was said</th><th class="c-kind">Kind</th><th class="c-outlet">Article</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr>
  <td class="c-when">${whenOf(r)}</td>
  ${showSource ? html`<td class="c-src">${r.source ? html`<a href="/sources/${enc(r.sourceEntity ?? r.source)}">${r.sourceEntity ?? r.source}</a>${r.sourceEntity && r.sourceEntity !== r.source ? html`<div class="muted small">as “${r.source}”</div>` : ''}` : html`<span class="muted">unattributed</span>`}</td>` : ''}
  <td><a class="claim-link" href="${claimHref(r)}">${r.cue ? html`<span class="cue-word">${r.cue}</span> ` : ''}${r.polarity === 'negated' ? html`<span class="tag tag-neg">negated</span> ` : ''}${clip(r.content)}</a></td>
  <td class="c-kind"><span class="tag">${r.kind}</span></td>
  <td class="c-outlet">${r.outlet ?? html`<span class="muted">—</span>`}<div class="muted small">${r.published?.slice(0, 10) ?? ''}</div></td>
</tr>`,
)}
</tbody>
</table>`;
}
