/**
 * Saved RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item becomes a document with its own date, link,
 * title and author, and the feed's title as its outlet. Parsed with fast-xml-parser, which is lenient
 * where real feeds are sloppy and bounds nesting and entity expansion where hostile ones are not.
 */
import { XMLParser } from 'fast-xml-parser';
import type { DocumentInput } from './document.ts';
import { fragmentText } from './htmlText.ts';

export type FeedItem = { input: DocumentInput } | { empty: string };
export type FeedResult = { items: FeedItem[] } | { reason: 'undecodable' | 'not-an-article'; message: string };

// Text-bearing elements are kept raw (stop nodes): their content is HTML escaped in one of three ways
// (CDATA, entities, or bare XHTML), which only a second, HTML-aware pass can undo correctly.
const RAW = ['title', 'description', 'content:encoded', 'content', 'summary'];

let parser: XMLParser | undefined;
const xmlParser = () =>
  (parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    stopNodes: RAW.map((t) => `..${t}`),
    isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
    maxNestedTags: 256,
  }));

const XML_ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function xmlUnescape(s: string): string {
  return s.replace(XML_ENTITY, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()]!;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

/** The XML-level string of a raw element: CDATA sections verbatim, entities outside them decoded. */
function xmlString(raw: string): string {
  let out = '';
  let at = 0;
  for (let open = raw.indexOf('<![CDATA[', at); open >= 0; open = raw.indexOf('<![CDATA[', at)) {
    const close = raw.indexOf(']]>', open + 9);
    out += xmlUnescape(raw.slice(at, open)) + raw.slice(open + 9, close < 0 ? raw.length : close);
    at = close < 0 ? raw.length : close + 3;
  }
  return out + xmlUnescape(raw.slice(at));
}

const LOOKS_HTML = /<[a-z!/]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** Text of a title/description/content element; `type` is Atom's text | html | xhtml (RSS content is HTML). */
function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  const raw = typeof node === 'object' ? String((node as Record<string, unknown>)['#text'] ?? '') : String(node);
  const type = typeof node === 'object' ? String((node as Record<string, unknown>)['@_type'] ?? 'html').toLowerCase() : 'html';
  const s = xmlString(raw);
  if (type === 'text' || !LOOKS_HTML.test(s)) return s.replace(/\r\n?/g, '\n').trim() || undefined;
  return fragmentText(s) || undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && '#text' in v) return str((v as Record<string, unknown>)['#text']);
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = {
  GMT: '+00:00', UT: '+00:00', UTC: '+00:00', Z: '+00:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};
const RFC822 = /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?)?/i;

/**
 * RSS dates ("Tue, 02 Apr 2024 23:30:00 -0500") as ISO with the offset kept: converting to UTC would
 * move a late-evening story to the next day, and relative dates ("on Monday") are read from the
 * outlet's own calendar day.
 */
export function rfc822ToIso(value: string): string | undefined {
  const m = RFC822.exec(value.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
  if (!month) return undefined;
  let year = +m[3]!;
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const p2 = (n: number | string) => String(n).padStart(2, '0');
  const date = `${year}-${p2(month)}-${p2(m[1]!)}`;
  if (m[4] === undefined) return date;
  const zone = m[7] ? (/^[+-]/.test(m[7]) ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : ZONES[m[7].toUpperCase()]) : undefined;
  return `${date}T${p2(m[4])}:${m[5]}:${m[6] ?? '00'}${zone ?? ''}`;
}

function dateOf(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = str(v);
    if (!s) continue;
    return /^\d{4}-\d{2}-\d{2}/.test(s) ? s : rfc822ToIso(s) ?? s;
  }
  return undefined;
}

/** Atom: the rel="alternate" link (or one with no rel); RSS: the element's text. */
function linkOf(links: unknown): string | undefined {
  if (!Array.isArray(links)) return str(links);
  let fallback: string | undefined;
  for (const l of links) {
    if (typeof l === 'string') return l.trim() || undefined;
    const rel = str((l as Record<string, unknown>)?.['@_rel']) ?? 'alternate';
    const href = str((l as Record<string, unknown>)?.['@_href']) ?? str(l);
    if (rel === 'alternate' && href) return href;
    fallback ??= href;
  }
  return fallback;
}

function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function authorOf(item: Record<string, unknown>): string | undefined {
  const creator = str(item['dc:creator']);
  if (creator) return creator;
  const authors = (item.author as unknown[] | undefined) ?? [];
  const names = authors.map((a) => (a && typeof a === 'object' ? str((a as Record<string, unknown>).name) ?? str(a) : str(a))).filter(Boolean);
  return names.length ? names.join(', ') : undefined;
}

export function readFeed(xml: string, fallback: { published?: string; outlet?: string } = {}): FeedResult {
  let tree: Record<string, any>;
  try {
    tree = xmlParser().parse(xml);
  } catch (e) {
    return { reason: 'undecodable', message: `not well-formed XML (${(e as Error).message})` };
  }
  const channel = tree.rss?.channel ?? tree['rdf:RDF']?.channel ?? tree.feed;
  const items = (tree.rss?.channel?.item ?? tree['rdf:RDF']?.item ?? tree.feed?.entry ?? []) as unknown[];
  if (!channel && !items.length) return { reason: 'not-an-article', message: 'XML, but not an RSS or Atom feed' };
  if (!items.length) return { items: [] };
  const outlet = (channel && typeof channel === 'object' ? textOf(channel.title) : undefined) ?? fallback.outlet;
  return {
    items: items.map((raw, i): FeedItem => {
      const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const text = textOf(item['content:encoded']) ?? textOf(item.content) ?? textOf(item.description) ?? textOf(item.summary);
      if (!text) return { empty: `item ${i + 1} has no text` };
      const guid = item.guid as Record<string, unknown> | string | undefined;
      const permalink = typeof guid === 'object' && String(guid['@_isPermaLink']) !== 'false' ? str(guid) : typeof guid === 'string' ? guid : undefined;
      const url = webUrl(linkOf(item.link)) ?? webUrl(permalink);
      const byline = authorOf(item);
      return {
        input: {
          text,
          title: textOf(item.title),
          url,
          outlet,
          published: dateOf(item.pubDate, item['dc:date'], item.published, item.updated, item.issued) ?? fallback.published,
          ...(byline ? { byline } : {}),
        },
      };
    }),
  };
}
