import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDocument } from '../ingest/document.ts';
import type { Claim, Entity, Figure, Span, TimeExpr } from '../types.ts';
import { extractClaims } from './claims.ts';
import { contextOf } from './pipeline.ts';

type Earlier = { entities: Entity[]; times: TimeExpr[]; figures: Figure[] };

function run(text: string, earlier: Partial<Earlier> = {}, published = '2024-03-14') {
  const ctx = contextOf(makeDocument({ text, published }));
  const claims = extractClaims(ctx, { entities: [], times: [], figures: [], ...earlier });
  for (const c of claims) {
    for (const s of [c.source, c.cue, ...c.content].filter(Boolean) as Span[]) {
      assert.equal(ctx.doc.text.slice(s.start, s.end), s.text, `span "${s.text}" is not where it says`);
    }
  }
  return { text: ctx.doc.text, claims };
}

/** A span over the n-th occurrence of `needle`, for building the earlier stages' output by hand. */
function at(text: string, needle: string, n = 1): Span {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `"${needle}" not in text`);
  return { start: i, end: i + needle.length, text: needle };
}

const person = (text: string, id: string, name: string, forms: [string, number?][], country?: string): Entity => ({
  id, type: 'PERSON', name, ...(country ? { country } : {}), mentions: forms.map(([f, n]) => at(text, f, n)),
});

const contentOf = (c: Claim) => c.content.map((s) => s.text).join(' … ');
const byCue = (claims: Claim[], cue: string) => {
  const c = claims.find((x) => x.cue?.text === cue);
  assert.ok(c, `no claim with cue "${cue}" in ${JSON.stringify(claims.map((x) => x.cue?.text))}`);
  return c!;
};

test('forward indirect speech: source, cue and a that-clause', () => {
  const { claims } = run('The finance minister said on Monday that inflation would ease by the autumn.');
  assert.equal(claims.length, 1);
  const c = claims[0]!;
  assert.equal(c.source?.text, 'The finance minister');
  assert.equal(c.cue?.text, 'said');
  assert.equal(contentOf(c), 'that inflation would ease by the autumn');
  assert.equal(c.kind, 'indirect');
  assert.equal(c.polarity, 'affirmed');
});

test('quotation before its source: direct, with the quote marks in the content', () => {
  const { claims } = run('“We will not leave the harbour,” the mayor said.');
  const c = byCue(claims, 'said');
  assert.equal(c.source?.text, 'the mayor');
  assert.equal(contentOf(c), '“We will not leave the harbour,”');
  assert.equal(c.kind, 'direct');
});

test('inverted cue takes its source after it, appositive included', () => {
  const { claims } = run('Freight volumes will fall again next year, said Maria Ortiz, a spokeswoman for the port authority.');
  const c = byCue(claims, 'said');
  assert.equal(c.source?.text, 'Maria Ortiz, a spokeswoman for the port authority');
  assert.equal(contentOf(c), 'Freight volumes will fall again next year');
});

test('according to, before and after the content', () => {
  const first = run('According to the coast guard, three fishing boats were missing.').claims;
  assert.equal(byCue(first, 'According to').source?.text, 'the coast guard');
  assert.equal(contentOf(first[0]!), 'three fishing boats were missing');
  const second = run('Three fishing boats were missing, according to the coast guard.').claims;
  assert.equal(contentOf(byCue(second, 'according to')), 'Three fishing boats were missing');
});

test('the person told is not part of the content', () => {
  const { claims } = run('The governor told reporters that the dam had held.');
  const c = byCue(claims, 'told');
  assert.equal(c.source?.text, 'The governor');
  assert.equal(contentOf(c), 'that the dam had held');
});

test('a split quotation is one claim with two content spans', () => {
  const { claims } = run('“The water is rising,” the engineer said, “and the pumps cannot keep up.”');
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.content.length, 2);
  assert.equal(claims[0]!.content[1]!.text, '“and the pumps cannot keep up.”');
  assert.equal(claims[0]!.kind, 'direct');
});

test('a parenthetical source splits an indirect content', () => {
  const { claims } = run('The bridge, officials said, will reopen in May.');
  const c = byCue(claims, 'said');
  assert.equal(c.source?.text, 'officials');
  assert.deepEqual(c.content.map((s) => s.text), ['The bridge', 'will reopen in May']);
});

test('partly quoted content is mixed', () => {
  const { claims } = run('The union said the offer was “an insult to every driver”.');
  assert.equal(byCue(claims, 'said').kind, 'mixed');
});

test('omission: negated, with the channel left out of the content', () => {
  const { claims } = run('The company did not mention the layoffs in its annual report.');
  const c = byCue(claims, 'did not mention');
  assert.equal(c.kind, 'omission');
  assert.equal(c.polarity, 'negated');
  assert.equal(contentOf(c), 'the layoffs');
});

test('declining to comment is an omission', () => {
  const { claims } = run('The ministry declined to comment on the report.');
  const c = byCue(claims, 'declined to comment on');
  assert.equal(c.kind, 'omission');
  assert.equal(c.polarity, 'negated');
});

