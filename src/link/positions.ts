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
  role: 'position' | 'verdict';
  /** status keys, e.g. ['legal', 'student'] */
  keys: string[];
  /** YYYY-MM said (or published) */
  month: string;
  /** who holds it (the source's resolved name, else as written) */
  source: string;
  /** a position: its subject's words; a verdict: the words of its sentence and of the article's lead */
  words: string[];
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
    byClaim.set(id, {
      claimId: r.claim_id, role: r.role as Stance['role'], keys: [r.key], month: r.month, source: r.source, words: JSON.parse(r.words) as string[], text: r.text,
      docId: r.doc_id, ...(r.copy_group !== null && r.copy_group !== undefined ? { copyGroup: Number(r.copy_group) } : {}),
    });
  }
  return [...byClaim.values()];
}

/** At most this many stored stances are read per lookup (newest months first). */
export const STANCE_CANDIDATES = 200;

/** The lookup for a new stance: the other role, its keys, the months around it. */
export function stanceLookup(s: Stance): { role: string; keys: string[]; months: string[] } {
  return { role: s.role === 'position' ? 'verdict' : 'position', keys: s.keys, months: monthsAround(s.month) };
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
