/** The page shell: navigation, search, one stylesheet, the client script; nothing from outside this server. */
import { html, type Html } from './html.ts';

const NAV: [string, string][] = [
  ['/documents', 'Articles'],
  ['/claims', 'Claims'],
  ['/figures', 'Figures'],
  ['/sources', 'Sources'],
  ['/entities', 'Names'],
  ['/statements', 'Statements'],
  ['/copies', 'Copies'],
];

export function layout(opts: { title: string; path: string; body: Html; scripts?: string[]; wide?: boolean; q?: string }): string {
  const active = (href: string) => opts.path === href || opts.path.startsWith(href + '/');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Triangulate</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="data:,">
</head>
<body>
<header class="top">
  <a class="brand" href="/">Triangulate</a>
  <nav>${NAV.map(([href, label]) => html`<a href="${href}"${active(href) ? html` aria-current="page"` : ''}>${label}</a>`)}</nav>
  <form class="top-search" action="/claims" method="get" role="search">
    <input type="search" name="q" value="${opts.q ?? ''}" placeholder="Search what was said…" aria-label="Search claims">
  </form>
</header>
<main${opts.wide ? html` class="wide"` : ''}>
${opts.body}
</main>
${(opts.scripts ?? []).map((s) => html`<script src="/assets/${s}" defer></script>
`)}<script src="/assets/app.js" defer></script>
</body>
</html>`.value;
}

/** Links to the previous and next page of a list, keeping the other parameters. */
export function pager(path: string, query: Record<string, string | number | undefined>, p: { limit: number; offset: number; more: boolean; shown: number }): Html {
  const link = (offset: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && k !== 'offset') q.set(k, String(v));
    if (offset) q.set('offset', String(offset));
    const s = q.toString();
    return path + (s ? '?' + s : '');
  };
  if (!p.offset && !p.more) return html``;
  return html`<nav class="pager" aria-label="pages">
  ${p.offset ? html`<a rel="prev" href="${link(Math.max(0, p.offset - p.limit))}">← previous</a>` : html`<span></span>`}
  <span class="muted">${p.offset + 1}–${p.offset + p.shown}</span>
  ${p.more ? html`<a rel="next" href="${link(p.offset + p.limit)}">next →</a>` : html`<span></span>`}
</nav>`;
}

export const fmt = (n: number) => n.toLocaleString('en-US');

/** A date said (TIMEX3) or published, as the lists show it. */
export function whenOf(r: { said?: string; published?: string }): Html {
  if (r.said) return html`<span title="date said">${r.said}</span>`;
  if (r.published) return html`<span class="muted" title="date said unknown; publication date">${r.published.slice(0, 10)}</span>`;
  return html`<span class="muted">undated</span>`;
}

export const enc = encodeURIComponent;