test('a cue nested inside another claim is not a claim of its own', () => {
  const { claims } = run('The senator said the governor had claimed victory too early.');
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.source?.text, 'The senator');
});

test('sibling attributions after ", when" and ", saying" are separate claims', () => {
  const { claims } = run(
    'The agency has reported a rise in arrivals since 2021, when border officials said there were few. On Friday, the council called for calm, saying that patrols would double.',
  );
  assert.equal(contentOf(byCue(claims, 'has reported')), 'a rise in arrivals since 2021');
  assert.equal(byCue(claims, 'said').source?.text, 'border officials');
  assert.equal(byCue(claims, 'saying').source?.text, 'the council');
  assert.equal(contentOf(byCue(claims, 'saying')), 'that patrols would double');
});

test('"described A as B" attributes B', () => {
  const { claims } = run('The minister described the new rules as “a necessary evil.”');
  assert.equal(contentOf(byCue(claims, 'described')), '“a necessary evil.”');
});

test('a pronoun source resolves to the subject of the sentence before', () => {
  const text = 'Anna Berg met the fishermen in Tromsø on Tuesday.\n\nAfterwards, she told reporters that quotas would rise.';
  const entities = [person(text, 'e1', 'Anna Berg', [['Anna Berg']], 'NOR')];
  const times: TimeExpr[] = [{ ...at(text, 'Tuesday'), value: '2024-03-12', type: 'DATE' }];
  const c = byCue(run(text, { entities, times }).claims, 'told');
  assert.equal(c.source?.text, 'she');
  assert.equal(c.source?.entity, 'e1');
  assert.equal(c.said, '2024-03-12', '"Afterwards" carries the meeting date over');
});

test('a pronoun stays unresolved when two people could be meant', () => {
  const text = 'The talks between Anna Berg and Clara Lind broke down.\n\nShe said the offer was final.';
  const entities = [person(text, 'e1', 'Anna Berg', [['Anna Berg']]), person(text, 'e2', 'Clara Lind', [['Clara Lind']])];
  const c = byCue(run(text, { entities }).claims, 'said');
  assert.equal(c.source?.text, 'She');
  assert.equal(c.source?.entity, undefined);
});

test('a lede description resolves to the person the article goes on to quote', () => {
  const text = [
    'Fishing quotas in the Barents Sea will rise next year, a Norwegian official said on Tuesday.',
    'Anna Berg, the fisheries minister, met industry leaders in Tromsø.',
    '“The stocks have recovered,” Berg said.',
  ].join('\n\n');
  const entities = [person(text, 'e1', 'Anna Berg', [['Anna Berg'], ['Berg', 2]], 'NOR')];
  const times: TimeExpr[] = [{ ...at(text, 'Tuesday'), value: '2024-03-12', type: 'DATE' }];
  const c = byCue(run(text, { entities, times }).claims, 'said');
  assert.equal(c.source?.text, 'a Norwegian official');
  assert.equal(c.source?.entity, 'e1');
  assert.equal(c.said, '2024-03-12');
});

test('"it" continues the organisation quoted just before, and keeps its date', () => {
  const text = 'The central bank said on Wednesday that rates would stay put. It also said that growth had slowed.';
  const entities: Entity[] = [{ id: 'e1', type: 'ORG', name: 'central bank', mentions: [at(text, 'central bank')] }];
  const times: TimeExpr[] = [{ ...at(text, 'Wednesday'), value: '2024-03-13', type: 'DATE' }];
  const { claims } = run(text, { entities, times });
  const second = byCue(claims, 'also said');
  assert.equal(second.source?.entity, 'e1');
  assert.equal(second.said, '2024-03-13');
});

test('a date inside the content is not when it was said', () => {
  const text = 'The mayor said the bridge would reopen on Friday.';
  const times: TimeExpr[] = [{ ...at(text, 'Friday'), value: '2024-03-15', type: 'DATE' }];
  const c = byCue(run(text, { times }).claims, 'said');
  assert.equal(c.said, undefined);
  assert.ok(c.times?.length, 'the content still lists the date it contains');
});

test('figures in the content are linked; the reporter’s own figures become an unattributed claim', () => {
  const text = 'Officials said 300 homes were flooded. An estimated 4,000 people fled the valley.';
  const figures: Figure[] = [
    { ...at(text, '300 homes'), id: 'f1', value: 300, qualifier: 'exact', counts: 'homes' },
    { ...at(text, 'An estimated 4,000 people'), id: 'f2', value: 4000, qualifier: 'approximately', counts: 'people' },
  ];
  const { claims } = run(text, { figures });
  assert.deepEqual(byCue(claims, 'said').figures, ['f1']);
  const own = claims.filter((c) => c.kind === 'unattributed');
  assert.equal(own.length, 1);
  assert.deepEqual(own[0]!.figures, ['f2']);
  assert.equal(own[0]!.source, undefined);
  assert.equal(figures[0]!.claim, byCue(claims, 'said').id);
  assert.equal(figures[1]!.claim, undefined, 'a figure nobody is cited for is not pinned on a claim');
});

