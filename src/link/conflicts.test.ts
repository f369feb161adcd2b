import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge, sideKey, type ComparablePoint } from './conflicts.ts';
import { interval } from './points.ts';
import { digitsOf, misgrouped } from './text.ts';

function point(id: string, text: string, value: number | null, qualifier: string, period: [string, string, string], extra: Partial<ComparablePoint> = {}): ComparablePoint {
  const iv = interval({ value, qualifier: qualifier as never, ...(extra.lo !== undefined ? { min: extra.lo ?? undefined, max: extra.hi ?? undefined } : {}) })!;
  return {
    docId: `d${id}`, figureId: 'f1', value, lo: iv.lo, hi: iv.hi, qualifier, text, digits: digitsOf(text), misgrouped: misgrouped(text),
    basis: period[2], periodStart: period[0], periodEnd: period[1], granularity: period[2] === 'stated' ? 'year' : 'day', place: 'NOR', placeLevel: 'country', ...extra,
  };
}
const Y2024: [string, string, string] = ['2024-01-01', '2024-12-31', 'stated'];

test('figures for the same period that their qualifiers cannot reconcile conflict; overlapping ones agree', () => {
  const low = point('1', 'about 3,000 permits', 3000, 'approximately', Y2024);
  const high = point('2', 'at least 10,000 workers', 10000, 'at least', Y2024);
  const near = point('3', 'some 9,500 workers', 9500, 'approximately', Y2024);
  assert.equal(judge(low, high)?.kind, 'figures');
  assert.equal(judge(high, near), undefined, '9,500 ± 15% reaches 10,000');
  assert.equal(sideKey(low), 'about 3,000');
  assert.equal(sideKey(high), 'at least 10,000');
});

test('growth over time is not a conflict; counts a week apart are compared', () => {
  const early = point('1', 'about 1,000 workers', 1000, 'approximately', ['2022-10-01', '2022-12-31', 'stated']);
  const later = point('2', 'about 4,000 workers', 4000, 'approximately', ['2023-10-01', '2023-12-31', 'stated']);
  assert.equal(judge(early, later), undefined);
  const monday = point('3', 'roughly 8,000 soldiers', 8000, 'approximately', ['2024-11-04', '2024-11-04', 'said'], { granularity: 'day' });
  const week = point('4', '10,000-12,000 soldiers', null, 'range', ['2024-10-28', '2024-11-03', 'said'], { granularity: 'week', lo: 10000, hi: 12000 });
  assert.equal(judge(monday, week)?.kind, 'figures');
  const month = point('5', 'about 1,500 soldiers', 1500, 'approximately', ['2024-10-01', '2024-10-31', 'said'], { granularity: 'month' });
  assert.equal(judge(month, week), undefined, '“said in October” is too loose a date to set against a week');
});

test('different places, the same statement and copies are never set against each other', () => {
  const a = point('1', 'about 3,000 workers', 3000, 'approximately', Y2024);
  assert.equal(judge(a, point('2', 'at least 10,000 workers', 10000, 'at least', Y2024, { place: 'NOR/Bergen', placeLevel: 'sub' })), undefined);
  assert.equal(judge(a, point('3', 'at least 10,000 workers', 10000, 'at least', Y2024, { place: null }))?.kind, 'figures', 'no place stated meets a country-wide figure');
  assert.equal(judge({ ...a, statementId: 7 }, point('4', 'at least 10,000', 10000, 'at least', Y2024, { statementId: 7 })), undefined);
  assert.equal(judge({ ...a, copyGroup: 2 }, point('5', 'at least 10,000', 10000, 'at least', Y2024, { copyGroup: 2 })), undefined);
});

test('the same digits printed as different numbers are a misprint, not a disagreement', () => {
  assert.equal(misgrouped('1,2538 citizens'), true);
  assert.equal(misgrouped('12,538 citizens'), false);
  const good = point('1', '13,221 people', 13221, 'exact', Y2024);
  const garbled = point('2', '13 … 221 people', 13, 'exact', Y2024);
  assert.equal(judge(good, garbled)?.kind, 'misprint');
  const shifted = point('3', '1,2538 people', 12538, 'exact', Y2024);
  assert.equal(judge(point('4', '12,538 people', 12538, 'exact', Y2024), shifted)?.kind, 'misprint', 'even when both were read as the same value');
});
