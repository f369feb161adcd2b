/**
 * Attribution cues: the verbs and phrases with which English news attributes a statement, belief,
 * intention or decree to a source. Looked up by wink lemma, so one entry covers every inflection.
 *
 * The lists follow the classes that attribution studies of news (PARC, PolNeAR) distinguish:
 * reporting verbs, verbs of knowing and believing, of wanting and planning, of evaluating
 * (criticise, praise, endorse), and artifacts that "show" or "find". Verbs whose reporting sense is
 * only one of several (see, show, find, know, call) fire only with a clausal complement.
 *
 * Beside the hand list, a table counted on PolNeAR train (scripts/train-claim-cues.ts) says how
 * often a verb is a cue given what follows it; where it has enough evidence it decides.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type CueFrame = {
  /** Takes a person addressed before the content ("told reporters that ..."). */
  recipient?: boolean;
  /** Can stand after its content with the source after it ("..., said the mayor"). */
  inverts?: boolean;
  /** Fires only when followed by a clause: that / wh-word / quotation / colon / to-infinitive. */
  needsClause?: boolean;
  /** Prepositions that belong to the cue when they follow the verb ("called for", "pointed out"). */
  particles?: readonly string[];
  /** A communication verb whose negation reports something left unsaid ("did not mention"). */
  omissible?: boolean;
};

const SAY: CueFrame = { inverts: true, omissible: true };
const PLAIN: CueFrame = {};

