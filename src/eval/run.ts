/**
 * `npm run eval`: scores the pipeline against every gold set that is available and prints one
 * table (precision, recall, F1 per task, set and matching rule), plus the same numbers as JSON.
 *
 *   npm run eval                     all sections
 *   npm run eval -- times claims     only sections whose module name matches
 *   npm run eval -- --json out.json  also write the JSON somewhere other than .eval/results.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EvalSection } from './types.ts';
import { REPO_ROOT, SHARED_DIR } from './shared.ts';

/** Each module exports `evaluate(): Promise<EvalSection[]>`. Order: cheap and foundational first. */
const MODULES = ['spans', 'timex', 'quantities', 'ner', 'claims', 'polnear', 'events'];

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

export function formatTable(sections: EvalSection[]): string {
  const lines: string[] = [];
  const head = `${'task'.padEnd(22)} ${'set'.padEnd(26)} ${'rule'.padEnd(22)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}  ${'tp/fp/fn'}`;
  lines.push(head, '-'.repeat(head.length + 6));
  for (const s of sections) {
    if (s.skipped) {
      lines.push(`${s.name.padEnd(22)} skipped: ${s.skipped}`);
      continue;
    }
    for (const r of s.scores) {
      lines.push(
        `${r.task.slice(0, 22).padEnd(22)} ${r.set.slice(0, 26).padEnd(26)} ${r.rule.slice(0, 22).padEnd(22)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}  ${r.tp}/${r.fp}/${r.fn}${r.note ? '  ' + r.note : ''}`,
      );
    }
    for (const [k, v] of Object.entries(s.extra ?? {})) {
      if (typeof v === 'number' || typeof v === 'string') lines.push(`${s.name.slice(0, 22).padEnd(22)} ${k}: ${typeof v === 'number' && v <= 1 && v >= 0 && !Number.isInteger(v) ? pct(v).trim() + '%' : v}`);
    }
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const jsonAt = argv.indexOf('--json');
  const jsonPath = jsonAt >= 0 ? argv[jsonAt + 1] : join(REPO_ROOT, '.eval', 'results.json');
  const wanted = argv.filter((a, i) => !a.startsWith('--') && !(jsonAt >= 0 && i === jsonAt + 1));
  if (!existsSync(SHARED_DIR)) {
    process.stderr.write(`eval: the gold data folder ${SHARED_DIR} is missing (set TRIANGULATE_SHARED)\n`);
    return 2;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const sections: EvalSection[] = [];
  for (const name of MODULES) {
    if (wanted.length && !wanted.some((w) => name.includes(w))) continue;
    const file = join(here, `${name}.ts`);
    if (!existsSync(file)) {
      sections.push({ name, skipped: 'no evaluation module yet', scores: [] });
      continue;
    }
    const started = Date.now();
    try {
      const mod = (await import(file)) as { evaluate: () => Promise<EvalSection[]> };
      const got = await mod.evaluate();
      sections.push(...got);
      process.stderr.write(`eval: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      sections.push({ name, skipped: `failed: ${(e as Error).message}`, scores: [] });
    }
  }
  process.stdout.write(formatTable(sections) + '\n');
  mkdirSync(dirname(jsonPath!), { recursive: true });
  writeFileSync(jsonPath!, JSON.stringify({ at: new Date().toISOString(), sections }, null, 1));
  process.stdout.write(`\n(JSON: ${jsonPath})\n`);
  return sections.some((s) => s.skipped?.startsWith('failed')) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((c) => (process.exitCode = c));
}
