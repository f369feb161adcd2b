import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, Figure, TimeExpr } from '../types.ts';
import { interval, pointsOf } from './points.ts';
import { hasShared, loadSeed } from '../eval/shared.ts';
import { extract } from '../nlp/pipeline.ts';
import { timexRange, fallbackTimes, saidDate } from './period.ts';

const at = (text: string, s: string, from = 0) => {
  const start = text.indexOf(s, from);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length, text: s };
};

test('the period a figure describes: stated in its clause, else when it was said, else when published', () => {
  const text = 'The bureau said on Monday that roughly 4,000 Kenyan nurses worked in Britain at the end of last year. It said 5,200 Kenyan nurses are there now.';
  const f1: Figure = { id: 'f1', ...at(text, 'roughly 4,000 Kenyan nurses'), value: 4000, qualifier: 'approximately', counts: 'Kenyan nurses' };
  const f2: Figure = { id: 'f2', ...at(text, '5,200 Kenyan nurses'), value: 5200, qualifier: 'exact', counts: 'Kenyan nurses' };
  const times: TimeExpr[] = [
    { ...at(text, 'Monday'), value: '2024-03-18', type: 'DATE' },
    { ...at(text, 'the end of last year'), value: '2023', type: 'DATE', mod: 'END' },
  ];
  const claims: Claim[] = [
    { id: 'c1', kind: 'indirect', polarity: 'affirmed', source: at(text, 'The bureau'), cue: at(text, 'said'), content: [at(text, 'roughly 4,000 Kenyan nurses worked in Britain at the end of last year')], said: '2024-03-18', figures: ['f1'], entities: [] },
    { id: 'c2', kind: 'indirect', polarity: 'affirmed', source: at(text, 'It'), cue: at(text, 'said', 100), content: [at(text, '5,200 Kenyan nurses are there now')], said: '2024-03-18', figures: ['f2'], entities: [] },
  ];
  const [p1, p2] = pointsOf({ text, published: '2024-03-19' }, { figures: [f1, f2], claims, times });
  assert.equal(p1!.basis, 'stated');
  assert.equal(p1!.period, '2023 (end)');
  assert.deepEqual([p1!.range!.start, p1!.range!.end], ['2023-10-01', '2023-12-31'], '“the end of” is the last quarter');
  assert.equal(p2!.basis, 'said', 'no time with it: a count as of the day it was said');
  assert.equal(p2!.period, '2024-03-18');
});

test('“up from 4,000 last year” dates the earlier figure, it does not state a period to compare', () => {
  const text = 'As many as 9,000 Kenyan nurses were in Britain, up from roughly 4,000 last year.';
  const f1: Figure = { id: 'f1', ...at(text, 'As many as 9,000 Kenyan nurses'), value: 9000, qualifier: 'at most', counts: 'Kenyan nurses' };
  const f2: Figure = { id: 'f2', ...at(text, 'roughly 4,000'), value: 4000, qualifier: 'approximately' };
  const [, p2] = pointsOf({ text, published: '2025-06-11' }, { figures: [f1, f2], claims: [], times: [] });
  assert.equal(p2!.basis, 'said');
  assert.equal(p2!.period, '2024');
});

test('a time after a comma belongs to another phrase', () => {
  const text = 'An estimated 12,000 Kenyan nurses are in Britain, three times its figure of a year ago.';
  const f1: Figure = { id: 'f1', ...at(text, 'An estimated 12,000 Kenyan nurses'), value: 12000, qualifier: 'approximately', counts: 'Kenyan nurses' };
  const times: TimeExpr[] = [{ ...at(text, 'a year ago'), value: '2024', type: 'DATE' }];
  const [p] = pointsOf({ text, published: '2025-01-23' }, { figures: [f1], claims: [], times });
  assert.equal(p!.basis, 'published');
});

test('qualifiers set how far a figure stretches', () => {
  assert.deepEqual(interval({ value: 8000, qualifier: 'approximately' }), { lo: 6800, hi: 9200 });
  assert.deepEqual(interval({ value: 10000, qualifier: 'at least' }), { lo: 10000, hi: null });
  assert.deepEqual(interval({ value: 16000, qualifier: 'at most' }), { lo: 0, hi: 16000 });
  assert.deepEqual(interval({ value: null, min: 10000, max: 12000, qualifier: 'range' }), { lo: 10000, hi: 12000 });
  assert.equal(interval({ value: null, qualifier: 'vague' }), undefined);
  const exact = interval({ value: 12538, qualifier: 'exact' })!;
  assert.ok(exact.lo! > 12400 && exact.hi! < 12700, 'an exact, unrounded figure barely stretches');
});

test('TIMEX3 values become day ranges', () => {
  assert.deepEqual(timexRange('2024-W44'), { start: '2024-10-28', end: '2024-11-03', granularity: 'week' });
  assert.deepEqual(timexRange('2025-02'), { start: '2025-02-01', end: '2025-02-28', granularity: 'month' });
  assert.deepEqual(timexRange('2024-WI'), { start: '2024-12-01', end: '2025-02-28', granularity: 'season' });
  assert.deepEqual(timexRange('2024', 'START'), { start: '2024-01-01', end: '2024-03-31', granularity: 'year' });
  assert.equal(timexRange('XXXX-04'), undefined);
  assert.equal(timexRange('PRESENT_REF'), undefined);
  const t = fallbackTimes('Figures for 2019 and for last year differ.', 0, 41, 2025);
  assert.deepEqual(t.map((x) => x.value).sort(), ['2019', '2024']);
});

test('a date said after the article was published is a misreading and is not used', () => {
  assert.equal(saidDate('2026-05', '2025-11-19'), undefined);
  assert.equal(saidDate('2025-05', '2025-11-19'), '2025-05');
  assert.equal(saidDate('PRESENT_REF', '2025-11-19'), undefined);
});

test('a relative clause about someone else does not date the figure after it', () => {
  const text = 'Ortega, who was mayor until last year, described the 2,000 Peruvian nurses to be hired as overdue.';
  const f1: Figure = { id: 'f1', ...at(text, 'the 2,000 Peruvian nurses'), value: 2000, qualifier: 'exact', counts: 'Peruvian nurses' };
  const [p] = pointsOf({ text, published: '2025-06-19' }, { figures: [f1], claims: [], times: [{ ...at(text, 'last year'), value: '2024', type: 'DATE' }] });
  assert.notEqual(p!.basis, 'stated');
});

test('the seed article: “roughly 4,000 … last year” is a point describing 2024 in the North Korean workers series', { skip: !hasShared('seeds') && 'shared data not present' }, () => {
  const { doc } = loadSeed();
  const points = pointsOf(doc, extract(doc));
  const p = points.find((q) => q.text.startsWith('roughly 4,000'))!;
  assert.equal(p.label, 'North Korean workers in Russia');
  assert.equal(p.period?.slice(0, 4), '2024');
  const planned = points.find((q) => q.text.startsWith('5,000 construction workers'))!;
  assert.ok(planned.measure.planned, 'the 5,000 to be sent are planned');
  assert.notEqual(planned.series, p.series);
});
