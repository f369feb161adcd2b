import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Figure } from '../types.ts';
import { describeFigures, describePhrase, measureKey, seriesKey, seriesLabel, compareKey } from './measure.ts';

/** Figures located in `text` by their written form (first occurrence after the previous one). */
function figures(text: string, specs: (Partial<Figure> & { text: string })[]): Figure[] {
  let from = 0;
  return specs.map((s, i) => {
    const start = text.indexOf(s.text, from);
    assert.ok(start >= 0, `“${s.text}” is in the text`);
    from = start + s.text.length;
    return { id: `f${i + 1}`, value: null, qualifier: 'exact', ...s, start, end: start + s.text.length } as Figure;
  });
}

function describe(text: string, specs: (Partial<Figure> & { text: string })[]) {
  const figs = figures(text, specs);
  const m = describeFigures({ text, extraction: { figures: figs, claims: [] } });
  return figs.map((f) => m.get(f.id));
}

test('labourers, workers and DPRK workers in Russia are one series; troops and entries are others', () => {
  const [a] = describe('Around 2,500 Vietnamese labourers remain in Poland, the ministry said.', [
    { text: 'Around 2,500 Vietnamese labourers', value: 2500, qualifier: 'approximately', counts: 'Vietnamese labourers' },
  ]);
  const [b] = describe('Officials said 3,100 Vietnamese workers were employed in Poland last year.', [
    { text: '3,100 Vietnamese workers', value: 3100, counts: 'Vietnamese workers' },
  ]);
  const [c] = describe('The report counted 900 DPRK workers in Russia in the spring.', [{ text: '900 DPRK workers', value: 900, counts: 'DPRK workers' }]);
  const [d] = describe('Some 700 North Korean workers are still in Russia.', [{ text: 'Some 700 North Korean workers', value: 700, qualifier: 'approximately', counts: 'North Korean workers' }]);
  const [e] = describe('About 1,200 North Korean troops are in Russia, the agency said.', [
    { text: 'About 1,200 North Korean troops', value: 1200, qualifier: 'approximately', counts: 'North Korean troops' },
  ]);
  const [f] = describe('Border guards said 4,100 North Korean citizens entered Russia in 2023.', [
    { text: '4,100 North Korean citizens', value: 4100, counts: 'North Korean citizens' },
  ]);
  assert.equal(seriesKey(a!), seriesKey(b!));
  assert.equal(seriesLabel(a!), 'Vietnamese workers in Poland');
  assert.equal(seriesKey(c!), seriesKey(d!), 'DPRK and North Korean name one country');
  assert.equal(seriesLabel(c!), 'North Korean workers in Russia');
  assert.notEqual(seriesKey(e!), seriesKey(d!), 'troops are not workers');
  assert.equal(seriesLabel(e!), 'North Korean troops in Russia');
  assert.notEqual(seriesKey(f!), seriesKey(d!), 'entries are not workers');
  const [g] = describe('Officials said 2,000 Belarusian soldiers had reached Ukraine’s Kharkiv region.', [
    { text: '2,000 Belarusian soldiers', value: 2000, counts: 'Belarusian soldiers' },
  ]);
  assert.equal(seriesLabel(g!), 'Belarusian troops in Kharkiv', 'a region named after its country is the more precise place');
  assert.match(seriesLabel(f!), /North Korean arrivals in Russia/);
});

test('planned and forecast figures are kept apart from counts of what exists', () => {
  const [now, plan] = describe('About 400 Nepali builders are in Qatar, and the ministry will send 1,000 Nepali builders to Qatar next spring.', [
    { text: 'About 400 Nepali builders', value: 400, qualifier: 'approximately', counts: 'Nepali builders' },
    { text: '1,000 Nepali builders', value: 1000, counts: 'Nepali builders' },
  ]);
  assert.equal(now!.planned, false);
  assert.equal(plan!.planned, true);
  assert.notEqual(seriesKey(now!), seriesKey(plan!));
  assert.match(seriesLabel(plan!), /planned/);
  const [later] = describe('Some 2,000 Nepali workers will be sent to Qatar, the agency said.', [
    { text: 'Some 2,000 Nepali workers', value: 2000, qualifier: 'approximately', counts: 'Nepali workers' },
  ]);
  assert.equal(later!.planned, true, '“will be sent” after the figure');
  const [may] = describe('As many as 3,000 Nepali workers may now be in Qatar.', [
    { text: 'As many as 3,000 Nepali workers', value: 3000, qualifier: 'at most', counts: 'Nepali workers' },
  ]);
  assert.equal(may!.planned, false, '“may” is doubt about a count, not a plan');
});

