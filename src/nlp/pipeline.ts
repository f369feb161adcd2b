/**
 * Composes the nlp stages into one Extraction per document. Order matters only through the
 * explicit arguments: times and figures feed claims (which link what their content contains),
 * entities feed claims (source resolution) and events.
 */
import type { Document, Extraction } from '../types.ts';
import type { StageContext } from './context.ts';
import { segment } from './segment.ts';
import { extractTimes } from './times.ts';
import { extractFigures } from './figures.ts';
import { extractEntities } from './entities.ts';
import { extractClaims } from './claims.ts';
import { extractEvents } from './events.ts';

export function contextOf(doc: Document): StageContext {
  const anchor = doc.published && /^\d{4}-\d{2}-\d{2}/.test(doc.published) ? doc.published.slice(0, 10) : undefined;
  return { doc, seg: segment(doc.text), anchor };
}

export function extract(doc: Document): Extraction {
  const ctx = contextOf(doc);
  const times = extractTimes(ctx);
  const figures = extractFigures(ctx, { times });
  const entities = extractEntities(ctx);
  const claims = extractClaims(ctx, { entities, times, figures });
  const events = extractEvents(ctx, { entities, times, claims });
  // A figure belongs to the claim whose content contains it; the claims stage records the link on
  // the claim, and the record carries it both ways so a figure can be traced to who said it.
  const byId = new Map(figures.map((f) => [f.id, f]));
  for (const c of claims) for (const id of c.figures) {
    const f = byId.get(id);
    if (f && !f.claim) f.claim = c.id;
  }
  return {
    document: {
      id: doc.id,
      ...(doc.published ? { published: doc.published } : {}),
      ...(doc.title ? { title: doc.title } : {}),
      ...(doc.url ? { url: doc.url } : {}),
      ...(doc.outlet ? { outlet: doc.outlet } : {}),
      lang: doc.lang,
      textSha256: doc.textSha256,
    },
    entities,
    times,
    figures,
    claims,
    events,
  };
}
