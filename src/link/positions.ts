/**
 * Disagreements without figures that cross articles: a **position** (what a source says a group of
 * people are: "North Koreans in the country are there legally, mostly as students") and a **verdict**
 * on it by another source ("Calling them students is a legal fiction", "These are not students").
 * News repeats a government's line in background paragraphs for weeks, and an analyst's verdict on
 * that line often appears in another article, so neither can be found by looking inside one article
 * (denials.ts does that for denials of a named report).
 *
 * Both are kept in the link store under their **status words** (legality, or what the people are
 * said to be: students, tourists, trainees…) and the month they were said; a new one looks up the
 * other kind under its own words and the months around it (`WINDOW_MONTHS`), never the whole ledger.
 * A verdict often says "them": it is taken to speak of the people its article is about, which news
 * names in the lead, so a position's subject ("North Koreans") must appear in the verdict's sentence
 * or its article's first sentence.
 *
 * A second kind of stance is the **applicability** of a rule or sanctions regime to a group: affirmed
 * ("Resolution 2397 applies", "the crews are subject to EU sanctions", "fall under the treaty")
 * or denied ("is not subject to UN restrictions", "exempt from the quota", "the ban does not apply").
 * Each is filed under its instrument, named the way news names sanctions regimes (`instrumentKey`),
 * and an affirmed and a denied one on the same instrument, from two sources, about the same group,
 * make a denial conflict. Unlike a description of people, a legal reading is a standing position:
 * a government says once that its arrangement is lawful and keeps to it until the regime changes,
 * and news repeats it undated ("the Kremlin has said"), so these are set against each other within
 * `APPLICABILITY_WINDOW_MONTHS`, not the positions' three months.
 *
 * Also here: a rejection told as an apposition, "…, a reading rejected by Seoul, Washington and
 * Tokyo": the sources after "by" deny the claim the apposition is attached to.
 */
import type { Claim, Entity, Extraction } from '../types.ts';
import { PRONOUNS } from './lexicon.ts';
import { sourceIdentity } from './source.ts';

/** A position and a verdict further apart than this many months are not set against each other. */
export const WINDOW_MONTHS = 3;

/** Status words and the key each is filed under. */
const STATUS: Record<string, string> = {
  legal: 'legal', legally: 'legal', lawful: 'legal', lawfully: 'legal', legitimate: 'legal', legitimately: 'legal',
  student: 'student', students: 'student', tourist: 'tourist', tourists: 'tourist', trainee: 'trainee', trainees: 'trainee',
  intern: 'intern', interns: 'intern', volunteer: 'volunteer', volunteers: 'volunteer', pilgrim: 'pilgrim', pilgrims: 'pilgrim',
  refugee: 'refugee', refugees: 'refugee', civilian: 'civilian', civilians: 'civilian', advisers: 'adviser', advisors: 'adviser', instructors: 'instructor',
};
const LEGAL = 'legal|legally|lawful|lawfully|legitimate|legitimately';
const NOUNS = 'students?|tourists?|trainees?|interns?|volunteers?|pilgrims?|refugees?|civilians?|advisers|advisors|instructors';
/** "are there legally", "is lawful", "remain entirely legitimate" */
const LEGAL_PREDICATE = new RegExp(`\\b(?:is|are|was|were|be|been|being|remain|remains|stay|stays)\\s+(?:(?:there|here|present)\\s+)?(?:(?:entirely|fully|perfectly|wholly|completely|quite)\\s+)?(${LEGAL})\\b`, 'i');
/** "(there) as students", "registered as trainees" */
const AS_STATUS = new RegExp(`\\bas\\s+(${NOUNS})\\b`, 'i');
/** "these are not students", "they are not there legally" */
const NOT_STATUS = new RegExp(`\\b(?:is|are|was|were)\\s+not\\s+(?:really\\s+|there\\s+)?(?:as\\s+)?(${NOUNS}|${LEGAL})\\b`, 'i');
/** a verdict word: what was said is invented, a cover, untrue */
const VERDICT_WORDS = /\b(?:fiction|myth|pretext|sham|charade|farce|ruse|lie|lies|fabricat\w*|falsehood|fraud|euphemism|false|untrue|not true|nonsense)\b/i;
/** cues of a source that answers someone else, not one that holds a line of its own */
const ANSWER_CUE = /^(?:denounc|condemn|reject|dismiss|den[iy]|disput|refut|accus|criticis|criticiz|call|described?)/i;
const STOP = new Set(['the', 'a', 'an', 'that', 'this', 'these', 'those', 'any', 'such', 'some', 'all', 'most', 'many', 'its', 'their', 'his', 'her', 'our', 'and', 'or', 'who', 'which',
  'they', 'them', 'he', 'she', 'it', 'we', 'you', 'there', 'here', 'now', 'still', 'also', 'only', 'both', 'each', 'other', 'more',
  'would', 'could', 'should', 'will', 'may', 'might', 'must', 'can', 'has', 'have', 'had', 'been', 'not']);