test('the predicate says what a count of people counts; casualties override the noun', () => {
  const [worked] = describe('At least 5,000 Filipinos worked in Kuwait in 2022.', [{ text: 'At least 5,000 Filipinos', value: 5000, qualifier: 'at least', counts: 'Filipinos' }]);
  assert.deepEqual(worked!.classes, ['worker']);
  assert.equal(worked!.country, 'PHL');
  const [killed, wounded] = describe('About 40 Sudanese soldiers were killed and some 90 wounded near the border.', [
    { text: 'About 40 Sudanese soldiers', value: 40, qualifier: 'approximately', counts: 'Sudanese soldiers' },
    { text: 'some 90', value: 90, qualifier: 'approximately' },
  ]);
  assert.deepEqual(killed!.classes, ['killed']);
  assert.deepEqual(wounded!.classes, ['wounded'], 'the noun right after an elliptical number');
  assert.equal(wounded!.country, 'SDN', 'a coordinated figure shares the first one’s country');
});

test('a bare number takes the measure named before it or the figure just before it', () => {
  const text = 'Estimates of Syrian refugees in Jordan have risen. The agency now puts the number of Syrian refugees in Jordan at 640,000, up from 610,000.';
  const [a, b] = describe(text, [
    { text: '640,000', value: 640000 },
    { text: '610,000', value: 610000 },
  ]);
  assert.deepEqual(a!.classes, ['refugee']);
  assert.equal(a!.country, 'SYR');
  assert.equal(a!.placeLabel, 'Jordan');
  assert.equal(seriesKey(b!), seriesKey(a!), '“up from 610,000” is the same measure');
});

test('coordinated nouns are one measure with both classes; parts are marked', () => {
  const [both] = describe('Kabul promised 3,000 Afghan builders and deminers for the project.', [
    { text: '3,000 Afghan builders', value: 3000, counts: 'Afghan builders' },
  ]);
  assert.deepEqual(both!.classes, ['engineer', 'worker']);
  const text = 'In 2023, 9,000 Ghanaian citizens entered Italy. Of those, 4,200 gave study as the reason.';
  const [, part] = describe(text, [
    { text: '9,000 Ghanaian citizens', value: 9000, counts: 'Ghanaian citizens' },
    { text: '4,200', value: 4200 },
  ]);
  assert.equal(part!.part, true);
});

test('money and shares are amounts with their rate or what they are a share of', () => {
  const [pay, share] = describe('Each guard earns between $600 and $900 a month, and as much as 70 percent of the wage is withheld.', [
    { text: 'between $600 and $900 a month', value: null, min: 600, max: 900, qualifier: 'range', unit: 'USD', per: 'month' },
    { text: 'as much as 70 percent', value: 70, qualifier: 'at most', unit: '%' },
  ]);
  assert.equal(seriesLabel(pay!), 'USD per month');
  assert.equal(seriesLabel(share!), '% of wage');
  const [vague] = describe('Porters earn several hundred dollars a month.', [{ text: 'several hundred dollars a month', value: null, qualifier: 'vague', counts: 'dollars', vague: 'several hundred' }]);
  assert.equal(seriesLabel(vague!), 'USD per month', 'a currency noun is a unit');
});

test('measureKey normalises synonyms of the head noun and keeps modifiers', () => {
  assert.equal(measureKey({ counts: 'North Korean labourers' }), 'north korean worker');
  assert.equal(measureKey({ counts: 'dock workers' }), 'dock worker');
  assert.equal(measureKey({ counts: 'troops' }), 'soldier');
  assert.equal(measureKey({ unit: 'USD', per: 'month' }), 'USD per month');
});

test('a phrase typed by a user names the same facets', () => {
  const f = describePhrase('north korean workers');
  assert.equal(f?.family, 'labour');
  assert.equal(f?.country, 'PRK');
  const g = describePhrase('troops in Kursk');
  assert.equal(g?.family, 'military');
  assert.equal(g?.placeLabel, 'Kursk');
});

test('comparison keys: permits to workers compare as workers; planned compares only with planned', () => {
  const [permits] = describe('The ministry issued work permits to about 800 Indian citizens in 2021.', [
    { text: 'about 800 Indian citizens', value: 800, qualifier: 'approximately', counts: 'Indian citizens' },
  ]);
  assert.deepEqual(permits!.classes, ['work permit']);
  const [workers] = describe('At least 2,000 Indians worked in Israel in 2021.', [{ text: 'At least 2,000 Indians', value: 2000, qualifier: 'at least', counts: 'Indians' }]);
  assert.equal(compareKey(permits!), compareKey(workers!));
  assert.notEqual(seriesKey(permits!), seriesKey(workers!), 'but they stay separate series');
});
