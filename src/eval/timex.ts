/**
 * Time expressions against gold:
 * - MEANTIME English (Wikinews, TIMEX3): strict span F1 (same offsets), relaxed span F1 (overlap),
 *   value F1 (a prediction counts when it overlaps a gold timex and has its value, as in
 *   TempEval-3) and type accuracy over overlapping pairs. Only the first sentences of each article
 *   are annotated, so predictions from `annotated_char_end` on are not scored. `dct` is the anchor;
 *   where it is missing (2 documents) the dateline, read by the stage itself without an anchor,
 *   stands in, as the corpus README advises.
 * - The seed article's 13 times: each must be found (overlap with the n-th occurrence of its text)
 *   with its value (ISO prefix equality, as the seed README defines it) and its type.
 *
 *   node --import tsx src/eval/timex.ts            prints the table
 *   node --import tsx src/eval/timex.ts --misses   also lists misses, spurious and wrong values
 */
import { readFileSync } from 'node:fs';
import { makeDocument } from '../ingest/document.ts';
import { contextOf } from '../nlp/pipeline.ts';
import { extractTimes } from '../nlp/times.ts';
import type { Document, TimeExpr } from '../types.ts';
import { hasShared, loadSeed, nthIndexOf, sharedPath } from './shared.ts';
import { score, type EvalSection } from './types.ts';

const MEANTIME = ['data', 'timex', 'meantime-en', 'meantime_en_timex.train.jsonl'] as const;

type GoldTimex = { m_id: string; type: string; value: string; start?: number; end?: number; text?: string; non_consuming?: boolean };
type MeantimeDoc = { doc_id: string; doc_name: string; text: string; dct: string | null; annotated_char_end: number; timexes: GoldTimex[] };
type Interval = { start: number; end: number };

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** One-to-one pairs: exact offsets first, then the largest overlap. */
export function pairUp<G extends Interval, P extends Interval>(gold: G[], predicted: P[]): [G, P][] {
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: [G, P][] = [];
  predicted.forEach((p, i) => {
    const g = gold.findIndex((x, k) => !usedGold.has(k) && x.start === p.start && x.end === p.end);
    if (g >= 0) usedGold.add(g), usedPred.add(i), pairs.push([gold[g]!, p]);
  });
  predicted.forEach((p, i) => {
    if (usedPred.has(i)) return;
    let best = -1;
    let bestOverlap = 0;
    gold.forEach((x, k) => {
      if (usedGold.has(k) || !overlaps(x, p)) return;
      const o = Math.min(x.end, p.end) - Math.max(x.start, p.start);
      if (o > bestOverlap) (best = k), (bestOverlap = o);
    });
    if (best >= 0) usedGold.add(best), usedPred.add(i), pairs.push([gold[best]!, p]);
  });
  return pairs;
}

function documentOf(text: string, published?: string): Document {
  const doc = makeDocument({ text, ...(published ? { published } : {}) });
  // offsets must refer to the gold text: keep it as it is even where canonicalisation would trim it
  return doc.text === text ? doc : { ...doc, text };
}

/** The dateline's date, read without an anchor: the first full date in the article's first lines. */
function datelineOf(doc: Document): string | undefined {
  const firstLines = doc.text.split('\n').slice(0, 3).join('\n').length;
  return extractTimes(contextOf(doc)).find((t) => t.start < firstLines && /^\d{4}-\d{2}-\d{2}$/.test(t.value))?.value;
}

