/**
 * Learns how often each verb lemma is an attribution cue in PolNeAR's train split, by lemma and by
 * what follows it (lexicon.followerClass), how often such a cue runs on into a following infinitive
 * ("tried to say") or takes the preposition after it ("called for", "said of"), and how often an
 * adjective after a copula is one ("is confident that", "were skeptical of"); writes
 * models/claims/cues.json. Counts only: no text from the corpus is stored. The claims stage uses the
 * table beside its own cue lexicon.
 *
 *   POLNEAR_DIR=/path/to/PolNeAR/data node --import tsx scripts/train-claim-cues.ts
 *
 * For cross-validation (scripts/cv-claims.ts), `--hold-out K/N --out PATH` counts every train text
 * but those of fold K of N (texts sorted by name, fold = index mod N) and writes the table to PATH.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSplit } from '../src/eval/polnear.ts';
import { REPO_ROOT } from '../src/eval/shared.ts';
import { followerClass } from '../src/nlp/claims/lexicon.ts';
import { findQuotes, quoteAt } from '../src/nlp/claims/quotes.ts';
import { segment } from '../src/nlp/segment.ts';

const dir = process.env.POLNEAR_DIR;
if (!dir) {
  console.error('POLNEAR_DIR must point at the PolNeAR data/ folder');
  process.exit(2);
}
/** Adverbs that act as verb particles ("pointed out", "shot back"). */
const PARTICLES = new Set(['out', 'back', 'up', 'down', 'off', 'in', 'on', 'over', 'away', 'forward']);
/** Lemmas seen fewer times than this are left to the hand lexicon. */
const MIN_COUNT = 3;

type Cell = [seen: number, cue: number];
const table = new Map<string, { all: Cell; next: Map<string, Cell>; chain: Cell; particles: Map<string, Cell> }>();
/** Adjectives after a copula ("is confident that", "were skeptical of"): [seen, cue] by lemma and follower. */
const adjectives = new Map<string, { all: Cell; next: Map<string, Cell> }>();
const COPULAS = new Set(['be', 'seem', 'remain', 'appear', 'feel', 'become', 'sound', 'grow', 'look', 'get', 'stay']);


const args = process.argv.slice(2);
const holdOut = args.includes('--hold-out') ? args[args.indexOf('--hold-out') + 1]!.split('/').map(Number) : undefined;
const outPath = args.includes('--out') ? args[args.indexOf('--out') + 1]! : undefined;
const docs = loadSplit(dir, 'train')
  .sort((a, b) => a.name.localeCompare(b.name))
  .filter((_, i) => !holdOut || i % holdOut[1]! !== holdOut[0]);
