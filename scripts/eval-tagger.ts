/**
 * The name tagger alone (no lists merged, no linking), scored as exact PER/ORG/LOC spans on the
 * NER dev sets: a quick check while training (npm run eval -- ner measures the whole stage).
 * Run: node --import tsx scripts/eval-tagger.ts [models/ner.bin] [--errors N]
 */
import { readFileSync } from 'node:fs';
import { type GoldDoc, readGum, readUner, wikigoldSplit } from '../src/eval/nerCorpus.ts';
import { segment } from '../src/nlp/segment.ts';
import { gazetteer } from '../src/nlp/names/gazetteer.ts';
import { decodeModel, shippedModel, tag, taggerInput } from '../src/nlp/names/tagger.ts';

const args = process.argv.slice(2);
const errAt = args.indexOf('--errors');
const showErrors = errAt >= 0 ? Number(args[errAt + 1]) : 0;
const path = args.find((a, i) => !a.startsWith('--') && (errAt < 0 || i !== errAt + 1));
const model = path ? decodeModel(readFileSync(path)) : shippedModel()!;
const gz = gazetteer();
const EVAL: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', GPE: 'LOC' };

function run(name: string, docs: GoldDoc[]): void {
  const c: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const t of ['ALL', 'PER', 'ORG', 'LOC']) c[t] = { tp: 0, fp: 0, fn: 0 };
  const errors: string[] = [];
  for (const d of docs) {
    const seg = segment(d.text);
    const labels = tag(model, taggerInput(seg, gz), gz);
    const pred = new Set<string>();
    let start = -1;
    let type = '';
    const close = (i: number) => {
      if (start >= 0 && EVAL[type]) pred.add(`${seg.tokens[start]!.start}:${seg.tokens[i - 1]!.end}:${type}`);
      start = -1;
    };
    labels.forEach((l, i) => {
      if (l === 'O' || l.startsWith('B-')) close(i);
      if (l.startsWith('B-')) {
        start = i;
        type = l.slice(2);
      }
    });
    close(labels.length);
    const gold = new Set(d.names.filter((n) => EVAL[n.type]).map((n) => `${n.start}:${n.end}:${EVAL[n.type]}`));
    for (const p of pred) {
      const t = p.split(':')[2]!;
      const k = gold.has(p) ? 'tp' : 'fp';
      c[t]![k]++;
      c.ALL![k]++;
      if (k === 'fp') errors.push(`FP ${t} ${d.text.slice(+p.split(':')[0]!, +p.split(':')[1]!)}`);
    }
    for (const g of gold) {
      if (pred.has(g)) continue;
      c[g.split(':')[2]!]!.fn++;
      c.ALL!.fn++;
      errors.push(`FN ${g.split(':')[2]} ${d.text.slice(+g.split(':')[0]!, +g.split(':')[1]!)}`);
    }
  }
  const fmt = (x: { tp: number; fp: number; fn: number }) => {
    const p = x.tp / (x.tp + x.fp || 1), r = x.tp / (x.tp + x.fn || 1);
    return `P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F ${((200 * p * r) / (p + r || 1)).toFixed(1)}`;
  };
  console.log(`${name.padEnd(10)} ${fmt(c.ALL!)} | PER ${fmt(c.PER!)} | ORG ${fmt(c.ORG!)} | LOC ${fmt(c.LOC!)}`);
  if (showErrors) for (const e of errors.slice(0, showErrors)) console.log(`  ${e}`);
}

run('GUM dev', readGum('dev'));
run('UNER dev', readUner());
run('wikigold5', wikigoldSplit().heldOut);
