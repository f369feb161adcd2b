/**
 * Names evaluation.
 *  - Exact-match entity F1 for PER, ORG, LOC (GPE and LOC both count as LOC; NORP, MISC and
 *    EVENT are left out on both sides) on GUM dev (as shipped, and with the one-token names its BIO
 *    file lacks put back from its CoNLL-U), UNER English-EWT dev and the held-out fifth of
 *    wikigold (the other four fifths train the tagger). Each document is rebuilt as text and run
 *    through the whole entities stage, so lists and document-level linking are measured too.
 *  - 'seed entities': each entity of the seed answer key found with its type and country and
 *    its listed mentions linked into one entity.
 */
import { makeDocument } from '../ingest/document.ts';
import { extractEntities } from '../nlp/entities.ts';
import { contextOf } from '../nlp/pipeline.ts';
import type { Entity } from '../types.ts';
import { type GoldDoc, readGum, readUner, wikigoldSplit } from './nerCorpus.ts';
import { hasShared, loadSeed, SEED_NAME } from './shared.ts';
import { type EvalSection, type Score, score } from './types.ts';

const EVAL_TYPE: Record<string, string> = { PER: 'PER', PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', GPE: 'LOC' };
const TYPES = ['PER', 'ORG', 'LOC'] as const;

/** Predicted names of one rebuilt document as `start:end:TYPE` keys. */
export function predictedNames(doc: GoldDoc): Set<string> {
  const ctx = contextOf(makeDocument({ text: doc.text }));
  // makeDocument trims; the rebuilt texts have no outer whitespace, so offsets line up
  if (ctx.doc.text !== doc.text) throw new Error(`text changed on ingest: ${doc.id}`);
  const out = new Set<string>();
  for (const e of extractEntities(ctx)) {
    const t = EVAL_TYPE[e.type];
    if (!t) continue;
    for (const m of e.mentions) if (isName(m.text)) out.add(`${m.start}:${m.end}:${t}`);
  }
  return out;
}

/** Descriptions ("the North Korean leader") are mentions too, but these corpora score names only. */
function isName(text: string): boolean {
  return !/^(the|a|an) /i.test(text);
}

export function scoreCorpus(set: string, docs: GoldDoc[]): { scores: Score[]; tokens: number; seconds: number; unmarkedRepeats: number } {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let tokens = 0;
  // false positives that touch no gold name although the same document's gold marks that very string
  // as a name elsewhere: a measure of how consistently the gold marks repeated names
  let unmarkedRepeats = 0;
  const t0 = performance.now();
  for (const d of docs) {
    tokens += d.tokens;
    const pred = predictedNames(d);
    const gold = new Set(d.names.filter((n) => EVAL_TYPE[n.type]).map((n) => `${n.start}:${n.end}:${EVAL_TYPE[n.type]}`));
    const goldStrings = new Set(d.names.map((n) => d.text.slice(n.start, n.end)));
    for (const p of pred) {
      counts[p.split(':')[2]!]![gold.has(p) ? 'tp' : 'fp']++;
      if (gold.has(p)) continue;
      const [s, e] = p.split(':').map(Number) as [number, number];
      if (!d.names.some((n) => n.start < e && s < n.end) && goldStrings.has(d.text.slice(s, e))) unmarkedRepeats++;
    }
    for (const g of gold) if (!pred.has(g)) counts[g.split(':')[2]!]!.fn++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const all = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const rule = 'exact span and type; GPE+LOC as LOC; NORP/MISC/EVENT ignored';
  return {
    scores: [
      score('names', set, rule, all.tp, all.fp, all.fn),
      ...TYPES.map((t) => score(`names ${t}`, set, rule, counts[t]!.tp, counts[t]!.fp, counts[t]!.fn)),
    ],
    tokens,
    seconds,
    unmarkedRepeats,
  };
}

function corpusSection(name: string, path: string[], load: () => GoldDoc[], note?: string): EvalSection {
  if (!hasShared(...path)) return { name, skipped: `gold data not found: shared/${path.join('/')}`, scores: [] };
  const r = scoreCorpus(name, load());
  return {
    name,
    scores: r.scores,
    extra: {
      tokens: r.tokens,
      falsePositivesMarkedAsNamesElsewhereInGold: r.unmarkedRepeats,
      wallTokensPerSecondIncludingSegmentation: Math.round(r.tokens / r.seconds),
      ...(note ? { note } : {}),
    },
  };
}

/** The seed key's entities: found (type), country right, every listed mention inside one predicted entity. */
export function seedSection(): EvalSection {
  if (!hasShared('seeds', `${SEED_NAME}.txt`)) return { name: 'seed entities', skipped: 'seed article not found', scores: [] };
  const { doc, key } = loadSeed();
  const predicted = extractEntities(contextOf(doc));
  let found = 0, typed = 0, countryRight = 0, linked = 0, mentionsFound = 0, mentionsTotal = 0;
  const misses: string[] = [];
  const holding = (text: string) => predicted.filter((e) => e.mentions.some((m) => m.text === text));
  for (const exp of key.entities) {
    // the predicted entity that holds the expected name as one of its mentions, preferring the right type
    const candidates = holding(exp.name);
    const match = candidates.find((e) => e.type === exp.type && e.name === exp.name) ?? candidates.find((e) => e.type === exp.type) ?? candidates[0];
    if (!match) {
      misses.push(`not found: ${exp.name}`);
      mentionsTotal += exp.mentions.length;
      continue;
    }
    found++;
    if (match.type === exp.type) typed++;
    else misses.push(`${exp.name}: type ${match.type}, expected ${exp.type}`);
    if ((match.country ?? null) === (exp.country ?? null)) countryRight++;
    else misses.push(`${exp.name}: country ${match.country ?? '-'}, expected ${exp.country ?? '-'}`);
    let all = true;
    for (const m of exp.mentions) {
      mentionsTotal++;
      if (match.mentions.some((x) => x.text === m)) mentionsFound++;
      else {
        all = false;
        misses.push(`${exp.name}: mention "${m}" not linked`);
      }
    }
    if (all) linked++;
  }
  const n = key.entities.length;
  const spurious = predicted.filter((e) => !key.entities.some((x) => e.mentions.some((m) => m.text === x.name)) && e.type !== 'NORP');
  return {
    name: 'seed entities',
    scores: [
      score('entities found+typed', 'seed', 'listed name is a mention of a predicted entity of that type', typed, 0, n - typed),
      score('entity mentions linked', 'seed', 'listed mention inside the matched entity', mentionsFound, 0, mentionsTotal - mentionsFound),
    ],
    extra: {
      expected: n, found, typed, countryRight, allMentionsLinked: linked,
      otherPredictedEntities: spurious.map((e) => `${e.type} ${e.name}`),
      misses,
    },
  };
}

export async function evaluate(): Promise<EvalSection[]> {
  return [
    seedSection(),
    corpusSection('NER GUM dev', ['data', 'ner', 'gum', 'gum-ner-dev.bio'], () => readGum('dev')),
    corpusSection('NER GUM dev, one-token names restored', ['data', 'ner', 'gum', 'conllu', 'dev'], () => readGum('dev', { singleTokenNames: true }),
      "the BIO file leaves out nearly every one-token name ('Athens', 'Norton'); these are put back from GUM's CoNLL-U"),
    corpusSection('NER UNER English-EWT dev', ['data', 'ner', 'uner-en-ewt', 'en_ewt-ud-dev.iob2'], readUner),
    corpusSection('NER wikigold held-out fifth', ['data', 'ner', 'wikigold', 'wikigold.conll.txt'], () => wikigoldSplit().heldOut,
      'out-of-domain check; the other four fifths of wikigold are training data'),
  ];
}

// Run directly: node --import tsx src/eval/ner.ts
if (import.meta.url === `file://${process.argv[1]}`) void printAll();

async function printAll(): Promise<void> {
  for (const s of await evaluate()) {
    console.log(`== ${s.name}${s.skipped ? ` (skipped: ${s.skipped})` : ''}`);
    for (const x of s.scores) console.log(`  ${x.task.padEnd(24)} P ${(100 * x.precision).toFixed(1)}  R ${(100 * x.recall).toFixed(1)}  F1 ${(100 * x.f1).toFixed(1)}  (tp ${x.tp} fp ${x.fp} fn ${x.fn})`);
    if (s.extra) console.log(`  ${JSON.stringify(s.extra)}`);
  }
}

export type { Entity };
