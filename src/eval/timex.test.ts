import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasShared } from './shared.ts';
import { evaluate } from './timex.ts';

let once: ReturnType<typeof evaluate> | undefined;
const sectionsOnce = () => (once ??= evaluate());

const row = (sections: Awaited<ReturnType<typeof evaluate>>, task: string, rule: string) =>
  sections.flatMap((s) => s.scores).find((r) => r.task === task && r.rule.startsWith(rule));

test('MEANTIME: value F1 and relaxed span F1 stay above the targets', { skip: !hasShared('data', 'timex') && 'no ../shared/data/timex' }, async () => {
  const sections = await sectionsOnce();
  const value = row(sections, 'timex value', 'overlap + same value');
  const relaxed = row(sections, 'timex span', 'relaxed');
  assert.ok(value && relaxed, 'the MEANTIME rows are reported');
  assert.ok(value.f1 >= 0.75, `value F1 ${value.f1}`);
  assert.ok(relaxed.f1 >= 0.88, `relaxed span F1 ${relaxed.f1}`);
});

test('seed article: all 13 times found with their value and type', { skip: !hasShared('seeds') && 'no ../shared/seeds' }, async () => {
  const sections = await sectionsOnce();
  const seed = sections.find((s) => s.name === 'seed times');
  assert.ok(seed && !seed.skipped);
  assert.equal(seed.extra?.['all right (value and type)'], '13/13', String(seed.extra?.problems));
});
