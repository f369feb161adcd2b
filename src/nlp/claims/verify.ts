/**
 * A learned second look at every attribution the grammar found: a logistic model over what the
 * rules saw when they accepted it (the cue's word and form, what follows it, which shape the
 * parts took, what kind of source it has, how long and how quoted its content is, the words around
 * it) says how likely it is that the cue reports anything at all. Attributions below the model's
 * threshold are dropped.
 *
 * The rules decide a cue one verb at a time from a counted rate (lexicon.learnedCueRate); many of
 * their false cues are verbs whose rate is fine but whose sentence tells against them (a first
 * name read as a verb, "Hope Ortiz, a spokeswoman, ..."; a wire's credit line, "Reporting by ...";
 * "Assuming the rate holds, ..."). The model weighs those signals together. It is trained on PolNeAR train by
 * scripts/train-claim-verifier.ts on attributions found with cue tables counted without the text
 * they are found in, so that it learns how the rules behave on unseen text; its threshold is
 * chosen by five-fold cross-validation there. Weights only: no corpus text is stored.
 *
 * TRIANGULATE_CLAIM_VERIFIER points at another model (cross-validation) or is `off`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from '../segment.ts';
import { CUE_VERBS, followerClass, learnedCueRate } from './lexicon.ts';

/** What the verifier reads of an attribution: token ranges, as findAttributions gives them. */
export type VerifiedAttribution = {
  head: number;
  cue: [number, number];
  source?: [number, number];
  content: [number, number][];
  negated: boolean;
  omission: boolean;
  shape: string;
};

/** What the verifier reads of the document: tokens, their lower case, and the quotation each lies in. */
export type VerifierDoc = { tokens: Token[]; lower: string[]; inQuote: Int32Array };

export type VerifierModel = { threshold: number; weights: Map<string, number> };

function modelPath(): string | undefined {
  const env = process.env.TRIANGULATE_CLAIM_VERIFIER;
  if (env === 'off') return undefined;
  return env || fileURLToPath(new URL('../../../models/claims/verifier.json', import.meta.url));
}

const MODEL: VerifierModel | undefined = (() => {
  const path = modelPath();
  if (!path) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { threshold: number; weights: Record<string, number> };
    const threshold = process.env.TRIANGULATE_CLAIM_VERIFIER_THRESHOLD ? Number(process.env.TRIANGULATE_CLAIM_VERIFIER_THRESHOLD) : data.threshold;
    return { threshold, weights: new Map(Object.entries(data.weights)) };
  } catch {
    // without the model the rules decide alone
    return undefined;
  }
})();

/** Coarse bins keep the model from learning single lengths and rates by heart. */
function bin(x: number, edges: readonly number[]): string {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return String(k);
}
const RATE_EDGES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const LENGTH_EDGES = [2, 4, 7, 12, 20, 35];

/** The kind of word a span ends on: a pronoun, a name, a common noun, something else. */
function headKind(doc: VerifierDoc, [s, e]: [number, number]): string {
  for (let k = e - 1; k >= s; k--) {
    const pos = doc.tokens[k]!.pos;
    if (pos === 'PUNCT') continue;
    if (pos === 'PRON') return `pron:${doc.lower[k]}`.replace(/^pron:(he|she|they|it|we|i|you)$/, 'pron:personal');
    return pos === 'PROPN' || pos === 'NOUN' ? pos : 'other';
  }
  return 'other';
}

/** The features of one attribution, as strings; the first is the bias. */
export function verifierFeatures(doc: VerifierDoc, a: VerifiedAttribution): string[] {
  const { tokens, lower, inQuote } = doc;
  const h = a.head;
  const t = tokens[h]!;
  const lemma = t.lemma.toLowerCase();
  const follower = followerClass(tokens[a.cue[1]], tokens[a.cue[1] + 1]);
  const rate = learnedCueRate(lemma, followerClass(tokens[h + 1], tokens[h + 2]));
  const source = a.source ? headKind(doc, a.source) : 'none';
  let contentWords = 0;
  let quoted = 0;
  for (const [s, e] of a.content) {
    for (let k = s; k < e; k++) {
      if (tokens[k]!.pos === 'PUNCT') continue;
      contentWords++;
      if (inQuote[k]! >= 0) quoted++;
    }
  }
  const quoting = quoted === 0 ? 'none' : quoted === contentWords ? 'all' : 'part';
  const sentenceStart = (() => {
    let k = h;
    while (k > 0 && tokens[k - 1]!.sentence === t.sentence) k--;
    return k;
  })();
  const before = a.content.length && a.content[0]![0] < a.cue[0] ? 'before' : 'after';
  const prev = h > sentenceStart ? lower[h - 1]! : '<s>';
  const prevPos = h > sentenceStart ? tokens[h - 1]!.pos : '<s>';
  const next = tokens[a.cue[1]]?.sentence === t.sentence ? lower[a.cue[1]]! : '</s>';
  const nextPos = tokens[a.cue[1]]?.sentence === t.sentence ? tokens[a.cue[1]]!.pos : '</s>';
  const known = CUE_VERBS.get(lemma);
  return [
    'bias',
    `lemma=${lemma}`,
    `form=${lower[h]}`,
    `pos=${t.pos}`,
    `shape=${a.shape}`,
    `lemma|shape=${lemma}|${a.shape}`,
    `follower=${follower}`,
    `lemma|follower=${lemma}|${follower}`,
    `rate=${rate === undefined ? 'none' : bin(rate, RATE_EDGES)}`,
    `known=${known ? (known.inverts ? 'inverts' : 'listed') : 'no'}`,
    `source=${source}`,
    `lemma|source=${lemma}|${source === 'none' ? 'none' : 'some'}`,
    `shape|source=${a.shape}|${source}`,
    `sourceLength=${a.source ? bin(a.source[1] - a.source[0], LENGTH_EDGES) : 'none'}`,
    `quoting=${quoting}`,
    `shape|quoting=${a.shape}|${quoting}`,
    `contentLength=${bin(contentWords, LENGTH_EDGES)}`,
    `source|contentLength=${source === 'none' ? 'none' : 'some'}|${bin(contentWords, LENGTH_EDGES)}`,
    `fragments=${Math.min(a.content.length, 3)}`,
    `contentSide=${before}`,
    `cueLength=${Math.min(a.cue[1] - a.cue[0], 4)}`,
    `prev=${prev}`,
    `prevPos=${prevPos}`,
    `next=${next}`,
    `nextPos=${nextPos}`,
    `position=${bin(h - sentenceStart, [1, 2, 4, 8, 16])}`,
    `firstSentence=${t.sentence === 0}`,
    `negated=${a.negated}`,
    `omission=${a.omission}`,
  ];
}

/** The model's probability that the attribution's cue reports anything; 1 without a model. */
export function verifierScore(features: readonly string[], model: VerifierModel | null = MODEL ?? null): number {
  if (!model) return 1;
  let z = 0;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The attributions the model keeps (all of them without a model). */
export function verifyAttributions<A extends VerifiedAttribution>(doc: VerifierDoc, found: A[], model: VerifierModel | null = MODEL ?? null): A[] {
  if (!model) return found;
  return found.filter((a) => verifierScore(verifierFeatures(doc, a), model) >= model.threshold);
}