test('offsets hold with emoji, combining accents, Cyrillic and Hangul around the claims', () => {
  const text =
    '🌊🌊 Jose\u0301 Peña said that the Сеул–서울 route would close 🚢. “Мы готовы,” the captain 김민준 said, “and so is the crew.” 🙂';
  const { claims } = run(text);
  assert.ok(claims.length >= 2);
  assert.equal(byCue(claims, 'said').source?.text.includes('Peña'), true);
});

test('no claim without a cue: plain narration yields nothing', () => {
  const { claims } = run('The ferry left the harbour at dawn and reached the island by noon.');
  assert.equal(claims.length, 0);
});

test('a trailing ", and the ..." clause is left out; "not only ..., but also ..." stays in', () => {
  const cut = run('The mayor said the harbour would reopen, and the ferries resumed on Monday.').claims;
  assert.equal(contentOf(byCue(cut, 'said')), 'the harbour would reopen');
  const kept = run('Analysts say the port handles not only grain, but also coal and timber.').claims;
  assert.equal(contentOf(byCue(kept, 'say')), 'the port handles not only grain, but also coal and timber');
});

test("archive-style '' quotes pair up, even where the tagger splits the marks across sentences", () => {
  const { claims } = run("''We will not back down,'' Mr. Okafor said. ''The plan stands.''\n\nThe council met again on Friday.");
  const c = byCue(claims, 'said');
  assert.equal(c.source?.text, 'Mr. Okafor');
  assert.equal(contentOf(c), "''We will not back down,'' … ''The plan stands.''");
  assert.equal(c.kind, 'direct');
});

test('a verb coordinated with an earlier one takes that verb’s subject as its source', () => {
  const c = byCue(run('The mayor toured the flooded district and then said the levees would hold.').claims, 'then said');
  assert.equal(c.source?.text, 'The mayor');
  assert.equal(contentOf(c), 'the levees would hold');
});

test('"praised X and said Y" is two claims, not one swallowing the other', () => {
  const { claims } = run('The senator praised the budget and said it would pass.');
  assert.equal(contentOf(byCue(claims, 'praised')), 'the budget');
  assert.equal(contentOf(byCue(claims, 'said')), 'it would pass');
  assert.equal(byCue(claims, 'said').source?.text, 'The senator');
});

test('a subordinate clause with a cue of its own ends the content before it', () => {
  const { claims } = run('The coalition endorsed the treaty as its chairman warned that ratification could stall.');
  assert.equal(contentOf(byCue(claims, 'endorsed')), 'the treaty');
  const warned = byCue(claims, 'warned');
  assert.equal(warned.source?.text, 'its chairman');
  assert.equal(contentOf(warned), 'that ratification could stall');
});

test('verbs that lead through an infinitive join the cue: "tried to argue", "went on to say"', () => {
  assert.equal(byCue(run('The company tried to argue that the contract was void.').claims, 'tried to argue').source?.text, 'The company');
  const went = byCue(run('The minister went on to say that the tax would fall.').claims, 'went on to say');
  assert.equal(contentOf(went), 'that the tax would fall');
  // ... and alone they report nothing
  assert.equal(run('Prices continue to rise across the region.').claims.length, 0);
});

test('a reporting verb the tagger reads as a noun still reports after a subject it agrees with', () => {
  const c = byCue(run('Court records show the firm paid the fine in March.').claims, 'show');
  assert.equal(c.source?.text, 'Court records');
  // a plural noun at the end of a phrase is the noun it looks like
  assert.equal(run('The ferry serves three coastal states.').claims.length, 0);
});

test('a participle clause after a comma is the reporter’s, not the source’s', () => {
  const c = byCue(run('The governor said the bridge would reopen, drawing cheers from the crowd.').claims, 'said');
  assert.equal(contentOf(c), 'the bridge would reopen');
});

test('a cue in a fronted "if" clause reports only up to the comma that closes it', () => {
  const c = byCue(run('If investors believe the forecast, the market will rally.').claims, 'believe');
  assert.equal(contentOf(c), 'the forecast');
});

test('"called on X to" leaves the one called on out of the content', () => {
  const c = byCue(run('The union called on Congress to act before the recess.').claims, 'called on');
  assert.equal(contentOf(c), 'to act before the recess');
});

test('a quotation continued sentence by sentence is one stretch of content', () => {
  const { claims } = run('The inspector said: “The hull is sound. The engines are not. We need a month.”');
  const c = byCue(claims, 'said:');
  assert.equal(c.content.length, 1);
  assert.equal(contentOf(c), '“The hull is sound. The engines are not. We need a month.”');
});

test('a quotation opened inside the content carries it on past the sentence end', () => {
  const { claims } = run('The report lists two findings: “Costs rose by a third. Nobody was told.” The board met later.');
  const c = byCue(claims, 'lists');
  assert.equal(contentOf(c), 'two findings: “Costs rose by a third. Nobody was told.”');
});

