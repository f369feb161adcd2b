import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../types.ts';
import { denialsOf } from './denials.ts';

function claims(text: string, specs: [source: string, cue: string, content: string, said?: string][]): Claim[] {
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  return specs.map(([source, cue, content, said], i) => ({
    id: `c${i + 1}`, kind: 'indirect', polarity: 'affirmed', source: at(source), cue: at(cue), content: [at(content)], ...(said ? { said } : {}), figures: [], entities: [],
  }));
}

test('a denial of “the report” answers the report the article leads with', () => {
  const text = 'Peru has sent 400 engineers to Bolivia, Chile’s intelligence agency said on Monday. Lima dismissed the report. Its defence ministry said the claims were baseless.';
  const cs = claims(text, [
    ['Chile’s intelligence agency', 'said', 'Peru has sent 400 engineers to Bolivia', '2024-05-06'],
    ['Lima', 'dismissed', 'the report'],
    ['Its defence ministry', 'said', 'the claims were baseless'],
  ]);
  const found = denialsOf(cs, new Map(), '2024-05-07');
  assert.deepEqual(found.map((d) => [d.denial.id, d.target.id]), [['c2', 'c1'], ['c3', 'c1']]);
  assert.match(found[0]!.why, /Lima dismissed the report/);
});

test('a denial of a position, or a word like “false” with no report named, is not linked', () => {
  const text = 'Oslo said fishing quotas would rise. Stockholm denies breaking the treaty. A minister said the rumour about his health was false.';
  const cs = claims(text, [
    ['Oslo', 'said', 'fishing quotas would rise'],
    ['Stockholm', 'denies', 'breaking the treaty'],
    ['A minister', 'said', 'the rumour about his health was false'],
  ]);
  assert.deepEqual(denialsOf(cs, new Map(), '2024-05-07'), []);
});

test('“the agency’s claims” points at the agency’s report rather than at the first claim', () => {
  const text = 'Farmers said prices fell. The statistics agency said output rose 3 percent in May. The ministry said the agency’s figures were not supported by facts.';
  const cs = claims(text, [
    ['Farmers', 'said', 'prices fell', '2024-06-01'],
    ['The statistics agency', 'said', 'output rose 3 percent in May', '2024-06-02'],
    ['The ministry', 'said', 'the agency’s figures were not supported by facts', '2024-06-03'],
  ]);
  const found = denialsOf(cs, new Map(), '2024-06-04');
  assert.equal(found[0]?.target.id, 'c2');
});
