import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityKeys, sameEntity } from './entities.ts';

const person = (name: string, country?: string) => ({ name, type: 'PERSON', ...(country ? { country } : {}) });

test('spellings of one name across outlets are one person, with confidence and evidence', () => {
  const hyphen = sameEntity(person('Kim Jong Un'), person('Kim Jong-un'));
  assert.ok(hyphen && hyphen.confidence >= 0.9, 'hyphen and spacing');
  assert.match(hyphen!.evidence.join(' '), /Kim Jong Un/);
  const roman = sameEntity(person('Lee Seong-kweun'), person('Lee Sung-kwon'));
  assert.ok(roman && roman.confidence >= 0.6 && roman.confidence < 0.9, 'romanisation variants, with less confidence');
  assert.ok(entityKeys(person('Lee Seong-kweun')).some((k) => entityKeys(person('Lee Sung-kwon')).includes(k)), 'they share a lookup key');
});

test('different people who share a surname stay apart; a lone surname is too little', () => {
  assert.equal(sameEntity(person('Kim Sang-woo'), person('Kim Jong-un')), undefined);
  assert.notEqual(entityKeys(person('Kim Sang-woo'))[0], entityKeys(person('Kim Jong-un'))[0], 'their precise keys differ');
  assert.equal(sameEntity(person('Kim'), person('Kim')), undefined, 'two lone surnames are not joined');
  assert.equal(sameEntity(person('Anna Berg', 'SWE'), person('Anna Berg', 'NOR')), undefined, 'a different country keeps them apart');
});

test('organisations meet through the shipped lists and through initials', () => {
  const listed = sameEntity({ name: 'NIS', type: 'ORG' }, { name: 'National Intelligence Service', type: 'ORG' });
  assert.ok(listed && listed.confidence >= 0.9, 'the listed short form');
  const initials = sameEntity({ name: 'PDLM', type: 'ORG' }, { name: 'Port Dock Labour Monitor', type: 'ORG' });
  assert.ok(initials && initials.confidence < 0.9 && /acronym|initials/.test(initials.evidence[0]!), 'initials, with less confidence');
  assert.equal(sameEntity({ name: 'Moscow', type: 'GPE' }, { name: 'Moscow', type: 'ORG' }), undefined, 'types must agree');
});
