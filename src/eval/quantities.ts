/**
 * Figures against gold:
 * - MEANTIME quantities (English Wikinews, VALUE mentions): span F1, strict (same offsets) and
 *   relaxed (overlap), one gold mention matched at most once. Only the first sentences of each
 *   article are annotated, so predictions from `annotated_char_end` on are not scored.
 *   MEANTIME spans cover the number, its hedge and unit but not the counted noun ("5,000" in
 *   "5,000 VIP guests") while ours include it, so strict F1 is low by construction; relaxed F1 is
 *   the target. The "amount-only" row trims our span to the amount to make strict comparable.
 * - The seed article's 11 figures: span overlap, then value, qualifier, unit/counted noun and rate,
 *   each scored as its own row (a figure is right for that attribute only if found and equal).
 *
 *   node --import tsx src/eval/quantities.ts          prints the table
 *   node --import tsx src/eval/quantities.ts --misses also lists misses and spurious figures
 *
 * Speed is measured separately: node --import tsx src/bench/stages.ts figures
 */
import { readFileSync } from 'node:fs';
import { extractFigures } from '../nlp/figures.ts';
import { extractTimes } from '../nlp/times.ts';
import { contextOf } from '../nlp/pipeline.ts';
import { segment } from '../nlp/segment.ts';
import type { StageContext } from '../nlp/context.ts';
import type { Figure } from '../types.ts';
import { hasShared, loadSeed, nthIndexOf, sharedPath } from './shared.ts';
import { score, type EvalSection, type Score } from './types.ts';

const MEANTIME = ['data', 'quantities', 'meantime-en', 'meantime_en_values.train.jsonl'] as const;

type MeantimeDoc = {
  doc_id: string;
  text: string;
  dct?: string;
  annotated_char_end: number;
  values: { m_id: string; type: string; start: number; end: number; text: string; contiguous?: boolean }[];
};

type Interval = { start: number; end: number; text: string };

/**
 * One-to-one matching: each gold span is used at most once. Exact matches are taken first, then
 * each prediction takes the unused gold span it overlaps most (by intersection over union), so a
 * prediction inside nested gold ("$381 million, or $0.67" and "$0.67") takes the closer one.
 */
