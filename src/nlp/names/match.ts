/**
 * Cross-document entity matching: is this entity, found in one article, the same as a candidate
 * found in another? A pure function of the two records (name, type, country, role, mentions), so
 * the ledger can call it over candidates looked up by `blockingKey`.
 *
 * What counts as evidence is how names vary between outlets: hyphens and spacing ("Kim Jong Un" /
 * "Kim Jong-un"), romanisation ("Lee Seong-kweun" / "Lee Sung-kwon"), middle names and initials
 * ("Vladimir V. Putin" / "Vladimir Putin"), family-name order, acronyms ("KCNA"). A different
 * country, or a different given name with the same surname, keeps two people apart.
 */
import type { EntityType } from '../../types.ts';
import { gazetteer } from './gazetteer.ts';
import { FAMILY_FIRST } from './mentions.ts';
import { nameKey } from './normalize.ts';

export type EntityRef = {
  name: string;
  type: EntityType;
  country?: string;
  role?: string;
  /** Mention texts or spans; descriptions ("the North Korean leader") are ignored for matching names. */
  mentions?: (string | { text: string })[];
};

export type Match = { same: boolean; confidence: number; evidence: string[] };

const SAME_THRESHOLD = 0.6;

/**
 * Romanisation-insensitive form of one word: vowels after the first letter dropped, voiced and
 * voiceless consonants merged, doubled letters collapsed — "seong"/"sung" → "sng", "kweun"/"kwon" → "kn".
 */
export function skeleton(word: string): string {
  const w = nameKey(word).replace(/ /g, '');
  if (!w) return '';
  const merged = w
    .replace(/ch|j|zh/g, 'c')
    .replace(/sh/g, 's')
    .replace(/ph|f/g, 'p')
    .replace(/g(?!$)|q/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/v/g, 'w')
    .replace(/x/g, 's')
    .replace(/z/g, 's')
    .replace(/ng$/, 'n');
  let out = merged[0]!;
  for (let i = 1; i < merged.length; i++) {
    const c = merged[i]!;
    if ('aeiouyhw'.includes(c)) continue;
    if (c !== out[out.length - 1]) out += c;
  }
  return out;
}

type PersonName = { family: string; given: string[]; familyFirst: boolean };

function words(name: string): string[] {
  return nameKey(name).split(' ').filter(Boolean);
}

function isNameText(text: string): boolean {
  return !/^(the|a|an) /i.test(text) && /\p{Lu}/u.test(text[0] ?? '');
}

/** Splits a person's name into family name and given names, honouring family-name-first names. */
export function personName(name: string): PersonName {
  // keep the hyphenated given name as one: "Jong-un" and "Jong Un" and "Jongun" are one name
  const raw = name.trim().split(/\s+/).filter(Boolean);
  const parts = raw.map((p) => nameKey(p)).filter((p) => p && !/^(jr|sr|[ivx]+)$/.test(p));
  if (parts.length <= 1) return { family: parts[0] ?? '', given: [], familyFirst: false };
  if (FAMILY_FIRST.has(parts[0]!)) return { family: parts[0]!, given: parts.slice(1), familyFirst: true };
  return { family: parts[parts.length - 1]!, given: parts.slice(0, -1), familyFirst: false };
}

/** Candidate lookup key: same key for any two names that could be the same entity. */
export function blockingKey(e: Pick<EntityRef, 'name' | 'type' | 'country'>): string {
  const group = e.type === 'LOC' ? 'GPE' : e.type;
  if (e.type === 'PERSON') return `PERSON:${skeleton(personName(e.name).family)}`;
  if (e.type === 'GPE' || e.type === 'LOC') {
    const listed = gazetteer().lookup(e.name).find((x) => x.kind === 'country');
    if (listed?.country) return `GPE:${listed.country}`;
  }
  const ws = words(e.name).filter((w) => !['the', 'of', 'and', 'for'].includes(w));
  return `${group}:${ws[0] ?? ''}`;
}

