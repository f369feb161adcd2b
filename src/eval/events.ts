/**
 * Event coding against two references:
 *  - the PLOVER gold sentences (CAMEO manual examples coded with the older 18-label PLOVER, mapped
 *    to PLOVER 2.0 with the shared label map): sentence-level event-type P/R/F1 (the set of types
 *    predicted for a sentence against the set coded), and actor / recipient accuracy where the
 *    coded actor text overlaps an entity mention the pipeline found;
 *  - the seed article's answer key (4 events): type and trigger, then actor and recipient by name.
 * The full pipeline runs on every text, so the numbers move as the entity, time and claim stages do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import { PLOVER_TYPES } from '../nlp/events/lexicon.ts';
import { stateOf } from '../nlp/events/roles.ts';
import type { Entity, Event, Extraction } from '../types.ts';
import { hasShared, loadSeed, sharedPath } from './shared.ts';
import { score, type EvalSection, type Score } from './types.ts';

const GOLD = ['data', 'events', 'gold', 'plover_gsr_cameo.dev70.jsonl'];
const LABEL_MAP = ['data', 'events', 'gold', 'gsr_label_map_v05_to_v2.csv'];

type GoldActor = { actorText?: string };
type GoldRecord = { id: string; event: string; text: string; source?: GoldActor[] | string; target?: GoldActor[] | string };

/** Old label → PLOVER 2.0 type, from the shared CSV (first two columns). */
export function loadLabelMap(): Map<string, string> {
  const map = new Map<string, string>();
  const lines = readFileSync(sharedPath(...LABEL_MAP), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [from, to] = line.split(',');
    if (from && to) map.set(from.trim(), to.trim());
  }
  return map;
}

const actorsOf = (v: GoldActor[] | string | undefined): string[] =>
  Array.isArray(v) ? v.map((a) => a.actorText ?? '').filter((t) => t.length > 0) : [];

/**
 * Entities with a mention overlapping the first occurrence of `text`, and the states their
 * nationality stands for (the stage codes "Israeli soldiers" as Israel when the text names Israel).
 */
function entitiesAt(ext: Extraction, docText: string, text: string): Set<string> {
  const out = new Set<string>();
  const at = docText.indexOf(text);
  if (at < 0) return out;
  const end = at + text.length;
  const asState = stateOf(ext.entities);
  for (const e of ext.entities) if (e.mentions.some((m) => m.start < end && at < m.end)) out.add(e.id).add(asState(e.id));
  return out;
}

type RoleTally = { eligible: number; correct: number; filled: number };
const tally = (): RoleTally => ({ eligible: 0, correct: 0, filled: 0 });

/** Scores one coded record's role; returns false when the prediction is wrong or missing. */
function scoreRole(t: RoleTally, gold: Set<string>, predicted: Event[], role: 'actor' | 'recipient'): boolean {
  if (gold.size === 0) return true;
  t.eligible++;
  if (predicted.some((e) => e[role] !== undefined)) t.filled++;
  if (predicted.some((e) => e[role] !== undefined && gold.has(e[role]!))) {
    t.correct++;
    return true;
  }
  return false;
}

function goldSection(): EvalSection {
  const name = 'events (PLOVER gold)';
  if (!hasShared(...GOLD) || !hasShared(...LABEL_MAP)) return { name, skipped: 'PLOVER gold sentences not found under shared/data/events/gold', scores: [] };
  const labelMap = loadLabelMap();
  const records = readFileSync(sharedPath(...GOLD), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRecord);
  const bySentence = new Map<string, GoldRecord[]>();
  for (const r of records) bySentence.set(r.text, [...(bySentence.get(r.text) ?? []), r]);

  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perType = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
    const row = perType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    row[k]++;
    perType.set(type, row);
  };
  const actor = tally();
  const recipient = tally();
  let withEntities = 0;
  const misses: string[] = [];
  const spurious: string[] = [];
  const roleErrors: string[] = [];
  for (const [text, recs] of bySentence) {
    const doc = makeDocument({ text });
    const ext = extract(doc);
    if (ext.entities.length > 0) withEntities++;
    const gold = new Set(recs.map((r) => labelMap.get(r.event) ?? r.event));
    const predicted = new Set(ext.events.map((e) => e.type));
    for (const t of predicted) {
      if (gold.has(t)) {
        tp++;
        bump(t, 'tp');
      } else {
        fp++;
        bump(t, 'fp');
        if (spurious.length < 400) spurious.push(`${t} -> [${[...gold].join(',')}] ${text.slice(0, 90)}`);
      }
    }
    for (const t of gold) {
      if (!predicted.has(t)) {
        fn++;
        bump(t, 'fn');
        if (misses.length < 400) misses.push(`${t} <- [${[...predicted].join(',')}] ${text.slice(0, 90)}`);
      }
    }
    for (const r of recs) {
      const type = labelMap.get(r.event) ?? r.event;
      const same = ext.events.filter((e) => e.type === type);
      if (same.length === 0) continue;
      const goldActors = new Set(actorsOf(r.source).flatMap((a) => [...entitiesAt(ext, doc.text, a)]));
      const goldRecipients = new Set(actorsOf(r.target).flatMap((a) => [...entitiesAt(ext, doc.text, a)]));
      const names = (ids: Iterable<string | undefined>) => [...ids].map((id) => ext.entities.find((e) => e.id === id)?.name ?? '-').join('/');
      if (!scoreRole(actor, goldActors, same, 'actor'))
        roleErrors.push(`actor ${type}: got ${names(same.map((e) => e.actor))} want ${names(goldActors)} | ${text.slice(0, 80)}`);
      if (!scoreRole(recipient, goldRecipients, same, 'recipient'))
        roleErrors.push(`recipient ${type}: got ${names(same.map((e) => e.recipient))} want ${names(goldRecipients)} | ${text.slice(0, 80)}`);
    }
  }
  const set = `plover-gsr dev70 (${bySentence.size})`;
  const scores: Score[] = [score('event type', set, 'sentence type set', tp, fp, fn)];
  for (const type of PLOVER_TYPES) {
    const row = perType.get(type);
    if (row) scores.push(score(`  ${type}`, set, 'sentence type set', row.tp, row.fp, row.fn));
  }
  return {
    name,
    scores,
    extra: {
      'sentences with any entity': withEntities,
      'actor eligible (type found, gold actor is an entity)': actor.eligible,
      'actor accuracy': actor.eligible ? actor.correct / actor.eligible : 0,
      'actor filled': actor.eligible ? actor.filled / actor.eligible : 0,
      'recipient eligible': recipient.eligible,
      'recipient accuracy': recipient.eligible ? recipient.correct / recipient.eligible : 0,
      'recipient filled': recipient.eligible ? recipient.filled / recipient.eligible : 0,
      misses,
      spurious,
      roleErrors,
    },
  };
}

