/**
 * A saved news page to a document: the article body found by Mozilla Readability (which scores
 * blocks by text and link density, so navigation, ads and related-story lists fall away), plus the
 * metadata the page declares: title, byline, outlet, canonical URL and publication date.
 */
import { createRequire } from 'node:module';
import { normaliseDate, type DocumentInput } from './document.ts';
import { blockText, flattenDeep, limitDepth, stripInert, withParsed } from './htmlText.ts';

type ReadabilityModule = typeof import('@mozilla/readability');
let readability: ReadabilityModule | undefined;
const Readability = () => (readability ??= createRequire(import.meta.url)('@mozilla/readability') as ReadabilityModule).Readability;

export type PageResult = { input: DocumentInput } | { reason: 'not-an-article'; message: string };

/** Beyond this a page is a dump or an attack, not an article; Readability would take seconds on it. */
const MAX_ELEMENTS = 40_000;
/** A page whose main text has fewer words than this is an index, a login wall or an error page. */
const MIN_WORDS = 5;

/**
 * Boilerplate containers that Readability's scoring sometimes keeps when they sit inside the article
 * element (share bars, "related stories", newsletter boxes): removed by role and element before scoring.
 */
const BOILERPLATE = 'nav, aside, footer, button, dialog, iframe, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="dialog"], [hidden], [aria-hidden="true"]';

type Metas = Map<string, string>;

/** Every <meta> of the page by its property, name or itemprop (lowercased), first one winning; one pass. */
function metasOf(doc: Document): Metas {
  const metas: Metas = new Map();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  return metas;
}

function meta(metas: Metas, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = metas.get(key);
    if (v) return v;
  }
  return undefined;
}

function absoluteHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

type JsonLd = { datePublished?: string; url?: string; headline?: string; publisher?: string; author?: string };
const ARTICLE_TYPE = /Article|Posting|Report|NewsArticle/i;

/** The first article-like object in the page's JSON-LD blocks (top level, arrays or @graph). */
function jsonLd(doc: Document): JsonLd {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const o = queue[i];
      if (Array.isArray(o)) queue.push(...o);
      else if (o && typeof o === 'object') {
        const r = o as Record<string, any>;
        if (Array.isArray(r['@graph'])) queue.push(...r['@graph']);
        const types = ([] as unknown[]).concat(r['@type'] ?? []).map(String);
        if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
        const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
        const name = (v: unknown): string | undefined =>
          Array.isArray(v) ? v.map(name).filter(Boolean).join(', ') || undefined : str(v) ?? (v && typeof v === 'object' ? str((v as any).name) : undefined);
        return {
          datePublished: str(r.datePublished) ?? str(r.dateCreated),
          url: str(r.url) ?? str(r.mainEntityOfPage?.['@id']) ?? str(r.mainEntityOfPage),
          headline: str(r.headline),
          publisher: name(r.publisher),
          author: name(r.author),
        };
      }
    }
  }
  return {};
}

/** The publication date the page states, in the order sites are most reliable about it. */
function publishedOf(doc: Document, metas: Metas, ld: JsonLd, readabilityTime: string | null | undefined): string | undefined {
  const candidates = [
    meta(metas, 'article:published_time', 'og:article:published_time'),
    ld.datePublished,
    meta(metas, 'datepublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.created', 'dc.date', 'pubdate', 'publishdate', 'date'),
    doc.querySelector('time[itemprop~="datePublished" i], time[pubdate]')?.getAttribute('datetime'),
    doc.querySelector('article time[datetime], main time[datetime]')?.getAttribute('datetime'),
    readabilityTime,
  ];
  for (const c of candidates) {
    const d = normaliseDate(c ?? undefined);
    if (d) return d;
  }
  return undefined;
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** Words in a text, counting no further than `enough`. */
function countWords(text: string, enough = Infinity): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (n < enough && WORD.exec(text)) n++;
  return n;
}

export function readHtml(html: string, fallback: { published?: string; outlet?: string } = {}): PageResult {
  return withParsed(limitDepth(stripInert(html)), (doc) => readPage(doc, fallback));
}

function readPage(doc: Document, fallback: { published?: string; outlet?: string }): PageResult {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) return { reason: 'not-an-article', message: `${elements} elements, more than an article page has (${MAX_ELEMENTS})` };
  flattenDeep(doc.documentElement);
  // a page with no words at all (a redirect stub, an image viewer, garbage) is not worth Readability's four passes
  const pageWords = countWords(doc.body?.textContent ?? '', MIN_WORDS);
  if (pageWords < MIN_WORDS) return { reason: 'not-an-article', message: `no article text found (${pageWords} words)` };
  const metas = metasOf(doc);
  const ld = jsonLd(doc);
  const canonical =
    absoluteHttpUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
    absoluteHttpUrl(meta(metas, 'og:url')) ??
    absoluteHttpUrl(ld.url);
  // a site that wraps its whole page in one of these (it happens) must not lose the article with it
  const pageLength = doc.body?.textContent?.length ?? 0;
  for (const el of Array.from(doc.querySelectorAll(BOILERPLATE))) {
    if (el.isConnected && (el.textContent?.length ?? 0) < pageLength / 2) el.remove();
  }
  const article = new (Readability())<Node>(doc, { serializer: (n: Node) => n, maxElemsToParse: MAX_ELEMENTS }).parse();
  const text = article?.content ? blockText(article.content) : '';
  const words = countWords(text);
  if (words < MIN_WORDS) return { reason: 'not-an-article', message: `no article text found (${words} words)` };
  const title = meta(metas, 'og:title', 'twitter:title') ?? ld.headline ?? article?.title ?? undefined;
  let outlet = meta(metas, 'og:site_name', 'application-name') ?? ld.publisher ?? article?.siteName ?? fallback.outlet;
  if (!outlet && canonical) outlet = new URL(canonical).hostname.replace(/^www\./, '');
  const byline = article?.byline?.trim() || ld.author;
  return {
    input: {
      text,
      title: title?.replace(/\s+/g, ' '),
      url: canonical,
      outlet,
      published: publishedOf(doc, metas, ld, article?.publishedTime) ?? fallback.published,
      lang: /^([a-z]{2,3})(?:[-_]|$)/.exec((doc.documentElement.getAttribute('lang') ?? '').trim().toLowerCase())?.[1],
      ...(byline ? { byline: byline.replace(/\s+/g, ' ') } : {}),
    },
  };
}
