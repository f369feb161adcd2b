import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markedText, type Mark } from './marks.ts';
import { html, raw, jsonForScript } from './html.ts';
import { wordDiff } from './diff.ts';

/** The pieces of the marked text, each with the text it covers (unescaped) and its classes. */
function pieces(out: string): { text: string; cls: string }[] {
  const res: { text: string; cls: string }[] = [];
  for (const m of out.matchAll(/<span class="m ([^"]+)"[^>]*>([^<]*)<\/span>|([^<]+)/g)) {
    const text = (m[2] ?? m[3] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    res.push({ text, cls: m[1] ?? '' });
  }
  return res;
}

test('nested and overlapping spans cut the text into pieces that keep every character once', () => {
  const text = 'Наталья 👩🏽‍💼 said “12 cafés” closed in 서울.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const marks: Mark[] = [
    { kind: 'source', ...at('Наталья 👩🏽‍💼'), claim: 'c1' },
    { kind: 'entity', ...at('Наталья') },
    { kind: 'content', ...at('“12 cafés” closed in 서울'), claim: 'c1' },
    { kind: 'figure', ...at('12 cafés'), claim: 'c1', figure: 'f1' },
    { kind: 'entity', ...at('서울') },
  ];
  const out = markedText(text, marks).value;
  const ps = pieces(out);
  assert.equal(ps.map((p) => p.text).join(''), text, 'the text comes back whole, emoji and accents included');
  assert.deepEqual(ps.find((p) => p.text === '12 cafés')!.cls, 'm-content m-figure');
  assert.deepEqual(ps.find((p) => p.text === 'Наталья')!.cls, 'm-entity m-source');
  assert.deepEqual(ps.find((p) => p.text === '서울')!.cls, 'm-content m-entity');
});

test('offsets outside the text or empty are ignored rather than breaking the page', () => {
  const out = markedText('short text', [{ kind: 'figure', start: 5, end: 99 }, { kind: 'time', start: 3, end: 3 }, { kind: 'cue', start: -1, end: 2 }]).value;
  assert.equal(out, 'short text');
});

test('markup in the text is escaped; only the program’s own markup is raw', () => {
  const evil = '<img src=x onerror=alert(1)> " onmouseover="x" \'';
  assert.equal(markedText(evil, []).value, '&lt;img src=x onerror=alert(1)&gt; &quot; onmouseover=&quot;x&quot; &#39;');
  assert.equal(html`<a title="${evil}">${[evil, raw('<b>ok</b>')]}</a>`.value.includes('<img'), false);
  assert.equal(html`${raw('<b>ok</b>')}`.value, '<b>ok</b>');
  assert.equal(jsonForScript({ s: '</script><script>alert(1)</script>' }).value.includes('</script>'), false);
});

test('word differences between two reports mark only what differs', () => {
  const d = wordDiff('The agency said about 4,000 workers remain.', 'The agency said some 4,000 workers still remain.');
  assert.deepEqual(d.b.filter((p) => p.changed).map((p) => p.text), ['some', 'still']);
  assert.deepEqual(d.a.filter((p) => p.changed).map((p) => p.text), ['about']);
  assert.equal(d.b.map((p) => p.text).join(''), 'The agency said some 4,000 workers still remain.');
});
