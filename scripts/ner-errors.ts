/**
 * Error listing for the names evaluation: every false positive and false negative of
 * src/eval/ner.ts on one corpus, with its sentence context and a cause class (wrong type over
 * the right span, wrong edges, gold name of an unscored type, nothing there). For error analysis;
 * the scores themselves come from `npm run eval -- ner`.
 *
 *   node --import tsx scripts/ner-errors.ts gum|gum+|uner|wikigold [--summary]   (gum+: GUM dev with its one-token names restored)
 */
import { type GoldDoc, readGum, readUner, wikigoldSplit } from '../src/eval/nerCorpus.ts';
import { predictedNames } from '../src/eval/ner.ts';

const EVAL_TYPE: Record<string, string> = { PER: 'PER', PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', GPE: 'LOC' };

const which = process.argv[2] ?? 'gum';
const summaryOnly = process.argv.includes('--summary');
const docs: GoldDoc[] = which === 'uner' ? readUner() : which === 'wikigold' ? wikigoldSplit().heldOut : readGum('dev', { singleTokenNames: which === 'gum+' });

const causes = new Map<string, number>();
const tally: Record<string, { tp: number; fp: number; fn: number }> = { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } };
const count = (c: string) => causes.set(c, (causes.get(c) ?? 0) + 1);

function context(d: GoldDoc, s: number, e: number): string {
  const a = Math.max(0, s - 50);
  const b = Math.min(d.text.length, e + 50);
  return `${d.text.slice(a, s)}[[${d.text.slice(s, e)}]]${d.text.slice(e, b)}`.replace(/\n+/g, ' / ');
}

for (const d of docs) {
  const pred = [...predictedNames(d)].map((p) => {
    const [s, e, t] = p.split(':');
    return { start: Number(s), end: Number(e), type: t! };
  });
  const gold = d.names.map((n) => ({ ...n, type: EVAL_TYPE[n.type] ?? n.type }));
  const scored = gold.filter((g) => ['PER', 'ORG', 'LOC'].includes(g.type));
  const same = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const p of pred) {
    if (scored.some((g) => same(g, p) && g.type === p.type)) {
      tally[p.type]!.tp++;
      continue;
    }
    tally[p.type]!.fp++;
    const exact = gold.find((g) => same(g, p));
    const over = gold.find((g) => overlaps(g, p));
    const cause = exact ? `FP ${p.type} type: gold ${exact.type}` : over ? `FP ${p.type} edges: gold ${over.type} "${d.text.slice(over.start, over.end)}"` : `FP ${p.type} no gold`;
    count(cause.replace(/ ".*/, ''));
    if (!summaryOnly) console.log(`${cause.padEnd(30)}\t${d.text.slice(p.start, p.end)}\t${context(d, p.start, p.end)}`);
  }
  for (const g of scored) {
    if (pred.some((p) => same(g, p) && g.type === p.type)) continue;
    tally[g.type]!.fn++;
    const exact = pred.find((p) => same(g, p));
    const over = pred.find((p) => overlaps(g, p));
    const cause = exact ? `FN ${g.type} typed ${exact.type}` : over ? `FN ${g.type} edges: pred ${over.type} "${d.text.slice(over.start, over.end)}"` : `FN ${g.type} missed`;
    count(cause.replace(/ ".*/, ''));
    if (!summaryOnly) console.log(`${cause.padEnd(30)}\t${d.text.slice(g.start, g.end)}\t${context(d, g.start, g.end)}`);
  }
}
console.log('\n== causes');
for (const [c, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${c}`);
const f1 = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp / (c.tp + c.fp || 1), r = c.tp / (c.tp + c.fn || 1);
  return `P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${((200 * p * r) / (p + r || 1)).toFixed(1)} (${c.tp}/${c.fp}/${c.fn})`;
};
const all = Object.values(tally).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
console.log(`== ${which} all ${f1(all)}  ${Object.entries(tally).map(([t, c]) => `${t} ${f1(c)}`).join('  ')}`);
