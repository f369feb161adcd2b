#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner through tsx. Node 20's --test
// takes no glob patterns, so the files are found here. Extra arguments go to node --test
// (e.g. --test-name-pattern=ledger); a path argument limits the run to files under it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('-'));
const only = args.filter((a) => !a.startsWith('-')).map((a) => resolve(a));

function find(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = [...find(join(root, 'src'), []), ...find(join(root, 'test'), [])];
if (only.length) files = files.filter((f) => only.some((o) => f === o || f.startsWith(o + '/')));
if (!files.length) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...flags, ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
