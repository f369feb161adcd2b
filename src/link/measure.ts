/**
 * What a figure measures, in terms that figures from different articles can share.
 *
 * A counted figure is described by facets a reader would use: the class of what is counted
 * (labourers, builders and workers are all `worker`; troops and soldiers are `soldier`), whose
 * they are (the demonym or country: `North Korean`, `DPRK` → PRK), where they are (`in Russia`,
 * `Russia’s Kursk region` → Kursk), whether the figure is planned or forecast rather than counted,
 * and whether it is a part of a larger count ("Of those, 6,904 …"). Amounts are described by unit
 * and rate (`USD per month`). From the facets come three keys:
 *   - the series key, what a reader follows over time (class family + country + place + modality);
 *   - the comparison key, what two figures must share before they can disagree (exact classes);
 *   - measureKey(), a plain normalised noun phrase stored on every figure row.
 * Every description carries the reasons it was made, in words.
 */
import type { Extraction, Figure } from '../types.ts';
import {
  CASUALTY_PREDICATE, CLASS_FAMILY, COMPARE_AS, FAMILY_NOUN, NON_NAMED_PLACE, NOT_A_MEASURE, NOUN_CLASS, PERSON_CLASSES,
  PERSON_PREDICATE, PLACE_PREPOSITION, PLANNED_AFTER, PLANNED_BEFORE, VERB_LIKE,
} from './lexicon.ts';
import { clauseAround, paragraphAround, sentenceAround, wordsIn, type Word } from './text.ts';
import { demonymOf, isSubNational, namesIn, type NameHit } from './places.ts';

const IRREGULAR: Record<string, string> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  personnel: 'personnel',
  staff: 'staff',
  police: 'police',
  troops: 'troop',
  series: 'series',
  species: 'species',
  servicemen: 'serviceman',
  servicewomen: 'servicewoman',
  news: 'news',
  data: 'data',
};

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (/(ss|us|is)$/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|xes|zes|sses)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** The class of a counted noun, trying the two-word compound before the head alone. */
function classOf(prev: string | undefined, head: string): string | undefined {
  const h = singular(head);
  if (prev) {
    const compound = `${prev.toLowerCase()} ${h}`;
    if (NOUN_CLASS[compound]) return NOUN_CLASS[compound];
  }
  return NOUN_CLASS[h] ?? NOUN_CLASS[head.toLowerCase()];
}

/**
 * A plain normalised key of the counted noun phrase, or of unit and rate: "North Korean labourers"
 * and "north korean workers" meet at "north korean worker". Stored on every figure row.
 */
export function measureKey(f: Pick<Figure, 'counts' | 'unit' | 'per'>): string | undefined {
  if (f.counts) {
    const words = f.counts
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w && !/^(the|a|an|of|some|these|those|their|its|his|her)$/.test(w));
    if (!words.length) return undefined;
    const last = words.length - 1;
    const cls = classOf(words[last - 1], words[last]!);
    const compound = last > 0 && NOUN_CLASS[`${words[last - 1]} ${singular(words[last]!)}`] !== undefined;
    if (cls && compound) words.splice(last - 1, 2, cls);
    else words[last] = cls && cls !== 'killed' && cls !== 'wounded' ? cls : singular(words[last]!);
    return words.join(' ');
  }
  if (f.unit) return f.per ? `${f.unit} per ${f.per}` : f.unit;
  return undefined;
}

export type MeasureFacets = {
  /** 'count' for counted things, 'amount' for unit measures (money, %, km). */
  kind: 'count' | 'amount';
  /** Exact classes, sorted: ['engineer', 'worker'] for "builders and deminers". */
  classes: string[];
  family: string;
  country?: string;
  countryLabel?: string;
  place?: string;
  placeLabel?: string;
  placeLevel?: 'country' | 'sub' | 'abroad';
  /** The place was written with the figure (not carried from elsewhere in the article). */
  placeStated?: boolean;
  unit?: string;
  per?: string;
  planned: boolean;
  part: boolean;
  /** How the counted noun was written, for labels ("labourers"). */
  noun?: string;
};

export type FigureMeasure = MeasureFacets & {
  figureId: string;
  /** Where the figure starts in its document. */
  at: number;
  /** Why the figure got these facets, in words. */
  why: string[];
};