const PREPOSITION = /\s(?:in|at|of|for|from|to|on|with|inside|within|across|under|by)\s/i;

/** Lower-case content words, plural -s off, possessives off. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().normalize('NFC').matchAll(/\p{L}[\p{L}\-]*(?:['’]s)?/gu)) {
    let w = m[0].replace(/['’]s$/, '');
    if (w.length < 3 || STOP.has(w)) continue;
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.push(w);
  }
  return out;
}

export type Stance = {
  claimId: string;
  /** a position and a verdict on it, or a rule said to apply ('applies') and said not to ('exempt') */
  role: 'position' | 'verdict' | 'applies' | 'exempt';
  /** status keys, e.g. ['legal', 'student']; an applicability stance: its instrument's key, e.g. ['UN sanctions'] */
  keys: string[];
  /** YYYY-MM said (or published) */
  month: string;
  /** who holds it (the source's resolved name, else as written) */
  source: string;
  /**
   * a position: its subject's words; a verdict: the words of its sentence and of the article's lead;
   * an applicability stance: the group's words when it names one (`named`), else its sentence's and lead's
   */
  words: string[];
  /** an applicability stance that names its group ("the contingent is not subject to …"), not one that leaves it to the story ("Resolution 2397 applies") */
  named?: boolean;
  /** the sentence that holds or judges it */
  text: string;
};

const sentences = (text: string) => text.split(/(?<=[.!?]["”’]?)\s+|\s+…\s+/).map((s) => s.replace(/^["“”']+|["“”',]+$/g, '').trim()).filter(Boolean);
const keysIn = (text: string) => [...new Set(contentWordsRaw(text).map((w) => STATUS[w]).filter((k): k is string => !!k))];
const contentWordsRaw = (text: string) => [...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]);

/** The month a claim was said: its date said when that gives a month, else the publication month (a year said that is not the publication year gives none). */
export function monthOf(c: Pick<Claim, 'said'>, published?: string): string | undefined {
  const said = c.said ?? '';
  if (/^\d{4}-\d{2}(?:-|$)/.test(said)) return said.slice(0, 7);
  if (said && /^\d{4}/.test(said) && published && said.slice(0, 4) !== published.slice(0, 4)) return undefined;
  return /^\d{4}-\d{2}/.test(published ?? '') ? published!.slice(0, 7) : undefined;
}

