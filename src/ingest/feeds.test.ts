import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../eval/shared.ts';
import { readFeed, rfc822ToIso } from './feeds.ts';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'ingest', name), 'utf8');

function items(xml: string) {
  const r = readFeed(xml);
  assert.ok('items' in r, 'message' in r ? r.message : '');
  return r.items;
}

test('RSS 2.0: each item with its title, link, author, date (offset kept) and full content; the channel is the outlet', () => {
  const got = items(fixture('feed.rss'));
  assert.equal(got.length, 4);
  const first = got[0]!;
  assert.ok('input' in first);
  assert.equal(first.input.title, 'Grain terminal to hire 120 staff');
  assert.equal(first.input.url, 'https://harbour-hinterland.example.org/2024/03/04/grain-terminal-jobs');
  assert.equal(first.input.byline, 'Iona Greaves');
  assert.equal(first.input.outlet, 'Harbour & Hinterland Weekly');
  assert.equal(first.input.published, '2024-03-04T21:30:00-05:00', 'a late-evening story stays on its own day');
  assert.equal(
    first.input.text,
    'The operator of the Northgate grain terminal said on Monday it would hire 120 staff before its new berth opens in May.\n\nTraining scheme\n\nA training scheme run with the local college will take 40 apprentices a year, the company said.',
    'content:encoded (CDATA HTML) is preferred to the summary, with its paragraphs',
  );
});

test('RSS: entity-escaped HTML is unescaped once and read as HTML; an item with no text is reported empty', () => {
  const got = items(fixture('feed.rss'));
  const second = got[1]!;
  assert.ok('input' in second);
  assert.equal(second.input.title, 'Pilots warn of silting in the channel');
  assert.equal(
    second.input.text,
    'Harbour pilots said the approach channel had lost about 1.5 metres of depth since the last dredging.\n\nThe port authority said a survey was planned & would report in April.',
  );
  assert.equal(second.input.published, '2024-03-05T08:00:00+00:00');
  assert.deepEqual(got[3], { empty: 'item 4 has no text' });
});

test('Atom: alternate link, xhtml and html content, plain-text summary kept literally, author names', () => {
  const got = items(fixture('feed.atom'));
  assert.equal(got.length, 2);
  const [a, b] = got;
  assert.ok(a && 'input' in a && b && 'input' in b);
  assert.equal(a.input.title, 'Dam inspection finds no cracks');
  assert.equal(a.input.url, 'https://valley-courier.example.org/2023/11/02/dam-inspection');
  assert.equal(a.input.byline, 'Petra Lind');
  assert.equal(a.input.outlet, 'Valley Courier');
  assert.equal(a.input.published, '2023-11-02T17:40:00+02:00');
  assert.match(a.input.text, /^Engineers who inspected .*Thursday\.\n\nThe board said the reservoir was at 64% of capacity\.$/);
  assert.equal(b.input.url, 'https://valley-courier.example.org/2023/11/01/cycle-lanes');
  assert.equal(b.input.published, '2023-11-01T09:00:00+02:00', 'updated stands in for a missing published');
  assert.ok(b.input.text.endsWith('Work starts in <spring>.'), 'type="text" is not HTML: its angle brackets are text');
});

test('RSS 1.0 (RDF) items are read too', () => {
  const got = items(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://fen.example.org/"><title>Fen Bulletin</title></channel>
    <item rdf:about="https://fen.example.org/1"><title>Levee raised</title><link>https://fen.example.org/1</link><dc:date>2019-04-05</dc:date><description>Engineers raised the levee by half a metre, the drainage board said.</description></item>
  </rdf:RDF>`);
  assert.equal(got.length, 1);
  assert.ok('input' in got[0]!);
  assert.equal(got[0].input.outlet, 'Fen Bulletin');
  assert.equal(got[0].input.published, '2019-04-05');
});

test('RFC 822 dates: named zones, two-digit years, no seconds, no time', () => {
  assert.equal(rfc822ToIso('Sun, 6 Nov 1994 08:49:37 GMT'), '1994-11-06T08:49:37+00:00');
  assert.equal(rfc822ToIso('06 Nov 94 08:49 EST'), '1994-11-06T08:49:00-05:00');
  assert.equal(rfc822ToIso('Wed, 02 Oct 2002 13:00:00 +0200'), '2002-10-02T13:00:00+02:00');
  assert.equal(rfc822ToIso('2 June 2021'), '2021-06-02');
  assert.equal(rfc822ToIso('yesterday'), undefined);
});

test('malformed XML is undecodable; well-formed XML that is no feed is not an article; a feed with no items has none', () => {
  const broken = readFeed('<rss><channel><item><title>cut off');
  assert.ok('reason' in broken && broken.reason === 'undecodable');
  const other = readFeed('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
  assert.ok('reason' in other && other.reason === 'not-an-article');
  assert.deepEqual(readFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>'), { items: [] });
});

test('entity bombs and absurd nesting are refused, not expanded', () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'x'.repeat(50)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss><channel><title>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</title><item><description>ok text here</description><link>&d;</link></item></channel></rss>`;
  const r = readFeed(bomb);
  assert.ok('items' in r && r.items[0] && 'input' in r.items[0]);
  assert.ok(JSON.stringify(r).length < 1000, 'declared entities are left unexpanded');
  assert.equal(r.items[0].input.text, 'ok text here');
  const deep = readFeed('<rss><channel>' + '<x>'.repeat(5000) + '</x>'.repeat(5000) + '</channel></rss>');
  assert.ok('reason' in deep);
});
