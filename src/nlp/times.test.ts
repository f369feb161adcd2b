import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDocument } from '../ingest/document.ts';
import type { TimeExpr } from '../types.ts';
import { contextOf } from './pipeline.ts';
import { extractTimes } from './times.ts';

/** Publication date of most examples: Thursday 19 June 2025. */
const THURSDAY = '2025-06-19';

/** `published` null: a document without a publication date. */
function times(text: string, published: string | null = THURSDAY): TimeExpr[] {
  const ctx = contextOf(makeDocument({ text, ...(published ? { published } : {}) }));
  const out = extractTimes(ctx);
  for (const t of out) assert.equal(ctx.doc.text.slice(t.start, t.end), t.text, `span "${t.text}" is not where it says`);
  return out;
}

/** The one time expression whose text is `text`. */
function one(sentence: string, text: string, published?: string | null): TimeExpr {
  const found = times(sentence, published);
  const t = found.find((x) => x.text === text);
  assert.ok(t, `no time "${text}" in ${JSON.stringify(found.map((x) => x.text))}`);
  return t;
}

function valueOf(sentence: string, text: string, published?: string | null): string {
  return one(sentence, text, published).value;
}

test('a weekday takes the tense of its verb: past reports look back, future plans look ahead', () => {
  assert.equal(valueOf('The mayor said on Tuesday that the bridge would reopen.', 'Tuesday'), '2025-06-17');
  assert.equal(valueOf('The committee will vote on Tuesday.', 'Tuesday'), '2025-06-24');
  assert.equal(valueOf('Talks are expected to resume on Monday.', 'Monday'), '2025-06-23');
  // an adverbial that opens the sentence takes the verb after it
  assert.equal(valueOf('On Monday, the union called a strike.', 'Monday'), '2025-06-16');
  // a participle after the noun reports a past act even when a modal follows
  assert.equal(valueOf('The rules announced by the ministry on Wednesday would cut fees.', 'Wednesday'), '2025-06-18');
  // the same weekday as the publication date is that day
  assert.equal(valueOf('The museum reopened on Thursday after a long closure.', 'Thursday'), '2025-06-19');
  // no verb to go by: the nearest one
  assert.equal(valueOf('Storm warning for Saturday', 'Saturday'), '2025-06-21');
  assert.equal(valueOf('They met last Friday.', 'last Friday'), '2025-06-13');
  assert.equal(valueOf('They meet next Friday.', 'next Friday'), '2025-06-20');
});

test('spans follow TimeML: the preposition stays out, a determiner of the time noun comes in', () => {
  const t = one('Officials said on Tuesday that the plan was ready.', 'Tuesday');
  assert.equal(t.type, 'DATE');
  assert.deepEqual(times('Sales rose in the third quarter.').map((x) => x.text), ['the third quarter']);
  assert.deepEqual(times('Prices doubled over the past decade.').map((x) => x.text), ['the past decade']);
  // "the" of "the 2008 elections" belongs to the elections, not to the year
  assert.deepEqual(times('Turnout fell after the 2008 elections.').map((x) => x.text), ['2008']);
});

test('months, years and their neighbours resolve against the publication date', () => {
  assert.equal(valueOf('The agency said in April that output had fallen.', 'April'), '2025-04');
  assert.equal(valueOf('The agency said in October that output had fallen.', 'October'), '2024-10');
  assert.equal(valueOf('The plant will close in October.', 'October'), '2025-10');
  assert.equal(valueOf('Exports fell last year.', 'last year'), '2024');
  assert.equal(valueOf('Exports may recover next year.', 'next year'), '2026');
  assert.equal(valueOf('Exports grew this year.', 'this year'), '2025');
  assert.equal(valueOf('Rents will rise next month.', 'next month'), '2025-07');
  assert.equal(valueOf('Rents rose last month.', 'last month'), '2025-05');
  assert.equal(valueOf('The index fell last week.', 'last week'), '2025-W24');
  assert.equal(valueOf('The index fell this week.', 'this week'), '2025-W25');
  assert.equal(valueOf('It opened yesterday and closes tomorrow.', 'yesterday'), '2025-06-18');
  assert.equal(valueOf('It opened yesterday and closes tomorrow.', 'tomorrow'), '2025-06-20');
  assert.equal(valueOf('The vote is today.', 'today'), '2025-06-19');
  assert.equal(valueOf('The ferry sank in 1994.', '1994'), '1994');
  assert.equal(valueOf('A storm hit the coast last September.', 'last September'), '2024-09');
  assert.equal(valueOf('The court will rule in June of next year.', 'June of next year'), '2026-06');
});