function evaluateMeantime(showMisses: boolean): EvalSection {
  const name = 'timex MEANTIME';
  if (!hasShared(...MEANTIME)) return { name, skipped: `missing ${MEANTIME.join('/')}`, scores: [] };
  const docs = readFileSync(sharedPath(...MEANTIME), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as MeantimeDoc);
  let strictTp = 0, relaxedTp = 0, valueTp = 0, typeRight = 0, predicted = 0, goldCount = 0;
  const misses: string[] = [];
  const spurious: string[] = [];
  const wrongValues: string[] = [];
  let anchorFromDateline = 0;
  for (const d of docs) {
    let doc = documentOf(d.text, d.dct ?? undefined);
    if (!d.dct) {
      const dateline = datelineOf(doc);
      if (dateline) (doc = { ...doc, published: dateline }), anchorFromDateline++;
    }
    const gold = d.timexes.filter((t) => !t.non_consuming && t.start !== undefined && t.start < d.annotated_char_end) as (GoldTimex & Interval)[];
    const pred = extractTimes(contextOf(doc)).filter((t) => t.start < d.annotated_char_end);
    goldCount += gold.length;
    predicted += pred.length;
    strictTp += pred.filter((p) => gold.some((g) => g.start === p.start && g.end === p.end)).length;
    const pairs = pairUp(gold, pred);
    relaxedTp += pairs.length;
    for (const [g, p] of pairs) {
      if (g.value === p.value) valueTp++;
      else wrongValues.push(`${d.doc_id} [${p.text}] ${p.value} ≠ gold [${g.text}] ${g.value} (dct ${d.dct})`);
      if (g.type === p.type) typeRight++;
    }
    const pairedGold = new Set(pairs.map(([g]) => g));
    const pairedPred = new Set(pairs.map(([, p]) => p));
    for (const g of gold) if (!pairedGold.has(g)) misses.push(`${d.doc_id} [${g.text}] ${g.type} ${g.value} …${d.text.slice(Math.max(0, g.start - 40), g.end + 30).replace(/\n/g, ' / ')}`);
    for (const p of pred) if (!pairedPred.has(p)) spurious.push(`${d.doc_id} [${p.text}] ${p.type} ${p.value} …${d.text.slice(Math.max(0, p.start - 40), p.end + 30).replace(/\n/g, ' / ')}`);
  }
  const set = `MEANTIME-en train (${docs.length} docs)`;
  return {
    name,
    scores: [
      score('timex span', set, 'strict (same offsets)', strictTp, predicted - strictTp, goldCount - strictTp),
      score('timex span', set, 'relaxed (overlap)', relaxedTp, predicted - relaxedTp, goldCount - relaxedTp),
      score('timex value', set, 'overlap + same value', valueTp, predicted - valueTp, goldCount - valueTp, 'TempEval-3 anchors: HeidelTime 77.6, SUTime 67.4'),
    ],
    extra: {
      'type accuracy (overlapping pairs)': relaxedTp ? typeRight / relaxedTp : 0,
      'anchors taken from the dateline': anchorFromDateline,
      ...(showMisses ? { misses, spurious, wrongValues } : {}),
    },
  };
}

function evaluateSeed(): EvalSection {
  const name = 'seed times';
  if (!hasShared('seeds')) return { name, skipped: 'missing seeds/', scores: [] };
  const { doc, key } = loadSeed();
  const times = extractTimes(contextOf(doc));
  let found = 0, valueRight = 0, typeRight = 0;
  const problems: string[] = [];
  const used = new Set<TimeExpr>();
  for (const k of key.times) {
    const at = nthIndexOf(doc.text, k.text, k.occurrence ?? 1);
    const span = { start: at, end: at + k.text.length };
    const hit = at >= 0 ? times.find((t) => !used.has(t) && overlaps(t, span)) : undefined;
    if (!hit) {
      problems.push(`missed [${k.text}]#${k.occurrence ?? 1}`);
      continue;
    }
    used.add(hit);
    found++;
    // "ISO prefix equality" in the seed README means the same granularity: 2025-04 matches only 2025-04
    if (hit.value === k.value) valueRight++;
    else problems.push(`[${k.text}]#${k.occurrence ?? 1}: value ${hit.value}, key ${k.value}`);
    if (hit.type === k.type) typeRight++;
    else problems.push(`[${k.text}]#${k.occurrence ?? 1}: type ${hit.type}, key ${k.type}`);
  }
  const extra = times.filter((t) => !used.has(t));
  const n = key.times.length;
  const set = 'seed article';
  return {
    name,
    scores: [
      score('seed times found', set, 'overlap, n-th occurrence', found, extra.length, n - found),
      score('seed times value', set, 'found + same value', valueRight, times.length - valueRight, n - valueRight),
      score('seed times type', set, 'found + same type', typeRight, times.length - typeRight, n - typeRight),
    ],
    extra: {
      'all right (value and type)': `${Math.min(valueRight, typeRight)}/${n}`,
      problems: problems.join('; ') || 'none',
      'not in the key': extra.map((t) => `[${t.text}] ${t.value}`).join(', ') || 'none',
    },
  };
}

export async function evaluate(): Promise<EvalSection[]> {
  const showMisses = process.argv.includes('--misses');
  return [evaluateMeantime(showMisses), evaluateSeed()];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./run.ts');
  const sections = await evaluate();
  process.stdout.write(formatTable(sections) + '\n');
  if (process.argv.includes('--misses')) {
    for (const s of sections) {
      for (const [k, v] of Object.entries(s.extra ?? {})) if (Array.isArray(v)) process.stdout.write(`\n${k} (${v.length}):\n  ${v.join('\n  ')}\n`);
    }
  }
}