/** lemma -> frame. Lemmas as wink's English model produces them. */
export const CUE_VERBS: ReadonlyMap<string, CueFrame> = new Map<string, CueFrame>([
  // saying and its manner variants
  ['say', { inverts: true, omissible: true, particles: ['of', 'about'] }],
  ['add', SAY],
  ['note', SAY],
  ['write', { inverts: true, needsClause: true }],
  ['tweet', SAY],
  ['post', { needsClause: true }],
  ['state', SAY],
  ['declare', SAY],
  ['announce', SAY],
  ['report', SAY],
  ['explain', SAY],
  ['argue', SAY],
  ['claim', SAY],
  ['insist', { inverts: true, particles: ['on'] }],
  ['assert', SAY],
  ['contend', SAY],
  ['maintain', { needsClause: true }],
  ['stress', SAY],
  ['emphasize', SAY],
  ['emphasise', SAY],
  ['reiterate', SAY],
  ['repeat', { needsClause: true }],
  ['remark', SAY],
  ['observe', SAY],
  ['comment', { inverts: true, omissible: true, particles: ['on'] }],
  ['continue', { inverts: true, needsClause: true }],
  ['reply', SAY],
  ['respond', { inverts: true, particles: ['to'] }],
  ['answer', SAY],
  ['retort', SAY],
  ['quip', SAY],
  ['joke', SAY],
  ['boast', { inverts: true, particles: ['of', 'about'] }],
  ['brag', { inverts: true, particles: ['about'] }],
  ['complain', { inverts: true, particles: ['about', 'of'] }],
  ['lament', SAY],
  ['admit', SAY],
  ['acknowledge', SAY],
  ['concede', SAY],
  ['confirm', SAY],
  ['deny', SAY],
  ['disclose', SAY],
  ['reveal', SAY],
  ['mention', SAY],
  ['recall', SAY],
  ['predict', SAY],
  ['estimate', SAY],
  ['forecast', SAY],
  ['calculate', { needsClause: true }],
  ['warn', { inverts: true, recipient: true, particles: ['of', 'about', 'against'] }],
  ['caution', { inverts: true, particles: ['against'] }],
  ['promise', { inverts: true, recipient: true }],
  ['pledge', SAY],
  ['vow', SAY],
  ['threaten', PLAIN],
  ['allege', SAY],
  ['charge', { needsClause: true }],
  ['testify', SAY],
  ['suggest', SAY],
  ['hint', { particles: ['at'] }],
  ['imply', SAY],
  ['indicate', SAY],
  ['signal', { needsClause: true }],
  ['point', { particles: ['out', 'to'], needsClause: true }],
  ['shout', SAY],
  ['chant', SAY],
  ['cry', { needsClause: true }],
  ['scream', SAY],
  ['whisper', SAY],
  ['exclaim', SAY],
  ['conclude', SAY],
  ['agree', { particles: ['with'] }],
  ['disagree', { particles: ['with'] }],
  ['object', { particles: ['to'] }],
  ['protest', { needsClause: true }],
  ['speak', { particles: ['about', 'of', 'on'], needsClause: true }],
  ['talk', { particles: ['about'], needsClause: true }],
  ['discuss', PLAIN],
  ['address', { needsClause: true }],
  ['describe', PLAIN],
  ['characterize', PLAIN],
  ['call', { particles: ['for', 'on'] }],
  ['label', PLAIN],
  ['dub', PLAIN],
  ['brand', PLAIN],
  ['refer', { particles: ['to'] }],
  ['cite', PLAIN],
  ['quote', PLAIN],
  ['read', { needsClause: true }],
  // addressing someone
  ['tell', { recipient: true, omissible: true }],
  ['inform', { recipient: true }],
  ['assure', { recipient: true }],
  ['reassure', { recipient: true }],
  ['remind', { recipient: true }],
  ['urge', { recipient: true }],
  ['ask', { recipient: true, particles: ['about', 'for'] }],
  ['question', PLAIN],
  ['demand', SAY],
  ['request', PLAIN],
  ['order', { needsClause: true }],
  ['advise', { recipient: true }],
  ['convince', { recipient: true, needsClause: true }],
  ['persuade', { recipient: true, needsClause: true }],
  ['encourage', { recipient: true, needsClause: true }],
  // evaluating someone or something
  ['accuse', PLAIN],
  ['blame', PLAIN],
  ['criticize', PLAIN],
  ['criticise', PLAIN],
  ['condemn', PLAIN],
  ['denounce', PLAIN],
  ['decry', PLAIN],
  ['slam', PLAIN],
  ['blast', PLAIN],
  ['attack', { needsClause: true }],
  ['mock', PLAIN],
  ['ridicule', PLAIN],
  ['praise', PLAIN],
  ['hail', PLAIN],
  ['applaud', PLAIN],
  ['welcome', PLAIN],
  ['thank', PLAIN],
  ['tout', PLAIN],
  ['defend', PLAIN],
  ['dismiss', PLAIN],
  ['reject', PLAIN],
  ['endorse', PLAIN],
  ['support', PLAIN],
  ['back', { needsClause: true }],
  ['oppose', PLAIN],
  ['favor', PLAIN],
  ['favour', PLAIN],
  ['propose', PLAIN],
  ['recommend', PLAIN],
  ['challenge', { needsClause: true }],
  ['dispute', PLAIN],
  // knowing, believing, perceiving
  ['think', PLAIN],
  ['believe', PLAIN],
  ['feel', { needsClause: true }],
  ['know', { needsClause: true }],
  ['doubt', PLAIN],
  ['suspect', { needsClause: true }],
  ['assume', { needsClause: true }],
  ['consider', { needsClause: true }],
  ['wonder', SAY],
  ['worry', { particles: ['about'] }],
  ['fear', PLAIN],
  ['understand', { needsClause: true }],
  ['realize', { needsClause: true }],
  ['realise', { needsClause: true }],
  ['recognize', { needsClause: true }],
  ['learn', { needsClause: true }],
  ['see', { needsClause: true }],
  ['show', { needsClause: true }],
  ['find', { needsClause: true }],
  ['reckon', PLAIN],
  ['guess', { needsClause: true }],
  ['imagine', { needsClause: true }],
  ['remember', { needsClause: true }],
  ['forget', { needsClause: true }],
  // wanting, planning, deciding
  ['want', PLAIN],
  ['hope', PLAIN],
  ['wish', PLAIN],
  ['plan', { needsClause: true }],
  ['intend', PLAIN],
  ['expect', PLAIN],
  ['seek', { needsClause: true }],
  ['prefer', PLAIN],
  ['decide', { needsClause: true }],
  ['refuse', PLAIN],
  ['decline', PLAIN],
  ['rule', { needsClause: true }],
]);

/** Nouns naming the channel of a statement; "in a statement" after a cue belongs to the cue. */
export const CHANNEL_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'interview', 'email', 'e-mail', 'letter', 'tweet', 'post', 'op-ed', 'speech', 'report',
  'memo', 'filing', 'briefing', 'release', 'video', 'message', 'broadcast', 'remark', 'remarks', 'note',
  'conference', 'call', 'appearance', 'address', 'column', 'essay', 'book', 'documentary', 'podcast',
]);

