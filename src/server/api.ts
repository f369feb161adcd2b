/**
 * The JSON API: the same queries and filters as the pages, one page of rows at a time. Lists answer
 * { items, limit, offset, more }; `more` says whether another page follows (counting every match
 * would cost a scan on a large ledger).
 */
import { Hono } from 'hono';
import type { Ledger } from '../store/ledger.ts';
import { HttpError } from './errors.ts';
import { CLAIM_FILTERS, ENTITY_TYPES, PAGE, SERIES_FILTERS, parseQuery } from './params.ts';
import type { Links } from './links.ts';
import { seriesView } from './series.ts';
import { ingestRequest } from './write.ts';
import { openApiDocument } from './openapi.ts';

export type AppDeps = { ledger: Ledger; links: Links; writeToken?: string };

export const DEFAULT_LIMIT = 50;

export type ListPage<T> = { items: T[]; limit: number; offset: number; more: boolean };

/** Runs a query for one row more than the page, to know whether another page follows without counting. */
export async function page<T>(q: { limit?: number; offset?: number }, fetch: (limit: number, offset: number) => Promise<T[]>): Promise<ListPage<T>> {
  const limit = q.limit ?? DEFAULT_LIMIT;
  const offset = q.offset ?? 0;
  const rows = await fetch(limit + 1, offset);
  return { items: rows.slice(0, limit), limit, offset, more: rows.length > limit };
}

export function claimQuery(q: ReturnType<typeof parseQuery<typeof CLAIM_FILTERS>>) {
  return { source: q.source, entity: q.entity, about: q.q, since: q.since, until: q.until, kind: q.kind, outlet: q.outlet, document: q.document };
}

export function apiRoutes({ ledger, links, writeToken }: AppDeps): Hono {
  const api = new Hono();

  api.get('/summary', async (c) => {
    parseQuery(c.req.query(), {});
    const [counts, sources, series] = await Promise.all([ledger.counts(), ledger.sources({ limit: 10 }), ledger.series({ limit: 10 })]);
    return c.json({ ...counts, sources, series, linked: links.available });
  });

  api.get('/documents', async (c) => {
    const q = parseQuery(c.req.query(), { outlet: { type: 'text' }, ...PAGE });
    return c.json(await page(q, (limit, offset) => ledger.documentPage({ outlet: q.outlet, limit, offset })));
  });

  api.get('/documents/:id', async (c) => {
    parseQuery(c.req.query(), {});
    const doc = await ledger.document(c.req.param('id'));
    if (!doc) throw new HttpError(404, 'not-found', `no document ${c.req.param('id')}`);
    return c.json({ document: doc, extraction: await ledger.extraction(doc.id) });
  });

  api.post('/documents', (c) => ingestRequest(c, ledger, writeToken));

  api.get('/claims', async (c) => {
    const q = parseQuery(c.req.query(), CLAIM_FILTERS);
    return c.json(await page(q, (limit, offset) => ledger.browseClaims({ ...claimQuery(q), limit, offset })));
  });

  api.get('/figures', async (c) => {
    const q = parseQuery(c.req.query(), { counts: { type: 'text' }, unit: { type: 'text', max: 20 }, document: { type: 'text', max: 64 }, ...PAGE });
    return c.json(await page(q, (limit, offset) => ledger.figures({ counts: q.counts, unit: q.unit, document: q.document, limit, offset })));
  });

  api.get('/series', async (c) => {
    const q = parseQuery(c.req.query(), SERIES_FILTERS);
    return c.json(await page(q, (limit, offset) => ledger.series({ q: q.q, all: q.all === '1', limit, offset })));
  });

  api.get('/series/:key', async (c) => {
    parseQuery(c.req.query(), {});
    const key = c.req.param('key');
    const view = await seriesView(ledger, key);
    if (!view) throw new HttpError(404, 'not-found', `no series matches "${key}"; /api/series?all=1 lists them`);
    return c.json(view);
  });

  api.get('/sources', async (c) => {
    const q = parseQuery(c.req.query(), { q: { type: 'text' }, ...PAGE });
    return c.json(await page(q, (limit, offset) => ledger.sources({ q: q.q, limit, offset })));
  });

  api.get('/sources/:name', async (c) => {
    const q = parseQuery(c.req.query(), PAGE);
    const name = c.req.param('name');
    const profile = await ledger.sourceProfile(name);
    if (!profile) throw new HttpError(404, 'not-found', `no claims from a source named "${name}"`);
    return c.json({ ...profile, claims: profile.claims, said: await page(q, (limit, offset) => ledger.browseClaims({ sourceIs: name, limit, offset })) });
  });

  api.get('/entities', async (c) => {
    const q = parseQuery(c.req.query(), { q: { type: 'text' }, type: { type: 'enum', values: ENTITY_TYPES }, ...PAGE });
    return c.json(await page(q, (limit, offset) => ledger.entities({ q: q.q, type: q.type, limit, offset })));
  });

  api.get('/entities/:name', async (c) => {
    const q = parseQuery(c.req.query(), PAGE);
    const name = c.req.param('name');
    const profile = await ledger.entityProfile(name);
    if (!profile) throw new HttpError(404, 'not-found', `no name "${name}" in the ledger`);
    return c.json({ ...profile, about: await page(q, (limit, offset) => ledger.browseClaims({ entity: name, limit, offset })) });
  });

  api.get('/statements', async (c) => {
    const q = parseQuery(c.req.query(), { source: { type: 'text' }, ...PAGE });
    return c.json({ linked: links.available, ...(await page(q, (limit, offset) => links.statements({ source: q.source, limit, offset }))) });
  });

  api.get('/statements/:id', async (c) => {
    parseQuery(c.req.query(), {});
    const s = await links.statement(c.req.param('id'));
    if (!s) throw new HttpError(404, 'not-found', links.available ? `no statement ${c.req.param('id')}` : 'cross-article linking has not run on this ledger yet');
    return c.json({ linked: links.available, ...s });
  });

  api.get('/conflicts', async (c) => {
    const q = parseQuery(c.req.query(), { measure: { type: 'text' }, ...PAGE });
    return c.json({ linked: links.available, ...(await page(q, (limit, offset) => links.conflicts({ measure: q.measure, limit, offset }))) });
  });

  api.get('/copies', async (c) => {
    const q = parseQuery(c.req.query(), PAGE);
    return c.json({ linked: links.available, ...(await page(q, (limit, offset) => links.copies({ limit, offset }))) });
  });

  api.get('/openapi.json', (c) => c.json(openApiDocument()));

  return api;
}