function match(gold: Interval[], predicted: Interval[], same: (g: Interval, p: Interval) => boolean): { tp: number; pairs: [Interval, Interval][] } {
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: [Interval, Interval][] = [];
  predicted.forEach((p, i) => {
    const g = gold.findIndex((x, k) => !usedGold.has(k) && equal(x, p));
    if (g >= 0 && same(gold[g]!, p)) {
      usedGold.add(g);
      usedPred.add(i);
      pairs.push([gold[g]!, p]);
    }
  });
  predicted.forEach((p, i) => {
    if (usedPred.has(i)) return;
    let best = -1;
    let bestIou = 0;
    gold.forEach((x, k) => {
      if (usedGold.has(k) || !same(x, p)) return;
      const inter = Math.min(x.end, p.end) - Math.max(x.start, p.start);
      const iou = inter / (Math.max(x.end, p.end) - Math.min(x.start, p.start));
      if (iou > bestIou) {
        bestIou = iou;
        best = k;
      }
    });
    if (best >= 0) {
      usedGold.add(best);
      pairs.push([gold[best]!, p]);
    }
  });
  return { tp: pairs.length, pairs };
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
const equal = (a: Interval, b: Interval) => a.start === b.start && a.end === b.end;

/** The amount part of a figure: its span without a leading "the", the rate, and the counted noun phrase with its "of the". */
function amountOnly(f: Figure): Interval {
  let start = f.start;
  let text = f.text;
  const lead = /^the\s+/i.exec(text);
  if (lead) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  if (f.per) text = text.replace(/\s+(?:a|an|per|each|every)\s+\S+$/i, '');
  if (f.counts && text.endsWith(f.counts) && text.length > f.counts.length) {
    text = text.slice(0, -f.counts.length).replace(/\s+of(?:\s+(?:the|its|their|his|her|our|these|those))?\s*$/i, '').trimEnd();
  }
  return { start, end: start + text.length, text };
}

/** MEANTIME offsets are into its own text, so the document is built as-is, without canonicalisation. */
function contextForText(text: string, published?: string): StageContext {
  const anchor = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : undefined;
  return {
    doc: { id: 'meantime', text, lang: 'en', textSha256: '', ...(published ? { published } : {}) },
    seg: segment(text),
    ...(anchor ? { anchor } : {}),
  };
}

export function evaluateMeantime(showMisses = false): EvalSection {
  if (!hasShared(...MEANTIME)) return { name: 'quantities', skipped: `${sharedPath(...MEANTIME)} not found`, scores: [] };
  const docs = readFileSync(sharedPath(...MEANTIME), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as MeantimeDoc);
  let goldN = 0;
  let predN = 0;
  let strict = 0;
  let relaxed = 0;
  let amountStrict = 0;
  const misses: string[] = [];
  const spurious: string[] = [];
  for (const d of docs) {
    const ctx = contextForText(d.text, d.dct);
    const times = extractTimes(ctx);
    const figures = extractFigures(ctx, { times }).filter((f) => f.start < d.annotated_char_end);
    const gold: Interval[] = d.values.map((v) => ({ start: v.start, end: v.end, text: v.text }));
    goldN += gold.length;
    predN += figures.length;
    strict += match(gold, figures, equal).tp;
    const rel = match(gold, figures, overlaps);
    relaxed += rel.tp;
    amountStrict += match(gold, figures.map(amountOnly), equal).tp;
    if (showMisses) {
      const found = new Set(rel.pairs.map(([g]) => g));
      const hit = new Set(rel.pairs.map(([, p]) => p));
      for (const g of gold) if (!found.has(g)) misses.push(`${d.doc_id}: ${JSON.stringify(g.text)} … ${JSON.stringify(d.text.slice(Math.max(0, g.start - 50), g.end + 30))}`);
      for (const p of figures) if (!hit.has(p)) spurious.push(`${d.doc_id}: ${JSON.stringify(p.text)} … ${JSON.stringify(d.text.slice(Math.max(0, p.start - 50), p.end + 30))}`);
    }
  }
  const set = `MEANTIME train (${docs.length} docs)`;
  const scores: Score[] = [
    score('figure spans', set, 'strict', strict, predN - strict, goldN - strict),
    score('figure spans', set, 'relaxed (overlap)', relaxed, predN - relaxed, goldN - relaxed),
    score('figure spans', set, 'strict, amount only', amountStrict, predN - amountStrict, goldN - amountStrict,
      'span trimmed of "the", counted noun and rate'),
  ];
  return {
    name: 'quantities',
    scores,
    extra: {
      gold: goldN,
      predicted: predN,
      ...(showMisses ? { misses, spurious } : {}),
    },
  };
}

function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

export function evaluateSeed(): EvalSection {
  if (!hasShared('seeds')) return { name: 'seed figures', skipped: 'seed article not found', scores: [] };
  const { doc, key } = loadSeed();
  const ctx = contextOf(doc);
  const figures = extractFigures(ctx, { times: extractTimes(ctx) });
  const seen = new Map<string, number>();
  const gold = key.figures.map((f) => {
    const n = (seen.get(f.text) ?? 0) + 1;
    seen.set(f.text, n);
    const start = nthIndexOf(doc.text, f.text, n);
    return { ...f, start, end: start + f.text.length };
  });
  const pairs = new Map<number, Figure>();
  const used = new Set<Figure>();
  gold.forEach((g, k) => {
    const p = figures.find((f) => !used.has(f) && g.start >= 0 && f.start < g.end && g.start < f.end);
    if (p) {
      used.add(p);
      pairs.set(k, p);
    }
  });
  const attributes: [string, (g: (typeof gold)[number], p: Figure) => boolean][] = [
    ['value', (g, p) => g.value === p.value],
    ['qualifier', (g, p) => (g.qualifier ?? (g.vague ? 'vague' : 'exact')) === p.qualifier],
    ['unit / counts', (g, p) => sameText(g.unit, p.unit) && sameText(g.counts, p.counts)],
    ['per', (g, p) => sameText(g.per, p.per)],
    ['vague words', (g, p) => sameText(g.vague, p.vague)],
  ];
  const set = 'seed (11 figures)';
  const found = pairs.size;
  const scores: Score[] = [score('figures', set, 'span overlap', found, figures.length - found, gold.length - found)];
  const wrong: string[] = [];
  for (const [name, same] of attributes) {
    let right = 0;
    gold.forEach((g, k) => {
      const p = pairs.get(k);
      if (p && same(g, p)) right++;
      else if (p) wrong.push(`${name}: ${JSON.stringify(g.text)} got ${JSON.stringify(p)}`);
    });
    scores.push(score('figures', set, `span + ${name}`, right, figures.length - right, gold.length - right));
  }
  const missed = gold.filter((_, k) => !pairs.has(k)).map((g) => g.text);
  const extraFigures = figures.filter((f) => !used.has(f)).map((f) => f.text);
  return {
    name: 'seed figures',
    scores,
    extra: {
      ...(missed.length ? { missed: missed.join(' | ') } : {}),
      ...(extraFigures.length ? { spurious: extraFigures.join(' | ') } : {}),
      ...(wrong.length ? { wrong: wrong.join(' | ') } : {}),
    },
  };
}

export async function evaluate(): Promise<EvalSection[]> {
  return [evaluateMeantime(), evaluateSeed()];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const showMisses = process.argv.includes('--misses');
  const sections = [evaluateMeantime(showMisses), evaluateSeed()];
  const { formatTable } = await import('./run.ts');
  process.stdout.write(formatTable(sections) + '\n');
  if (showMisses) {
    const extra = sections[0]!.extra ?? {};
    for (const k of ['misses', 'spurious'] as const) {
      const list = (extra[k] as string[] | undefined) ?? [];
      process.stdout.write(`\n${k} (${list.length}):\n${list.join('\n')}\n`);
    }
  }
}
