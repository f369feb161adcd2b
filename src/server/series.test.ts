import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interval, pointTime, timeline } from './series.ts';
import type { SeriesPoint } from '../store/ledger.ts';

const point = (p: Partial<SeriesPoint> & Pick<SeriesPoint, 'value'>): SeriesPoint => ({
  documentId: p.documentId ?? Math.random().toString(36).slice(2),
  id: 'f1',
  text: String(p.value),
  qualifier: 'exact',
  start: 0,
  end: 1,
  ...p,
});

test('a figure allows an interval of values by its qualifier', () => {
  assert.deepEqual(interval({ value: 100, qualifier: 'exact' }), [100, 100]);
  assert.deepEqual(interval({ value: 100, qualifier: 'approximately' }), [90, 110.00000000000001]);
  assert.deepEqual(interval({ value: 100, qualifier: 'more than' }), [100, Infinity]);
  assert.deepEqual(interval({ value: 100, qualifier: 'at most' }), [-Infinity, 100]);
  assert.deepEqual(interval({ value: null, min: 5, max: 9, qualifier: 'range' }), [5, 9]);
  assert.equal(interval({ value: null, qualifier: 'vague' }), undefined);
});

test('dates stand for the middle of the period they name', () => {
  assert.equal(new Date(pointTime('2024-03')!).toISOString().slice(0, 10), '2024-03-15');
  assert.equal(new Date(pointTime('2024')!).toISOString().slice(0, 10), '2024-07-01');
  assert.equal(pointTime('XXXX-XX'), undefined);
});

test('readings that cannot both be true, from different sources a few weeks apart, conflict', () => {
  const t = timeline([
    point({ value: 8000, qualifier: 'approximately', source: 'Ministry', said: '2024-11-01' }),
    point({ value: null, min: 10000, max: 12000, qualifier: 'range', source: 'Agency', said: '2024-11-04' }),
    point({ value: 10000, qualifier: 'more than', source: 'Spy service', said: '2024-11-10' }),
    point({ value: 3000, source: 'Ministry', said: '2024-11-20' }),
    point({ value: 50000, source: 'Agency', said: '2026-01-01' }),
    point({ value: 7, source: 'Nobody', published: undefined }),
  ]);
  assert.deepEqual(t.map((p) => p.source), ['Ministry', 'Agency', 'Spy service', 'Ministry', 'Agency', 'Nobody']);
  // 8,000 vs 10-12,000 and vs more than 10,000; the ministry does not conflict with itself; a year later is a change, not a conflict
  assert.deepEqual(t.map((p) => p.conflicts), [[1, 2], [0, 3], [0, 3], [1, 2], [], []]);
});

test('figures in different units are never compared', () => {
  const t = timeline([point({ value: 10, unit: 'USD', source: 'A', said: '2024-01-01' }), point({ value: 99, unit: 'EUR', source: 'B', said: '2024-01-02' })]);
  assert.deepEqual(t.map((p) => p.conflicts), [[], []]);
});
