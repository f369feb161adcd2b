/**
 * The offset invariant over real text: every span of every record must satisfy
 * text.slice(start, end) === span.text. Runs the full pipeline over the Wikinews articles and the seed.
 */
import { readFileSync } from 'node:fs';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import { badSpans, allSpans } from '../util/spans.ts';
import { loadSeed, sharedPath } from './shared.ts';
import { score, type EvalSection } from './types.ts';

export async function evaluate(): Promise<EvalSection[]> {
  const docs = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; text: string; dateCreated?: string })
    .map((r) => makeDocument({ text: r.text, published: r.dateCreated, origin: r.id }));
  docs.push(loadSeed().doc);
  let ok = 0;
  let bad = 0;
  const examples: string[] = [];
  for (const d of docs) {
    const x = extract(d);
    const b = badSpans(d.text, x);
    bad += b.length;
    ok += allSpans(x).length - b.length;
    for (const e of b.slice(0, 2)) examples.push(`${d.origin} ${e.path}: ${JSON.stringify(e.span.text)} vs ${JSON.stringify(e.actual)}`);
  }
  return [
    {
      name: 'spans',
      scores: [score('span offsets', `wikinews+seed (${docs.length} docs)`, 'slice(start,end)===text', ok, bad, 0)],
      extra: bad ? { firstViolations: examples.slice(0, 5).join(' | ') } : {},
    },
  ];
}
