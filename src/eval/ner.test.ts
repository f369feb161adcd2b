import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasShared, SEED_NAME } from './shared.ts';
import { evaluate, seedSection } from './ner.ts';

const seedThere = hasShared('seeds', `${SEED_NAME}.txt`);

test('every entity of the seed key is found, typed, given its country and its mentions linked', { skip: !seedThere && 'shared/seeds missing' }, () => {
  const s = seedSection();
  const extra = s.extra as { expected: number; typed: number; countryRight: number; allMentionsLinked: number; misses: string[] };
  assert.deepEqual(extra.misses, []);
  assert.equal(extra.typed, extra.expected);
  assert.equal(extra.countryRight, extra.expected);
  assert.equal(extra.allMentionsLinked, extra.expected);
});

test('the NER sections report per-type scores or say why they were skipped', { skip: !hasShared('data', 'ner') && 'shared/data/ner missing' }, async () => {
  const sections = await evaluate();
  for (const s of sections) {
    if (s.skipped) continue;
    assert.ok(s.scores.length > 0, s.name);
    for (const x of s.scores) assert.ok(x.f1 >= 0 && x.f1 <= 1, `${s.name} ${x.task}`);
  }
  const gum = sections.find((s) => s.name === 'NER GUM dev');
  assert.ok(gum && !gum.skipped);
  assert.deepEqual(gum.scores.map((x) => x.task), ['names', 'names PER', 'names ORG', 'names LOC']);
  // a floor well under today's score: a regression that loses most names fails here
  assert.ok(gum.scores[0]!.f1 > 0.45, `GUM dev F1 ${gum.scores[0]!.f1}`);
});
