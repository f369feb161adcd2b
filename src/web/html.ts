/**
 * HTML by tagged template: every interpolated value is escaped unless it is already Html (made by
 * this tag or by `raw`). Article text, titles and user input therefore reach the page as text and
 * never as markup, which is what keeps a hostile article inert.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Part = Html | string | number | boolean | null | undefined | Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Markup this program made itself (never text from an article or a request). */
export function raw(s: string): Html {
  return new Html(s);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as \u003c so that no string in
 * the data can close the element, and U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(data: unknown): Html {
  return new Html(JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}
