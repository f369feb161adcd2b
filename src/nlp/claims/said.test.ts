import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDocument } from '../../ingest/document.ts';
import type { Claim, Entity, TimeExpr } from '../../types.ts';
import { extractClaims } from '../claims.ts';
import { contextOf } from '../pipeline.ts';

function claimsOf(text: string, dates: [string, string][], entities: Entity[] = []): Claim[] {
  const ctx = contextOf(makeDocument({ text, published: '2024-03-14' }));
  const times: TimeExpr[] = dates.map(([t, value]) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, text: t, value, type: 'DATE' }));
  return extractClaims(ctx, { entities, times, figures: [] });
}

test('an occasion dated in the sentence before (“a closed briefing on Tuesday”) dates what is said after it', () => {
  const text = 'Harbour officials gave the figures to the city council at a closed briefing on Tuesday. Councillor Mara Olsen said most of the cargo had come from Bergen.';
  const c = claimsOf(text, [['Tuesday', '2024-03-12']]).find((x) => x.cue?.text === 'said');
  assert.ok(c);
  assert.equal(c!.said, '2024-03-12');
});

test('“in a Monday interview” dates the next sentence’s claim too', () => {
  const text = 'The port director spoke in a Monday interview with a local radio station. Jonas Vik said the new cranes would arrive in May.';
  const c = claimsOf(text, [['Monday', '2024-03-11'], ['May', '2024-05']]).find((x) => x.cue?.text === 'said');
  assert.equal(c?.said, '2024-03-11');
});

test('a date that is not an occasion of speaking, or is inside another claim, does not date the next claim', () => {
  const text = 'The ship left Bergen on Tuesday. Mara Olsen said the cargo was late.';
  assert.equal(claimsOf(text, [['Tuesday', '2024-03-12']]).find((x) => x.cue?.text === 'said')?.said, undefined);
  const text2 = 'Jonas Vik said the inquiry would hold a hearing on Friday. Mara Olsen said the cargo was late.';
  const cs = claimsOf(text2, [['Friday', '2024-03-15']]);
  assert.equal(cs.find((x) => x.source?.text === 'Mara Olsen')?.said, undefined, 'a hearing still to come, told as content');
  const text3 = 'The council will hold a briefing on Friday. Mara Olsen said the cargo was late.';
  assert.equal(claimsOf(text3, [['Friday', '2024-03-15']]).find((x) => x.cue?.text === 'said')?.said, undefined, 'an occasion still to come');
});

test('“now” in a cue is no date said: the claim keeps none, and the publication date stands for it', () => {
  const text = 'The harbour authority now believes that about 900 ships called at the port last year.';
  const c = claimsOf(text, [['now', 'PRESENT_REF'], ['last year', '2023']]).find((x) => /believes/.test(x.cue?.text ?? ''));
  assert.ok(c, 'the claim is found');
  assert.equal(c!.said, undefined);
});