test('an object content ends with the noun phrase when a time clause or a comma follows', () => {
  const after = byCue(run('The union endorsed the mayor after the strike ended.').claims, 'endorsed');
  assert.equal(contentOf(after), 'the mayor');
  const comma = byCue(run('The senator praised the new budget, calling it overdue.').claims, 'praised');
  assert.equal(contentOf(comma), 'the new budget');
});

test('"X said ..., according to Y" is one attribution to Y, holding what X said', () => {
  const { claims } = run('“The ferries will run,” the harbour master said, according to the local paper.');
  const attributed = claims.filter((c) => c.kind !== 'unattributed');
  assert.equal(attributed.length, 1);
  const c = byCue(attributed, 'according to');
  assert.equal(c.source?.text, 'the local paper');
  assert.equal(contentOf(c), '“The ferries will run,” the harbour master said');
});

test('a poll opening the sentence is the source of what follows it', () => {
  const c = byCue(run('In a survey released on Monday, most farmers backed the new water rules.').claims, 'In');
  assert.equal(c.source?.text, 'a survey released on Monday');
  assert.equal(contentOf(c), 'most farmers backed the new water rules');
});

test('sources the tagger misreads: participle phrases, dash appositives, names tagged as adverbs', () => {
  assert.equal(byCue(run('Most of those surveyed say the tax is fair.').claims, 'say').source?.text, 'Most of those surveyed');
  assert.equal(byCue(run('Ana Sousa — a nurse from Porto — says the ward is full.').claims, 'says').source?.text, 'Ana Sousa — a nurse from Porto —');
  assert.equal(byCue(run('Jolly said he would run again.').claims, 'said').source?.text, 'Jolly');
});

test('", however," between a cue and its content, and a curly quote closed by a straight one', () => {
  assert.equal(contentOf(byCue(run('She said, however, that the vote would wait.').claims, 'said')), 'that the vote would wait');
  const q = byCue(run('“We heard the whole speech," the mayor said.').claims, 'said');
  assert.equal(contentOf(q), '“We heard the whole speech,"');
  assert.equal(q.kind, 'direct');
});

test('the second half of a hyphenated compound is no cue', () => {
  const { claims } = run('The self-described reformer said the budget was wasteful.');
  assert.equal(claims.filter((c) => c.kind !== 'unattributed').length, 1);
  assert.equal(byCue(claims, 'said').source?.text, 'The self-described reformer');
});

test('"when asked" is a question put to the speaker, and no content of the cue before it', () => {
  const { claims } = run('“Not this year,” the coach said when asked whether he would retire.');
  assert.equal(contentOf(byCue(claims, 'said')), '“Not this year,”');
  const asked = byCue(claims, 'asked');
  assert.equal(asked.source, undefined);
  assert.equal(contentOf(asked), 'whether he would retire');
});

test('a fronted active participle speaks for the subject of the main clause', () => {
  const c = byCue(run('After saying the vote was rigged, the candidate left the hall.').claims, 'saying');
  assert.equal(c.source?.text, 'the candidate');
  assert.equal(contentOf(c), 'the vote was rigged');
});

test('a participle phrase after the subject is not part of the source; an appositive with a relative clause is', () => {
  assert.equal(byCue(run('Rubio, speaking at a rally in Miami, criticized the ruling.').claims, 'criticized').source?.text, 'Rubio');
  const c = byCue(run('Ana Lima, the activist who founded the group, has endorsed the plan.').claims, 'has endorsed');
  assert.equal(c.source?.text, 'Ana Lima, the activist who founded the group,');
});

test('an adjective of stance after a copula is a cue: "were skeptical that", but "it is unclear" has no source', () => {
  const c = byCue(run('The donors were skeptical that the plan would work.').claims, 'were skeptical');
  assert.equal(c.source?.text, 'The donors');
  assert.equal(contentOf(c), 'that the plan would work');
  assert.equal(run('The harbour was quiet all week.').claims.length, 0);
});

test('a report closing the sentence holds the attribution before it: "..., officials said."', () => {
  const { claims } = run('The mayor said the bridge would open in May, officials said.');
  const c = byCue(claims, 'said');
  assert.equal(claims.filter((x) => x.kind !== 'unattributed').length, 1);
  assert.equal(c.source?.text, 'officials');
  assert.equal(contentOf(c), 'The mayor said the bridge would open in May');
});

test('headline colons: a speaker and a claim, not a label, an interview turn or a tally', () => {
  const c = byCue(run('Okafor: Port Workers Will Strike in June\n\nThe union met on Friday.').claims, ':');
  assert.equal(c.source?.text, 'Okafor');
  assert.equal(run('The Latest: Port Strike Talks\n\nThe union met on Friday.').claims.filter((x) => x.cue?.text === ':').length, 0);
  assert.equal(run('Ortiz: 1,204\n\nThe count ended at noon.').claims.filter((x) => x.cue?.text === ':').length, 0);
});