function acronym(name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

export function matchEntities(a: EntityRef, b: EntityRef): Match {
  const evidence: string[] = [];
  const group = (t: EntityType) => (t === 'LOC' ? 'GPE' : t);
  if (group(a.type) !== group(b.type)) return { same: false, confidence: 0.02, evidence: [`types differ: ${a.type} / ${b.type}`] };
  if (a.country && b.country && a.country !== b.country) {
    return { same: false, confidence: 0.03, evidence: [`countries differ: ${a.country} / ${b.country}`] };
  }
  const namesA = [a.name, ...(a.mentions ?? []).map((m) => (typeof m === 'string' ? m : m.text))].filter(isNameText);
  const namesB = [b.name, ...(b.mentions ?? []).map((m) => (typeof m === 'string' ? m : m.text))].filter(isNameText);

  let score = a.type === 'PERSON' ? personScore(a.name, b.name, evidence) : otherScore(a, b, namesA, namesB, evidence);
  if (score > 0 && score < 0.9) {
    // two outlets writing one of the same full names is good evidence on its own
    const shared = namesA.find((x) => x.includes(' ') && namesB.some((y) => nameKey(y) === nameKey(x)));
    if (shared) {
      score = Math.max(score, 0.85);
      evidence.push(`both write "${shared}"`);
    }
  }
  if (score > 0) {
    if (a.country && a.country === b.country) {
      score = Math.min(0.99, score + 0.05);
      evidence.push(`same country ${a.country}`);
    }
    if (a.role && b.role && nameKey(a.role) === nameKey(b.role)) {
      score = Math.min(0.99, score + 0.05);
      evidence.push(`same role "${a.role}"`);
    }
  }
  return { same: score >= SAME_THRESHOLD, confidence: Number(score.toFixed(2)), evidence };
}

function personScore(x: string, y: string, evidence: string[]): number {
  const a = personName(x);
  const b = personName(y);
  if (!a.family || !b.family) return 0;
  if (nameKey(x) === nameKey(y)) {
    evidence.push('same name');
    return 0.9;
  }
  const givenA = a.given.join('');
  const givenB = b.given.join('');
  const familySame = a.family === b.family;
  const familyVariant = !familySame && skeleton(a.family) === skeleton(b.family);
  if (!familySame && !familyVariant) {
    // "Xi Jinping" and "Jinping Xi": the same words in the other order
    const wa = words(x).sort().join(' ');
    if (wa === words(y).sort().join(' ')) {
      evidence.push('same words, family name in the other place');
      return 0.7;
    }
    evidence.push(`family names differ: ${a.family} / ${b.family}`);
    return 0;
  }
  evidence.push(familySame ? `same family name "${a.family}"` : `family names are romanisation variants: ${a.family} / ${b.family}`);
  if (!a.given.length || !b.given.length) {
    evidence.push('one side gives the family name only');
    return familySame ? 0.5 : 0.4;
  }
  const joinedA = a.given.map((g) => g.replace(/ /g, '')).join('');
  const joinedB = b.given.map((g) => g.replace(/ /g, '')).join('');
  if (joinedA === joinedB) {
    evidence.push('given names differ only in spacing or hyphens');
    return familySame ? 0.92 : 0.85;
  }
  if (skeleton(givenA) === skeleton(givenB)) {
    evidence.push(`given names are romanisation variants: ${a.given.join(' ')} / ${b.given.join(' ')}`);
    return familySame ? 0.8 : 0.72;
  }
  // "Vladimir V. Putin" / "Vladimir Putin" / "V. Putin": first given names agree, the rest are initials or absent
  const firstA = a.given[0]!;
  const firstB = b.given[0]!;
  const initialsOk = (p: string[], q: string[]) => p.slice(1).every((g, i) => !q[i + 1] || q[i + 1]![0] === g[0]);
  if (firstA === firstB && initialsOk(a.given, b.given)) {
    evidence.push('same first name; middle names agree or are absent');
    return 0.88;
  }
  if ((firstA.length === 1 || firstB.length === 1) && firstA[0] === firstB[0]) {
    evidence.push('first name given as an initial');
    return 0.7;
  }
  evidence.push(`given names differ: ${a.given.join(' ')} / ${b.given.join(' ')}`);
  return 0;
}

function otherScore(a: EntityRef, b: EntityRef, namesA: string[], namesB: string[], evidence: string[]): number {
  const keysA = new Set(namesA.map(nameKey));
  const keysB = new Set(namesB.map(nameKey));
  for (const k of keysA) {
    if (keysB.has(k)) {
      evidence.push(`same name "${k}"`);
      return 0.9;
    }
  }
  const gz = gazetteer();
  const idsA = new Set(namesA.flatMap((n) => gz.lookup(n).map((e) => e.id)));
  const listed = namesB.flatMap((n) => gz.lookup(n)).find((e) => idsA.has(e.id));
  if (listed) {
    evidence.push(`both names of listed ${listed.kind} "${listed.name}"`);
    return 0.95;
  }
  for (const x of namesA) {
    for (const y of namesB) {
      const ax = acronym(x);
      const ay = acronym(y);
      if ((ax.length > 1 && nameKey(ax) === nameKey(y)) || (ay.length > 1 && nameKey(ay) === nameKey(x))) {
        evidence.push(`acronym: ${x} / ${y}`);
        return 0.8;
      }
    }
  }
  evidence.push('no shared name');
  return 0;
}

/** The best candidate the entity matches, if any. */
export function bestMatch(e: EntityRef, candidates: EntityRef[]): { index: number; match: Match } | null {
  let best: { index: number; match: Match } | null = null;
  candidates.forEach((c, index) => {
    const match = matchEntities(e, c);
    if (match.same && (!best || match.confidence > best.match.confidence)) best = { index, match };
  });
  return best;
}
