import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bands, COPY_THRESHOLD, pickOriginal, signature, similarity } from './copies.ts';

const wire = [
  'LISBON, May 4 (Atlantic Wire) - Portugal\'s fishing fleet landed 12 percent less sardine this season than last, the fisheries ministry said on Tuesday, blaming warmer water off the coast.',
  'The ministry said the catch fell to about 18,000 tonnes, the lowest since records began, and that quotas for next year would be set in the autumn after talks with Spain.',
  '"We are watching the stock very closely," a ministry spokeswoman said. "Nobody wants a repeat of the closures of the past decade."',
  'Fishermen\'s associations said the quotas were already too tight and asked for compensation for the lost season, which they put at several million euros.',
  'Scientists at the national marine institute said the sardine had moved north as temperatures rose, and that the fleet would have to follow it or change what it caught.',
  '(Reporting by Ana Ribeiro; Editing by Paul Grant)',
].join('\n\n');

test('a syndicated copy with a rewritten first paragraph or an added line is found; an unrelated article is not', () => {
  const rewritten = wire.replace(/^[^\n]+/, 'Portuguese boats caught far less sardine this year, officials say, as warmer seas push the fish north and fishermen ask for help.');
  const added = wire.replace('(Reporting by', 'The Coastal Herald asked the ministry for comment.\n\n(Reporting by');
  const other = 'Rail workers in the north of the country will strike for two days next week over pay, their union said, after talks with the operator broke down on Friday. The operator said it would run a reduced timetable and urged passengers to check before travelling.';
  const s0 = signature(wire).hashes;
  assert.ok(similarity(s0, signature(rewritten).hashes) >= COPY_THRESHOLD, 'first paragraph rewritten');
  assert.ok(similarity(s0, signature(added).hashes) >= 0.85, 'one line added');
  assert.ok(similarity(s0, signature(other).hashes) < 0.1, 'unrelated');
  // blocking: copies share at least one band, so they meet without comparing every pair
  const b0 = new Set(bands(signature(wire)));
  assert.ok(bands(signature(added)).some((b) => b0.has(b)), 'copies share a band');
});

test('quote styles, case and punctuation do not hide a copy', () => {
  const curly = wire.replace(/"/g, '“').replace(/'/g, '’').toUpperCase();
  assert.ok(similarity(signature(wire).hashes, signature(curly).hashes) > 0.95, 'the same text in other quote styles and case');
});

test('the original is the outlet the copies credit, else the earliest', () => {
  const members = [
    { id: 'a', outlet: 'Coastal Herald', published: '2024-05-04', order: 1, credited: false },
    { id: 'b', outlet: 'Atlantic Wire', published: '2024-05-04', order: 2, credited: true },
    { id: 'c', outlet: 'Harbour Daily', published: '2024-05-05', order: 3, credited: false },
  ];
  assert.equal(pickOriginal(members).id, 'b');
  assert.match(pickOriginal(members).why, /Atlantic Wire is credited/);
  assert.equal(pickOriginal(members.map((m) => ({ ...m, credited: false }))).id, 'a', 'no credit: the earliest, then the first stored');
});