/** The months from `n` before `month` to `n` after it. */
export function monthsAround(month: string, n = WINDOW_MONTHS): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let k = -n; k <= n; k++) {
    const t = y * 12 + (m - 1) + k;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The article's first sentence, dateline and all: where news names who a story is about. */
function lead(text: string): string {
  const first = text.split(/\n\s*\n/).find((p) => p.trim()) ?? '';
  return sentences(first)[0] ?? '';
}

/** Positions and verdicts held in one article. */
export function stancesOf(doc: { text: string; published?: string }, x: Pick<Extraction, 'claims' | 'entities'>): Stance[] {
  const entities = new Map<string, Entity>(x.entities.map((e) => [e.id, e]));
  const leadWords = contentWords(lead(doc.text));
  const out: Stance[] = [];
  for (const c of x.claims) {
    if (!c.source || c.kind === 'omission' || c.polarity === 'negated') continue;
    // who holds it: the name it resolved to, else as written (a lone surname has no keys); a bare pronoun that resolved to nothing is no one
    const written = c.source.text.replace(/^[\s,]+|[\s,]+$/g, '');
    const source = sourceIdentity(c, entities)?.label ?? (c.source.entity || !PRONOUNS.has(written.toLowerCase()) ? written : undefined);
    const month = monthOf(c, doc.published);
    if (!source || !month) continue;
    for (const s of sentences(c.content.map((sp) => sp.text).join(' … '))) {
      for (const a of applicabilityIn(s)) {
        out.push({ claimId: c.id, role: a.role, keys: [a.key], month, source, words: a.group ?? [...new Set([...contentWords(s), ...leadWords])], ...(a.group ? { named: true } : {}), text: s });
      }
      const not = NOT_STATUS.exec(s);
      if (not || VERDICT_WORDS.test(s)) {
        const keys = keysIn(s);
        if (keys.length) out.push({ claimId: c.id, role: 'verdict', keys, month, source, words: [...new Set([...contentWords(s), ...leadWords])], text: s });
        continue;
      }
      if (ANSWER_CUE.test(c.cue?.text ?? '')) continue;
      const held = LEGAL_PREDICATE.exec(s) ?? AS_STATUS.exec(s);
      if (!held) continue;
      // the subject: the words before the predicate, up to the first preposition ("North Koreans in the country")
      const before = s.slice(0, held.index).split(/\bthat\s+/i).pop()!;
      const subject = contentWords(` ${before} `.split(PREPOSITION)[0]!);
      if (!subject.length) continue;
      out.push({ claimId: c.id, role: 'position', keys: keysIn(s.slice(held.index)), month, source, words: subject, text: s });
    }
  }
  return out;
}

/**
 * Why a verdict judges a position, or undefined: a status word in common, another source, months
 * within the window, and every word of the position's subject in the verdict's sentence or lead.
 */
export function judges(position: Stance, verdict: Stance): string | undefined {
  if (position.source.toLowerCase() === verdict.source.toLowerCase()) return undefined;
  const shared = position.keys.filter((k) => verdict.keys.includes(k));
  if (!shared.length || !monthsAround(verdict.month).includes(position.month)) return undefined;
  const words = new Set(verdict.words);
  if (!position.words.every((w) => words.has(w))) return undefined;
  return `${verdict.source} (${verdict.month}): “${verdict.text.slice(0, 100)}” — a verdict on ${shared.map((k) => `“${k}”`).join(' and ')} ` +
    `against ${position.source} (${position.month}): “${position.text.slice(0, 100)}”, about the same people (${position.words.join(' ')})`;
}

/** A legal reading holds while the regime and the arrangement last: an applicability stance and its opposite are set against each other this many months apart at most. */
export const APPLICABILITY_WINDOW_MONTHS = 12;

/** The head nouns news ends a rule's or sanctions regime's name with ("UN restrictions", "Resolution 2397", "the Labour Code"). */
const RULE_HEAD = 'sanctions?|restrictions?|resolutions?|bans?|embargo(?:es)?|laws?|treaty|treaties|conventions?|regulations?|rules|directives?|statutes?|code|quotas?|tariffs?';
/** a rule's head noun as a whole word (built once, not per word looked at) */
const RULE_HEAD_ALONE = new RegExp(`^(?:${RULE_HEAD})$`, 'i');
const INSTRUMENT = `(?:[\\p{L}\\d.'’-]+\\s+){0,4}?(?:${RULE_HEAD})\\b(?:\\s+\\d{3,4}\\b)?`;
const NEG = `(?:not|never|no\\s+longer)\\s+`;
/** a negation opening a match */
const NEG_FIRST = new RegExp(`^${NEG}`, 'i');
const ADVERB = '(?:(?:clearly|plainly|still|also|fully|entirely|therefore|thus|certainly|legally)\\s+)?';
/** the group as subject: "X is (not) subject to / exempt from / covered by / bound by INSTRUMENT", "X does not fall under INSTRUMENT" */
const GROUP_HELD = new RegExp(
  `\\b(?:(?:is|are|was|were|be|been|remain|remains|stay|stays)(n['’]t\\s+|\\s+${NEG}|\\s+)${ADVERB}(subject\\s+to|exempt(?:ed)?\\s+from|covered\\s+by|bound\\s+by)` +
  `|(?:(?:do|does|did)(n['’]t\\s+|\\s+${NEG})|(?:${NEG})?)(falls?\\s+under|fell\\s+under))\\s+(${INSTRUMENT})`, 'giu');
/** the instrument as subject: "Resolution 2397 applies", "EU sanctions do not apply to them" */
const RULE_APPLIES = new RegExp(`(${INSTRUMENT})\\s+${ADVERB}(?:(?:do|does|did|would|will|should|could)(n['’]t\\s+|\\s+${NEG}|\\s+))?(?:${NEG})?appl(?:y|ies|ied)\\b(?:\\s+to\\s+([^,;:.?!]+))?`, 'giu');
/*
 * Not here: "the deployment would breach UN sanctions", "does not violate the treaty". A breach is
 * said of an act (a deployment, a transfer, a payment), not of whom a rule covers; set against "the
 * contingent is not subject to UN restrictions" it would make an accusation and a status two sides
 * of one disagreement. An act's breach is answered by denying the act or its lawfulness.
 */
/** words that say how many or what kind of body, not who: "the North Korean contingent" is about North Koreans */
const COLLECTIVE = new Set(['contingent', 'group', 'workforce', 'force', 'unit', 'delegation', 'team', 'people', 'personnel', 'member', 'batch', 'wave', 'number', 'majority', 'rest', 'arrangement', 'deal', 'scheme']);
const FUNCTION_WORD = /^(?:the|a|an|and|or|but|of|to|in|on|at|by|for|from|with|under|is|are|was|were|be|been|that|which|who|any|all|its|their|his|her|these|those|this|such|no|not|if|as)$/i;

/**
 * The key an instrument is filed under: sanctions regimes as news names them, one key per body that
 * imposes them ("UN restrictions", "Security Council sanctions", "the UN ban" and "Resolution 2397"
 * are all 'UN sanctions': a numbered resolution in news is a Security Council one; "EU sanctions"
 * and "US sanctions" are others), anything else its head noun with the names before it ("the
 * Geneva Conventions" 'geneva convention', "the quota" 'quota').
 */
export function instrumentKey(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/);
  let head = -1;
  for (let i = words.length - 1; i >= 0 && head < 0; i--) if (RULE_HEAD_ALONE.test(words[i]!)) head = i;
  if (head < 0) return undefined;
  let from = head;
  while (from > 0 && head - from < 4 && !FUNCTION_WORD.test(words[from - 1]!)) from--;
  const mods = words.slice(from, head).join(' ');
  const noun = words[head]!.toLowerCase();
  const numbered = /^\d{3,4}$/.test(words[head + 1] ?? '');
  if (/\b(?:UN|U\.N\.?|UNSC)(?![\p{L}])/u.test(mods) || /united nations|security council/i.test(mods) || (/^resolutions?$/.test(noun) && numbered)) return 'UN sanctions';
  if (/^(?:sanctions?|restrictions?|bans?|embargo(?:es)?)$/.test(noun)) {
    if (/\b(?:EU|E\.U\.?)(?![\p{L}])/u.test(mods) || /european|brussels/i.test(mods)) return 'EU sanctions';
    if (/\b(?:US|U\.S\.?|USA)(?![\p{L}])/u.test(mods) || /american|united states|washington|treasury|ofac/i.test(mods)) return 'US sanctions';
    if (/\b(?:UK|U\.K\.?)(?![\p{L}])/u.test(mods) || /british|britain|london/i.test(mods)) return 'UK sanctions';
  }
  // other instruments: the capitalised names before the head ("Geneva", "Labour") and the head, singular
  const names = words.slice(from, head).filter((w) => /^\p{Lu}/u.test(w));
  return contentWords([...names, noun].join(' ')).join(' ') || undefined;
}

