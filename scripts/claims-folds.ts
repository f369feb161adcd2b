/**
 * The five folds of PolNeAR train that the claims stage's choices are made on, shared by
 * scripts/cv-claims.ts (scores) and scripts/train-claim-verifier.ts (training examples): train
 * texts sorted by name and dealt into folds by index mod FOLDS; for each fold a cue table counted on
 * the other four (.eval/cv/cues-fold{K}.json) and a process of its own that loads it (the lexicon
 * reads its table once, at start).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSplit, type PolnearDoc } from '../src/eval/polnear.ts';
import { REPO_ROOT } from '../src/eval/shared.ts';

export const FOLDS = 5;
export const cvDir = join(REPO_ROOT, '.eval', 'cv');
export const tableOf = (k: number) => join(cvDir, `cues-fold${k}.json`);

/** PolNeAR's data/ folder, or exit with a message saying how to give it. */
export function polnearDirOrExit(): string {
  const dir = process.env.POLNEAR_DIR;
  if (!dir) {
    console.error('POLNEAR_DIR must point at the PolNeAR data/ folder');
    process.exit(2);
  }
  return dir;
}

/** The train texts of fold k. */
export function foldDocs(dir: string, k: number): PolnearDoc[] {
  return loadSplit(dir, 'train')
    .sort((a, b) => a.name.localeCompare(b.name))
    .filter((_, i) => i % FOLDS === k);
}

/** Counts each fold's cue table without it (scripts/train-claim-cues.ts --hold-out); `all` recounts existing ones too. */
export function countFoldTables(all: boolean): void {
  mkdirSync(cvDir, { recursive: true });
  for (let k = 0; k < FOLDS; k++) {
    if (!all && existsSync(tableOf(k))) continue;
    execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'train-claim-cues.ts'), '--hold-out', `${k}/${FOLDS}`, '--out', tableOf(k)], { stdio: 'inherit' });
  }
}

/**
 * Runs `script --worker K` for every fold, two at a time (the machine is shared), each with its
 * fold's cue table and the environment `envOf(K)` adds; returns what each printed, parsed as JSON,
 * in fold order.
 */
export async function runFolds<T>(script: string, envOf: (k: number) => Record<string, string>): Promise<T[]> {
  const runFold = (k: number) =>
    new Promise<T>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', script), '--worker', String(k)], {
        env: { ...process.env, TRIANGULATE_CLAIM_CUES: tableOf(k), ...envOf(k) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`fold ${k} exited ${code}`))));
    });
  const results: T[] = [];
  for (let k = 0; k < FOLDS; k += 2) results.push(...(await Promise.all([k, k + 1].filter((f) => f < FOLDS).map(runFold))));
  return results;
}
