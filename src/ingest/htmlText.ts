/**
 * HTML to canonical text: a DOM (jsdom, loaded on first use because it costs over a second to
 * import) and a walk that turns block elements into paragraphs, so a heading never runs into the
 * paragraph after it and list items stay apart. Shared by the HTML page reader and the feed reader
 * (feed items carry HTML fragments).
 */
import { createRequire } from 'node:module';

type JsdomModule = typeof import('jsdom');

let parser: DOMParser | undefined;

/**
 * One window for the whole process: creating a jsdom window costs tens of milliseconds, parsing a
 * document into an existing one does not.
 */
export function domParser(): DOMParser {
  if (!parser) {
    const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule;
    // pages are untrusted: no scripts, no subresources, and their console errors are not ours to print
    const window = new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
    // jsdom's selector engine (one per document) listens on its window for focus, key and mouse
    // events; on this shared window those listeners, and the documents they hold, would outlive
    // every page, and nothing here ever dispatches an event, so the window takes no listeners
    window.addEventListener = () => {};
    parser = new window.DOMParser() as DOMParser;
  }
  return parser;
}

/**
 * Parses a page or fragment in the shared window, hands the document to `use`, and then takes its
 * tree down. jsdom files every element with an `id` (and named forms, images, frames) under the
 * window it belongs to, for `window[id]` lookups, and a DOMParser document belongs to the shared
 * window: without this, every page ever parsed stayed reachable from it (about half a megabyte a
 * news page, so an ingest of saved pages grew without bound). Removing the root detaches every
 * element still attached, which takes it off that list.
 */
export function withParsed<T>(html: string, use: (doc: Document) => T): T {
  const doc = domParser().parseFromString(html, 'text/html');
  try {
    return use(doc);
  } finally {
    doc.documentElement?.remove();
  }
}

/** Elements whose contents are never article text; dropped before parsing so they cost nothing. */
// (?=…) rather than \b: a custom element such as <svg-icon> is not an <svg>
const DROPPED = /<(script|style|svg|template|math)(?=[\s/>])|<!--/gi;
const CLOSES: Record<string, RegExp> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  svg: /<\/svg\s*>/gi,
  template: /<\/template\s*>/gi,
  math: /<\/math\s*>/gi,
  '<!--': /-->/g,
};
const LD_JSON = /^<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json/i;

/**
 * Cuts scripts, styles, inline SVG and comments out of a page before the DOM is built: on a real news
 * page they are most of the bytes (framework state, icon sprites) and jsdom is slow per node.
 * JSON-LD scripts stay, because they carry the article's metadata. One forward pass, so an unclosed
 * `<script` on a megabyte line costs one scan, not one per tag.
 */
export function stripInert(html: string): string {
  const parts: string[] = [];
  let kept = 0;
  DROPPED.lastIndex = 0;
  for (let m = DROPPED.exec(html); m; m = DROPPED.exec(html)) {
    const kind = m[1]?.toLowerCase() ?? '<!--';
    const close = CLOSES[kind]!;
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(html);
    const end = c ? c.index + c[0].length : html.length;
    const isLd = kind === 'script' && LD_JSON.test(html.slice(m.index, Math.min(html.length, m.index + 200)));
    if (!isLd) {
      parts.push(html.slice(kept, m.index));
      kept = end;
    }
    DROPPED.lastIndex = end;
    if (!c) break;
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join('');
}

/** Deeper than real article markup (news pages nest 30 to 60 deep); Readability and jsdom slow down steeply with depth. */
export const MAX_DEPTH = 100;
const TAG = /<(\/?)([a-zA-Z][\w:-]{0,40})(?:\s[^>]{0,4000})?>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame']);
// closed implicitly by their next sibling, so an unclosed one does not nest
const SELF_ENDING = new Set(['p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rp', 'tbody', 'thead', 'tfoot', 'colgroup', 'caption', 'html', 'head', 'body']);

/**
 * Drops the tags (never the text) of markup nested deeper than `max`. A page 20,000 divs deep takes
 * jsdom minutes and overflows the stack of any recursive walk; flattened, its text still comes through.
 * The depth is estimated from the tags alone (one linear pass), counting only elements that do nest.
 */
export function limitDepth(html: string, max = MAX_DEPTH): string {
  let depth = 0;
  let kept = 0;
  const parts: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || SELF_ENDING.has(name) || m[0].endsWith('/>')) continue;
    const closing = m[1] === '/';
    const tooDeep = closing ? depth > max : depth >= max;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (tooDeep) {
      parts.push(html.slice(kept, m.index));
      kept = m.index + m[0].length;
    }
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join('');
}

/**
 * Flattens, in the parsed DOM, every subtree that starts deeper than `max` into its plain text. The
 * string-level `limitDepth` cannot see depth that the parser creates (each nested table adds tbody,
 * tr and td), and Readability slows steeply with depth. Iterative, linear in the number of nodes.
 */
export function flattenDeep(root: Element, max = MAX_DEPTH * 0.8): number {
  let flattened = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth >= max) {
      if (el.firstElementChild) {
        el.textContent = el.textContent;
        flattened++;
      }
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return flattened;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
  'BODY', 'HTML',
]);
const CELL = new Set(['TD', 'TH']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Text of a DOM subtree as paragraphs separated by a blank line. Whitespace collapses as a browser
 * collapses it (ASCII whitespace only: a no-break space is content), `<br>` is a line break, `<pre>`
 * keeps its lines. Soft hyphens go: they are invisible and split words for the tokenizer.
 * Iterative, so deeply nested markup cannot overflow the stack.
 */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let line = '';
  let pre = 0;
  const breakParagraph = () => {
    const p = line.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/^[ \n]+|[ \n]+$/g, '');
    if (p) paragraphs.push(p);
    line = '';
  };
  const append = (s: string) => {
    if (pre) {
      line += s;
      return;
    }
    const collapsed = s.replace(/[\t\n\f\r ]+/g, ' ');
    if (collapsed === ' ' && (line === '' || line.endsWith(' ') || line.endsWith('\n'))) return;
    line += line.endsWith(' ') || line.endsWith('\n') || line === '' ? collapsed.replace(/^ /, '') : collapsed;
  };
  // explicit stack of [node, leaving?] so that closing a block is handled after its children
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      append((node as Text).data.replace(/\u00AD/g, ''));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = node.nodeType === ELEMENT_NODE ? (node as Element).tagName.toUpperCase() : '';
    if (leaving) {
      if (tag === 'PRE') pre--;
      if (BLOCK.has(tag)) breakParagraph();
      else if (CELL.has(tag)) append(' ');
      continue;
    }
    if (SKIPPED.has(tag)) continue;
    if (tag === 'BR') {
      line = line.replace(/ $/, '') + '\n';
      continue;
    }
    if (BLOCK.has(tag)) breakParagraph();
    if (tag === 'PRE') pre++;
    stack.push([node, true]);
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, false]);
  }
  breakParagraph();
  return paragraphs.join('\n\n');
}

/** Text of an HTML fragment (a feed item's description); plain text comes back untouched but for entities. */
export function fragmentText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return withParsed(`<!doctype html><body>${limitDepth(stripInert(html))}`, (doc) => blockText(doc.body));
}
