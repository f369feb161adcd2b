import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasShared } from './shared.ts';
import { evaluate } from './quantities.ts';

// The bars: MEANTIME relaxed span F1 >= 85; on the seed, all 11 figures with the right
// value, qualifier, unit or counted noun, and rate.
test('figures meet the MEANTIME and seed targets', { skip: !(hasShared('seeds') && hasShared('data', 'quantities')) && 'no ../shared data' }, async () => {
  const sections = await evaluate();
  const meantime = sections.find((s) => s.name === 'quantities')!;
  const relaxed = meantime.scores.find((r) => r.rule === 'relaxed (overlap)')!;
  assert.ok(relaxed.f1 >= 0.85, `MEANTIME relaxed span F1 ${relaxed.f1}`);
  const seed = sections.find((s) => s.name === 'seed figures')!;
  for (const rule of ['span + value', 'span + qualifier', 'span + unit / counts', 'span + per']) {
    const row = seed.scores.find((r) => r.rule === rule);
    assert.ok(row, rule);
    assert.equal(row!.tp, 11, `${rule}: ${row!.tp}/11`);
  }
});