test('a curly opening mark that stands where a closer does closes the quotation', () => {
  const c = byCue(run('“It is unusual,“ said Ana Ruiz, a lawyer.').claims, 'said');
  assert.equal(contentOf(c), '“It is unusual,“');
  assert.equal(c.source?.text, 'Ana Ruiz, a lawyer');
});

test('a platform after "on" goes with the cue; someone called on does not', () => {
  assert.equal(byCue(run('The coach wrote on Facebook that the team would fold.').claims, 'wrote on Facebook').source?.text, 'The coach');
  assert.equal(contentOf(byCue(run('The union called on Congress to act.').claims, 'called on')), 'to act');
});

test('a dateline is no part of the content, and "told X on Wednesday," is a report after its content', () => {
  const { claims } = run('OSLO, Feb 3 (Nordwire) - Some 300 ferries are idle, the port authority told lawmakers on Wednesday, as the strike spread.');
  const c = byCue(claims, 'told');
  assert.equal(c.source?.text, 'the port authority');
  assert.equal(contentOf(c), 'Some 300 ferries are idle');
});

test('a name glossed in brackets keeps its gloss; "about" before a number is no particle', () => {
  const glossed = byCue(run('The Ministry of Unification (통일부) said the talks would resume.').claims, 'said');
  assert.equal(glossed.source?.text, 'The Ministry of Unification (통일부)');
  const c = byCue(run('The agency believes about 400 boats were lost.').claims, 'believes');
  assert.equal(contentOf(c), 'about 400 boats were lost');
});

test('a title-case headline or one whose verb the tagger would take for a cue is still its speaker’s', () => {
  const titled = byCue(run('Okafor: Harbour Anger Appeals to Old Fears\n\nThe union met on Friday.').claims, ':');
  assert.equal(titled.source?.text, 'Okafor');
  assert.equal(contentOf(titled), 'Harbour Anger Appeals to Old Fears');
  const { claims } = run('Port Gazette: Ferry Delays Highlight Risk Faced by Islands\n\nThe paper met on Friday.');
  assert.equal(byCue(claims, ':').source?.text, 'Port Gazette');
  assert.equal(claims.filter((c) => c.cue?.text === 'Highlight').length, 0);
  assert.equal(byCue(run('Fish-Count Report: Cod Numbers Fall Again\n\nThe count ended at noon.').claims, ':').source?.text, 'Fish-Count Report');
});

test('a sentence the tagger broke after "(D-Ore.)" or inside a quotation is read whole', () => {
  const c = byCue(run('Rep. Ana Ruiz (D-Ore.) said the levy was unfair.').claims, 'said');
  assert.equal(c.source?.text, 'Rep. Ana Ruiz (D-Ore.)');
  assert.equal(contentOf(c), 'the levy was unfair');
  const q = byCue(run('“Enough is enough!” he shouted at the crowd.').claims, 'shouted');
  assert.equal(q.source?.text, 'he');
});

test('an adjective closing a determiner phrase is the subject the tagger missed', () => {
  const c = byCue(run('The self-styled democratic socialist said he would carry the county.').claims, 'said');
  assert.equal(c.source?.text, 'The self-styled democratic socialist');
});

test('a verb coordinated after a quotation or a verb of another tense takes the first verb’s subject', () => {
  const quoted = byCue(run('The mayor called the plan “a folly” and said the council would vote it down.').claims, 'said');
  assert.equal(quoted.source?.text, 'The mayor');
  assert.equal(contentOf(quoted), 'the council would vote it down');
  const tense = byCue(run('The captain spent ten years at sea and says such storms are rare.').claims, 'says');
  assert.equal(tense.source?.text, 'The captain');
  const aux = byCue(run('Okafor has been a union member for years and has pledged his vote to the strike.').claims, 'has pledged');
  assert.equal(aux.source?.text, 'Okafor');
});

test('a participle after a comma inside the closing quote or after a dash speaks for the main clause’s subject', () => {
  const { claims } = run('The mayor insisted that the port had “never been busier,” claiming that trade doubled last year.');
  const first = byCue(claims, 'insisted');
  assert.equal(contentOf(first), 'that the port had “never been busier,”');
  const second = byCue(claims, 'claiming');
  assert.equal(second.source?.text, 'The mayor');
  assert.equal(contentOf(second), 'that trade doubled last year');
  const dashed = byCue(run('The coach changed his pick at once – saying he had always liked the visitors.').claims, 'saying');
  assert.equal(dashed.source?.text, 'The coach');
});

test('verbs counted only a few times as cues in PolNeAR train still fire when nearly always one', () => {
  const c = byCue(run('The governor bemoaned the cost of the new bridge.').claims, 'bemoaned');
  assert.equal(c.source?.text, 'The governor');
  assert.equal(contentOf(c), 'the cost of the new bridge');
  assert.equal(byCue(run('The senator chided her colleagues for the delay.').claims, 'chided').source?.text, 'The senator');
});

