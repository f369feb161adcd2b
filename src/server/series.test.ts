import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayTime, periodWords, placeInTime, pointConflicts, sentenceAround, seriesView } from './series.ts';
import { PORT_SERIES, portLedger } from './testing.ts';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10));

test('a point is placed in the middle of the period its figure refers to, not on the day it was said', () => {
  const year = placeInTime({ periodStart: '2023-01-01', periodEnd: '2023-12-31', said: '2025-01-22', published: '2025-01-23' });
  assert.equal(iso(year.time), '2023-07-02');
  assert.deepEqual([iso(year.from), iso(year.to)], ['2023-01-01', '2023-12-31']);
  const day = placeInTime({ periodStart: '2024-06-11', periodEnd: '2024-06-11' });
  assert.deepEqual([iso(day.time), iso(day.from), iso(day.to)], ['2024-06-11', '2024-06-11', '2024-06-11']);
  assert.deepEqual(placeInTime({ said: '2024-06-11' }), {}, 'no period decided: listed, not drawn');
  assert.equal(iso(dayTime('2024-03')), '2024-03-01');
  assert.equal(dayTime('XXXX-XX'), undefined);
});

test('what the x position stands for is said in words', () => {
  assert.equal(periodWords({ period: '2023 (end)', periodBasis: 'stated', periodStart: '2023-10-01' }), '2023 (end)');
  assert.equal(periodWords({ period: '2024-06-11', periodBasis: 'said' }), '2024-06-11 (as of when said)');
  assert.equal(periodWords({ period: '2025-02-14', periodBasis: 'published' }), '2025-02-14 (as of publication)');
  assert.equal(periodWords({ periodBasis: 'unknown' }), 'undated');
});

test('the sentence around a figure is cut at sentence ends and kept short around the figure', () => {
  const text = 'First things first. Officials said about 4,000 workers stayed. “Nobody knows,” he said.\nNext paragraph.';
  const at = text.indexOf('about 4,000');
  assert.equal(sentenceAround(text, at, at + 11), 'Officials said about 4,000 workers stayed.');
  const long = 'word '.repeat(200) + 'the 12 ships ' + 'word '.repeat(200);
  const s = sentenceAround(long, long.indexOf('12 ships'), long.indexOf('12 ships') + 8, 60);
  assert.ok(s.length <= 62 && s.includes('12 ships') && s.startsWith('…'), s);
});

test('a series view: the ledger’s points in the order of the time they refer to, marked only by the ledger’s conflicts', async () => {
  const ledger = await portLedger();
  try {
    const view = (await seriesView(ledger, PORT_SERIES))!;
    assert.equal(view.series.label, 'Polish workers in Rotterdam');
    assert.deepEqual(view.points.map((p) => p.text), [
      'Between 5,000 and 5,500 Polish dock workers', // refers to 2022, though said in June 2024
      'About 4,000 Polish dock workers',
      '6,500 Polish dock workers',
      '9,000 Polish dock workers',
    ]);
    assert.equal(iso(view.points[0]!.time), '2022-07-02');
    assert.equal(view.points[0]!.said, '2024-06-10');
    assert.equal(view.points[0]!.sentence, 'Between 5,000 and 5,500 Polish dock workers were registered in Rotterdam in 2022, the maritime ministry said in its annual report.');
    // the 2022 range said the day before the union's 9,000 is no conflict; 4,000 against 6,500 a day apart is
    assert.deepEqual(view.points.map((p) => p.conflicts.length > 0), [false, true, true, false]);
    assert.equal(view.conflicts.length, 1);
    const [c] = view.conflicts;
    assert.equal(c!.kind, 'figures');
    assert.deepEqual(c!.sides.map((s) => [s.value, s.drawn]), [['6,500', [2]], ['about 4,000', [1]]]);
    assert.deepEqual(pointConflicts(view, 1, view.points[1]!).map((x) => x.against), ['6,500']);
    assert.deepEqual(pointConflicts(view, 2, view.points[2]!).map((x) => x.against), ['about 4,000']);
    // a phrase naming the measure finds the same series
    assert.equal((await seriesView(ledger, 'polish workers in rotterdam'))?.series.key, PORT_SERIES);
    assert.equal(await seriesView(ledger, 'zeppelins'), undefined);
  } finally {
    await ledger.close();
  }
});
