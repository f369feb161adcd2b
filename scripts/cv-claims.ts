/**
 * Five-fold cross-validation of the claims stage on PolNeAR train, the way its rules and
 * thresholds are chosen (dev is only reported). Train texts are sorted by name and dealt into five
 * folds (index mod 5); for each fold the cue table is counted on the other four
 * (scripts/train-claim-cues.ts --hold-out) and the claims stage, reading that table, is scored on
 * the fold. The sums over the five folds are printed: exact / begin / overlap F1 of source, cue
 * and content, and the relation F1, as in the eval's PolNeAR section.
 *
 *   POLNEAR_DIR=/path/to/PolNeAR/data node --import tsx scripts/cv-claims.ts [--retrain] [--dump FILE] [--no-verifier]
 *
 * Each fold's attributions pass the verifier trained without that fold
 * (.eval/cv/verifier-fold{K}.json, written by scripts/train-claim-verifier.ts), or none where those
 * files are missing or with --no-verifier; TRIANGULATE_CLAIM_VERIFIER_THRESHOLD overrides the
 * threshold they carry.
 *
 * The fold tables are kept in .eval/cv/ (ignored) and recounted with --retrain or when missing: only
 * changes to the counting need that. --dump writes every held-out text's gold and predicted spans
 * (offsets only) as JSON for error listings. Only the claims stage runs (its spans do not depend
 * on the other stages), which is what makes the 840 texts take about a minute.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scorePolnear } from '../src/eval/polnear.ts';
import { prf, type Score } from '../src/eval/types.ts';
import { extractClaims } from '../src/nlp/claims.ts';
import { contextOf } from '../src/nlp/pipeline.ts';
import { countFoldTables, cvDir, foldDocs, polnearDirOrExit, runFolds } from './claims-folds.ts';

const dir = polnearDirOrExit();
const args = process.argv.slice(2);
// each fold is verified by a model trained without it (scripts/train-claim-verifier.ts), or by none
const verifierOf = (k: number) => (!args.includes('--no-verifier') && existsSync(join(cvDir, `verifier-fold${k}.json`)) ? join(cvDir, `verifier-fold${k}.json`) : 'off');

if (args[0] === '--worker') {
  // one fold, in a process of its own so that the lexicon loads that fold's table
  const k = Number(args[1]);
  const result = scorePolnear(foldDocs(dir, k), `train fold ${k}`, (doc) => ({
    claims: extractClaims(contextOf(doc), { entities: [], times: [], figures: [] }),
  }));
  const dump = result.perDoc.map(({ doc, predicted }) => ({ name: doc.name, gold: doc.gold, predicted }));
  process.stdout.write(JSON.stringify({ scores: result.scores, dump }));
} else {
  countFoldTables(args.includes('--retrain'));
  const results = await runFolds<{ scores: Score[]; dump: unknown[] }>('cv-claims.ts', (k) => ({ TRIANGULATE_CLAIM_VERIFIER: verifierOf(k) }));
  const sum = new Map<string, [number, number, number]>();
  for (const r of results) {
    for (const s of r.scores) {
      const key = `${s.task}\t${s.rule}${s.note ? '' : ''}`;
      const c = sum.get(key) ?? [0, 0, 0];
      c[0] += s.tp;
      c[1] += s.fp;
      c[2] += s.fn;
      sum.set(key, c);
    }
  }
  for (const [key, [tp, fp, fn]] of sum) {
    if (key.includes('relation') && !key.includes('[all]')) continue;
    const { precision, recall, f1 } = prf(tp, fp, fn);
    const pct = (x: number) => (100 * x).toFixed(2);
    console.log(`${key.replace(/cue overlap.*\[all\]/, 'relation').padEnd(40)} ${pct(precision)} ${pct(recall)} ${pct(f1)}  ${tp}/${fp}/${fn}`);
  }
  const at = args.indexOf('--dump');
  if (at >= 0) writeFileSync(args[at + 1]!, JSON.stringify(results.flatMap((r) => r.dump)));
}