test('seasons, including "this past winter", and quarters', () => {
  const seasons = times('Farmers struggled this past winter and spring.');
  assert.deepEqual(seasons.map((t) => [t.text, t.value]), [['this past winter', '2024-WI'], ['spring', '2025-SP']]);
  assert.equal(valueOf('The lake froze last winter.', 'last winter'), '2024-WI');
  assert.equal(valueOf('Work will start next spring.', 'next spring'), '2026-SP');
  assert.equal(valueOf('The bridge will open in the summer of 2027.', 'the summer of 2027'), '2027-SU');
  assert.equal(valueOf('Profits will rise in the third quarter.', 'the third quarter'), '2025-Q3');
  assert.equal(valueOf('Profits rose in the third quarter.', 'the third quarter'), '2024-Q3');
  assert.equal(valueOf('Profits rose in the first quarter of 2023.', 'the first quarter of 2023'), '2023-Q1');
  assert.equal(valueOf('Profits rose in the first quarter of last year.', 'the first quarter of last year'), '2024-Q1');
  assert.equal(valueOf('Third-quarter profits fell.', 'Third-quarter'), '2024-Q3');
  assert.equal(valueOf('Results for Q2 2024 were weak.', 'Q2 2024'), '2024-Q2');
  // a fraction is not a quarter of a year
  assert.deepEqual(times('About a quarter of the voters stayed home.'), []);
});

test('durations, exact and vague', () => {
  const d = (s: string, text: string) => {
    const t = one(s, text);
    assert.equal(t.type, 'DURATION');
    return t.value;
  };
  assert.equal(d('They had exchanged letters for several weeks.', 'several weeks'), 'PXW');
  assert.equal(d('The siege lasted for months.', 'months'), 'PXM');
  assert.equal(d('The dispute has gone on for years.', 'years'), 'PXY');
  assert.equal(d('The strike lasted two years.', 'two years'), 'P2Y');
  assert.equal(d('The flight takes 90 minutes.', '90 minutes'), 'PT90M');
  assert.equal(d('They waited three hours.', 'three hours'), 'PT3H');
  assert.equal(d('The lease runs for a fifty-year term.', 'fifty-year'), 'P50Y');
  assert.equal(d('It took one and a half years.', 'one and a half years'), 'P18M');
  assert.equal(d('Prices rose over the past five years.', 'the past five years'), 'P5Y');
  assert.equal(d('Cuts are planned over the next four years.', 'the next four years'), 'P4Y');
  assert.equal(d('The bill took a couple of days.', 'a couple of days'), 'P2D');
  assert.equal(d('The ban lasted two decades.', 'two decades'), 'P20Y');
  const nearly = one('Shares rose for nearly five months.', 'nearly five months');
  assert.deepEqual([nearly.value, nearly.mod], ['P5M', 'LESS_THAN']);
  const about = one('The talks lasted about a week.', 'about a week');
  assert.deepEqual([about.value, about.mod], ['P1W', 'APPROX']);
  const more = one('The trial took more than a decade.', 'more than a decade');
  assert.deepEqual([more.value, more.mod], ['P10Y', 'MORE_THAN']);
});

test('"ago" counts back from the publication date at the unit\'s granularity', () => {
  assert.equal(valueOf('The dam broke two years ago.', 'two years ago'), '2023');
  assert.equal(valueOf('The dam broke three months ago.', 'three months ago'), '2025-03');
  assert.equal(valueOf('The dam broke a week ago.', 'a week ago'), '2025-06-12');
  assert.equal(valueOf('The dam broke five days ago.', 'five days ago'), '2025-06-14');
  assert.equal(valueOf('The dam broke years ago.', 'years ago'), 'PAST_REF');
});

test('reference words: PRESENT_REF, PAST_REF, FUTURE_REF', () => {
  assert.equal(valueOf('The port is now closed.', 'now'), 'PRESENT_REF');
  assert.equal(valueOf('The port is currently closed.', 'currently'), 'PRESENT_REF');
  assert.equal(valueOf('The port was recently closed.', 'recently'), 'PAST_REF');
  assert.equal(valueOf('Such floods were rare in the past.', 'the past'), 'PAST_REF');
  assert.equal(valueOf('Prices have climbed in recent years.', 'recent years'), 'PAST_REF');
  assert.equal(valueOf('Costs may fall in the future.', 'the future'), 'FUTURE_REF');
  assert.equal(valueOf('Growth looks weak in the near term.', 'the near term'), 'FUTURE_REF');
  // "the future of the port" is a topic, and "now-defunct" an adjective
  assert.deepEqual(times('They debated the future of the port and the now-defunct ferry.'), []);
});