/** The group a clause names before its predicate ("that the North Korean contingent in Kursk is there … and"), without pronouns or collective nouns; undefined when it names none. */
function groupBefore(before: string): string[] | undefined {
  const clause = before.split(/[,;:]\s*/).pop()!.split(/\bthat\s+/i).pop()!;
  const subject = ` ${clause} `.split(PREPOSITION)[0]!.split(/\s(?:is|are|was|were|has|have|had|will|would|remain|remains|be|been|do|does|did|says?|said)\s/i)[0]!;
  return groupWords(subject);
}
function groupWords(text: string): string[] | undefined {
  const words = contentWords(text).filter((w) => !COLLECTIVE.has(w) && !PRONOUNS.has(w));
  return words.length ? words : undefined;
}
/** a condition or a question, not a reading held: "if the ban applies", "whether they are subject to it" */
const open = (before: string) => /\b(?:if|whether|unless)\b/i.test(before.split(/[,;:—]|\s(?:and|but)\s/).pop()!);

/** The applicability stances of one sentence: an instrument's key, affirmed or denied, and the group when the sentence names it. */
export function applicabilityIn(s: string): { role: 'applies' | 'exempt'; key: string; group?: string[] }[] {
  if (/\?\s*$/.test(s)) return [];
  const out: { role: 'applies' | 'exempt'; key: string; group?: string[] }[] = [];
  const add = (negated: boolean, instrument: string, group: string[] | undefined, predicate: number) => {
    const key = instrumentKey(instrument);
    if (!key || open(s.slice(0, predicate))) return;
    out.push({ role: negated ? 'exempt' : 'applies', key, ...(group ? { group } : {}) });
  };
  for (const m of s.matchAll(GROUP_HELD)) {
    const negated = /n['’]t|not|never|no\s+longer/i.test(m[1] ?? m[3] ?? '') || NEG_FIRST.test(m[0]);
    // "exempt from" denies applicability; "not exempt from" affirms it
    const exempt = /^exempt/i.test(m[2] ?? '');
    add(exempt ? !negated : negated, m[5]!, groupBefore(s.slice(0, m.index)), m.index);
  }
  for (const m of s.matchAll(RULE_APPLIES)) {
    const negated = /n['’]t|not|never|no\s+longer/i.test(m[0].slice(m[1]!.length));
    // the clause up to the predicate: the instrument's match may begin a few words before its name ("stay if the quota")
    add(negated, m[1]!, m[3] ? groupWords(` ${m[3]} `.split(PREPOSITION)[0]!) : undefined, m.index + m[1]!.length);
  }
  return out;
}

/**
 * Why an affirmed and a denied applicability of one instrument are set against each other, or
 * undefined: another source, months within `APPLICABILITY_WINDOW_MONTHS`, and the same people:
 * at least one names its group, and every word of a named group is in the other's group or, where
 * the other names none, in its sentence or lead (the verdict's rule above).
 */
export function contradicts(exempt: Stance, applies: Stance): string | undefined {
  if (exempt.source.toLowerCase() === applies.source.toLowerCase()) return undefined;
  const shared = exempt.keys.filter((k) => applies.keys.includes(k));
  if (!shared.length || !monthsAround(applies.month, APPLICABILITY_WINDOW_MONTHS).includes(exempt.month)) return undefined;
  const within = (a: Stance, b: Stance) => !!a.named && a.words.length > 0 && a.words.every((w) => b.words.includes(w));
  const group = within(exempt, applies) ? exempt.words : within(applies, exempt) ? applies.words : undefined;
  if (!group) return undefined;
  return `${applies.source} (${applies.month}): “${applies.text.slice(0, 100)}” — ${shared.join(' and ')} apply, ` +
    `against ${exempt.source} (${exempt.month}): “${exempt.text.slice(0, 100)}” — not subject to them, about the same people (${group.join(' ')})`;
}

/**
 * A new stance and a stored one set against each other: which is side 0 (a position, or the claim
 * that a rule does not apply, which is what the other answers), which side 1, why, and the
 * conflict's key. One conflict per pair of sources (and instrument) and month of the answering side,
 * however many articles repeat either.
 */
export function setAgainst(s: Stance, o: Stance): { a: Stance; b: Stance; why: string; label: string; period: string; sa: string; sb: string } | undefined {
  if (OTHER_ROLE[s.role] !== o.role) return undefined;
  if (s.role === 'position' || s.role === 'verdict') {
    const [a, b] = s.role === 'position' ? [s, o] : [o, s];
    const why = judges(a, b);
    return why ? { a, b, why, ...stanceConflict(a, b) } : undefined;
  }
  const [a, b] = s.role === 'exempt' ? [s, o] : [o, s];
  const why = contradicts(a, b);
  if (!why) return undefined;
  const key = a.keys.find((k) => b.keys.includes(k))!;
  return { a, b, why, label: `${key}: ${a.source} against ${b.source}`, period: b.month, sa: `exempt from ${key}: ${a.source}`, sb: `${key} apply: ${b.source}` };
}

/** What a denial conflict sets against what, read from its sides' keys: a report and its denial, a position and a verdict on it, or a rule said not to apply and said to. */
export function denialOf(sideA: string): 'report' | 'verdict' | 'applicability' {
  return sideA.startsWith('position of ') ? 'verdict' : sideA.startsWith('exempt from ') ? 'applicability' : 'report';
}

export type Rejection = {
  /** the claim rejected */
  claim: Claim;
  /** the claim whose words the apposition is: the rejected claim itself, or a claim of its own the claims stage made of it */
  partOf: string;
  /** the apposition in the document: "a reading rejected by Seoul, Washington and Tokyo" */
  start: number;
  end: number;
  text: string;
  /** who rejects it */
  by: string;
  why: string;
};

const THING = '(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:reading|view|claim|account|interpretation|position|characteri[sz]ation|assertion|argument|version|description|framing|explanation|justification|assessment|narrative|stance|line)';
const REJECTED = '(?:(?:that\\s+)?(?:has\\s+been|have\\s+been|was|is|were)\\s+)?(?:rejected|disputed|denied|contested|dismissed|challenged|questioned)';
const APPOSITION = new RegExp(`,\\s+(${THING}\\s+${REJECTED}\\s+by\\s+([^;.]+?))\\s*[.;]?$`, 'iu');
const THING_ALONE = new RegExp(`^${THING}$`, 'iu');
const REJECTED_ALONE = new RegExp(`^${REJECTED}$`, 'i');

/**
 * Claims that carry their own rejection as an apposition: "X said Y, a reading rejected by Z". The
 * apposition is either the end of the claim's content or, where the claims stage made a claim of it
 * ("a reading" rejected "by Z"), the claim that starts right after it (no more than ", " between).
 */
export function rejectionsOf(claims: Claim[]): Rejection[] {
  const out: Rejection[] = [];
  const ends = (c: Claim) => Math.max(...c.content.map((sp) => sp.end));
  for (const c of claims) {
    if (!c.source || c.kind === 'omission') continue;
    const span = c.content[c.content.length - 1];
    const m = span ? APPOSITION.exec(span.text) : null;
    if (span && m) {
      const start = span.start + m.index + m[0].indexOf(m[1]!);
      const by = m[2]!.trim();
      out.push({
        claim: c, partOf: c.id, start, end: start + m[1]!.length, text: m[1]!, by,
        why: `${by} reject what ${c.source.text.trim()} said: “${span.text.slice(0, m.index).slice(0, 120)}” (“${m[1]}”, an apposition to the claim)`,
      });
      continue;
    }
    // the apposition as a claim of its own: source "a reading", cue "rejected", content "by Seoul, …"
    const by = /^by\s+(.+?)[\s.;]*$/i.exec(c.content.map((sp) => sp.text).join(' '))?.[1];
    // in lower case: "a reading" after a comma, not "A reading …" opening a sentence of its own
    if (!by || !/^[a-z]/.test(c.source.text.trim()) || !THING_ALONE.test(c.source.text.trim()) || !REJECTED_ALONE.test(c.cue?.text.trim() ?? '')) continue;
    const target = claims.find((t) => t !== c && t.source && t.kind !== 'omission' && t.content.length && c.source!.start - ends(t) >= 0 && c.source!.start - ends(t) <= 3);
    if (!target) continue;
    const end = ends(c);
    const text = `${c.source.text.trim()} ${c.cue!.text.trim()} ${c.content.map((sp) => sp.text).join(' ')}`;
    out.push({
      claim: target, partOf: c.id, start: c.source.start, end, text, by: by.trim(),
      why: `${by.trim()} reject what ${target.source!.text.trim()} said: “${target.content.map((sp) => sp.text).join(' … ').slice(0, 120)}” (“${text}”, an apposition to the claim)`,
    });
  }
  return out;
}

/** A stance as the link store keeps it: one row per key. */
export type StanceRow = { role: string; key: string; month: string; doc_id: string; claim_id: string; source: string; copy_group: number | null; words: string; text: string };
export type StoredStance = Stance & { docId: string; copyGroup?: number };

/** The rows of a lookup back into stances, one per claim, in the order the rows came. */
export function stancesFromRows(rows: StanceRow[]): StoredStance[] {
  const byClaim = new Map<string, StoredStance>();
  for (const r of rows) {
    const id = `${r.doc_id}\u0000${r.claim_id}\u0000${r.text}`;
    const had = byClaim.get(id);
    if (had) {
      if (!had.keys.includes(r.key)) had.keys.push(r.key);
      continue;
    }
    // an applicability stance keeps whether its words name the group: {"group": [...]} or {"context": [...]}
    const w = JSON.parse(r.words) as string[] | { group?: string[]; context?: string[] };
    byClaim.set(id, {
      claimId: r.claim_id, role: r.role as Stance['role'], keys: [r.key], month: r.month, source: r.source, text: r.text,
      ...(Array.isArray(w) ? { words: w } : w.group ? { words: w.group, named: true } : { words: w.context ?? [] }),
      docId: r.doc_id, ...(r.copy_group !== null && r.copy_group !== undefined ? { copyGroup: Number(r.copy_group) } : {}),
    });
  }
  return [...byClaim.values()];
}

/** At most this many stored stances are read per lookup (newest months first). */
export const STANCE_CANDIDATES = 200;

/** The words column of a stance's rows: an applicability stance says whether they name its group. */
export function stanceWords(s: Stance): string {
  return JSON.stringify(s.role === 'applies' || s.role === 'exempt' ? (s.named ? { group: s.words } : { context: s.words }) : s.words);
}

const OTHER_ROLE: Record<Stance['role'], Stance['role']> = { position: 'verdict', verdict: 'position', applies: 'exempt', exempt: 'applies' };

/** The lookup for a new stance: the other role, its keys, the months around it (a year either side for a legal reading). */
export function stanceLookup(s: Stance): { role: string; keys: string[]; months: string[] } {
  const window = s.role === 'applies' || s.role === 'exempt' ? APPLICABILITY_WINDOW_MONTHS : WINDOW_MONTHS;
  return { role: OTHER_ROLE[s.role], keys: s.keys, months: monthsAround(s.month, window) };
}

/**
 * The denial conflict a verdict and a position make: one per pair of sources and month of the
 * verdict, however many articles repeat either side.
 */
export function stanceConflict(position: Stance, verdict: Stance): { label: string; period: string; sa: string; sb: string } {
  return { label: `${position.source}: ${position.text.slice(0, 80)}`, period: verdict.month, sa: `position of ${position.source}`, sb: `verdict of ${verdict.source}` };
}

/**
 * The period a denial conflict is filed under: its statement when the denied claim is a report of
 * one (as a reporting discrepancy is), since the reports of one statement may give different dates
 * said or none, and the first to arrive would otherwise decide; else the claim's date said, else the
 * publication month. Every article that reports one statement and its denial meets one conflict,
 * in whatever order the articles come.
 */
export function denialPeriod(target: Pick<Claim, 'said'>, published: string | undefined, statement?: number): string | null {
  return statement !== undefined ? `statement ${statement}` : target.said ?? published?.slice(0, 7) ?? null;
}

/** The denial conflict of a claim and the rejection in its own apposition, keyed as a denial of a report is (by statement when it has one). */
export function rejectionConflict(doc: { id: string; published?: string }, x: Pick<Extraction, 'entities'>, r: Rejection, statementOf: Map<string, number>) {
  const statement = statementOf.get(r.claim.id);
  const who = r.claim.source?.entity ? x.entities.find((e) => e.id === r.claim.source!.entity)?.name : r.claim.source?.text;
  const content = r.claim.content.map((s) => s.text).join(' … ');
  const held = r.partOf === r.claim.id ? content.slice(0, content.lastIndexOf(r.text)).replace(/[\s,]+$/, '') : content;
  return {
    label: `${(who ?? 'a report').trim()}: ${held.slice(0, 80)}`,
    period: denialPeriod(r.claim, doc.published, statement),
    sa: statement !== undefined ? `statement ${statement}` : `${doc.id}:${r.claim.id}`,
    sb: `rejected by ${r.by}`,
    statement: statement ?? null,
  };
}