/** Offset of `needle` as a whole word (or phrase), first occurrence, or -1. */
function wordIndexOf(text: string, needle: string): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  return re.exec(text)?.index ?? -1;
}

/** An entity answers to a key name when its name or one of its mentions is that name. */
const answersTo = (e: Entity | undefined, name: string | undefined): boolean =>
  !!e && !!name && (e.name === name || e.mentions.some((m) => m.text === name));

function seedSection(): EvalSection {
  const name = 'seed events';
  if (!hasShared('seeds')) return { name, skipped: 'seed article not found under shared/seeds', scores: [] };
  const { doc, key } = loadSeed();
  const ext = extract(doc);
  const labelMap = hasShared(...LABEL_MAP) ? loadLabelMap() : new Map<string, string>();
  const byId = new Map(ext.entities.map((e) => [e.id, e]));
  const used = new Set<Event>();
  let tp = 0;
  let actorOk = 0;
  let recipientOk = 0;
  let recipientKeyed = 0;
  const rows: string[] = [];
  for (const k of key.events) {
    const note = (k as { note?: string }).note ?? '';
    // the key may name older labels (DEMAND) and, in its note, other acceptable codings
    const accepted = new Set([k.type, labelMap.get(k.type) ?? k.type, ...PLOVER_TYPES.filter((t) => note.includes(t))]);
    const at = wordIndexOf(doc.text, k.trigger);
    const end = at + k.trigger.length;
    const hit = ext.events.find((e) => !used.has(e) && accepted.has(e.type) && at >= 0 && e.trigger.start < end && at < e.trigger.end);
    if (k.recipient) recipientKeyed++;
    if (!hit) {
      rows.push(`MISS ${k.type} "${k.trigger}"`);
      continue;
    }
    used.add(hit);
    tp++;
    const a = byId.get(hit.actor ?? '');
    const r = byId.get(hit.recipient ?? '');
    if (answersTo(a, k.actor)) actorOk++;
    if (k.recipient && answersTo(r, k.recipient)) recipientOk++;
    rows.push(`${hit.type} "${hit.trigger.text}" actor=${a?.name ?? '-'} (key ${k.actor ?? '-'}) recipient=${r?.name ?? '-'} (key ${k.recipient ?? '-'})`);
  }
  const others = ext.events.filter((e) => !used.has(e));
  return {
    name,
    scores: [
      score('event type+trigger', 'seed key (4 events)', 'type, trigger overlap', tp, others.length, key.events.length - tp, 'key is not exhaustive: fp counts every other event'),
    ],
    extra: {
      'actor correct (of key events)': `${actorOk}/${key.events.length}`,
      'recipient correct (of key events)': `${recipientOk}/${recipientKeyed}`,
      matches: rows,
      'other predicted events': others.map((e) => `${e.type} "${e.trigger.text}" actor=${byId.get(e.actor ?? '')?.name ?? '-'} recipient=${byId.get(e.recipient ?? '')?.name ?? '-'}`),
    },
  };
}

export async function evaluate(): Promise<EvalSection[]> {
  return [goldSection(), seedSection()];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sections = await evaluate();
  for (const s of sections) {
    console.log(`== ${s.name}${s.skipped ? ` (skipped: ${s.skipped})` : ''}`);
    for (const r of s.scores)
      console.log(`${r.task.padEnd(22)} P ${(r.precision * 100).toFixed(1)} R ${(r.recall * 100).toFixed(1)} F1 ${(r.f1 * 100).toFixed(1)}  ${r.tp}/${r.fp}/${r.fn}`);
    for (const [k, v] of Object.entries(s.extra ?? {})) {
      if (Array.isArray(v)) {
        if (process.env.EVENTS_VERBOSE) for (const line of v) console.log(`  ${k}: ${line}`);
      } else console.log(`${k}: ${typeof v === 'number' && !Number.isInteger(v) ? (v * 100).toFixed(1) + '%' : v}`);
    }
  }
}
