/**
 * Page routes: parse and check the query (the same checks as the API), ask the ledger for one page,
 * render. Every page is server-rendered HTML; scripts only add highlighting and the chart.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../server/api.ts';
import { claimQuery, page } from '../server/api.ts';
import { HttpError } from '../server/errors.ts';
import { CLAIM_FILTERS, ENTITY_TYPES, PAGE, SERIES_FILTERS, parseQuery } from '../server/params.ts';
import { seriesView } from '../server/series.ts';
import { segment, sentenceAt } from '../nlp/segment.ts';
import type { Extraction } from '../types.ts';
import { raw } from './html.ts';
import { layout } from './layout.ts';
import { readerPage, type ReaderFocus } from './pages/reader.ts';
import { claimsPage, documentsPage, homePage } from './pages/browse.ts';
import { seriesListPage, timelinePage } from './pages/figures.ts';
import { entitiesPage, entityPage, sourcePage, sourcesPage } from './pages/people.ts';
import { copiesPage, statementPage, statementsPage } from './pages/linked.ts';

/** The sentences around [start, end): what a link to a claim or figure should bring into view. */
export function sentenceSpan(text: string, start: number, end: number): ReaderFocus | undefined {
  const seg = segment(text);
  const first = sentenceAt(seg, start);
  const last = sentenceAt(seg, Math.max(start, end - 1));
  if (!first || !last) return undefined;
  return { start: first.start, end: last.end };
}

function focusOf(text: string, x: Extraction, claim?: string, figure?: string): ReaderFocus | undefined {
  const c = claim ? x.claims.find((k) => k.id === claim) : undefined;
  if (c) {
    const spans = [c.source, c.cue, ...c.content].filter((s): s is NonNullable<typeof s> => !!s);
    if (spans.length) return sentenceSpan(text, Math.min(...spans.map((s) => s.start)), Math.max(...spans.map((s) => s.end)));
  }
  const f = figure ? x.figures.find((k) => k.id === figure) : undefined;
  if (f) return sentenceSpan(text, f.start, f.end);
  return undefined;
}

export function pageRoutes({ ledger, links }: AppDeps): Hono {
  const app = new Hono();
  const send = (c: Context, title: string, body: ReturnType<typeof raw>, extra: { scripts?: string[]; wide?: boolean; q?: string } = {}) =>
    c.html(layout({ title, path: c.req.path, body, ...extra }));

  app.get('/', async (c) => {
    parseQuery(c.req.query(), {});
    const [counts, recent, sources, series] = await Promise.all([
      ledger.counts(),
      ledger.documentPage({ limit: 12 }),
      ledger.sources({ limit: 10 }),
      ledger.series({ limit: 10 }),
    ]);
    return send(c, 'Overview', homePage({ counts, recent, sources, series, linked: links.available }));
  });

  app.get('/documents', async (c) => {
    const q = parseQuery(c.req.query(), { outlet: { type: 'text' }, ...PAGE });
    const p = await page(q, (limit, offset) => ledger.documentPage({ outlet: q.outlet, limit, offset }));
    return send(c, 'Articles', documentsPage(p, q));
  });

  app.get('/documents/:id', async (c) => {
    const q = parseQuery(c.req.query(), { claim: { type: 'text', max: 64 }, figure: { type: 'text', max: 64 } });
    const doc = await ledger.document(c.req.param('id'));
    if (!doc) throw new HttpError(404, 'not-found', `no document ${c.req.param('id')} in this ledger`);
    const x = (await ledger.extraction(doc.id))!;
    const focus = focusOf(doc.text, x, q.claim, q.figure);
    return send(c, doc.title ?? doc.id, readerPage(doc, x, { claim: q.claim, figure: q.figure, focus }), { wide: true });
  });

  app.get('/claims', async (c) => {
    const q = parseQuery(c.req.query(), CLAIM_FILTERS);
    const p = await page(q, (limit, offset) => ledger.browseClaims({ ...claimQuery(q), limit, offset }));
    const { limit: _l, offset: _o, document: _d, ...filters } = q;
    return send(c, q.q ? `“${q.q}”` : 'Claims', claimsPage(p, filters), { wide: true, q: q.q });
  });

  app.get('/figures', async (c) => {
    const q = parseQuery(c.req.query(), SERIES_FILTERS);
    const p = await page(q, (limit, offset) => ledger.series({ q: q.q, all: q.all === '1', limit, offset }));
    return send(c, 'Figure series', seriesListPage(p, q));
  });

  // a series by its key (what the list links to), or by a phrase naming the measure ("north korean workers in russia")
  app.get('/figures/:key', async (c) => {
    parseQuery(c.req.query(), {});
    const key = c.req.param('key');
    const view = await seriesView(ledger, key);
    if (!view) throw new HttpError(404, 'not-found', `no figure series matches “${key}”`);
    return send(c, view.series.label, timelinePage(view, key), { scripts: ['chart.umd.min.js', 'timeline.js'], wide: true });
  });

  app.get('/sources', async (c) => {
    const q = parseQuery(c.req.query(), { q: { type: 'text' }, ...PAGE });
    const p = await page(q, (limit, offset) => ledger.sources({ q: q.q, limit, offset }));
    return send(c, 'Sources', sourcesPage(p, q));
  });

  app.get('/sources/:name', async (c) => {
    const q = parseQuery(c.req.query(), PAGE);
    const name = c.req.param('name');
    const profile = await ledger.sourceProfile(name);
    if (!profile) throw new HttpError(404, 'not-found', `no claims from a source named “${name}”`);
    const said = await page(q, (limit, offset) => ledger.browseClaims({ sourceIs: name, limit, offset }));
    return send(c, profile.name, sourcePage(profile, said), { wide: true });
  });

  app.get('/entities', async (c) => {
    const q = parseQuery(c.req.query(), { q: { type: 'text' }, type: { type: 'enum', values: ENTITY_TYPES }, ...PAGE });
    const p = await page(q, (limit, offset) => ledger.entities({ q: q.q, type: q.type, limit, offset }));
    return send(c, 'Names', entitiesPage(p, q));
  });

  app.get('/entities/:name', async (c) => {
    const q = parseQuery(c.req.query(), PAGE);
    const name = c.req.param('name');
    const profile = await ledger.entityProfile(name);
    if (!profile) throw new HttpError(404, 'not-found', `no name “${name}” in this ledger`);
    const about = await page(q, (limit, offset) => ledger.browseClaims({ entity: name, limit, offset }));
    return send(c, profile.name, entityPage(profile, about), { wide: true });
  });

  app.get('/statements', async (c) => {
    const q = parseQuery(c.req.query(), PAGE);
    const p = await page(q, (limit, offset) => links.statements({ limit, offset }));
    return send(c, 'Statements', statementsPage(p, links.available));
  });

  app.get('/statements/:id', async (c) => {
    parseQuery(c.req.query(), {});
    const s = await links.statement(c.req.param('id'));
    if (!s) throw new HttpError(404, 'not-found', links.available ? `no statement ${c.req.param('id')}` : 'cross-article linking has not run on this ledger yet, so there are no statements');
    return send(c, 'Statement', statementPage(s), { wide: true });
  });

  app.get('/copies', async (c) => {
    const q = parseQuery(c.req.query(), PAGE);
    const p = await page(q, (limit, offset) => links.copies({ limit, offset }));
    return send(c, 'Copies', copiesPage(p, links.available));
  });

  return app;
}
