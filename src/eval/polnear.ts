/**
 * Attribution measured against PolNeAR (political news, BRAT standoff Source / Cue / Content).
 *
 * The corpus may not be copied into the project, so it is read from POLNEAR_DIR (its `data/`
 * folder) and the section is skipped, saying so, when that is unset. We develop on `train` and
 * measure on `dev`; `test` is never read. Where several annotators marked one text, the file whose
 * annotator code sorts first is used, so every run scores against the same annotation.
 *
 * Component level: every source, cue and content fragment is a span; a prediction matches a gold
 * span of the same role exactly (same first and last character, whitespace trimmed), by its
 * beginning (same first character) or by overlap, one to one. Relation level: a predicted claim
 * matches a gold attribution when the cues overlap, the contents have token Jaccard >= 0.5 and the
 * sources overlap (or both are absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import type { Claim, Document, Extraction } from '../types.ts';
import { score, type EvalSection, type Score } from './types.ts';

type Frag = [number, number];
export type GoldAttribution = { source: Frag[]; cue: Frag[]; content: Frag[] };
export type PolnearDoc = { name: string; text: string; gold: GoldAttribution[] };
export type PredictedAttribution = GoldAttribution & { kind: Claim['kind'] };

export type Split = 'train' | 'dev';

export function polnearDir(): string | undefined {
  const dir = process.env.POLNEAR_DIR;
  return dir && existsSync(join(dir, 'dev', 'attributions')) ? dir : undefined;
}

/** One annotation per text: the .ann whose annotator code sorts first. */
export function loadSplit(dir: string, split: Split): PolnearDoc[] {
  const annDir = join(dir, split, 'attributions');
  const chosen = new Map<string, string>();
  for (const f of readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()) {
    const base = f.replace(/_[^_]+\.ann$/, '');
    if (!chosen.has(base)) chosen.set(base, f);
  }
  const docs: PolnearDoc[] = [];
  for (const [base, ann] of chosen) {
    const textPath = join(dir, split, 'text', `${base}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    docs.push({ name: base, text, gold: parseAnn(readFileSync(join(annDir, ann), 'utf8'), text) });
  }
  return docs;
}

function parseAnn(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; frags: Frag[] }>();
  const rels: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\w+) ([\d ;]+)\t?/.exec(line);
    if (t) {
      const frags = t[3]!
        .split(';')
        .map((p) => p.trim().split(/\s+/).map(Number) as Frag)
        .map((f) => trimFrag(text, f))
        .filter((f) => f[1] > f[0]);
      spans.set(t[1]!, { type: t[2]!, frags });
      continue;
    }
    const e = /^E\d+\t(.*)$/.exec(line);
    if (!e) continue;
    const rel: GoldAttribution = { source: [], cue: [], content: [] };
    for (const part of e[1]!.trim().split(/\s+/)) {
      const [role, id] = part.split(':');
      const span = spans.get(id ?? '');
      if (!span || !role) continue;
      if (role.startsWith('Source')) rel.source.push(...span.frags);
      else if (role.startsWith('Cue')) rel.cue.push(...span.frags);
      else if (role.startsWith('Content')) rel.content.push(...span.frags);
    }
    if (rel.cue.length || rel.content.length) rels.push(rel);
  }
  return rels;
}

function trimFrag(text: string, [s, e]: Frag): Frag {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Runs the whole pipeline on a PolNeAR text; offsets come back in the corpus text's coordinates. */
export function predict(
  text: string,
  run: (doc: Document) => Pick<Extraction, 'claims'> = extract,
): { predicted: PredictedAttribution[]; extraction: Pick<Extraction, 'claims'> } | undefined {
  const doc = makeDocument({ text });
  const toRaw = alignCanonical(text, doc.text);
  if (!toRaw) return undefined;
  const extraction = run(doc);
  const move = (s: { start: number; end: number }): Frag => [toRaw[s.start]!, toRaw[s.end]!];
  const predicted = extraction.claims
    .filter((c) => c.kind !== 'unattributed')
    .map((c) => ({
      kind: c.kind,
      source: c.source ? [move(c.source)] : [],
      cue: c.cue ? [move(c.cue)] : [],
      content: c.content.map(move),
    }));
  return { predicted, extraction };
}

/**
 * Offsets in the canonical text mapped back to the corpus text. Canonical text trims the ends and
 * applies NFC, which can merge a letter and its combining marks; each base character and its marks
 * are compared as one unit. Returns undefined if the texts differ otherwise (the text is skipped).
 */
export function alignCanonical(raw: string, canonical: string): number[] | undefined {
  const map = new Array<number>(canonical.length + 1);
  let i = raw.length - raw.trimStart().length;
  let j = 0;
  const mark = /\p{M}/u;
  while (j < canonical.length) {
    if (i >= raw.length) return undefined;
    // a unit: one code point and the combining marks after it
    let e = i + (raw.codePointAt(i)! > 0xffff ? 2 : 1);
    while (e < raw.length && mark.test(raw[e]!)) e++;
    const unit = raw.slice(i, e).normalize('NFC');
    if (canonical.startsWith(unit, j)) {
      for (let k = 0; k < unit.length; k++) map[j + k] = i + Math.min(k, e - i - 1);
      j += unit.length;
      i = e;
    } else if (raw[i] === '\r' && raw[i + 1] === '\n') {
      i++;
    } else return undefined;
  }
  map[canonical.length] = i;
  return map;
}

type Rule = 'exact' | 'begin' | 'overlap';
const ROLES = ['source', 'cue', 'content'] as const;
type Role = (typeof ROLES)[number];

function fragMatch(rule: Rule, a: Frag, b: Frag): boolean {
  if (rule === 'exact') return a[0] === b[0] && a[1] === b[1];
  if (rule === 'begin') return a[0] === b[0];
  return a[0] < b[1] && b[0] < a[1];
}

/** One-to-one greedy matching in document order; returns the number of matched pairs. */
function matchCount(rule: Rule, pred: Frag[], gold: Frag[]): number {
  const used = new Uint8Array(gold.length);
  let tp = 0;
  for (const p of pred) {
    for (let g = 0; g < gold.length; g++) {
      if (!used[g] && fragMatch(rule, p, gold[g]!)) {
        used[g] = 1;
        tp++;
        break;
      }
    }
  }
  return tp;
}

const WORD = /[\p{L}\p{N}]+/gu;
function tokenSet(text: string, frags: Frag[]): Set<string> {
  const out = new Set<string>();
  for (const [s, e] of frags) {
    for (const m of text.slice(s, e).matchAll(WORD)) out.add(`${m[0].toLowerCase()}@${s + m.index!}`);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

const overlapsAny = (a: Frag[], b: Frag[]) => a.some((x) => b.some((y) => fragMatch('overlap', x, y)));

export function relationMatch(text: string, p: GoldAttribution, g: GoldAttribution): boolean {
  if (!overlapsAny(p.cue, g.cue)) return false;
  if (jaccard(tokenSet(text, p.content), tokenSet(text, g.content)) < 0.5) return false;
  if (!p.source.length && !g.source.length) return true;
  return overlapsAny(p.source, g.source);
}

const QUOTE_OPEN = /^["“`]/;
const QUOTE_CLOSE = /["”'][.,!?]?$/;
export function goldKind(text: string, g: GoldAttribution): 'direct' | 'mixed' | 'indirect' {
  const parts = g.content.map(([s, e]) => text.slice(s, e));
  const joined = parts.join(' ');
  if (!/["“”`]|''/.test(joined)) return 'indirect';
  return parts.every((p) => QUOTE_OPEN.test(p) && QUOTE_CLOSE.test(p)) ? 'direct' : 'mixed';
}

export type PolnearResult = {
  scores: Score[];
  docs: number;
  skippedDocs: number;
  gold: number;
  predicted: number;
  perDoc: { doc: PolnearDoc; predicted: PredictedAttribution[] }[];
};

/** `run` defaults to the whole pipeline; development scripts may pass a lighter one. */
export function scorePolnear(docs: PolnearDoc[], setName: string, run?: (doc: Document) => Pick<Extraction, 'claims'>): PolnearResult {
  const comp = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (key: string, tp: number, fp: number, fn: number) => {
    const c = comp.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c.tp += tp;
    c.fp += fp;
    c.fn += fn;
    comp.set(key, c);
  };
  let skippedDocs = 0;
  let nGold = 0;
  let nPred = 0;
  const perDoc: PolnearResult['perDoc'] = [];
  for (const doc of docs) {
    const result = predict(doc.text, run);
    if (!result) {
      skippedDocs++;
      continue;
    }
    const { predicted } = result;
    perDoc.push({ doc, predicted });
    nGold += doc.gold.length;
    nPred += predicted.length;
    for (const role of ROLES) {
      const pred = predicted.flatMap((p) => p[role]);
      const gold = doc.gold.flatMap((g) => g[role]);
      for (const rule of ['exact', 'begin', 'overlap'] as Rule[]) {
        const tp = matchCount(rule, pred, gold);
        bump(`${role}|${rule}`, tp, pred.length - tp, gold.length - tp);
      }
    }
    // relations, overall and by slice (a prediction is sliced by its own kind and source)
    const used = new Uint8Array(doc.gold.length);
    const predHit = new Uint8Array(predicted.length);
    predicted.forEach((p, i) => {
      for (let g = 0; g < doc.gold.length; g++) {
        if (!used[g] && relationMatch(doc.text, p, doc.gold[g]!)) {
          used[g] = 1;
          predHit[i] = 1;
          break;
        }
      }
    });
    const slicesOfGold = (g: GoldAttribution) => [goldKind(doc.text, g), g.source.length ? 'with source' : 'no source'];
    const slicesOfPred = (p: PredictedAttribution) => [
      p.kind === 'direct' ? 'direct' : p.kind === 'mixed' ? 'mixed' : 'indirect',
      p.source.length ? 'with source' : 'no source',
    ];
    bump('relation|all', predHit.reduce((n, x) => n + x, 0), predHit.length - predHit.reduce((n, x) => n + x, 0), used.length - used.reduce((n, x) => n + x, 0));
    for (const slice of ['direct', 'mixed', 'indirect', 'with source', 'no source']) {
      let tp = 0;
      let fn = 0;
      let fp = 0;
      doc.gold.forEach((g, i) => {
        if (!slicesOfGold(g).includes(slice)) return;
        if (used[i]) tp++;
        else fn++;
      });
      predicted.forEach((p, i) => {
        if (slicesOfPred(p).includes(slice) && !predHit[i]) fp++;
      });
      bump(`relation|${slice}`, tp, fp, fn);
    }
  }
  const scores: Score[] = [];
  for (const [key, c] of comp) {
    const [task, rule] = key.split('|') as [string, string];
    const note = task === 'relation' && rule !== 'all' ? 'slice: gold by its content/source, false positives by the prediction\'s kind/source' : undefined;
    scores.push(score(task === 'relation' ? 'attribution relation' : `attribution ${task}`, setName, task === 'relation' ? `cue overlap, content Jaccard>=0.5, source overlap [${rule}]` : rule, c.tp, c.fp, c.fn, note));
  }
  return { scores, docs: perDoc.length, skippedDocs, gold: nGold, predicted: nPred, perDoc };
}

export async function evaluate(): Promise<EvalSection[]> {
  const dir = polnearDir();
  if (!dir) {
    return [{ name: 'polnear attribution', skipped: 'POLNEAR_DIR is not set to the PolNeAR data/ folder (with dev/attributions); PolNeAR may not be copied into the project', scores: [] }];
  }
  const docs = loadSplit(dir, 'dev');
  const t0 = performance.now();
  const result = scorePolnear(docs, 'PolNeAR dev');
  const ms = performance.now() - t0;
  return [
    {
      name: 'polnear attribution',
      scores: result.scores,
      extra: {
        split: 'dev',
        annotation: 'where several annotators marked a text, the .ann whose annotator code sorts first',
        documents: result.docs,
        documentsSkipped: result.skippedDocs,
        goldAttributions: result.gold,
        predictedAttributions: result.predicted,
        pipelineMs: Math.round(ms),
        anchors: 'PolNeAR test, exact F1 (CofeNet, BERT, 2022): source 83.2, cue 75.3, content 72.9; CoreNLP quote attribution content 17.5',
      },
    },
  ];
}