export type DescribeInput = { text: string; extraction: Pick<Extraction, 'figures' | 'claims'> };

type NounPhrase = { classes: string[]; nouns: string[]; country?: string; countryLabel?: string; endsAt?: number; place?: PlaceFound };
type PlaceFound = { key: string; label: string; level: 'country' | 'sub' | 'abroad'; country?: string };

const AUXILIARY = /^(had|have|has|been|were|was|are|is|be|being|who|that|which|now|already|reportedly|also|still|then|since|so|far|all|mostly|currently|later|once|there|had|not)$/;

function placeOf(hit: NameHit): PlaceFound | undefined {
  if (hit.type === 'ORG' || hit.kind === 'demonym') return undefined;
  if (hit.kind === 'country') return hit.country ? { key: hit.country, label: hit.name, level: 'country', country: hit.country } : undefined;
  if (isSubNational(hit) || hit.kind === 'feature') {
    return { key: `${hit.country ?? ''}/${hit.name}`, label: hit.name, level: 'sub', ...(hit.country ? { country: hit.country } : {}) };
  }
  return undefined;
}

/** The place named right after a preposition at words[i]: "in Russia", "to Russia’s Kursk region", "in the Far East". */
function placeAfterPreposition(words: Word[], i: number): PlaceFound | undefined {
  return placeAt(words, i + 1);
}

/** The place named at words[j] ("Russia", "the Kursk region", "Russia’s Kursk region" → Kursk). */
function placeAt(words: Word[], j: number): PlaceFound | undefined {
  if (words[j]?.lower === 'the') j++;
  const rest = words.slice(j, j + 7);
  const hits = namesIn(rest);
  if (!hits.length || hits[0]!.from !== 0) return undefined;
  let best = placeOf(hits[0]!);
  // "Russia’s Kursk region": the possessive country frames a more precise place
  if (best && rest[hits[0]!.to - 1]?.possessive && hits[1] && hits[1].from === hits[0]!.to) best = placeOf(hits[1]) ?? best;
  return best;
}

/** Reads a noun phrase ("North Korean construction workers", "North Koreans", "builders and deminers"). */
function readNounPhrase(words: Word[]): NounPhrase | undefined {
  if (!words.length) return undefined;
  const np: NounPhrase = { classes: [], nouns: [] };
  const names = namesIn(words);
  const covered = new Set<number>();
  for (const h of names) {
    if ((h.kind === 'demonym' || h.kind === 'country') && h.country && !np.country) {
      np.country = h.country;
      np.countryLabel = words.slice(h.from, h.to).map((w) => w.text).join(' ');
      for (let k = h.from; k < h.to; k++) covered.add(k);
    }
  }
  // conjuncts: "builders and deminers", "workers and military engineers"
  const groups: Word[][] = [[]];
  words.forEach((w, i) => {
    if (w.lower === 'and' || w.lower === 'or' || w.lower === 'plus') groups.push([]);
    else if (!covered.has(i)) groups[groups.length - 1]!.push(w);
  });
  for (const g of groups) {
    const head = g[g.length - 1];
    if (!head) continue;
    const cls = classOf(g[g.length - 2]?.text, head.text) ?? singular(head.text);
    if (!np.classes.includes(cls)) np.classes.push(cls);
    np.nouns.push(g.map((w) => w.text).join(' '));
  }
  if (!np.classes.length && np.country) {
    // "North Koreans": the demonym is the noun
    np.classes.push('person');
    np.nouns.push(np.countryLabel!);
  }
  return np.classes.length ? np : undefined;
}

/** Cuts a counted phrase at the first word that cannot belong to it ("citizens entered Russia"). */
function nounPhraseWords(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    if (VERB_LIKE.test(w.lower) && w.lower !== 'and' && w.lower !== 'or' && !(out.length === 0 && /^(the|a|an)$/.test(w.lower))) break;
    if (/ed$/.test(w.lower) && !NOUN_CLASS[w.lower] && out.length && !w.capital) break;
    out.push(w);
  }
  while (out.length && /^(the|a|an|some|these|those|their|its|his|her|more|other)$/.test(out[0]!.lower)) out.shift();
  return out;
}