/**
 * Channels that PolNeAR's annotators keep inside the cue more often than not when they follow the
 * verb ("said in a statement": 53 of 79 on train), unlike "in an interview" (30 of 74), "in an
 * email" (7 of 17) or "in a speech" (0 of 6), which stay outside it.
 */
export const CUE_CHANNELS: ReadonlySet<string> = new Set(['statement', 'release', 'post', 'appearance', 'conference', 'column']);

/** Words that open a clause after a cue: when a needsClause verb is followed by one, it reports. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'that', 'whether', 'if', 'what', 'why', 'how', 'who', 'whom', 'when', 'where', 'which', 'to',
]);

/** Object pronouns and nouns that, right after a tell-type verb, name who was told. */
export const RECIPIENT_NOUNS: ReadonlySet<string> = new Set([
  'reporter', 'journalist', 'crowd', 'audience', 'supporter', 'voter', 'lawmaker', 'viewer', 'listener',
  'member', 'delegate', 'official', 'student', 'host', 'interviewer', 'press', 'media', 'congress', 'court',
  'jury', 'committee', 'parliament', 'senator', 'donor', 'worker', 'employee', 'attendee', 'guest',
]);

export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.',
]);

/**
 * Adverbs that sit inside a verb group without changing what is attributed. "since" and
 * "earlier" after the verb stay out: PolNeAR train keeps them outside the cue (6 of 6, 4 of 5).
 */
export const GROUP_ADVERBS_RIGHT: ReadonlySet<string> = new Set([
  'repeatedly', 'publicly', 'privately', 'later', 'previously', 'recently', 'again', 'also',
  'once', 'often', 'frequently', 'flatly', 'firmly', 'openly', 'loudly', 'quietly', 'bluntly', 'angrily',
  'sarcastically', 'simply', 'explicitly', 'specifically', 'initially', 'first', 'then', 'already',
  'separately', 'falsely', 'wrongly', 'correctly', 'famously', 'memorably', 'reportedly', 'allegedly',
]);

/** Verb forms that attach to a main clause as a second attribution: ", saying ...", ", adding ...". */
export function isParticiple(text: string): boolean {
  return text.length > 4 && text.toLowerCase().endsWith('ing');
}

/**
 * What follows a candidate cue, in the few classes that decide whether it reports: a that-clause,
 * a wh-clause, an infinitive, a quotation, a colon, a noun phrase, punctuation. The learned cue
 * table (models/claims/cues.json) is keyed by lemma and this class.
 */