test('"in a statement" after the verb is in the cue; "in an interview" is not (as PolNeAR train counts them)', () => {
  assert.equal(contentOf(byCue(run('The mayor said in a statement that the bridge would reopen.').claims, 'said in a statement')), 'that the bridge would reopen');
  const c = byCue(run('The mayor said in an interview that the bridge would reopen.').claims, 'said');
  assert.equal(contentOf(c), 'that the bridge would reopen');
  assert.equal(byCue(run('The bridge will reopen in May, the mayor said in an interview.').claims, 'said').source?.text, 'the mayor');
});

test('a preposition counted in the cue after its verb joins it', () => {
  assert.equal(contentOf(byCue(run('The senator argued against the new toll.').claims, 'argued against')), 'the new toll');
});

test('"according to" keeps a source whose first word the tagger read as a verb', () => {
  const c = byCue(run('The harbour handled 9,000 ships last year, according to exit surveys of captains.').claims, 'according to');
  assert.equal(c.source?.text, 'exit surveys of captains');
  assert.equal(contentOf(c), 'The harbour handled 9,000 ships last year');
  assert.equal(byCue(run('The ferry lost money in 2023, according to company filings.').claims, 'according to').source?.text, 'company filings');
});

test('"..., polls show." reports what precedes it', () => {
  const c = byCue(run('Most farmers back the new levy, polls show.').claims, 'show');
  assert.equal(c.source?.text, 'polls');
  assert.equal(contentOf(c), 'Most farmers back the new levy');
});

test('a quantifier standing alone is the subject: "Many fear ...", "A third said ..."', () => {
  const many = byCue(run('Many fear the old dam will fail.').claims, 'fear');
  assert.equal(many.source?.text, 'Many');
  assert.equal(contentOf(many), 'the old dam will fail');
  const third = byCue(run('A third said they would vote for the mayor.').claims, 'said');
  assert.equal(third.source?.text, 'A third');
  assert.equal(contentOf(third), 'they would vote for the mayor');
});

test('appositives that open with a possessive, "of", or a name the tagger took for a verb stay with the source', () => {
  const named = byCue(run('“The ferry is safe,” the port’s spokesman, Josh Okafor, said on Thursday.').claims, 'said');
  assert.equal(named.source?.text, 'the port’s spokesman, Josh Okafor,');
  const of = byCue(run('“Freight will fall,” Mr. Ito, of the central bank, said.').claims, 'said');
  assert.equal(of.source?.text, 'Mr. Ito, of the central bank,');
  const one = byCue(run('One hopeful, Ana Ruiz, says she plans to run.').claims, 'says');
  assert.equal(one.source?.text, 'One hopeful, Ana Ruiz,');
});

test('"called" naming a thing after a noun attributes nothing; calling someone something does', () => {
  assert.equal(run('Ortiz leads a group called Harbour Watch, which meets weekly.').claims.filter((c) => c.cue?.text === 'called').length, 0);
  assert.equal(run('Ortiz taught a class called “Tides” in May.').claims.filter((c) => c.cue?.text === 'called').length, 0);
  assert.equal(byCue(run('The president called Ortiz “a disgrace.”').claims, 'called').source?.text, 'The president');
});

test('a parenthetical adverb between commas leaves the subject in reach', () => {
  assert.equal(byCue(run('Ortiz, however, said the levy would stay.').claims, 'said').source?.text, 'Ortiz');
});

test('an abbreviated state after a name, a capitalised recipient the tagger read as a verb, a stretch of time after the verb', () => {
  assert.equal(byCue(run('Sen. Ana Ruiz, D-Ore., said the levy was fair.').claims, 'said').source?.text, 'Sen. Ana Ruiz, D-Ore.,');
  const told = byCue(run('“The levy is fair,” Ruiz told The Associated Press on Monday.').claims, 'told');
  assert.equal(contentOf(told), '“The levy is fair,”');
  const argued = byCue(run('Ruiz has argued for years that the levy is fair.').claims, 'has argued');
  assert.equal(contentOf(argued), 'that the levy is fair');
});

test('after a quotation, a verb coordinated with the holder’s is the next act of its source', () => {
  const { claims } = run('The mayor spoke for an hour, declaring it “a great day” and said that the levy would stay.');
  assert.equal(contentOf(byCue(claims, 'declaring')), 'it “a great day”');
  const said = byCue(claims, 'said');
  assert.equal(said.source?.text, 'The mayor');
  assert.equal(contentOf(said), 'that the levy would stay');
});

test('an inverted source may carry a relative clause with verbs of its own', () => {
  const c = byCue(run('“The levy is fair,” said the man who built the harbour.').claims, 'said');
  assert.equal(c.source?.text, 'the man who built the harbour');
  assert.equal(contentOf(c), '“The levy is fair,”');
});

test('the perfect keeps its auxiliary across "since" and "long"; "made it clear" is one cue', () => {
  const since = byCue(run('The council has since said that the ferry will run again in June.').claims, 'has since said');
  assert.equal(since.source?.text, 'The council');
  assert.equal(contentOf(since), 'that the ferry will run again in June');
  assert.equal(byCue(run('The growers have long argued that the tariff hurts them.').claims, 'have long argued').source?.text, 'The growers');
  const clear = byCue(run('The coach made it clear that the team would not travel.').claims, 'made it clear');
  assert.equal(clear.source?.text, 'The coach');
  assert.equal(contentOf(clear), 'that the team would not travel');
});

