import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDocument } from '../../ingest/document.ts';
import type { Claim, Entity } from '../../types.ts';
import { extractClaims } from '../claims.ts';
import { contextOf } from '../pipeline.ts';

const place = (text: string, id: string, name: string, country: string): Entity => {
  const at = text.indexOf(name);
  return { id, type: 'GPE', name, country, mentions: [{ start: at, end: at + name.length, text: name }] };
};

function claimsOf(text: string, entities: Entity[]): Claim[] {
  const ctx = contextOf(makeDocument({ text, published: '2024-03-14' }));
  return extractClaims(ctx, { entities, times: [], figures: [] });
}

test('an embassy in a capital speaks for the country that owns it, not for the capital', () => {
  const text = 'Norway’s embassy in Lisbon said on Monday that the ship had left port.';
  const claims = claimsOf(text, [place(text, 'e1', 'Norway', 'NOR'), place(text, 'e2', 'Lisbon', 'PRT')]);
  const c = claims.find((x) => x.source?.text.includes('embassy'));
  assert.ok(c, JSON.stringify(claims.map((x) => x.source?.text)));
  assert.equal(c!.source?.entity, 'e1');
});

test('“it” after an embassy in a capital is the embassy’s country', () => {
  const text = 'Norway’s embassy in Lisbon rejected the report. In a statement, it said the ship had left port.';
  const claims = claimsOf(text, [place(text, 'e1', 'Norway', 'NOR'), place(text, 'e2', 'Lisbon', 'PRT')]);
  const it = claims.find((x) => x.source?.text === 'it');
  assert.ok(it, JSON.stringify(claims.map((x) => x.source?.text)));
  assert.equal(it!.source?.entity, 'e1');
});

test('a capital as the speaker is still the capital', () => {
  const text = 'Lisbon said on Monday that the ship had left port.';
  const claims = claimsOf(text, [place(text, 'e2', 'Lisbon', 'PRT')]);
  assert.equal(claims[0]?.source?.entity, 'e2');
});
