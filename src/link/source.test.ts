import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../types.ts';
import { relayedSource, sourceIdentity } from './source.ts';

const span = (text: string) => ({ start: 0, end: text.length, text });
const claim = (source: string, content = 'something happened'): Pick<Claim, 'source' | 'content'> => ({ source: span(source), content: [span(content)] });

test('a bracketed gloss after a name (another script, initials) does not change who the source is', () => {
  const plain = sourceIdentity(claim('Arvid Holmqvist'), new Map())!;
  const glossed = sourceIdentity(claim('Arvid Holmqvist (Арвид Хольмквист)'), new Map())!;
  assert.deepEqual(glossed.strong, plain.strong);
  assert.ok(plain.strong.length > 0);
  const initials = sourceIdentity(claim('Baltic Freight Watch [BFW]'), new Map())!;
  assert.deepEqual(initials.strong, sourceIdentity(claim('Baltic Freight Watch'), new Map())!.strong);
});

test('a speaker relaying an agency’s estimate: the agency is the source relayed', () => {
  const r = relayedSource({ content: [span('Norway’s intelligence service believes about 300 fishermen were detained in the autumn')] });
  assert.ok(r, 'found');
  assert.ok(r!.strong.includes('d:NOR:intelligence'), r!.strong.join(' '));
  assert.ok(relayedSource({ content: [span('that Norway’s defence ministry had estimated 40 boats were lost')] })?.strong.some((k) => k.startsWith('d:NOR:')));
});

test('no relayed source: a pronoun, a plain noun, an agency of no known country, or no verb of saying', () => {
  assert.equal(relayedSource({ content: [span('it believes the boats were lost')] }), undefined);
  assert.equal(relayedSource({ content: [span('the fishermen said they had not been paid')] }), undefined);
  assert.equal(relayedSource({ content: [span('the intelligence service believes 40 boats were lost')] }), undefined);
  assert.equal(relayedSource({ content: [span('Norway’s intelligence service has doubled its staff')] }), undefined);
});