test('"here" after a subject goes with the subject; "earlier" and "since" after the verb stay out of the cue', () => {
  const here = byCue(run('Nurses here said the ward had run out of beds.').claims, 'said');
  assert.equal(here.source?.text, 'Nurses here');
  const earlier = byCue(run('The trustee announced earlier this month that she would step down.').claims, 'announced');
  assert.equal(contentOf(earlier), 'that she would step down');
});

test('a verb of saying in the relative clause of an inverted source is a claim of its own', () => {
  const { claims } = run('“The quay is safe,” said Lena Moretti, a pilot who said she had never seen the water so low.');
  const outer = byCue(claims, 'said');
  assert.equal(outer.source?.text, 'Lena Moretti, a pilot');
  assert.equal(contentOf(outer), '“The quay is safe,”');
  const inner = claims.filter((c) => c.cue?.text === 'said')[1];
  assert.equal(inner?.source?.text, 'who');
  assert.equal(contentOf(inner!), 'she had never seen the water so low');
  // a relative clause without a verb of saying stays in the source
  const kept = run('“The quay is safe,” said Lena Moretti, a pilot who has sailed here for years.').claims;
  assert.equal(kept.length, 1);
  assert.equal(kept[0]!.source?.text, 'Lena Moretti, a pilot who has sailed here for years');
});

test('an inverted source may open with a capitalised word the tagger reads as a verb, and quote a title', () => {
  const c = byCue(run('"We cannot vote for him," said Concord resident Whit Symms.').claims, 'said');
  assert.equal(c.source?.text, 'Concord resident Whit Symms');
  const titled = byCue(run('“It is a fair ruling,” said Omar Haddad, the author of “Tides of Law,” who teaches at the college.').claims, 'said');
  assert.equal(titled.source?.text, 'Omar Haddad, the author of “Tides of Law,” who teaches at the college');
  assert.equal(contentOf(titled), '“It is a fair ruling,”');
  // a quotation after the source's comma is what was said next, not part of the name
  const split = byCue(run('“It is fine,” said Maria Ortiz, “and it will stay so.”').claims, 'said');
  assert.equal(split.source?.text, 'Maria Ortiz');
});

test('a verb of saying with its own subject after a comma starts a sibling claim', () => {
  const { claims } = run('The ferry company blamed the storm for the delays, the harbour master said the boats would sail twice a day.');
  assert.equal(contentOf(byCue(claims, 'blamed')), 'the storm for the delays');
  const said = byCue(claims, 'said');
  assert.equal(said.source?.text, 'the harbour master');
  assert.equal(contentOf(said), 'the boats would sail twice a day');
  // a verb of saying inside a that-clause, with no comma or coordinator before its subject, stays nested
  const nested = run('The mayor claimed that the engineer said the bridge was sound.').claims;
  assert.equal(nested.length, 1);
  assert.equal(contentOf(byCue(nested, 'claimed')), 'that the engineer said the bridge was sound');
});

test('a headline kicker ending in a verb or interjection is no speaker; a round-up names its voices after a dash', () => {
  assert.equal(run('Revealed: What the Harbour Board Kept From the Islanders.').claims.filter((c) => c.cue?.text === ':').length, 0);
  assert.equal(run('Wow: The Ferry Just Broke Its Own Record.').claims.filter((c) => c.cue?.text === ':').length, 0);
  assert.equal(byCue(run('Ortiz: The Ferry Will Run Again in June.').claims, ':').source?.text, 'Ortiz');
  const { claims } = run('Planners agree - Ana Ruiz: “The second bridge will pay for itself within ten years.”');
  const c = byCue(claims, ':');
  assert.equal(c.source?.text, 'Ana Ruiz');
  assert.equal(contentOf(c), '“The second bridge will pay for itself within ten years.”');
  // a dash and a colon without a quotation after it is no round-up
  assert.equal(run('The plan had one aim - Phase Two: a second bridge by spring.').claims.filter((x) => x.cue?.text === ':').length, 0);
});

test('a percentage stands for the people it counts', () => {
  const c = byCue(run('Most growers back the levy. 26% say they will plant less next year.').claims, 'say');
  assert.equal(c.source?.text, '26%');
  assert.equal(contentOf(c), 'they will plant less next year');
  assert.equal(byCue(run('Most growers back the levy. 41% of farmers said the price was fair.').claims, 'said').source?.text, '41% of farmers');
});

test('a gerund of saying after "by" speaks for the main clause’s subject', () => {
  const c = byCue(run('The governor closed the meeting by insisting that the budget was balanced.').claims, 'insisting');
  assert.equal(c.source?.text, 'The governor');
  assert.equal(contentOf(c), 'that the budget was balanced');
  // a gerund that reports nothing stays out
  assert.equal(run('The crew fixed the engine by replacing a valve.').claims.length, 0);
});

