import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storedSourceName } from './sourceName.ts';

test('a source is stored under the entity it resolves to, else its words, but an unresolved pronoun names no one', () => {
  assert.equal(storedSourceName('National Intelligence Service', 'the agency'), 'National Intelligence Service');
  assert.equal(storedSourceName(undefined, 'a port official'), 'a port official');
  assert.equal(storedSourceName(undefined, 'It'), null, '"It" must not rank among the top sources');
  assert.equal(storedSourceName(undefined, ' she '), null);
  assert.equal(storedSourceName('Mara Olsen', 'she'), 'Mara Olsen', 'a resolved pronoun takes its entity’s name');
  assert.equal(storedSourceName(undefined, undefined), null);
});
