import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../types.ts';
import { denialPeriod, judges, monthOf, monthsAround, rejectionsOf, stancesOf, type Stance } from './positions.ts';

// invented for these tests: fishing crews from one country working in another's harbour
function claims(text: string, specs: [source: string, cue: string, content: string, said?: string][]): Claim[] {
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  return specs.map(([source, cue, content, said], i) => ({
    id: `c${i + 1}`, kind: 'indirect', polarity: 'affirmed', source: at(source), cue: at(cue), content: [at(content)], ...(said ? { said } : {}), figures: [], entities: [],
  }));
}
const stances = (text: string, published: string, specs: Parameters<typeof claims>[1]) => stancesOf({ text, published }, { claims: claims(text, specs), entities: [] });

const POSITION = 'Oslo says Norwegian crews in the harbour are there lawfully, mostly as trainees. A union counted 300 boats.';
const VERDICT = 'Norwegian crews kept fishing in the harbour this winter, a union said on Monday.\n\n“Calling them trainees is a legal fiction,” said Anna Berg, the union’s head.';

test('a position says what a group is; a verdict says it is not, or calls it a fiction', () => {
  const [p] = stances(POSITION, '2024-02-10', [['Oslo', 'says', 'Norwegian crews in the harbour are there lawfully, mostly as trainees']]);
  assert.deepEqual([p?.role, p?.keys, p?.month, p?.words], ['position', ['legal', 'trainee'], '2024-02', ['norwegian', 'crew']]);
  const [v] = stances(VERDICT, '2024-03-05', [['Anna Berg, the union’s head', 'said', '“Calling them trainees is a legal fiction,”']]);
  assert.deepEqual([v?.role, v?.keys, v?.month], ['verdict', ['trainee', 'legal'], '2024-03']);
  assert.ok(v!.words.includes('norwegian') && v!.words.includes('crew'), 'the lead names who “them” are');
  const [n] = stances('“These are not trainees,” Berg said.', '2024-03-05', [['Berg', 'said', '“These are not trainees,”']]);
  assert.deepEqual([n?.role, n?.keys], ['verdict', ['trainee']]);
  assert.match(judges(p!, v!) ?? '', /verdict on “legal” and “trainee” against Oslo/);
});

test('not positions: a status word that only modifies a noun, a pronoun subject, an answer to someone else, an omission', () => {
  const text = 'The agency said most of them came on trainee visas. Berg said they are there legally. Bergen denounced the plan as unlawful. Oslo did not say whether the crews are there lawfully.';
  const cs = claims(text, [
    ['The agency', 'said', 'most of them came on trainee visas'],
    ['Berg', 'said', 'they are there legally'],
    ['Bergen', 'denounced', 'the plan as unlawful'],
    ['Oslo', 'did not say', 'whether the crews are there lawfully'],
  ]);
  cs[3]!.kind = 'omission';
  assert.deepEqual(stancesOf({ text, published: '2024-02-10' }, { claims: cs, entities: [] }), []);
});

test('a verdict judges a position of another source, on a shared status word, about the same people, within three months', () => {
  const position: Stance = { claimId: 'c1', role: 'position', keys: ['legal'], month: '2024-02', source: 'Oslo', words: ['norwegian', 'crew'], text: 'crews are there lawfully' };
  const verdict: Stance = { claimId: 'c2', role: 'verdict', keys: ['trainee', 'legal'], month: '2024-05', source: 'Anna Berg', words: ['calling', 'trainee', 'legal', 'fiction', 'norwegian', 'crew', 'harbour'], text: 'Calling them trainees is a legal fiction' };
  assert.ok(judges(position, verdict));
  assert.equal(judges(position, { ...verdict, month: '2024-06' }), undefined, 'four months apart');
  assert.equal(judges(position, { ...verdict, source: 'oslo' }), undefined, 'a source does not judge itself');
  assert.equal(judges({ ...position, keys: ['tourist'] }, verdict), undefined, 'no status word in common');
  assert.equal(judges({ ...position, words: ['swedish', 'crew'] }, verdict), undefined, 'other people');
});

test('the month of a claim, and the months around one', () => {
  assert.equal(monthOf({ said: '2024-03-20' }, '2024-03-21'), '2024-03');
  assert.equal(monthOf({}, '2024-03-21'), '2024-03');
  assert.equal(monthOf({ said: '2017' }, '2024-03-21'), undefined, 'a year long past gives no month');
  assert.deepEqual(monthsAround('2024-01', 2), ['2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
});

test('a rejection told as an apposition is a denial of the claim it is attached to, by the sources after “by”', () => {
  const text = 'The ministry has said that the crews are exempt from the quota, a reading rejected by the union and the port council.';
  const cs = claims(text, [['The ministry', 'has said', 'that the crews are exempt from the quota, a reading rejected by the union and the port council']]);
  const [r] = rejectionsOf(cs);
  assert.equal(r?.by, 'the union and the port council');
  assert.equal(text.slice(r!.start, r!.end), 'a reading rejected by the union and the port council');
  assert.match(r!.why, /the union and the port council reject what The ministry said: “that the crews are exempt from the quota”/);
  const plain = 'The ministry said the crews, a group rejected by the union, had left.';
  assert.deepEqual(rejectionsOf(claims(plain, [['The ministry', 'said', 'the crews, a group rejected by the union, had left']])), []);
});

test('the apposition as a claim of its own (“a reading” rejected “by …”) is the same rejection of the claim right before it', () => {
  const text = 'The ministry has said that the crews are exempt from the quota, a reading rejected by the union and the port council. The union said it would appeal.';
  const cs = claims(text, [
    ['The ministry', 'has said', 'that the crews are exempt from the quota'],
    ['a reading', 'rejected', 'by the union and the port council'],
    ['The union', 'said', 'it would appeal'],
  ]);
  const found = rejectionsOf(cs);
  assert.deepEqual(found.map((r) => [r.claim.id, r.partOf, r.by, text.slice(r.start, r.end)]), [['c1', 'c2', 'the union and the port council', 'a reading rejected by the union and the port council']]);
  // a claim that only begins the same way, far from any other claim, is left alone
  const far = 'Nobody spoke for hours. A reading rejected by the court was printed.';
  assert.deepEqual(rejectionsOf(claims(far, [['Nobody', 'spoke', 'for hours'], ['A reading', 'rejected', 'by the court']])), []);
});

test('a denial of a report of a statement is filed under the statement, whatever date the report gives', () => {
  assert.equal(denialPeriod({}, '2024-03-21', 7), 'statement 7');
  assert.equal(denialPeriod({ said: '2024-03-20' }, '2024-03-21', 7), 'statement 7');
  assert.equal(denialPeriod({ said: '2024-03-19' }, '2024-03-21'), '2024-03-19');
  assert.equal(denialPeriod({}, '2024-03-21'), '2024-03');
});