test('sets: every, each, per, frequency adverbs, and a rate after a figure', () => {
  const set = (s: string, text: string) => {
    const t = one(s, text);
    assert.equal(t.type, 'SET');
    return t.value;
  };
  assert.equal(set('The council meets every month.', 'every month'), 'P1M');
  assert.equal(set('The council meets every two weeks.', 'every two weeks'), 'P2W');
  assert.equal(set('The market opens every Sunday.', 'every Sunday'), 'XXXX-WXX-7');
  assert.equal(set('The paper is printed weekly.', 'weekly'), 'P1W');
  assert.equal(set('Guards earn about $600 a month.', 'a month'), 'P1M');
  assert.equal(set('The plant makes 40 cars per hour.', 'per hour'), 'PT1H');
  // a frequency word inside a name is no set
  assert.deepEqual(times('She wrote for the Daily Courier.'), []);
});

test('explicit dates in the usual written forms', () => {
  for (const [sentence, text] of [
    ['The treaty was signed on June 17, 2025.', 'June 17, 2025'],
    ['The treaty was signed on 17 June 2025.', '17 June 2025'],
    ['The treaty was signed on 2025-06-17.', '2025-06-17'],
    ['The treaty was signed on Tuesday, June 17, 2025.', 'Tuesday, June 17, 2025'],
    ['The treaty was signed on the 17th of June, 2025.', 'the 17th of June, 2025'],
    ['The treaty was signed on Jun. 17, 2025.', 'Jun. 17, 2025'],
    ['The treaty was signed on 06/17/2025.', '06/17/2025'],
  ] as const) {
    const t = one(sentence, text);
    assert.deepEqual([t.value, t.type], ['2025-06-17', 'DATE'], sentence);
  }
  // a day and month without a year: the past one for a past verb, the coming one for a future verb
  assert.equal(valueOf('The ship docked on June 2.', 'June 2'), '2025-06-02');
  assert.equal(valueOf('The ship will dock on July 4.', 'July 4'), '2025-07-04');
  assert.equal(valueOf('The ship docked on December 24.', 'December 24'), '2024-12-24');
  assert.equal(valueOf('The vote was held in March 2021.', 'March 2021'), '2021-03');
});

test('both ends of a year range are years', () => {
  assert.deepEqual(times('Output fell in 2010-2015 and in the 2010-11 season.').map((t) => [t.text, t.value]), [
    ['2010', '2010'], ['2015', '2015'], ['2010', '2010'], ['11', '2011'],
  ]);
  assert.deepEqual(times('Call 555-1234 for details.'), []);
});

test('decades, centuries and fiscal years', () => {
  assert.equal(valueOf('The mine closed in the 1990s.', 'the 1990s'), '199');
  assert.equal(valueOf("The mine closed in the '90s.", "the '90s"), '199');
  assert.equal(valueOf('The mine closed in the nineties.', 'the nineties'), '199');
  assert.equal(valueOf('The mine opened in the 19th century.', 'the 19th century'), '18');
  assert.equal(valueOf('Revenue grew in fiscal 2024.', 'fiscal 2024'), 'FY2024');
  // "in their 90s" is an age
  assert.deepEqual(times('Both were in their 90s.'), []);
});

test('positions within a period become the TIMEX3 mod', () => {
  const late = one('The floods came in late April.', 'late April');
  assert.deepEqual([late.value, late.mod], ['2025-04', 'END']);
  const early = one('The firm was sold in early 2024.', 'early 2024');
  assert.deepEqual([early.value, early.mod], ['2024', 'START']);
  const mid = one('The line opens in mid-2026.', 'mid-2026');
  assert.deepEqual([mid.value, mid.mod], ['2026', 'MID']);
  const end = one('The cuts began at the end of last year.', 'the end of last year');
  assert.deepEqual([end.value, end.mod], ['2024', 'END']);
  const earlier = one('The cuts began earlier this month.', 'earlier this month');
  assert.equal(earlier.value, '2025-06');
  assert.equal(earlier.mod, undefined);
});

test('holidays fall on their dates, Easter included', () => {
  assert.equal(valueOf('Shops were shut on Christmas Day.', 'Christmas Day'), '2024-12-25');
  assert.equal(valueOf('The march is planned for Easter 2026.', 'Easter 2026'), '2026-04-05');
  assert.equal(valueOf('The ceasefire began on New Year\'s Eve.', "New Year's Eve"), '2024-12-31');
  // a surname is no holiday
  assert.deepEqual(times('The cover is by Johnnie Christmas.'), []);
});