test('a quantifier floated off the subject stays in the cue; "another" can be a subject', () => {
  const both = byCue(run('Ruiz and Okafor have both urged the council to delay the vote.').claims, 'have both urged');
  assert.equal(both.source?.text, 'Ruiz and Okafor');
  assert.equal(byCue(run('The growers all agreed that the price was too low.').claims, 'all agreed').source?.text, 'The growers');
  const { claims } = run('One survey says there are 2,400 ferries, while another says there are 1,800.');
  assert.equal(claims.filter((c) => c.cue?.text === 'says')[1]?.source?.text, 'another');
  // "all" heading a noun phrase is the subject's, not the cue's
  assert.equal(byCue(run('All growers said the price was too low.').claims, 'said').source?.text, 'All growers');
});

test('an inverted source may open with a capitalised auxiliary and run up to the next quotation', () => {
  assert.equal(byCue(run('“It is a costly model,” said Will Doyle, a professor at the college.').claims, 'said').source?.text, 'Will Doyle, a professor at the college');
  const c = byCue(run('“She seemed more open,” said Rosa Lind, 20, of Dover, Del. “He did not.”').claims, 'said');
  assert.equal(c.source?.text, 'Rosa Lind, 20, of Dover, Del.');
  assert.equal(contentOf(c), '“She seemed more open,” … “He did not.”');
});

test('right after a quotation any cue verb may invert, and an asker is no one asked', () => {
  const asked = byCue(run('“Should the levy be scrapped?” asked Bill Hagen, a radio host.').claims, 'asked');
  assert.equal(asked.source?.text, 'Bill Hagen, a radio host');
  assert.equal(contentOf(asked), '“Should the levy be scrapped?”');
  assert.equal(byCue(run('“It is too late,” mused Petra Lund, a co-host.').claims, 'mused').source?.text, 'Petra Lund, a co-host');
  // without the quotation before it, the verb keeps its own order
  assert.equal(byCue(run('She asked reporters whether the levy would stay.').claims, 'asked').source?.text, 'She');
});

test('a counted verb before a that-clause fires at the hand lexicon’s rate, before an object at its own', () => {
  const c = byCue(run('The inspectors determined that the bridge was unsafe.').claims, 'determined');
  assert.equal(c.source?.text, 'The inspectors');
  assert.equal(contentOf(c), 'that the bridge was unsafe');
  assert.equal(run('The inspectors determined the cause of the fire.').claims.length, 0);
});

test('a verb of saying the tagger read as a noun is a verb only before what a verb takes', () => {
  assert.equal(run('Candidates in swing states trying to hold their seats were nervous.').claims.length, 0);
  assert.equal(byCue(run('Pay rose last year, records show.').claims, 'show').source?.text, 'records');
  assert.equal(contentOf(byCue(run('Six in 10 say the economy is weak.').claims, 'say')), 'the economy is weak');
});

test('a cue in a relative clause opened by "that" describes its noun and is no claim', () => {
  assert.equal(run('The nurses joined a union that has endorsed the senator.').claims.length, 0);
  // "who" and a complementizer "that" are read as before
  assert.equal(contentOf(byCue(run('The mayor said that the plan would pass.').claims, 'said')), 'that the plan would pass');
  assert.equal(byCue(run('The growers, who said the price was too low, left early.').claims, 'said').source?.text, 'who');
});

test('a capitalised word the tagger took for a verb inside a name is no cue', () => {
  const c = byCue(run('Campaign spokeswoman Hope Hicks said in a statement that the plan was fair.').claims, 'said in a statement');
  assert.equal(c.source?.text, 'Campaign spokeswoman Hope Hicks');
  assert.equal(run('Campaign spokeswoman Hope Hicks said in a statement that the plan was fair.').claims.length, 1);
  // a verb in title case opening a headline's clause is still one
  assert.equal(byCue(run('Christie Says He Would Quarantine Travellers.').claims, 'Says').source?.text, 'Christie');
});

test('a time adjunct between a counted verb and its clause: the verb is read past it, and a date is no particle of the cue', () => {
  const c = byCue(run('The fisheries agency estimated last month that about 2,400 boats had stayed in port.').claims, 'estimated');
  assert.equal(c.source?.text, 'The fisheries agency');
  assert.equal(contentOf(c), 'that about 2,400 boats had stayed in port');
  const d = byCue(run('The fisheries agency estimated on Monday that about 2,400 boats had stayed in port.').claims, 'estimated');
  assert.equal(contentOf(d), 'that about 2,400 boats had stayed in port');
  assert.equal(byCue(run('The agency reported in March that catches had fallen.').claims, 'reported').source?.text, 'The agency');
  // a particle that is one is still kept ("commented on the plan"), and an object after the adjunct is no clause
  assert.ok(run('He commented on the plan, saying it was rushed.').claims.some((x) => x.cue?.text === 'commented on'));
  assert.equal(run('The agency estimated last month the cost of the repairs.').claims.length, 0);
});
