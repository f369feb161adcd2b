import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestMatch, blockingKey, matchEntities, skeleton } from './match.ts';

test('spelling of hyphens and spaces does not split a person', () => {
  const m = matchEntities({ name: 'Kim Jong Un', type: 'PERSON', country: 'PRK' }, { name: 'Kim Jong-un', type: 'PERSON' });
  assert.equal(m.same, true);
  assert.ok(m.confidence >= 0.85, String(m.confidence));
});

test('romanisation variants of a Korean name match, with the evidence said', () => {
  const m = matchEntities({ name: 'Lee Seong-kweun', type: 'PERSON' }, { name: 'Lee Sung-kwon', type: 'PERSON' });
  assert.equal(m.same, true);
  assert.ok(m.evidence.some((e) => e.includes('romanisation')), m.evidence.join('; '));
  assert.equal(skeleton('seong'), skeleton('sung'));
});

test('different people who share a surname stay apart', () => {
  assert.equal(matchEntities({ name: 'Kim Yo-jong', type: 'PERSON' }, { name: 'Kim Jong-un', type: 'PERSON' }).same, false);
  assert.equal(matchEntities({ name: 'Hunter Biden', type: 'PERSON' }, { name: 'Joe Biden', type: 'PERSON' }).same, false);
});

test('a middle initial or a dropped middle name is the same person', () => {
  assert.equal(matchEntities({ name: 'Vladimir V. Putin', type: 'PERSON' }, { name: 'Vladimir Putin', type: 'PERSON' }).same, true);
});

test('a surname alone is weak evidence, and a different country rules a match out', () => {
  const weak = matchEntities({ name: 'Shoigu', type: 'PERSON' }, { name: 'Sergei Shoigu', type: 'PERSON' });
  assert.equal(weak.same, false);
  const sameRole = matchEntities(
    { name: 'Marek Nowak', type: 'PERSON', country: 'POL' },
    { name: 'Marek Nowak', type: 'PERSON', country: 'CZE' },
  );
  assert.equal(sameRole.same, false);
});

test('an acronym and its full name, and two names of one listed organisation, match', () => {
  assert.equal(matchEntities({ name: 'KCNA', type: 'ORG' }, { name: 'Korean Central News Agency', type: 'ORG' }).same, true);
  assert.equal(matchEntities({ name: 'Harbour Workers Union', type: 'ORG' }, { name: 'HWU', type: 'ORG' }).same, true);
  assert.equal(matchEntities({ name: 'Harbour Workers Union', type: 'ORG' }, { name: 'Harbour Authority', type: 'ORG' }).same, false);
});

test('countries match through their listed names', () => {
  const m = matchEntities({ name: 'United States', type: 'GPE' }, { name: 'U.S.', type: 'GPE' });
  assert.equal(m.same, true);
  assert.equal(blockingKey({ name: 'United States', type: 'GPE' }), blockingKey({ name: 'America', type: 'GPE' }));
});

test('blocking keys bring romanisation variants together and keep types apart', () => {
  assert.equal(blockingKey({ name: 'Lee Seong-kweun', type: 'PERSON' }), blockingKey({ name: 'Sung-kwon Lee', type: 'PERSON' }));
  assert.notEqual(blockingKey({ name: 'Jordan', type: 'PERSON' }), blockingKey({ name: 'Jordan', type: 'GPE' }));
});

test('bestMatch picks the most confident candidate', () => {
  const r = bestMatch({ name: 'Kim Jong Un', type: 'PERSON' }, [
    { name: 'Kim Yo-jong', type: 'PERSON' },
    { name: 'Kim Jong-un', type: 'PERSON', mentions: ['Kim Jong-un', 'Kim', 'the North Korean leader'] },
  ]);
  assert.equal(r?.index, 1);
});
