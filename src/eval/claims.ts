/**
 * Claims on the seed article, matched as shared/seeds/README.md says: a predicted claim matches an
 * expected one when its cue overlaps the expected cue, its content overlaps the expected content
 * with token Jaccard >= 0.5, and its source overlaps the expected source (or resolves to the entity
 * named `resolvesTo`). Each expected claim matches at most one prediction.
 *
 * The answer key lists attributed claims only, so the reporter's own figure-bearing assertions
 * (kind 'unattributed') are counted and reported apart rather than as spurious claims.
 */
import { extract } from '../nlp/pipeline.ts';
import type { Claim, Entity } from '../types.ts';
import { hasShared, loadSeed, SEED_NAME, type SeedKey } from './shared.ts';
import { score, type EvalSection } from './types.ts';

type Expected = SeedKey['claims'][number];
type Located = { start: number; end: number };

const WORD = /[\p{L}\p{N}]+/gu;

function tokens(text: string, spans: Located[]): Set<string> {
  const out = new Set<string>();
  for (const s of spans) for (const m of text.slice(s.start, s.end).matchAll(WORD)) out.add(`${s.start + m.index!}`);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/** Characters between a span at `at` and `near` (0 when they touch or overlap). */
function gap(at: number, length: number, near: Located): number {
  if (at + length <= near.start) return near.start - (at + length);
  if (at >= near.end) return at - near.end;
  return 0;
}

const overlaps = (a: Located, b: Located) => a.start < b.end && b.start < a.end;

/**
 * Where an expected span lies: the whole-word occurrence of its text nearest to `near`, so repeated
 * words ("said", "he") are found beside the claim's own content.
 */
function locate(text: string, needle: string, near: Located): Located | undefined {
  if (!needle) return undefined;
  let best = -1;
  const letter = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    // whole words only: "he" is not the end of "the"
    if (letter.test(text[at - 1] ?? '') || letter.test(text[at + needle.length] ?? '')) continue;
    if (best < 0 || gap(at, needle.length, near) < gap(best, needle.length, near)) best = at;
  }
  return best < 0 ? undefined : { start: best, end: best + needle.length };
}

export function matchSeedClaims(text: string, expected: Expected[], predicted: Claim[], entities: Entity[]) {
  const nameOf = new Map(entities.map((e) => [e.id, e.name]));
  const used = new Set<number>();
  const pairs: { expected: Expected; claim?: Claim }[] = [];
  for (const exp of expected) {
    // anchor on the content, which is unique, then find cue and source beside it
    const content = locate(text, exp.content, { start: 0, end: 0 });
    const cue = content && locate(text, exp.cue, content);
    const source = content && locate(text, exp.source, cue ?? content);
    let hit: number | undefined;
    predicted.forEach((p, i) => {
      if (hit !== undefined || used.has(i) || !content || !cue || !p.cue) return;
      if (!overlaps(p.cue, cue)) return;
      if (!p.content.some((c) => overlaps(c, content))) return;
      if (jaccard(tokens(text, p.content), tokens(text, [content])) < 0.5) return;
      const bySpan = !!p.source && !!source && overlaps(p.source, source);
      const byEntity = !!exp.resolvesTo && !!p.source?.entity && nameOf.get(p.source.entity) === exp.resolvesTo;
      if (bySpan || byEntity) hit = i;
    });
    if (hit !== undefined) used.add(hit);
    pairs.push({ expected: exp, ...(hit !== undefined ? { claim: predicted[hit] } : {}) });
  }
  return { pairs, used };
}

export async function evaluate(): Promise<EvalSection[]> {
  if (!hasShared('seeds', `${SEED_NAME}.expected.json`)) {
    return [{ name: 'seed claims', skipped: 'shared/seeds is not beside the repository', scores: [] }];
  }
  const { doc, key } = loadSeed();
  const x = extract(doc);
  const attributed = x.claims.filter((c) => c.kind !== 'unattributed');
  const own = x.claims.filter((c) => c.kind === 'unattributed');
  const { pairs, used } = matchSeedClaims(doc.text, key.claims, attributed, x.entities);
  const tp = pairs.filter((p) => p.claim).length;
  const fn = pairs.length - tp;
  const fp = attributed.length - used.size;
  const nameOf = new Map(x.entities.map((e) => [e.id, e.name]));

  const resolvable = pairs.filter((p) => p.expected.resolvesTo);
  const resolvedRight = resolvable.filter((p) => p.claim?.source?.entity && nameOf.get(p.claim.source.entity) === p.expected.resolvesTo);
  const dated = pairs.filter((p) => p.expected.said);
  const datedRight = dated.filter((p) => p.claim?.said === p.expected.said);
  const undatedWrong = pairs.filter((p) => !p.expected.said && p.claim?.said);
  const kindRight = pairs.filter((p) => p.claim && p.claim.kind === p.expected.kind);

  return [
    {
      name: 'seed claims',
      scores: [
        score('claims', 'seed', 'cue overlap, content Jaccard>=0.5, source overlap or resolvesTo', tp, fp, fn),
        score('claim source resolution', 'seed', 'resolvesTo of pronoun/description sources', resolvedRight.length, 0, resolvable.length - resolvedRight.length,
          'precision not meaningful: counted over expected resolvable sources'),
        score('claim said', 'seed', 'ISO prefix equality over expected said', datedRight.length, undatedWrong.length, dated.length - datedRight.length,
          'fp: a date given where the key has none'),
      ],
      extra: {
        expected: key.claims.length,
        predictedAttributed: attributed.length,
        spurious: attributed.filter((_, i) => !used.has(i)).map((c) => `${c.cue?.text} | ${c.content.map((s) => s.text).join(' … ')}`),
        missed: pairs.filter((p) => !p.claim).map((p) => `${p.expected.id} ${p.expected.source} ${p.expected.cue}`),
        resolvesTo: `${resolvedRight.length}/${resolvable.length}`,
        resolvesToMisses: resolvable.filter((p) => !resolvedRight.includes(p)).map((p) => `${p.expected.id} ${p.expected.source} -> ${p.claim?.source?.entity ? nameOf.get(p.claim.source.entity) : 'unresolved'}`),
        said: `${datedRight.length}/${dated.length}`,
        saidMisses: [...dated.filter((p) => !datedRight.includes(p)), ...undatedWrong].map((p) => `${p.expected.id} expected ${p.expected.said} got ${p.claim?.said ?? 'none'}`),
        kind: `${kindRight.length}/${tp}`,
        unattributedWithFigures: own.length,
      },
    },
  ];
}
