import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, easter, formatDay, formatWeek, fromDayNumber, isoWeek, nthWeekdayOfMonth, weekday } from './calendar.ts';

test('day numbers round-trip and weekdays are ISO (Monday = 1)', () => {
  for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [2024, 12, 31], [1899, 3, 1], [2100, 2, 28]] as const) {
    assert.deepEqual(fromDayNumber(dayNumber(y, m, d)), { y, m, d });
  }
  assert.equal(weekday(dayNumber(1970, 1, 1)), 4);
  assert.equal(weekday(dayNumber(2025, 6, 19)), 4);
  assert.equal(weekday(dayNumber(2025, 6, 22)), 7);
});

test('ISO weeks at year boundaries', () => {
  assert.deepEqual(isoWeek(dayNumber(2021, 1, 3)), { year: 2020, week: 53 });
  assert.deepEqual(isoWeek(dayNumber(2024, 12, 30)), { year: 2025, week: 1 });
  assert.equal(formatWeek(dayNumber(2025, 6, 19)), '2025-W25');
  assert.equal(formatWeek(dayNumber(2006, 3, 28)), '2006-W13');
});

test('movable feasts', () => {
  assert.equal(formatDay(easter(2024)), '2024-03-31');
  assert.equal(formatDay(easter(2025)), '2025-04-20');
  assert.equal(formatDay(easter(2038)), '2038-04-25');
  // fourth Thursday of November; last Monday of May
  assert.equal(formatDay(nthWeekdayOfMonth(2025, 11, 4, 4)), '2025-11-27');
  assert.equal(formatDay(nthWeekdayOfMonth(2025, 5, 1, -1)), '2025-05-26');
});
