import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment.ts';
import { findAttributions, unverifiedAttributions } from './attribution.ts';
import { verifierFeatures, verifyAttributions, type VerifierModel } from './verify.ts';

/** The cue texts the claims stage reports for a text, with the shipped verifier. */
function cues(text: string): string[] {
  const seg = segment(text);
  return findAttributions(seg).map((a) => text.slice(seg.tokens[a.cue[0]]!.start, seg.tokens[a.cue[1] - 1]!.end));
}

test('a first name that looks like a verb is not a cue; the real one in the sentence stays', () => {
  const text = 'Hope Martens, a spokeswoman for the ministry, did not respond to questions.';
  const seg = segment(text);
  // the rules alone take "Hope" for a verb of hoping ...
  assert.ok(unverifiedAttributions(seg).some(({ attribution: a }) => text.slice(seg.tokens[a.cue[0]]!.start, seg.tokens[a.cue[1] - 1]!.end) === 'Hope'));
  // ... the verifier does not
  assert.deepEqual(cues(text), ['did not respond']);
});

test('a wire credit line and a hypothetical opener attribute nothing', () => {
  assert.deepEqual(cues('(Reporting by Dana Whitfield; Additional reporting by Omar Reyes; Editing by Ken Ito.)'), []);
  assert.deepEqual(cues('Assuming the rate holds, households would pay about $40 more a month.'), []);
});

test('ordinary attributions pass the verifier untouched', () => {
  assert.deepEqual(cues('The governor said on Tuesday that the bridge would reopen in May.'), ['said']);
  assert.deepEqual(cues('She recovered quickly after a fainting spell last week, aides said.'), ['said']);
  assert.deepEqual(cues('Analysts expect the central bank to raise rates again in June.'), ['expect']);
});

test('the threshold decides: a model keeps what scores at or above it and drops the rest', () => {
  const text = 'The mayor said the budget was balanced. The council warned that reserves were thin.';
  const seg = segment(text);
  const found = unverifiedAttributions(seg);
  assert.equal(found.length, 2);
  const doc = { tokens: seg.tokens, lower: seg.tokens.map((t) => t.text.toLowerCase()), inQuote: new Int32Array(seg.tokens.length).fill(-1) };
  assert.ok(verifierFeatures(doc, found[1]!.attribution).includes('lemma=warn'));
  const model = (weights: Record<string, number>, threshold = 0.5): VerifierModel => ({ threshold, weights: new Map(Object.entries(weights)) });
  const atts = found.map((f) => f.attribution);
  // "warn" weighed down below the threshold: only "said" stays
  assert.deepEqual(verifyAttributions(doc, atts, model({ bias: 2, 'lemma=warn': -5 })).map((a) => a.head), [atts[0]!.head]);
  // a probability of exactly the threshold is kept (bias 0 gives 0.5)
  assert.equal(verifyAttributions(doc, atts, model({})).length, 2);
  // no model: the rules decide alone
  assert.equal(verifyAttributions(doc, atts, null).length, 2);
});
