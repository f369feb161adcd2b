import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteLedger } from './sqlite.ts';
import { article, storyLedger, tempDbPath, HARBOUR_STORY } from '../server/testing.ts';

test('tallies of sources, names and measures agree with counting the rows themselves', async () => {
  const l = await storyLedger();
  await l.addAll(HARBOUR_STORY.map(article)); // duplicates change nothing
  const grouped = l.db
    .prepare(`SELECT lower(source_name) k, count(*) claims, count(DISTINCT doc_id) documents FROM claims WHERE source_name IS NOT NULL GROUP BY k ORDER BY k`)
    .all() as { k: string; claims: number; documents: number }[];
  const tallied = (await l.sources({ limit: 500 })).map((s) => ({ k: s.name.toLowerCase(), claims: s.claims, documents: s.documents })).sort((a, b) => a.k.localeCompare(b.k));
  assert.deepEqual(tallied, grouped.map((g) => ({ ...g })));
  assert.deepEqual((await l.entities({ q: 'halden' })).map((e) => [e.name, e.documents, e.mentions, e.types]), [['Port Halden', 3, 3, ['GPE']]]);
  assert.deepEqual(await l.seriesList(), [{ measure: 'dock worker', points: 3, documents: 3 }, { measure: 'ship', points: 1, documents: 1 }]);
  // removing an article takes its rows out of the tallies
  l.db.prepare('DELETE FROM documents WHERE id = ?').run(article(HARBOUR_STORY[2]!).doc.id);
  assert.deepEqual((await l.seriesList())[0], { measure: 'dock worker', points: 2, documents: 2 });
  assert.equal((await l.sources({ q: 'transport' })).length, 0);
  await l.close();
});

test('a source with thousands of claims pages the same way as a rare one: newest articles first', async () => {
  const l = new SqliteLedger(tempDbPath());
  const docs = [];
  for (let i = 0; i < 2100; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(i / 28) % 12).padStart(2, '0');
    docs.push(article({
      text: `The weather office said ${i} millimetres of rain fell at station ${i}.`,
      published: `${2000 + Math.floor(i / 336)}-${month}-${day}`,
      entities: [{ name: 'Weather Office', type: 'ORG', mentions: ['weather office'] }],
      claims: [{ source: 'The weather office', entity: 'Weather Office', cue: 'said', content: [`${i} millimetres of rain fell at station ${i}`] }],
    }));
  }
  docs.push(article({ text: 'A harbour pilot said the fog had lifted.', published: '2001-01-01', claims: [{ source: 'A harbour pilot', cue: 'said', content: ['the fog had lifted'] }] }));
  await l.addAll(docs);
  const hot = await l.browseClaims({ sourceIs: 'weather office', limit: 5, offset: 3 });
  const all = (l.db.prepare(`SELECT c.content_text, d.published FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.source_name = 'Weather Office' ORDER BY d.published DESC, d.id DESC`).all() as { content_text: string }[]).slice(3, 8);
  assert.deepEqual(hot.map((r) => r.content), all.map((r) => r.content_text));
  assert.deepEqual((await l.browseClaims({ sourceIs: 'a harbour pilot' })).map((r) => r.content), ['the fog had lifted']);
  const p = await l.seriesPoints('millimetre', { limit: 10 });
  assert.equal(p.total, 0, 'no figures were made');
  await l.close();
});
