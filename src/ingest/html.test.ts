import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { REPO_ROOT } from '../eval/shared.ts';
import { readHtml } from './html.ts';
import { blockText, domParser, stripInert } from './htmlText.ts';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'ingest', name), 'utf8');

function page(html: string) {
  const r = readHtml(html);
  assert.ok('input' in r, `expected an article, got ${'message' in r ? r.message : ''}`);
  return r.input;
}

test('a saved news page: only the article body comes through, not navigation, ads, related links or the footer', () => {
  const p = page(fixture('news-page.html'));
  const paragraphs = p.text.split('\n\n');
  assert.match(paragraphs[0]!, /^Crews on the three ferries linking Saltmarsh Island/);
  assert.match(paragraphs.at(-1)!, /“bare by the weekend” if the strike went on\.$/);
  assert.equal(paragraphs.length, 8, 'seven body paragraphs and one subheading');
  for (const noise of [
    'Advertisement', 'Holiday cottages', 'Switch your energy', 'Sponsored', // ads
    'Business', 'Puzzles', 'Subscribe', // navigation
    'Ferry fares to rise', 'Harbour wall repairs', 'Seal pup', 'Most read', 'More from the Gazette', // related and most-read lists
    'cookies', 'Share on social media', 'morning briefing', 'All rights reserved', 'Topics:', // banners, share bar, newsletter, footers
    'window.__STATE__', 'ad-slot',
  ]) assert.ok(!p.text.includes(noise), `"${noise}" should not be in the article text`);
});

test('a subheading is a paragraph of its own and the headline is the title, not run into the first paragraph', () => {
  const p = page(fixture('news-page.html'));
  assert.ok(p.text.includes('\n\nCompany offers talks\n\nWesterly Crossings'), 'the h2 stands between blank lines');
  assert.ok(!p.text.startsWith('Ferry crews walk out'), 'the headline is metadata');
  assert.equal(p.text.split('\n\n')[3], 'Company offers talks');
  assert.equal(p.title, 'Ferry crews walk out over rosters');
});

test('page metadata: outlet, canonical URL, byline, publication date with its offset, language', () => {
  const p = page(fixture('news-page.html'));
  assert.equal(p.outlet, 'The Tidewater Gazette');
  assert.equal(p.url, 'https://tidewater-gazette.example.org/news/2024/09/12/ferry-crews-walk-out');
  assert.equal(p.byline, 'Maren Oakley');
  assert.equal(p.published, '2024-09-12T07:45:00+01:00');
  assert.equal(p.lang, 'en');
});

const body = '<p>The mayor said on Monday that the new bridge would open in spring, three months late.</p><p>Builders blamed a shortage of steel.</p>';

test('the publication date comes from JSON-LD when there is no article meta tag, then from <time>', () => {
  const ld = page(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":["NewsArticle"],"datePublished":"2022-02-03T10:00:00Z","publisher":{"name":"Riverside Echo"}}]}</script></head><body><article>${body}</article></body></html>`);
  assert.equal(ld.published, '2022-02-03T10:00:00Z');
  assert.equal(ld.outlet, 'Riverside Echo');
  const time = page(`<html><body><article><time datetime="2021-07-08">8 July 2021</time>${body}</article></body></html>`);
  assert.equal(time.published, '2021-07-08');
  const none = readHtml(`<html><body><article>${body}</article></body></html>`, { published: '2020-01-01' });
  assert.ok('input' in none && none.input.published === '2020-01-01', 'the caller’s date is the fallback');
  const bad = page(`<html><head><meta property="article:published_time" content="not a date"></head><body><article>${body}</article></body></html>`);
  assert.equal(bad.published, undefined, 'a malformed date is dropped, not stored');
});

test('without a site name the outlet falls back to the canonical host; relative and non-web URLs are not canonical', () => {
  const p = page(`<html><head><link rel="canonical" href="https://www.north-ridge.example.com/a/1"></head><body><article>${body}</article></body></html>`);
  assert.equal(p.outlet, 'north-ridge.example.com');
  const rel = page(`<html><head><link rel="canonical" href="/a/1"><meta property="og:url" content="javascript:alert(1)"></head><body><article>${body}</article></body></html>`);
  assert.equal(rel.url, undefined);
});

test('pages without an article are rejected as not an article', () => {
  const index = readHtml('<html><body><nav><a href="/a">Home</a> <a href="/b">News</a></nav></body></html>');
  assert.ok('reason' in index && index.reason === 'not-an-article');
  assert.ok('reason' in readHtml(''));
});

test('lists, line breaks, tables and preformatted text keep their structure; whitespace collapses as in a browser', () => {
  const doc = domParser().parseFromString(
    '<body><p>One   two\n three</p><ul><li>first item</li><li>second <b>bold</b> item</li></ul><p>line one<br>line two</p><table><tr><td>Oslo</td><td>12</td></tr><tr><td>Bergen</td><td>9</td></tr></table><pre>a  b\n  c</pre><p>co\u00ADoperate\u00A0now</p></body>',
    'text/html',
  );
  assert.equal(blockText(doc.body), 'One two three\n\nfirst item\n\nsecond bold item\n\nline one\nline two\n\nOslo 12\n\nBergen 9\n\na  b\nc\n\ncooperate\u00A0now');
});

test('scripts, styles, SVG and comments are cut before parsing, even unclosed; JSON-LD and look-alike tags stay', () => {
  assert.equal(stripInert('a<script>x</script>b<style>y</style>c<!-- z -->d<svg><path/></svg>e'), 'abcde');
  assert.equal(stripInert('a<script type="application/ld+json">{}</script>b'), 'a<script type="application/ld+json">{}</script>b');
  assert.equal(stripInert('keep <svg-icon>this</svg-icon> and <scripted>that</scripted>'), 'keep <svg-icon>this</svg-icon> and <scripted>that</scripted>');
  assert.equal(stripInert('text <script>never closed ' + 'x'.repeat(1000)), 'text ');
});

test('non-Latin scripts, emoji and combining accents come through intact', () => {
  const p = page('<html lang="ru"><body><article><p>Мэр заявил в понедельник, что мост откроют весной. 🚧</p><p>서울시는 월요일 새 다리가 봄에 개통된다고 밝혔다.</p><p>Le maire a de\u0301clare\u0301 que le pont ouvrira au printemps.</p></article></body></html>');
  assert.ok(p.text.includes('Мэр заявил'));
  assert.ok(p.text.includes('서울시는'));
  assert.ok(p.text.includes('🚧'));
  assert.equal(p.lang, 'ru');
});

test('reading page after page keeps memory flat: nothing of a page stays reachable once it is read', () => {
  // a collection on demand, without starting node with --expose-gc
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const html = fixture('news-page.html');
  // ids, named forms and selector queries are what jsdom's shared window used to keep hold of
  const nth = (i: number) => html.replace('</article>', `<p id="note-${i}">Item ${i}: the harbour master said ${i} berths were closed.</p></article>`);
  for (let i = 0; i < 20; i++) page(nth(i));
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 20; i < 220; i++) page(nth(i));
  gc();
  const perPage = (process.memoryUsage().heapUsed - before) / 200;
  // each page held about 650 KB before; what remains now is the allocator's noise
  assert.ok(perPage < 50 * 1024, `${Math.round(perPage / 1024)} KB kept per page read`);
});
