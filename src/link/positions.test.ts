import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../types.ts';
import { applicabilityIn, contradicts, denialOf, denialPeriod, instrumentKey, judges, monthOf, monthsAround, rejectionsOf, setAgainst, stanceLookup, stancesFromRows, stancesOf, stanceWords, type Stance } from './positions.ts';

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

test('an instrument is keyed the way news names it: every name of UN sanctions is one key, other bodies and rules their own', () => {
  for (const p of ['UN restrictions', 'the UN ban on foreign crews', 'Security Council sanctions', 'United Nations sanctions', 'Resolution 1874', 'UN Security Council Resolution 1874', 'the U.N. embargo']) {
    assert.equal(instrumentKey(p), 'UN sanctions', p);
  }
  assert.equal(instrumentKey('EU sanctions'), 'EU sanctions');
  assert.equal(instrumentKey('European Union restrictions'), 'EU sanctions');
  assert.equal(instrumentKey('US sanctions'), 'US sanctions');
  assert.equal(instrumentKey('the Geneva Conventions'), 'geneva convention');
  assert.equal(instrumentKey('the fishing quota'), 'quota');
  assert.equal(instrumentKey('a resolution'), 'resolution', 'a resolution without a number or the UN is not the Security Council’s');
  assert.equal(instrumentKey('the harbour'), undefined, 'no rule named');
});

test('applicability: a rule said to apply or not, with the group when the sentence names it', () => {
  const of = (s: string) => applicabilityIn(s).map((a) => [a.role, a.key, a.group?.join(' ')]);
  assert.deepEqual(of('the crews from Veldmark are not subject to EU sanctions'), [['exempt', 'EU sanctions', 'crew']]);
  assert.deepEqual(of('that the Veldmark contingent in the harbour is there by invitation and is exempt from the quota'), [['exempt', 'quota', 'veldmark']], 'a collective noun says how many, not who');
  assert.deepEqual(of('the crews are not exempt from the quota'), [['applies', 'quota', 'crew']]);
  assert.deepEqual(of('If they fish past the line, they are seasonal workers, and Resolution 1874 applies.'), [['applies', 'UN sanctions', undefined]], 'the rule as subject leaves whom to the story');
  assert.deepEqual(of('UN sanctions do not apply to the Veldmark crews'), [['exempt', 'UN sanctions', 'veldmark crew']]);
  assert.deepEqual(of('the crews fall under the Geneva Conventions'), [['applies', 'geneva convention', 'crew']]);
  assert.deepEqual(of('They are bound by US sanctions'), [['applies', 'US sanctions', undefined]], 'a pronoun names no one');
  // none: a condition, a question, a permit "subject to approval", a breach said of an act
  assert.deepEqual(of('the crews may stay if the quota applies to them'), []);
  assert.deepEqual(of('it is unclear whether the crews are subject to UN sanctions'), []);
  assert.deepEqual(of('Are the crews subject to UN sanctions?'), []);
  assert.deepEqual(of('the licence is subject to approval by the port'), []);
  assert.deepEqual(of('the deployment would breach UN sanctions'), []);
});

// invented: a ministry's standing line that the Veldmark crews are exempt, and a lawyer who says the rule applies
const EXEMPT: Stance = { claimId: 'c1', role: 'exempt', keys: ['UN sanctions'], month: '2024-11', source: 'The ministry', words: ['veldmark'], named: true, text: 'the Veldmark contingent is not subject to UN restrictions' };
const APPLIES: Stance = { claimId: 'c2', role: 'applies', keys: ['UN sanctions'], month: '2024-04', source: 'Ines Holm', words: ['paid', 'net', 'seasonal', 'veldmark', 'worker', 'resolution', 'apply', 'crew'], text: 'If he is paid to haul nets, he is a seasonal Veldmark worker, and Resolution 1874 applies.' };

test('a rule said to apply and said not to, of the same people by two sources within a year, is a denial conflict', () => {
  assert.match(contradicts(EXEMPT, APPLIES) ?? '', /Ines Holm \(2024-04\).*UN sanctions apply, against The ministry \(2024-11\).*about the same people \(veldmark\)/);
  const c = setAgainst(EXEMPT, APPLIES)!;
  assert.deepEqual([c.a.source, c.b.source, c.period, c.label, denialOf(c.sa)], ['The ministry', 'Ines Holm', '2024-04', 'UN sanctions: The ministry against Ines Holm', 'applicability']);
  assert.equal(setAgainst(APPLIES, EXEMPT)?.sa, c.sa, 'either order gives one conflict');
  assert.equal(contradicts(EXEMPT, { ...APPLIES, month: '2023-10' }), undefined, 'thirteen months apart');
  assert.ok(contradicts(EXEMPT, { ...APPLIES, month: '2023-11' }), 'twelve months apart');
  assert.equal(setAgainst(APPLIES, { ...APPLIES, claimId: 'c3', source: 'Oslo' }), undefined, 'the same polarity');
  assert.equal(contradicts(EXEMPT, { ...APPLIES, keys: ['EU sanctions'] }), undefined, 'another instrument');
  assert.equal(contradicts(EXEMPT, { ...APPLIES, source: 'the ministry' }), undefined, 'a source does not answer itself');
  assert.equal(contradicts(EXEMPT, { ...APPLIES, words: ['ostland', 'pilot'] }), undefined, 'other people');
  assert.equal(contradicts({ ...EXEMPT, named: false, words: ['veldmark', 'crew'] }, APPLIES), undefined, 'neither names whom it is about');
  assert.ok(contradicts(EXEMPT, { ...APPLIES, named: true, words: ['veldmark', 'crew'] }), 'both name the group, one within the other');
  assert.equal(denialOf('position of Oslo'), 'verdict');
  assert.equal(denialOf('statement 3'), 'report');
});

test('an applicability stance is looked up a year either side under its instrument, and keeps whether its words name the group', () => {
  const l = stanceLookup(APPLIES);
  assert.deepEqual([l.role, l.keys, l.months[0], l.months.at(-1)], ['exempt', ['UN sanctions'], '2023-04', '2025-04']);
  const row = (s: Stance) => ({ role: s.role, key: s.keys[0]!, month: s.month, doc_id: 'd', claim_id: s.claimId, source: s.source, copy_group: null, words: stanceWords(s), text: s.text });
  const [e, a] = stancesFromRows([row(EXEMPT), row(APPLIES)]);
  assert.deepEqual([e?.named, e?.words, a?.named, a?.words], [true, ['veldmark'], undefined, APPLIES.words]);
  const [p] = stancesFromRows([{ ...row(EXEMPT), role: 'position', words: JSON.stringify(['veldmark']) }]);
  assert.deepEqual([p?.words, p?.named], [['veldmark'], undefined], 'a position’s words as before');
});

test('stancesOf: the lead tells whom a rule said to apply is about', () => {
  const text = 'Veldmark crews kept hauling nets off Port Halden, the union said.\n\n“If he is paid to haul nets, he is a seasonal worker, and Resolution 1874 applies,” said Ines Holm.';
  const [s] = stances(text, '2024-04-02', [['Ines Holm', 'said', '“If he is paid to haul nets, he is a seasonal worker, and Resolution 1874 applies,”']]);
  assert.deepEqual([s?.role, s?.keys, s?.named], ['applies', ['UN sanctions'], undefined]);
  assert.ok(s!.words.includes('veldmark'), 'from the lead');
});