/** Words of the predicate after a noun phrase, up to the clause's next comma. */
function predicateWords(text: string, from: number, to: number): Word[] {
  const stop = text.slice(from, to).search(/,(?!\d)|[;:!?“”"()]|\.(?=\s)/);
  return wordsIn(text, from, stop < 0 ? to : from + stop).slice(0, 12);
}

function familyOf(classes: string[]): string {
  const fams = [...new Set(classes.map((c) => CLASS_FAMILY[c] ?? c))].sort();
  return fams.join('+');
}

/** Describes every figure of one document (order matters: a bare number takes its measure from the one before it). */
export function describeFigures(input: DescribeInput): Map<string, FigureMeasure> {
  const { text, extraction } = input;
  const out = new Map<string, FigureMeasure>();
  const figures = [...extraction.figures].sort((a, b) => a.start - b.start);
  let previous: FigureMeasure | undefined;
  let previousEnd = -1;
  for (const f of figures) {
    const m = describeOne(text, f, previous && f.start - previousEnd < 400 ? previous : undefined);
    if (!m) continue;
    out.set(f.id, m);
    if (m.kind === 'count' && !m.part) {
      previous = m;
      previousEnd = f.end;
    }
  }
  placeFromDocument(out);
  return out;
}

const CURRENCY_NOUN: Record<string, string> = {
  dollar: 'USD', euro: 'EUR', pound: 'GBP', rouble: 'RUB', ruble: 'RUB', yuan: 'CNY', renminbi: 'CNY', yen: 'JPY', won: 'KRW',
  rupee: 'INR', hryvnia: 'UAH', franc: 'CHF',
};

/** "several hundred dollars": a vague amount the figures stage left without a unit. */
function currencyOf(counts: string | undefined): string | undefined {
  if (!counts) return undefined;
  const head = counts.trim().split(/\s+/).pop();
  return head ? CURRENCY_NOUN[singular(head)] : undefined;
}

function rateOf(s: string): string | undefined {
  return /\b(?:a|per|each|every)\s+(month|year|week|day|hour)\b/i.exec(s)?.[1]?.toLowerCase();
}

/**
 * The counted phrase from its first words: cut where it stops being a noun phrase, then widened
 * where the figures stage stopped short of a compound ("work" + "permits") or a conjunct
 * ("builders" + "and deminers").
 */
function readCounted(text: string, words: Word[], clauseEnd: number): { words: Word[]; end: number } | undefined {
  const kept = nounPhraseWords(words);
  if (!kept.length) return undefined;
  let end = kept[kept.length - 1]!.end;
  const out = [...kept];
  const next = wordsIn(text, end, Math.min(clauseEnd, end + 60)).slice(0, 4);
  if (next[0] && next[0].start - end <= 1 && !next[0].capital && NOUN_CLASS[`${out[out.length - 1]!.lower} ${singular(next[0].lower)}`]) {
    out.push(next.shift()!);
    end = out[out.length - 1]!.end;
  }
  if (next[0] && (next[0].lower === 'and' || next[0].lower === 'or') && next[0].start - end <= 2) {
    const tail = next.slice(1);
    for (let n = tail.length; n >= 1; n--) {
      const t = tail.slice(0, n);
      if (t.some((w) => /^\d/.test(w.text))) continue;
      if (classOf(t[t.length - 2]?.text, t[t.length - 1]!.text) && !namesIn(t).length) {
        out.push(next[0], ...t);
        end = t[t.length - 1]!.end;
        break;
      }
    }
  }
  return { words: out, end };
}

/** "the number of X … at N", "an estimate of X", "X numbered N": the counted phrase written before the number. */
function namedBefore(text: string, c0: number, figureStart: number): { np: NounPhrase; phrase: string } | undefined {
  const before = text.slice(c0, figureStart);
  let words: Word[] | undefined;
  const numberOf = /\b(?:number|estimate|count|tally|total|figure)s?\s+of\s+/gi;
  let last: RegExpExecArray | null = null;
  for (let m = numberOf.exec(before); m; m = numberOf.exec(before)) last = m;
  if (last) words = wordsIn(text, c0 + last.index + last[0].length, figureStart).slice(0, 8);
  else {
    const verb = /\s(?:numbered|totall?ed|stood at|reached|rose to|fell to|grew to)\s+$/.exec(before);
    if (verb) {
      const prior = wordsIn(text, Math.max(c0, c0 + verb.index - 80), c0 + verb.index);
      let i = prior.length;
      while (i > 0 && !/^(that|said|says|told|and|but|when|while|as|of)$/.test(prior[i - 1]!.lower) && prior.length - i < 7) i--;
      words = prior.slice(i);
    }
  }
  if (!words?.length) return undefined;
  const cut = nounPhraseWords(words);
  const np = readNounPhrase(cut);
  if (!np) return undefined;
  const rest = words.slice(cut.length);
  const prep = rest.findIndex((w) => PLACE_PREPOSITION.has(w.lower));
  if (prep >= 0 && prep < 2) {
    const place = placeAfterPreposition(rest, prep);
    if (place) np.place = place;
  }
  return { np, phrase: cut.map((w) => w.text).join(' ') };
}

function describeOne(text: string, f: Figure, previous: FigureMeasure | undefined): FigureMeasure | undefined {
  const why: string[] = [];
  const [c0, c1] = clauseAround(text, f.start, f.end);
  const planned = isPlanned(text, f, c0, c1);
  const part = isPart(text, f);
  if (planned) why.push(f.modality === 'planned' ? 'marked planned by the figures stage' : 'planned or forecast (future or intent in its clause)');
  if (part) why.push('a part of a larger count ("of those …")');

  const unit = f.unit ?? currencyOf(f.counts);
  const per = f.per ?? (unit && !f.unit ? rateOf(text.slice(f.start, Math.min(c1, f.end + 20))) : undefined);
  if (unit) {
    if (unit === '%') {
      const of = /^\s*of\s+/.exec(text.slice(f.end, c1));
      const kept = of ? nounPhraseWords(wordsIn(text, f.end + of[0].length, Math.min(c1, f.end + of[0].length + 40)).slice(0, 3)) : [];
      const noun = kept.length && !/\d/.test(kept[0]!.text) ? singular(kept[kept.length - 1]!.text) : undefined;
      if (!noun || NOT_A_MEASURE.has(noun) || /^\d/.test(noun)) return undefined;
      why.push(`a share of ${noun}`);
      return { figureId: f.id, at: f.start, kind: 'amount', classes: [`% of ${noun}`], family: `% of ${noun}`, unit: '%', planned, part, why };
    }
    why.push(`an amount in ${unit}${per ? ' per ' + per : ''}`);
    return { figureId: f.id, at: f.start, kind: 'amount', classes: [unit], family: unit, unit, ...(per ? { per } : {}), planned, part, why };
  }

  // the counted phrase as the figures stage found it, else the words right after the number
  let np: NounPhrase | undefined;
  let npEnd = f.end;
  let read: { words: Word[]; end: number } | undefined;
  if (f.counts) {
    const at = text.slice(f.start, f.end).lastIndexOf(f.counts);
    if (at >= 0) read = readCounted(text, wordsIn(text, f.start + at, f.start + at + f.counts.length), c1);
  }
  if (!read) {
    // "about 3,000 work permits to …", "some 2,700 wounded": a known noun right after the number
    const next = wordsIn(text, f.end, Math.min(c1, f.end + 50)).slice(0, 4);
    const r = next.length && !/^\d/.test(next[0]!.text) && next[0]!.start - f.end <= 1 ? readCounted(text, next, c1) : undefined;
    if (r) {
      const probe = readNounPhrase(r.words);
      if (probe && (probe.country || probe.classes.some((c) => NOUN_CLASS[c] !== undefined || Object.values(NOUN_CLASS).includes(c)))) read = r;
    }
  }
  if (read) {
    np = readNounPhrase(read.words);
    if (np) {
      npEnd = read.end;
      why.push(`counts “${read.words.map((w) => w.text).join(' ')}”`);
    }
  }

  const before = text.slice(c0, f.start);

  // "the number of North Korean workers in Russia at 12,000", "North Korean workers in Russia numbered about 4,000"
  if (!np) {
    const named = namedBefore(text, c0, f.start);
    if (named) {
      np = named.np;
      why.push(`counts “${named.phrase}” (named before the number)`);
    }
  }

  if (!np) {
    // single digits next to a figure are list numbers and counts of something else, rarely an elliptical count
    if (f.value === null || !previous || (f.value < 10 && f.min === undefined)) return undefined;
    why.push(`no counted noun: carries the measure of a figure just before it`);
    return { ...previous, figureId: f.id, at: f.start, planned, part, why, placeStated: false };
  }

  // what the predicate says of them: "… were killed", "North Koreans worked in Russia", "citizens entered Russia"
  const pred = predicateWords(text, npEnd, c1);
  let classes = np.classes;
  const firstVerb = pred.find((w) => !AUXILIARY.test(w.lower));
  // "were killed", "were killed or wounded": the first verb, and a casualty verb coordinated with it
  const verbAt = firstVerb ? pred.indexOf(firstVerb) : -1;
  const casualty: string[] = [];
  if (verbAt >= 0 && CASUALTY_PREDICATE[firstVerb!.lower]) {
    casualty.push(CASUALTY_PREDICATE[firstVerb!.lower]!);
    const next = pred[verbAt + 2];
    if ((pred[verbAt + 1]?.lower === 'or' || pred[verbAt + 1]?.lower === 'and') && next && CASUALTY_PREDICATE[next.lower]) casualty.push(CASUALTY_PREDICATE[next.lower]!);
  }
  if (casualty.length && !classes.every((c) => CLASS_FAMILY[c] === 'killed' || CLASS_FAMILY[c] === 'wounded')) {
    classes = [...new Set(casualty)];
    why.push(`the predicate counts ${classes.join(' and ')}`);
  } else if (classes.every((c) => PERSON_CLASSES.has(c)) && firstVerb && PERSON_PREDICATE[firstVerb.lower]) {
    classes = [PERSON_PREDICATE[firstVerb.lower]!];
    why.push(`“${firstVerb.text}” makes them ${classes[0]}s`);
  }
  // the figure names the recipients of permits: "work permits to about 3,000 North Korean citizens"
  const permitTo = /\b((?:work|labou?r)\s+)?(permits?|visas?)\s+(?:\w+\s+){0,2}?to\s*$/i.exec(before);
  if (permitTo && classes.every((c) => PERSON_CLASSES.has(c) || c === 'worker')) {
    classes = [permitTo[1] ? 'work permit' : singular(permitTo[2]!)];
    why.push(`counts ${permitTo[0].trim().replace(/\s+to$/, '')} issued to them`);
  }
  classes = [...new Set(classes)].sort();
  if (classes.some((c) => NOT_A_MEASURE.has(c))) return undefined;

  // whose: the demonym in the phrase, else "from North Korea", "to North Koreans", or the sending country
  let country = np.country;
  let countryLabel = np.countryLabel;
  let place: PlaceFound | undefined = np.place;
  for (let i = 0; i < pred.length; i++) {
    const w = pred[i]!;
    if (!place && PLACE_PREPOSITION.has(w.lower)) {
      place = placeAfterPreposition(pred, i);
      if (place) why.push(`where: “${w.text} ${place.label}”`);
    }
    // "entered Russia", "reached Poland": the verb's object is where they went
    if (!place && i > 0 && i < 4 && /^(enter|entered|entering|enters|reached|reach|reaching|left|leave|fled|crossed)$/.test(pred[i - 1]!.lower)) {
      const found = placeAt(pred, i);
      if (found) {
        place = /^(left|leave|fled)$/.test(pred[i - 1]!.lower) ? undefined : found;
        if (place) why.push(`where: “${pred[i - 1]!.text} ${found.label}”`);
      }
    }
    if (!place && NON_NAMED_PLACE[w.lower]) {
      place = { key: 'abroad', label: w.lower, level: 'abroad' };
      why.push(`where: ${w.lower}`);
    }
    // "arrivals from North Korea", "permits to North Koreans": origin or recipients, not a place
    if (!country && (w.lower === 'from' || w.lower === 'to')) {
      const hit = namesIn(pred.slice(i + 1, i + 5))[0];
      if (hit && hit.from === 0 && hit.country && (hit.kind === 'demonym' || (w.lower === 'from' && hit.kind === 'country'))) {
        country = hit.country;
        countryLabel = demonymOf(hit.country) ?? hit.name;
        why.push(`whose: “${w.text} ${hit.name}”`);
      }
    }
  }
  if (!country) {
    const sender = /([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*){0,3})\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|plans\s+to\s+|agreed\s+to\s+|is\s+to\s+)?(?:sent|send|sends|sending|dispatch|dispatched|dispatches|deploy|deployed|deploys|deploying)\s+(?:\w+\s+){0,3}$/u.exec(before);
    const hit = sender ? namesIn(wordsIn(sender[1]!, 0, sender[1]!.length))[0] : undefined;
    if (hit?.country && (hit.kind === 'country' || hit.kind === 'capital')) {
      country = hit.country;
      countryLabel = demonymOf(hit.country) ?? hit.name;
      why.push(`whose: sent by ${hit.name}`);
    }
  }
  // "4,500 labourers and 1,500 sappers": a second figure in a coordination shares the first one's whose and where
  if (previous && previous.kind === 'count' && sameSentence(text, previous.at, f.start)) {
    if (!country && previous.country) {
      country = previous.country;
      countryLabel = previous.countryLabel;
      why.push(`whose: as the figure before it in the sentence`);
    }
    if (!place && previous.place && previous.family === familyOf(classes)) {
      place = { key: previous.place, label: previous.placeLabel!, level: previous.placeLevel! };
      why.push(`where: as the figure before it in the sentence`);
    }
  }

  // where, when the predicate does not say: a region or city named in the sentence, else earlier in the paragraph
  if (!place && (country || classes.some((c) => CLASS_FAMILY[c]))) {
    const [s0, s1] = sentenceAround(text, f.start);
    const [p0] = paragraphAround(text, f.start);
    const inSentence = regionIn(text, s0, s1);
    const found = inSentence ?? regionIn(text, p0, s0);
    if (found) {
      place = found;
      why.push(`where: ${found.label} (named in the ${inSentence ? 'sentence' : 'paragraph'})`);
    }
  }

  const family = familyOf(classes);
  return {
    figureId: f.id,
    at: f.start,
    kind: 'count',
    classes,
    family,
    ...(country ? { country, countryLabel: countryLabel ?? demonymOf(country) } : {}),
    ...(place ? { place: place.key, placeLabel: place.label, placeLevel: place.level, placeStated: true } : {}),
    planned,
    part,
    noun: np.nouns.join(' and '),
    why,
  };
}

/**
 * A region or city named in text[from, to). Capitals and countries are left out: named as the
 * subject of a sentence they stand for governments ("Moscow promised …", "Seoul said …").
 */
function regionIn(text: string, from: number, to: number): PlaceFound | undefined {
  for (const h of namesIn(wordsIn(text, from, to))) if (h.kind === 'region' || h.kind === 'city') return placeOf(h);
  return undefined;
}

function sameSentence(text: string, a: number, b: number): boolean {
  const [s0, s1] = sentenceAround(text, b);
  return a >= s0 && a < s1;
}

/** A figure whose place is not written takes the one place its document gives the same measure. */
function placeFromDocument(all: Map<string, FigureMeasure>): void {
  const places = new Map<string, Set<string>>();
  const labels = new Map<string, FigureMeasure>();
  for (const m of all.values()) {
    if (m.kind !== 'count' || !m.place || !m.placeStated) continue;
    const k = `${m.family}|${m.country ?? ''}`;
    (places.get(k) ?? places.set(k, new Set()).get(k)!).add(m.place);
    labels.set(`${k}|${m.place}`, m);
  }
  for (const m of all.values()) {
    if (m.kind !== 'count' || m.place || !m.country) continue;
    const k = `${m.family}|${m.country}`;
    const set = places.get(k);
    if (set?.size === 1) {
      const [p] = set;
      const from = labels.get(`${k}|${p}`)!;
      m.place = from.place!;
      m.placeLabel = from.placeLabel!;
      m.placeLevel = from.placeLevel!;
      m.placeStated = false;
      m.why.push(`where: ${from.placeLabel} (the only place the article gives this measure)`);
    }
  }
}

function isPlanned(text: string, f: Figure, c0: number, c1: number): boolean {
  if (f.modality === 'planned') return true;
  const before = wordsIn(text, Math.max(c0, f.start - 90), f.start).slice(-8);
  const window = before.map((w) => w.text).join(' ');
  if (PLANNED_BEFORE.test(window)) return true;
  // after the figure, only up to the next comma: "400 builders are in Qatar, and the ministry will send …" is a count
  const after = text.slice(f.end, c1);
  const comma = after.search(/,(?!\d)/);
  return PLANNED_AFTER.test(comma < 0 ? after : after.slice(0, comma));
}

function isPart(text: string, f: Figure): boolean {
  const [s0] = sentenceAround(text, f.start);
  const head = text.slice(s0, f.start);
  if (/^(?:Of|Among)\s+(?:those|them|these|the|last|this|all|its|their)\b[^,]{0,60},/.test(head)) return true;
  return /^\s+of\s+(?:them|those|these|whom)\b/.test(text.slice(f.end, f.end + 20));
}

/** The series a figure belongs to: family, whose, where, and whether planned or a part. */
export function seriesKey(m: MeasureFacets): string {
  if (m.kind === 'amount') return ['amount', m.family, m.per ?? '', m.planned ? 'planned' : '', m.part ? 'part' : ''].join('|');
  return ['count', m.family, m.country ?? '', m.place ?? '', m.planned ? 'planned' : '', m.part ? 'part' : ''].join('|');
}

/** What a figure must share with another before the two can disagree: the exact classes, whose, planned or not. */
export function compareKey(m: MeasureFacets): string {
  const classes = [...new Set(m.classes.map((c) => COMPARE_AS[c] ?? c))].sort().join('+');
  if (m.kind === 'amount') return ['amount', classes, m.per ?? '', m.planned ? 'planned' : ''].join('|');
  return ['count', classes, m.country ?? '', m.planned ? 'planned' : ''].join('|');
}

/** The scope of a series without its place: where a figure with no place looks for its series. */
export function scopeKey(m: MeasureFacets): string {
  return ['count', m.family, m.country ?? '', m.planned ? 'planned' : '', m.part ? 'part' : ''].join('|');
}

/** A series is worth following across articles only when it says whose or where. */
export function isScoped(m: MeasureFacets): boolean {
  return m.kind === 'amount' || !!m.country || !!m.place;
}

export function seriesLabel(m: MeasureFacets): string {
  if (m.kind === 'amount') {
    const what = m.unit === '%' ? m.family.replace(/^% of /, '% of ') : `${m.unit}${m.per ? ' per ' + m.per : ''}`;
    return `${what}${m.planned ? ' (planned or forecast)' : ''}${m.part ? ' (part)' : ''}`;
  }
  const noun = m.family.split('+').map((f) => FAMILY_NOUN[f] ?? f).join(' and ');
  const whose = m.country ? (demonymOf(m.country) ?? m.countryLabel ?? m.country) + ' ' : '';
  const where = m.place ? (m.placeLevel === 'abroad' ? ' abroad' : ` in ${m.placeLabel}`) : '';
  return `${whose}${noun}${where}${m.planned ? ' (planned or forecast)' : ''}${m.part ? ' (part)' : ''}`;
}

/**
 * Facets of a phrase a user types ("north korean workers", "troops in Kursk"), to find the series
 * it names. Capitalisation is restored so that names are recognised.
 */
export function describePhrase(phrase: string): Partial<MeasureFacets> | undefined {
  const titled = phrase.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  const words = wordsIn(titled, 0, titled.length).map((w) => (/^(In|To|Of|And|Or|The|At)$/.test(w.text) ? { ...w, text: w.lower, lower: w.lower, capital: false } : w));
  const prep = words.findIndex((w) => PLACE_PREPOSITION.has(w.lower));
  const head = prep >= 0 ? words.slice(0, prep) : words;
  // the typed words are all capitalised now; nouns are nouns again once names are found
  const np = readNounPhrase(head.map((w) => (NOUN_CLASS[singular(w.lower)] || NOUN_CLASS[w.lower] ? { ...w, capital: false } : w)));
  const place = prep >= 0 ? placeAfterPreposition(words, prep) : undefined;
  if (!np && !place) return undefined;
  const classes = (np?.classes ?? []).sort();
  return {
    kind: 'count',
    ...(classes.length ? { classes, family: familyOf(classes) } : {}),
    ...(np?.country ? { country: np.country } : {}),
    ...(place ? { place: place.key, placeLabel: place.label } : {}),
  };
}