for (const doc of docs) {
  const seg = segment(doc.text);
  const quotes = findQuotes(doc.text, seg.paragraphs);
  const cueSpans = doc.gold.flatMap((g) => g.cue).sort((a, b) => a[0] - b[0]);
  // PolNeAR marks only the outermost attribution: a verb inside another's content says nothing
  // about whether the verb reports, so it is not counted either way
  const contents = doc.gold.flatMap((g) => g.content);
  const nested = (s: number, e: number) => contents.some(([a, b]) => s >= a && e <= b);
  const cueAt = (s: number, e: number) => cueSpans.some(([a, b]) => a < e && s < b);
  function countAdjective(i: number): void {
    const t = seg.tokens[i]!;
    let k = i - 1;
    while (k >= 0 && seg.tokens[k]!.pos === 'ADV') k--;
    const copula = seg.tokens[k];
    if (!copula || copula.sentence !== t.sentence || !COPULAS.has(copula.lemma)) return;
    const isCue = cueAt(t.start, t.end) ? 1 : 0;
    if (!isCue && nested(t.start, t.end)) return;
    let row = adjectives.get(t.lemma);
    if (!row) adjectives.set(t.lemma, (row = { all: [0, 0], next: new Map() }));
    row.all[0]++;
    row.all[1] += isCue;
    const cls = followerClass(seg.tokens[i + 1], seg.tokens[i + 2]);
    const cell = row.next.get(cls) ?? [0, 0];
    cell[0]++;
    cell[1] += isCue;
    row.next.set(cls, cell);
  }
  let c = 0;
  seg.tokens.forEach((t, i) => {
    if (t.pos === 'ADJ' && !quoteAt(quotes, t.start)) countAdjective(i);
    if (t.pos !== 'VERB' || quoteAt(quotes, t.start)) return;
    while (c < cueSpans.length && cueSpans[c]![1] <= t.start) c++;
    const isCue = c < cueSpans.length && cueSpans[c]![0] < t.end && t.start < cueSpans[c]![1] ? 1 : 0;
    if (!isCue && nested(t.start, t.end)) return;
    const cls = followerClass(seg.tokens[i + 1], seg.tokens[i + 2]);
    let row = table.get(t.lemma);
    if (!row) table.set(t.lemma, (row = { all: [0, 0], next: new Map(), chain: [0, 0], particles: new Map() }));
    // "tried to say": when the verb is a cue before an infinitive, is the infinitive's verb in the cue too?
    if (isCue && cls === 'inf') {
      const to = seg.tokens[i + 1]!;
      row.chain[0]++;
      if (cueSpans[c]![1] >= to.end) row.chain[1]++;
    }
    // "called for", "railed against", "said of": is the preposition after a cue part of it?
    const after = seg.tokens[i + 1];
    if (isCue && after && after.sentence === t.sentence && (after.pos === 'ADP' || (after.pos === 'ADV' && PARTICLES.has(after.text.toLowerCase()))) && cls !== 'inf') {
      const word = after.text.toLowerCase();
      const cell = row.particles.get(word) ?? [0, 0];
      cell[0]++;
      if (cueSpans[c]![1] >= after.end) cell[1]++;
      row.particles.set(word, cell);
    }
    row.all[0]++;
    row.all[1] += isCue;
    const cell = row.next.get(cls) ?? [0, 0];
    cell[0]++;
    cell[1] += isCue;
    row.next.set(cls, cell);
  });
}

const out: Record<string, { n: number; k: number; next: Record<string, Cell>; chain?: Cell; particles?: Record<string, Cell> }> = {};
for (const [lemma, row] of [...table].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (row.all[0] < MIN_COUNT || row.all[1] === 0) continue;
  const next: Record<string, Cell> = {};
  for (const [cls, cell] of [...row.next].sort((a, b) => a[0].localeCompare(b[0]))) if (cell[0] >= 2) next[cls] = cell;
  const particles: Record<string, Cell> = {};
  for (const [word, cell] of [...row.particles].sort((a, b) => a[0].localeCompare(b[0]))) if (cell[0] >= 2) particles[word] = cell;
  out[lemma] = {
    n: row.all[0],
    k: row.all[1],
    next,
    ...(row.chain[0] ? { chain: row.chain } : {}),
    ...(Object.keys(particles).length ? { particles } : {}),
  };
}
const path = outPath ?? join(REPO_ROOT, 'models', 'claims', 'cues.json');
mkdirSync(dirname(path), { recursive: true });
function compact(rows: Map<string, { all: Cell; next: Map<string, Cell> }>) {
  const out: Record<string, { n: number; k: number; next: Record<string, Cell> }> = {};
  for (const [lemma, row] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (row.all[0] < MIN_COUNT || row.all[1] === 0) continue;
    const next: Record<string, Cell> = {};
    for (const [cls, cell] of [...row.next].sort((a, b) => a[0].localeCompare(b[0]))) if (cell[0] >= 2) next[cls] = cell;
    out[lemma] = { n: row.all[0], k: row.all[1], next };
  }
  return out;
}
writeFileSync(
  path,
  JSON.stringify({ source: 'PolNeAR train split, counts of verb and adjective lemmas marked as cues', docs: docs.length, lemmas: out, adjectives: compact(adjectives) }) + '\n',
);
console.log(`${Object.keys(out).length} lemmas from ${docs.length} documents -> ${path}`);