export function followerClass(next: { text: string; pos: string } | undefined, after: { pos: string } | undefined): string {
  if (!next) return 'end';
  const l = next.text.toLowerCase();
  if (l === 'that') return 'that';
  if (l === 'to') return after && (after.pos === 'VERB' || after.pos === 'AUX') ? 'inf' : 'to';
  if (/^(whether|if|what|why|how|who|when|where|which)$/.test(l)) return 'wh';
  if (/^[“"`'‘]/.test(next.text)) return 'quote';
  if (next.text === ':') return 'colon';
  if (next.text === ',' || next.text === '.' || next.text === ';') return 'punct';
  if (next.pos === 'ADP') return `adp:${l}`;
  if (next.pos === 'PRON') return 'pron';
  if (next.pos === 'DET' || next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ' || next.pos === 'NUM') return 'np';
  return next.pos.toLowerCase();
}

/**
 * The counted cue table; TRIANGULATE_CLAIM_CUES points elsewhere for cross-validation, where each
 * fold is scored with a table counted without it (scripts/cv-claims.ts).
 */
function cueTablePath(): string {
  return process.env.TRIANGULATE_CLAIM_CUES || fileURLToPath(new URL('../../../models/claims/cues.json', import.meta.url));
}

type StanceRow = { n: number; k: number; next: Record<string, [number, number]> };
const ADJECTIVES: Map<string, StanceRow> = (() => {
  try {
    const path = cueTablePath();
    const data = JSON.parse(readFileSync(path, 'utf8')) as { adjectives?: Record<string, StanceRow> };
    return new Map(Object.entries(data.adjectives ?? {}));
  } catch {
    return new Map();
  }
})();

function stanceRate(row: StanceRow | undefined, follower: string): number | undefined {
  if (!row) return undefined;
  const base = row.k / row.n;
  const cell = row.next[follower];
  return cell ? (cell[1] + PRIOR * base) / (cell[0] + PRIOR) : base;
}

/**
 * How often an adjective after a copula, followed by this class of word, is a cue ("is confident
 * that", "were skeptical of"), from PolNeAR train counts; undefined where it was never seen as one.
 */
export function adjectiveCueRate(lemma: string, follower: string): number | undefined {
  return stanceRate(ADJECTIVES.get(lemma), follower);
}

type CueRow = { n: number; k: number; next: Record<string, [number, number]>; chain?: [number, number]; particles?: Record<string, [number, number]> };
const LEARNED: Map<string, CueRow> = (() => {
  try {
    const path = cueTablePath();
    const data = JSON.parse(readFileSync(path, 'utf8')) as { lemmas: Record<string, CueRow> };
    return new Map(Object.entries(data.lemmas));
  } catch {
    // without the table the hand lexicon and its clause rules decide alone
    return new Map();
  }
})();

/** A cheap first test: only lemmas listed by hand or counted as cues are looked at further. */
export function mayBeCue(lemma: string): boolean {
  return CUE_VERBS.has(lemma) || LEARNED.has(lemma);
}

/**
 * Below this many sightings a lemma's counts are too thin to overrule the hand lexicon. Chosen by
 * five-fold cross-validation on PolNeAR train (tables counted on four fifths, scored on the fifth):
 * 3 beat 5, 7 and 10 on cue, source and content, with the rate a verb outside the hand lexicon
 * must reach raised to 0.6 (attribution.ts) to keep the thinly counted ones honest.
 */
const EVIDENCE = 3;
/** Weight of the lemma's overall rate when a follower class has few sightings of its own. */
const PRIOR = 3;

/** Over all cue verbs: how often each preposition right after one belongs to the cue. */
const PARTICLE_PRIOR: Map<string, [number, number]> = (() => {
  const out = new Map<string, [number, number]>();
  for (const row of LEARNED.values()) {
    for (const [word, [n, k]] of Object.entries(row.particles ?? {})) {
      const cell = out.get(word) ?? [0, 0];
      cell[0] += n;
      cell[1] += k;
      out.set(word, cell);
    }
  }
  return out;
})();

/**
 * Whether the preposition or particle right after a cue verb belongs to the cue ("called for",
 * "railed against", "talked about", but "said of", "wrote in"), by the counts for this verb (from
 * two sightings, in the cue at least three times in five: chosen by cross-validation on train),
 * else for the word after any cue verb; undefined where neither was seen enough to say.
 */
export function particleInCue(lemma: string, word: string): boolean | undefined {
  const own = LEARNED.get(lemma)?.particles?.[word];
  if (own && own[0] >= 2) return own[1] / own[0] >= 0.6;
  // "to" after a verb is too often the start of what it takes ("prefer to back ...") to judge by others
  const prior = word === 'to' ? undefined : PARTICLE_PRIOR.get(word);
  if (prior && prior[0] >= 10 && !own) return prior[1] / prior[0] >= 0.5;
  return undefined;
}

/**
 * Whether a verb before an infinitive ("continues to ...", "tried to ...") is, by the counts, only
 * ever the start of a longer cue ("tried to say"): it then fires only through the verb it leads to.
 */
export function leadsInfinitiveCue(lemma: string): boolean {
  const chain = LEARNED.get(lemma)?.chain;
  return !!chain && chain[0] >= 5 && chain[1] / chain[0] >= 0.75;
}

/**
 * How likely a verb with this lemma, followed by this class of word, is to be a cue, from the
 * counts learned on PolNeAR train; undefined where the lemma was seen too rarely to say.
 */
export function learnedCueRate(lemma: string, follower: string): number | undefined {
  const row = LEARNED.get(lemma);
  if (!row || row.n < EVIDENCE) return undefined;
  const base = row.k / row.n;
  const cell = row.next[follower];
  return cell ? (cell[1] + PRIOR * base) / (cell[0] + PRIOR) : base;
}
