import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, goldKind, relationMatch } from './polnear.ts';

test('without POLNEAR_DIR the section says it was skipped and why', async () => {
  const saved = process.env.POLNEAR_DIR;
  delete process.env.POLNEAR_DIR;
  try {
    const [section] = await evaluate();
    assert.match(section!.skipped ?? '', /POLNEAR_DIR/);
    assert.equal(section!.scores.length, 0);
  } finally {
    if (saved !== undefined) process.env.POLNEAR_DIR = saved;
  }
});

test('relation matching needs overlapping cues, similar contents and overlapping sources', () => {
  const text = 'The mayor said the bridge will reopen in May.';
  const gold = { source: [[0, 9]] as [number, number][], cue: [[10, 14]] as [number, number][], content: [[15, 44]] as [number, number][] };
  assert.equal(relationMatch(text, { ...gold, content: [[15, 37]] }, gold), true, 'most content tokens shared');
  assert.equal(relationMatch(text, { ...gold, content: [[38, 44]] }, gold), false, 'too little content shared');
  assert.equal(relationMatch(text, { ...gold, source: [] }, gold), false, 'a missing source does not match a present one');
});

test('gold kind follows the quotation marks in the content', () => {
  const text = '“All is well,” she said, calling it “fine” today.';
  assert.equal(goldKind(text, { source: [], cue: [], content: [[0, 14]] }), 'direct');
  assert.equal(goldKind(text, { source: [], cue: [], content: [[32, 48]] }), 'mixed');
});

test('canonical offsets map back to corpus offsets across trimming and NFC', async () => {
  const { alignCanonical } = await import('./polnear.ts');
  const raw = '  Jose\u0301 said “hi”.\n';
  const canonical = raw.trim().normalize('NFC');
  const map = alignCanonical(raw, canonical)!;
  const said = canonical.indexOf('said');
  assert.equal(raw.slice(map[said]!, map[said + 4]!), 'said');
  assert.equal(raw.slice(map[0]!, map[4]!), 'Jose\u0301', 'the combining accent stays with its letter');
});