test('times of day', () => {
  const t = one('The quake struck at 3:40 p.m. on Tuesday.', '3:40 p.m.');
  assert.deepEqual([t.value, t.type], ['2025-06-17T15:40', 'TIME']);
  assert.equal(valueOf('Polls closed at 22:00 GMT.', '22:00 GMT'), '2025-06-19T22:00Z');
  assert.equal(valueOf('The blast came on Monday morning.', 'Monday morning'), '2025-06-16TMO');
  assert.equal(valueOf('Shots were heard last night.', 'last night'), '2025-06-18TNI');
  assert.equal(valueOf('The verdict is due tonight.', 'tonight'), '2025-06-19TNI');
  // a chapter and verse is no clock time
  assert.deepEqual(times('He quoted John 3:16 at length.'), []);
});

test('words that only look like times are left alone', () => {
  assert.deepEqual(times('May I ask a question?'), []);
  assert.deepEqual(times('Theresa May spoke to reporters.'), []);
  assert.deepEqual(times('Prices may fall.'), []);
  assert.deepEqual(times('About 2000 troops crossed the river.'), []);
  assert.deepEqual(times('The Arab Spring changed the region.'), []);
  assert.deepEqual(times('A winter storm closed the roads.'), []);
  assert.deepEqual(times('The fall of the city surprised nobody.'), []);
  assert.deepEqual(times('Workers earned 1,500 to 2,000 dollars.'), []);
});

test('without a publication date spans are still found and relative values stay unresolved', () => {
  const found = times('Officials said on Tuesday that rents rose in April, after a fall last year and a dip this past winter; talks resume next month and ended yesterday.', null);
  const byText = Object.fromEntries(found.map((t) => [t.text, t.value]));
  assert.deepEqual(byText, {
    Tuesday: 'XXXX-WXX-2',
    April: 'XXXX-04',
    'last year': 'XXXX',
    'this past winter': 'XXXX-WI',
    'next month': 'XXXX-XX',
    yesterday: 'XXXX-XX-XX',
  });
  // what needs no anchor is unchanged
  assert.equal(valueOf('The ferry sank on 3 May 1994 after two hours.', '3 May 1994', null), '1994-05-03');
  assert.equal(valueOf('The ferry sank on 3 May 1994 after two hours.', 'two hours', null), 'PT2H');
});

test('resolution never reads the clock', () => {
  const realNow = Date.now;
  Date.now = () => {
    throw new Error('Date.now() was called');
  };
  try {
    assert.equal(valueOf('The office closed on Friday.', 'Friday', null), 'XXXX-WXX-5');
    assert.equal(valueOf('The office closed on Friday.', 'Friday'), '2025-06-13');
  } finally {
    Date.now = realNow;
  }
});

test('offsets stay exact around emoji, Cyrillic, Hangul and combining accents', () => {
  const text = 'Cafe\u0301 owners 🎉🇺🇦 said on Tuesday that Москва talks end in April; 서울 officials met 2 May 2025 and x\u0301\u0323 will report next month 👍🏽.';
  const found = times(text);
  assert.deepEqual(found.map((t) => [t.text, t.value]), [
    ['Tuesday', '2025-06-17'],
    ['April', '2025-04'],
    ['2 May 2025', '2025-05-02'],
    ['next month', '2025-07'],
  ]);
});

test('ids run t1, t2, ... in document order; headlines and datelines do not borrow the body\'s tense', () => {
  // single line breaks: wink reads headline, dateline and first line as one sentence
  const text = 'Storm warning for Friday\nTuesday, June 17, 2025\nCrews worked through the weekend. They finished on Friday.';
  const found = times(text, '2025-06-17');
  assert.deepEqual(found.map((t) => t.id), found.map((_, i) => `t${i + 1}`));
  const byText = found.map((t) => [t.text, t.value]);
  // the headline has no verb of its own: the nearest Friday, not the past one the body's verb would pick
  assert.deepEqual(byText[0], ['Friday', '2025-06-20']);
  assert.deepEqual(byText[1], ['Tuesday, June 17, 2025', '2025-06-17']);
  assert.deepEqual(byText[2], ['the weekend', '2025-W24-WE']);
  assert.deepEqual(byText[3], ['Friday', '2025-06-13']);
});

test('a clock time takes the day named beside it, and "the next day" the day last talked about', () => {
  const found = times('The polls opened on June 3 at 8 a.m. and the count ended the next day.');
  const byText = Object.fromEntries(found.map((t) => [t.text, t.value]));
  assert.equal(byText['8 a.m.'], '2025-06-03T08:00');
  assert.equal(byText['the next day'], '2025-06-04');
});
