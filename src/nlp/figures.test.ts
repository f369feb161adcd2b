import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures } from './figures.ts';
import { segment } from './segment.ts';
import type { Figure, TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';

function contextFor(text: string): StageContext {
  return { doc: { id: 'test', text, lang: 'en', textSha256: '' }, seg: segment(text) };
}

function figuresOf(text: string, times: TimeExpr[] = []): Figure[] {
  const figures = extractFigures(contextFor(text), { times });
  for (const f of figures) assert.equal(text.slice(f.start, f.end), f.text, `span of ${JSON.stringify(f.text)}`);
  return figures;
}

/** The one figure whose text contains `needle`. */
function figure(text: string, needle: string): Figure {
  const found = figuresOf(text).filter((f) => f.text.includes(needle));
  assert.equal(found.length, 1, `one figure containing ${JSON.stringify(needle)} in ${JSON.stringify(figuresOf(text).map((f) => f.text))}`);
  return found[0]!;
}

function texts(text: string, times: TimeExpr[] = []): string[] {
  return figuresOf(text, times).map((f) => f.text);
}

test('values written in digits, words and both', () => {
  const text =
    'The ministry hired 2,500 nurses, twenty-five surgeons, six thousand volunteers, 20K stewards, 15 000 cleaners, ' +
    'four-thousand-100 porters, one hundred and twenty cooks, half a million tourists and 1.5 million pilgrims.';
  const got = figuresOf(text).map((f) => [f.value, f.counts]);
  assert.deepEqual(got, [
    [2500, 'nurses'],
    [25, 'surgeons'],
    [6000, 'volunteers'],
    [20000, 'stewards'],
    [15000, 'cleaners'],
    [4100, 'porters'],
    [120, 'cooks'],
    [500000, 'tourists'],
    [1500000, 'pilgrims'],
  ]);
});

test('a dozen, two dozen and "a thousand" are exact values', () => {
  assert.equal(figure('Police arrested a dozen protesters.', 'dozen').value, 12);
  assert.equal(figure('Rescuers saved two dozen miners.', 'dozen').value, 24);
  assert.equal(figure('More than a thousand fans waited outside.', 'thousand').value, 1000);
});

test('ranges give min and max, sharing a scale or unit written once', () => {
  const a = figure('Between 10,000-12,000 dockers went on strike.', '10,000');
  assert.deepEqual([a.value, a.min, a.max, a.qualifier, a.counts], [null, 10000, 12000, 'range', 'dockers']);
  const b = figure('The storm cut power to 3-4 million homes.', 'million');
  assert.deepEqual([b.min, b.max], [3e6, 4e6]);
  const c = figure('Fares will rise by between three and seven percent.', 'percent');
  assert.deepEqual([c.min, c.max, c.unit, c.text], [3, 7, '%', 'between three and seven percent']);
  const d = figure('The repairs cost $10-12 million.', '$');
  assert.deepEqual([d.min, d.max, d.unit], [10e6, 12e6, 'USD']);
  const e = figure('Each bus carries 40 to 50 passengers.', '40');
  assert.deepEqual([e.min, e.max, e.counts], [40, 50, 'passengers']);
  const f = figure('Rents rose by between 5% and 7%.', '5%');
  assert.deepEqual([f.text, f.min, f.max, f.unit], ['between 5% and 7%', 5, 7, '%']);
  // two amounts in different units are two figures, not a range
  assert.deepEqual(texts('The index lost 3.2% or 37 points.'), ['3.2%', '37 points']);
});

test('hedges before and after the number set the qualifier and join the span', () => {
  const cases: [string, string, Figure['qualifier']][] = [
    ['Officials said about 300 families were moved.', 'about 300 families', 'approximately'],
    ['Roughly 90 boats sank.', 'Roughly 90 boats', 'approximately'],
    ['The town lost an estimated 7,000 jobs.', 'an estimated 7,000 jobs', 'approximately'],
    ['Some 450 monks joined the march.', 'Some 450 monks', 'approximately'],
    ['Around 60 schools shut.', 'Around 60 schools', 'approximately'],
    ['Nearly 800 patients waited.', 'Nearly 800 patients', 'approximately'],
    ['As many as 9,000 farmers protested.', 'As many as 9,000 farmers', 'at most'],
    ['The ferry can take up to 600 cars.', 'up to 600 cars', 'at most'],
    ['At least 40 climbers were stranded.', 'At least 40 climbers', 'at least'],
    ['The fire destroyed 200 or more houses.', '200 or more houses', 'at least'],
    ['More than 1,000 pilots signed.', 'More than 1,000 pilots', 'more than'],
    ['Over 70 ships docked.', 'Over 70 ships', 'more than'],
    ['Fewer than 50 doctors stayed.', 'Fewer than 50 doctors', 'less than'],
    ['Less than 5 percent voted.', 'Less than 5 percent', 'less than'],
    ['The club has 312 members.', '312 members', 'exact'],
  ];
  for (const [text, span, qualifier] of cases) {
    const f = figure(text, span.split(' ').find((w) => /\d|thousand/.test(w)) ?? span);
    assert.equal(f.text, span, text);
    assert.equal(f.qualifier, qualifier, text);
  }
});

test('vague magnitudes are figures with no value', () => {
  const a = figure('Thousands of students marched on Friday.', 'Thousands');
  assert.deepEqual([a.value, a.qualifier, a.vague, a.counts, a.text], [null, 'vague', 'Thousands', 'students', 'Thousands of students']);
  const b = figure('The floods covered several hundred square miles of farmland.', 'several');
  assert.deepEqual([b.value, b.vague, b.unit], [null, 'several hundred', 'mi2']);
  const c = figure('Dozens were injured in the crush.', 'Dozens');
  assert.deepEqual([c.value, c.vague], [null, 'Dozens']);
  const d = figure('Tens of thousands of refugees crossed the border.', 'Tens');
  assert.deepEqual([d.vague, d.counts], ['Tens of thousands', 'refugees']);
  const e = figure('The company lost billions of dollars.', 'billions');
  assert.deepEqual([e.vague, e.unit], ['billions', 'USD']);
});

test('currencies by sign, code and word, with scales', () => {
  const cases: [string, string, number, string][] = [
    ['The bridge cost $4.2bn to build.', '$4.2bn', 4.2e9, 'USD'],
    ['Fines reached €350 million.', '€350 million', 350e6, 'EUR'],
    ['He was paid £20m.', '£20m', 20e6, 'GBP'],
    ['The prize is $5K.', '$5K', 5000, 'USD'],
    ['Tickets cost ¥3,000.', '¥3,000', 3000, 'JPY'],
    ['The deal is worth US$ 7 billion.', 'US$ 7 billion', 7e9, 'USD'],
    ['Farmers lost 40 billion yuan.', '40 billion yuan', 40e9, 'CNY'],
    ['The fund holds CHF 900 million.', 'CHF 900 million', 900e6, 'CHF'],
    ['A ticket costs 12 euros.', '12 euros', 12, 'EUR'],
    ['Shares fell 26 cents.', '26 cents', 0.26, 'USD'],
    ['The grant is 5 million Canadian dollars.', '5 million Canadian dollars', 5e6, 'CAD'],
    ['Ottawa offered CA$ 4 billion.', 'CA$ 4 billion', 4e9, 'CAD'],
    ['The levy raised NZ $ 26 million.', 'NZ $ 26 million', 26e6, 'NZD'],
  ];
  for (const [text, span, value, unit] of cases) {
    const f = figure(text, span.replace(/^\D+/, '').slice(0, 2));
    assert.deepEqual([f.text, f.value, f.unit], [span, value, unit], text);
  }
});

test('units of measure and percent', () => {
  const cases: [string, string, number, string][] = [
    ['The convoy drove 300 km overnight.', '300 km', 300, 'km'],
    ['The pipeline runs 1,200 miles.', '1,200 miles', 1200, 'mi'],
    ['The fire burned 45 square kilometres.', '45 square kilometres', 45, 'km2'],
    ['The reserve spans 80 km2.', '80 km2', 80, 'km2'],
    ['The ship carried 7 tonnes of rice.', '7 tonnes', 7, 't'],
    ['Turnout was 61.5 percent.', '61.5 percent', 61.5, '%'],
    ['Turnout was 48 per cent.', '48 per cent', 48, '%'],
    ['Prices rose 9%.', '9%', 9, '%'],
    ['The glacier lost 3.5 metres of ice.', '3.5 metres', 3.5, 'm'],
    ['Winds reached 190 kilometres per hour.', '190 kilometres per hour', 190, 'km/h'],
  ];
  for (const [text, span, value, unit] of cases) {
    const f = figure(text, span.slice(0, 2));
    assert.deepEqual([f.text, f.value, f.unit], [span, value, unit], text);
  }
});

test('rates: "a month", "per day", "an hour"', () => {
  const a = figure('Guards earn about $650 a month.', '$650');
  assert.deepEqual([a.text, a.value, a.qualifier, a.unit, a.per], ['about $650 a month', 650, 'approximately', 'USD', 'month']);
  const b = figure('The plant ships 2,000 cars per day.', '2,000');
  assert.deepEqual([b.per, b.counts], ['day', 'cars']);
  const c = figure('Cleaners are paid €11 an hour.', '€11');
  assert.equal(c.per, 'hour');
  // "a year ago" says when, not how often
  assert.equal(figure('Unemployment is 6%, up from 4% a year ago.', '4%').per, undefined);
});

test('the counted noun phrase keeps its modifiers and stops where the phrase ends', () => {
  assert.equal(figure('The army moved 8,000 Nigerian infantry soldiers north.', '8,000').counts, 'Nigerian infantry soldiers');
  assert.equal(figure('The agency flew 350 displaced families to Lagos.', '350').counts, 'displaced families');
  assert.equal(figure('They sent 40 medics — trauma specialists — to the front.', '40').counts, 'medics');
  const more = figure('The alliance sent 3,000 more troops.', '3,000');
  assert.deepEqual([more.text, more.counts], ['3,000 more troops', 'troops']);
  assert.equal(figure('The regiment has three battalions of "mountain troops".', 'three').counts, 'battalions');
  assert.equal(figure('Two of the injured climbers were airlifted.', 'Two').counts, 'injured climbers');
  assert.equal(figure('She named two senior judges Ana Ruiz and Li Wen.', 'two').counts, 'senior judges');
  // a definite article before the number belongs to the figure, as in "the 300 delegates"
  assert.equal(figure('Most of the 300 delegates left early.', '300').text, 'the 300 delegates');
});

test('changes: old and new values linked, whichever order the text uses', () => {
  const a = figuresOf('The garrison fell from 34,000 to 11,000 soldiers.');
  assert.equal(a.length, 2);
  assert.deepEqual([a[0]!.value, a[1]!.value, a[1]!.changedFrom, a[0]!.changedFrom], [34000, 11000, a[0]!.id, undefined]);
  assert.equal(a[0]!.counts, 'soldiers', 'the old value counts what the new one counts');
  const b = figuresOf('Inflation climbed to 8.2% from 6.9% in a year.');
  assert.deepEqual([b[0]!.value, b[0]!.changedFrom, b[1]!.value], [8.2, b[1]!.id, 6.9]);
  const c = figuresOf('Exports reached 5 million tonnes, up from 3.1 million.');
  assert.equal(c[0]!.changedFrom, c[1]!.id);
  assert.equal(c[1]!.unit, 't');
  // without a change, "from 10 to 12" is a range
  assert.equal(figure('Classes have from 10 to 12 pupils.', '10').qualifier, 'range');
});

test('planned amounts are marked; existing ones are not', () => {
  const planned = [
    ['The ministry will send 4,000 engineers to the coast.', '4,000'],
    ['Berlin plans to deploy 900 soldiers next spring.', '900'],
    ['The union agreed to supply 60 buses.', '60'],
    ['A further 1,200 staff are to be hired.', '1,200'],
    ['The 700 inspectors to be recruited will start in May.', '700'],
    ['Donors pledged $3 billion for the rebuilding.', '$3'],
    ['She said they would build 250 shelters and 40 clinics.', '40'],
  ];
  for (const [text, needle] of planned) assert.equal(figure(text!, needle!).modality, 'planned', text);
  const existing = [
    ['The ministry sent 4,000 engineers to the coast.', '4,000'],
    ['About 900 soldiers are stationed there.', '900'],
    ['The town would lie 300 km from the new border.', '300'],
    ['Some 5,200 delegates will attend the summit.', '5,200'],
    ['Analysts expected just 77 cents a share.', '77'],
  ];
  for (const [text, needle] of existing) assert.equal(figure(text!, needle!).modality, undefined, text);
});

test('not figures: years, dates, clock times and durations', () => {
  assert.deepEqual(texts('In 2024 the law changed, and since 1991 it had not.'), []);
  assert.deepEqual(texts('The vote was held on June 17 and again on 3 March 2023.'), []);
  assert.deepEqual(texts('Trading stopped at 3:30 pm and resumed at 10 a.m. on May 4th.'), []);
  assert.deepEqual(texts('The siege lasted three years and the talks six months.'), []);
  assert.deepEqual(texts('It was a 41-year career spanning the 1990s and 2010-2015.'), []);
  // a hedge does not turn a year into a count, but a plural noun after it does
  assert.deepEqual(texts('The plant stays open until at least 2030, or around 2035.'), []);
  assert.deepEqual(texts('About 2000 people attended.'), ['About 2000 people']);
});

test('not figures: numbers inside time expressions from the times stage', () => {
  const text = 'Talks resumed 48 hours later, and 12 envoys attended.';
  const start = text.indexOf('48 hours later');
  const times: TimeExpr[] = [{ start, end: start + '48 hours later'.length, text: '48 hours later', value: 'PT48H', type: 'DURATION' }];
  assert.deepEqual(texts(text, times), ['12 envoys']);
  // a time expression the figures stage alone would not recognise
  const text2 = 'They met in week 7 of the campaign with 30 aides.';
  const s2 = text2.indexOf('week 7');
  assert.deepEqual(texts(text2, [{ start: s2, end: s2 + 6, text: 'week 7', value: '2025-W07', type: 'DATE' }]), ['30 aides']);
  // nested time spans: the long one that holds the number counts even when a short one starts later
  const text4 = 'Between Monday and the 14 days after it, 9 ships left.';
  const nested: TimeExpr[] = [
    { start: 0, end: text4.indexOf(','), text: text4.slice(0, text4.indexOf(',')), value: 'P14D', type: 'DURATION' },
    { start: 8, end: 14, text: 'Monday', value: '2025-06-16', type: 'DATE' },
  ];
  assert.deepEqual(texts(text4, nested), ['9 ships']);
  // a time expression inside the unit or rate does not remove the number before it
  const text3 = 'Gusts reached 150 kilometres per hour and guards earn $900 a month.';
  const perHour = text3.indexOf('per hour');
  const aMonth = text3.indexOf('a month');
  const times3: TimeExpr[] = [
    { start: perHour, end: perHour + 8, text: 'per hour', value: 'PT1H', type: 'SET' },
    { start: aMonth, end: aMonth + 7, text: 'a month', value: 'P1M', type: 'SET' },
  ];
  assert.deepEqual(texts(text3, times3), ['150 kilometres per hour', '$900 a month']);
});

test('not figures: ordinals, names with numbers, model numbers, codes', () => {
  assert.deepEqual(texts('She came 1st and he came third in the 21st race.'), []);
  assert.deepEqual(texts('Resolution 2397 was adopted under Article 5.'), []);
  assert.deepEqual(texts('The MiG-29 and Su-27 jets flew over Route 66.'), []);
  assert.deepEqual(texts('Flight 370 vanished; Windows 11 shipped; the Airbus A350 landed.'), []);
  // the document names "Boeing 737", so a bare "737" later is the model, not a count
  assert.deepEqual(texts('The Boeing 737 is popular. The airline bought five new 737 aircraft.'), ['five new 737 aircraft']);
  // a capitalised number word inside a name
  assert.deepEqual(texts('Leaders of the Big Three met in Detroit.'), []);
});

test('not figures: phone numbers, page furniture, list markers, scores', () => {
  assert.deepEqual(texts('For details call 555-123-4567 or +44 20 7946 0958 today.'), []);
  assert.deepEqual(texts('See page 3 of 10 in the report.'), []);
  assert.deepEqual(texts('You can 1) stay or 2) leave.'), []);
  assert.deepEqual(texts('Brazil beat Chile 3-1 and drew 2 – 2 with Peru.'), []);
  assert.deepEqual(texts('Photo 4\n\n12 comments'), []);
  assert.deepEqual(texts('The tag reads 007 and the serial number 0042.'), []);
});

test('not figures: "one" as a pronoun-like determiner and "the two" as a pair named before', () => {
  assert.deepEqual(texts('One official said the two countries would talk.'), []);
  assert.deepEqual(texts('Only one of them came.'), ['Only one']);
  assert.deepEqual(texts('The two sides sent two delegations.'), ['two delegations']);
});

test('offsets stay exact next to emoji, Cyrillic, Hangul and combining accents', () => {
  const text = '🇺🇦 Москва 👍 sent 1,200 medics; 서울 reported about 300 cases 😷 and the café̂ lost €5,000 a week.';
  const got = figuresOf(text);
  assert.deepEqual(
    got.map((f) => f.text),
    ['1,200 medics', 'about 300 cases', '€5,000 a week'],
  );
  for (const f of got) assert.equal(text.slice(f.start, f.end), f.text);
  const cyr = 'Ива́н said 40 доктор left and Ли́ reported 7,500 tonnes of grain.';
  for (const f of figuresOf(cyr)) assert.equal(cyr.slice(f.start, f.end), f.text);
  assert.ok(figuresOf(cyr).some((f) => f.value === 7500 && f.unit === 't'));
  // an accented letter right after the number starts a word, not a unit
  assert.equal(figure('The bakery sold 12 éclairs.', '12').counts, 'éclairs');
});

test('ids run f1, f2, ... in document order and no claim is set', () => {
  const got = figuresOf('They hired 30 guards. Later, 45 drivers and 12 cooks joined.');
  assert.deepEqual(got.map((f) => f.id), ['f1', 'f2', 'f3']);
  assert.ok(got.every((f, k) => k === 0 || got[k - 1]!.start < f.start));
  assert.ok(got.every((f) => f.claim === undefined));
});
