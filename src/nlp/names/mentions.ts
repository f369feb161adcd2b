/**
 * Finds name mentions in a document: the tagger's spans and the trusted list hits merged,
 * edges cleaned (titles and possessives out, "the" out), types settled from the lists, and
 * names the document has already established spread to their other occurrences.
 */
import type { EntityType } from '../../types.ts';
import type { Segmented, Token } from '../segment.ts';
import { type GazEntry, type GazHit, type Gazetteer, TRUSTED_KINDS, roleNouns } from './gazetteer.ts';
import { type Label, type Model, type TaggerInput, tag, taggerInput } from './tagger.ts';
import { spanFeatures, typeSpan } from './typer.ts';

export type Mention = {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: EntityType;
  /** Normalised key of the mention's words (see tokenKeys). */
  key: string;
  entries: GazEntry[];
  from: 'tagger' | 'list' | 'document';
  /** Token range of a title written just before a person's name ("President", "Foreign Minister"). */
  title?: [number, number];
};

/**
 * How much the tagger's own type counts when the span typer decides, in the typer's weight units
 * (its weights average about 0.6): enough to settle close calls, not to overrule clear ones.
 */
const TAGGER_TYPE_PRIOR = 6;
const TAGGER_TYPE: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Words that are never a name on their own, whatever their case. */
const NOT_A_NAME = new Set(['i', 'the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'to', 'for', 'by', 'it', 'we', 'he', 'she', 'they', 'you', 'my', 'our']);
const LOCATIVE_BEFORE = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'into', 'via', 'towards', 'toward']);
const EDGE_WORDS = new Set(['of', 'and', 'or', 'in', 'for', 'to', 'at', 'on', 'by', 'with', 'from', '&']);
const NAME_PARTICLES = new Set(['von', 'van', 'de', 'da', 'di', 'del', 'della', 'der', 'den', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', 'dos', 'das', 'ter', 'ten']);
const CALENDAR_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

function isTitleWord(key: string): boolean {
  return roleNouns().get(`T:${key}`) !== undefined;
}

/** Country and region names that are also everyday words in lower case. */
const LOWERCASE_AMBIGUOUS = new Set(['turkey', 'chad', 'jordan', 'georgia', 'guinea', 'china', 'niger', 'japan', 'wales', 'jersey', 'victoria',
  'mali', 'peru', 'cuba', 'india', 'iran', 'iraq', 'oman', 'togo', 'fiji', 'laos', 'nice', 'reading', 'mobile', 'split', 'bath', 'orange',
  'surprise', 'independence', 'paradise', 'enterprise', 'spring', 'normal', 'concord', 'temple', 'mission', 'college', 'union', 'bend',
  'moscow mills', 'hollywood', 'warren', 'lawrence', 'florence', 'victoria', 'marion', 'columbia', 'charlotte', 'aurora', 'phoenix', 'lincoln', 'jackson']);
const DETERMINERS = new Set(['the', 'a', 'an']);

export type Found = { mentions: Mention[]; input: TaggerInput };

export function findMentions(seg: Segmented, gz: Gazetteer, model: Model | null, typer: Model | null = null): Found {
  const input = taggerInput(seg, gz);
  const labels: Label[] = model ? tag(model, input, gz) : new Array<Label>(seg.tokens.length).fill('O');
  const { tokens, keys } = input;
  const spans = labelSpans(labels);

  const hitAt = new Map<number, GazHit>();
  const hitCovering: (GazHit | undefined)[] = new Array(tokens.length);
  for (const h of input.hits) {
    hitAt.set(h.start, h);
    for (let i = h.start; i < h.end; i++) hitCovering[i] = h;
  }

  // Possessives end a name: "North Korea's Korean Central News Agency" is two names.
  const split: typeof spans = [];
  for (const s of spans) {
    let from = s.start;
    for (let i = s.start; i < s.end; i++) {
      // "Pennsylvania Senator Rick Santorum": a place or nationality, then a title, then the name
      const lead = i > s.start && from === s.start && isTitleWord(keys[i]!) && i + 1 < s.end
        ? [hitAt.get(s.start)].find((h) => h && h.end === i && h.cased && h.entries.some((e) => (e.type === 'GPE' || e.type === 'NORP') && trusted(e)))
        : undefined;
      if (lead) {
        split.push({ start: lead.start, end: lead.end, type: lead.entries[0]!.type === 'NORP' ? 'MISC' : 'LOC' });
        from = i;
        s.type = 'PER';
        continue;
      }
      // "Greta Vogel of Germany": a person's name does not run on into the listed place after "of"
      const personLike = s.type === 'PER' || isTitleWord(keys[s.start]!);
      const ofPlace = personLike && keys[i] === 'of' && !!hitAt.get(i + 1)?.cased && hitAt.get(i + 1)!.entries.some(trusted);
      // "Michael Tien of NPP", "Ben Chan and Leung Che-cheung": a full personal name ends before "of" or "and"
      if (s.type === 'PER' && !ofPlace && (keys[i] === 'of' || keys[i] === 'and') && i - from >= 2 && i + 1 < s.end &&
        /^\p{Lu}/u.test(tokens[i + 1]!.text) && /^\p{Lu}/u.test(tokens[from]!.text)) {
        split.push({ start: from, end: i, type: 'PER' });
        from = i + 1;
        if (keys[i] === 'of') {
          split.push({ start: from, end: s.end, type: hitAt.get(from)?.entries.some((e) => e.type === 'GPE') ? 'LOC' : 'ORG' });
          from = s.end;
          break;
        }
        continue;
      }
      if (POSSESSIVE.has(tokens[i]!.text) || ofPlace) {
        if (i > from) split.push({ start: from, end: i, type: s.type });
        from = i + 1;
        if (ofPlace) {
          const h = hitAt.get(i + 1)!;
          split.push({ start: h.start, end: h.end, type: 'LOC' });
          from = h.end;
          i = h.end - 1;
        }
      }
    }
    if (from < s.end) split.push({ start: from, end: s.end, type: s.type });
  }
  for (let k = 0; k < split.length; k++) {
    const s = split[k]!;
    // "Los Angeles Sheriff": a title at the end means the words before it are not a person's name
    // (a span that is all title, "Prime Minister", is left whole for the lone-title rule below)
    const titleAtEnd = [3, 2, 1].find((n) => s.end - s.start >= n && isTitleWord(keysJoin(keys, s.end - n, s.end)));
    if (titleAtEnd && titleAtEnd < s.end - s.start) {
      s.end -= titleAtEnd;
      const h = hitAt.get(s.start);
      if (h && h.end === s.end && h.entries.some(trusted)) s.type = h.entries[0]!.type === 'NORP' ? 'MISC' : 'LOC';
      else if (s.type === 'PER') s.type = 'ORG';
      continue;
    }
    if (s.type !== 'PER') continue;
    // "the United States Hamdullah Mohib": a listed country or city before a name of two words or more
    const h = hitAt.get(s.start);
    if (h && h.cased && h.end + 2 <= s.end && h.entries.some((e) => e.type === 'GPE' && trusted(e))) {
      split.splice(k + 1, 0, { start: h.end, end: s.end, type: 'PER' });
      s.end = h.end;
      s.type = 'LOC';
    }
  }

  const mentions: Mention[] = [];
  const covered = new Uint8Array(tokens.length);
  const keyOf = (a: number, b: number) => keysJoin(keys, a, b);

  const capsSay = capitalsSayNothing(seg, tokens, keys);
  for (const s of split) {
    let { start, end } = s;
    // in a headline written in title case or a sentence in capitals, capitals are no evidence: only a
    // listed name or a given name is kept here (a name the document established elsewhere is spread back later)
    if (capsSay[tokens[start]!.sentence] && !hitCovering.slice(start, s.end).some((h) => h?.cased) && !gz.commonGivenNames.has(keys[start]!)) continue;
    // a lower-case article or a sentence-initial "The" before a name is not part of it
    while (start < end && DETERMINERS.has(keys[start]!) && (tokens[start]!.text[0] === 't' || tokens[start]!.text[0] === 'a' || isSentenceStart(seg, start))) start++;
    while (end > start && /^[\p{P}]+$/u.test(tokens[end - 1]!.text) && tokens[end - 1]!.text !== '.') end--;
    if (start >= end) continue;
    // a lower-case connective is never at a name's edge ("of Brampton")
    while (start < end && EDGE_WORDS.has(tokens[start]!.text)) start++;
    while (end > start && EDGE_WORDS.has(tokens[end - 1]!.text)) end--;
    if (start >= end) continue;
    // a particle joins the family name that follows it: "Dorothea von Schlegel", "Diego Silang y Andaya"
    while (end + 1 < tokens.length && NAME_PARTICLES.has(tokens[end]!.text) && /^\p{Lu}/u.test(tokens[end + 1]!.text) &&
      tokens[end]!.sentence === tokens[start]!.sentence) {
      end += 2;
      while (end < tokens.length && /^\p{Lu}\p{Ll}/u.test(tokens[end]!.text) && !covered[end] && tokens[end]!.pos === 'PROPN') end++;
    }
    // a name starts and ends on word boundaries, even where the tokeniser split a word ("Mili|č|evi|ć")
    while (end < tokens.length && tokens[end]!.start === tokens[end - 1]!.end && /^[\p{L}\p{M}]/u.test(tokens[end]!.text)) end++;
    while (start > 0 && tokens[start - 1]!.end === tokens[start]!.start && /[\p{L}\p{M}]$/u.test(tokens[start - 1]!.text) && /^[\p{L}\p{M}]/u.test(tokens[start]!.text)) start--;
    if (end - start === 1 && NOT_A_NAME.has(keys[start]!)) continue;
    // a lone capital letter ("when Z happens after X") or a word stretched for emphasis ("VERYYYY", "Brilll") is no name
    if (end - start === 1 && !hitCovering[start] && (/^\p{Lu}$/u.test(tokens[start]!.text) || /(\p{L})\1\1/u.test(tokens[start]!.text))) continue;
    // part of a file name, address or handle: "Lisa_resume.doc", "HeatingOilStocks.pdf", "someone@example.com"
    {
      // a name written before an address ends there: "Lotte Wilms lotte.wilms@example.org"
      for (let i = start + 1; i < end; i++) if (ADDRESS_TOKEN.test(tokens[i]!.text)) end = i;
      if (partOfAddress(tokens, start, end)) continue;
    }
    // an abbreviation of everyday life is no name: "their RFP", "as SVP", "the DVD", "LMAO"
    if (end - start === 1 && COMMON_ABBREVIATIONS.has(keys[start]!) && !hitCovering[start]) continue;
    // a day or month written short: "on Fri, Sat, or Sun", "3rd Dec"
    if (end - start === 1 && SHORT_DATES.has(keys[start]!) &&
      (/^[\d,]|^(on|or|and|by|until|till|from|to)$/.test(keys[start - 1] ?? '') || /^[\d,]/.test(tokens[start + 1]?.text ?? ''))) continue;
    // an everyday word alone, capitalised only because it opens a sentence or follows "my" or is shouted ("Very poor
    // service", "VERY rude", "our Annual walk"), is no name unless a list or the document says so (spread back later)
    if (end - start === 1 && gz.commonWords.has(keys[start]!) && !hitCovering[start] && !isTitleWord(keys[start - 1] ?? '') &&
      (isSentenceStart(seg, start) || WEAK_BEFORE.has(keys[start - 1] ?? '') || /^\p{Lu}{2,}$/u.test(tokens[start]!.text)) &&
      !/^\p{Lu}/u.test(tokens[start + 1]?.text ?? '')) continue;
    // a weekday or month after a name is the date of what it did ("... Magicians Wednesday")
    while (end - start > 1 && CALENDAR_WORDS.has(keys[end - 1]!)) end--;
    const surface = seg.text.slice(tokens[start]!.start, tokens[end - 1]!.end);
    if (!/\p{Lu}/u.test(surface) && hitAt.get(start)?.end !== end) continue;
    if (!/\p{L}/u.test(surface)) continue;
    // a name does not stop inside a hyphenated word: "Jong" in "Jong-un"
    while (end + 1 < tokens.length && tokens[end]!.text === '-' && tokens[end]!.start === tokens[end - 1]!.end &&
      tokens[end + 1]!.start === tokens[end]!.end && /^\p{L}/u.test(tokens[end + 1]!.text)) end += 2;
    // a list hit that covers more than the tagger's span wins ("UN Security Council" over "Security Council")
    const around = hitCovering[start];
    const wider = around && around.cased && around.end >= end && (around.start < start || around.end > end) && around.entries.some(trusted) ? around : undefined;
    if (wider && wider.end - wider.start <= end - start + 3) {
      start = wider.start;
      end = wider.end;
    }
    const hit = hitAt.get(start)?.end === end ? hitAt.get(start) : undefined;
    const entries = hit?.entries ?? [];
    // the span typer sees the whole name and its neighbours; the tagger's type is the fallback
    const sent = seg.sentences[tokens[start]!.sentence]!;
    const typed = typer ? typeSpan(typer, spanFeatures(input, gz, start, end, sent.tokenStart, sent.tokenEnd), s.type, TAGGER_TYPE_PRIOR) : s.type;
    let type = settleType(TAGGER_TYPE[typed]!, entries, hit?.cased ?? false, end - start > 1 ? keys[end - 1]! : '');
    if (type !== 'PERSON' && titledPerson(start, end, input, gz)) type = 'PERSON';
    // a storm's name is no person: "Cyclone Phailin", "Hurricane Rita"
    if ((STORM_WORDS.has(keys[start]!) || STORM_WORDS.has(keys[start - 1] ?? '')) && /^\p{Lu}/u.test(tokens[start]!.text)) type = 'MISC';
    // a law or treaty is named by its whole title: "the HEROES Act", "the Paris Agreement"
    if (end < tokens.length && LAW_HEADS.has(keys[end]!) && /^\p{Lu}/u.test(tokens[end]!.text) && tokens[end]!.sentence === tokens[start]!.sentence) {
      end++;
      type = 'MISC';
    }
    // "the Bush administration": a listed person's family name before administration/government/campaign is that person
    if (end - start === 2 && PERSON_LED.has(keys[end - 1]!) && gz.familyNames.has(keys[start]!) && !gz.lookup(keys[start]!).length) {
      end--;
      type = 'PERSON';
    }
    // a document or contract named by its kind: "the Master Agreement", "the Gas Transportation Agreement"
    if (end - start > 1 && LAW_HEADS.has(keys[end - 1]!) && !entries.length) type = 'MISC';
    // a planet or the moon, not a person or a place on earth
    if (end - start === 1 && PLANETS.has(keys[start]!) && !/^\p{Lu}/u.test(tokens[end]?.text ?? '')) type = 'MISC';
    mentions.push({ start, end, type, key: keyOf(start, end), entries, from: 'tagger' });
    for (let i = start; i < end; i++) covered[i] = 1;
  }

  let caseCounts: Map<string, [number, number]> | undefined;
  const mostlyCapitalised = (i: number): boolean => {
    if (!caseCounts) {
      // capitalised mid-sentence and lower-case occurrences of the first words of untrusted list hits
      caseCounts = new Map();
      for (const h of input.hits) if (!h.entries.some(trusted)) caseCounts.set(keys[h.start]!, [0, 0]);
      for (let j = 0; j < tokens.length; j++) {
        const c = caseCounts.get(keys[j]!);
        if (!c) continue;
        if (/^\p{Ll}/u.test(tokens[j]!.text)) c[1]++;
        else if (!isSentenceStart(seg, j)) c[0]++;
      }
    }
    const c = caseCounts.get(keys[i]!);
    return !!c && c[0] >= 3 * c[1];
  };

  // List hits the tagger missed: trusted kinds always; other kinds (companies, cities, officials)
  // when written as names mid-sentence and never in lower case in this document.
  for (const h of input.hits) {
    if (!h.cased) {
      // text written all in lower case ("flew to vietnam") still names countries and regions; short or everyday words excepted
      const k = keysJoin(keys, h.start, h.end);
      const e = h.entries[0]!;
      // a city or capital written in lower case only after a word of place ("moving to auckland", "a hotel in lisbon")
      const cityAfterPlaceWord = (e.kind === 'city' || e.kind === 'capital') && LOCATIVE_BEFORE.has(keys[h.start - 1] ?? '') &&
        k.length >= 5 && (tokens[h.start]!.pos === 'PROPN' || tokens[h.start]!.pos === 'NOUN');
      if (!(e.kind === 'country' || e.kind === 'region' || cityAfterPlaceWord) || k.length < (cityAfterPlaceWord ? 5 : 6) || LOWERCASE_AMBIGUOUS.has(k)) continue;
      let free = true;
      for (let i = h.start; i < h.end; i++) if (covered[i]) free = false;
      if (!free) continue;
      mentions.push({ start: h.start, end: h.end, type: e.type, key: k, entries: h.entries, from: 'list' });
      for (let i = h.start; i < h.end; i++) covered[i] = 1;
      continue;
    }
    if (!h.entries.some(trusted)) {
      const midSentence = !isSentenceStart(seg, h.start);
      // written as a name far more often than not ("Google" ten times, "google" once): web text is careless with case
      const neverLower = !input.docCase[h.start]!.includes('L') || (mostlyCapitalised(h.start));
      const letters = keysJoin(keys, h.start, h.end).replace(/[^\p{L}]/gu, '').length;
      if (!midSentence || !neverLower || letters < 3 || h.entries[0]!.type === 'NORP' || h.entries[0]!.type === 'MISC') continue;
      // a city the tagger did not see needs to be written as a place: "in Metro", "Springfield, Illinois"
      if (h.entries[0]!.type === 'GPE' && !LOCATIVE_BEFORE.has(keys[h.start - 1] ?? '') && tokens[h.end]?.text !== ',') continue;
    }
    let free = true;
    for (let i = h.start; i < h.end; i++) if (covered[i]) free = false;
    if (!free) continue;
    // a capitalised word at a sentence start that is also an everyday word ("Turkey", "Chad") needs more than a list
    if (h.end - h.start === 1 && isSentenceStart(seg, h.start) && input.docCase[h.start]!.includes('L') && !input.docCase[h.start]!.includes('C')) continue;
    const e = h.entries.find(trusted) ?? h.entries[0]!;
    mentions.push({ start: h.start, end: h.end, type: e.type, key: keyOf(h.start, h.end), entries: h.entries, from: 'list' });
    for (let i = h.start; i < h.end; i++) covered[i] = 1;
  }

  addAddressedNames(mentions, seg, input, gz, covered);
  stripTitles(mentions, tokens, keys);
  titleHolders(mentions, tokens, keys, covered);
  trimPersonTails(mentions, tokens, keys, gz, covered);
  addStateCodes(mentions, tokens, keys, covered);
  addMailNames(mentions, tokens, keys, covered);
  spreadWithinDocument(mentions, seg, input, covered);
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, input };
}

const WEAK_BEFORE = new Set(['our', 'your', 'my', 'every', 'any', 'some', 'no']);
/** Abbreviations of everyday, business and web writing that name nothing. */
const COMMON_ABBREVIATIONS = new Set(['rfp', 'rfq', 'irr', 'roi', 'svp', 'evp', 'vp', 'ceo', 'cfo', 'coo', 'cto', 'cio', 'pr', 'ps', 'pps', 'dvd', 'cd',
  'tv', 'lmao', 'lol', 'rofl', 'omg', 'btw', 'fyi', 'asap', 'diy', 'faq', 'pdf', 'api', 'url', 'html', 'pc', 'gps', 'sms', 'md', 'phd', 'mba', 'dui',
  'id', 'iq', 'atm', 'ipo', 'gdp', 'cpi', 'eta', 'rsvp', 'hr', 'ai', 'usb', 'lcd', 'led', 'hd', 'mp3', 'pin', 'vat', 'adhd', 'dna', 'ivf', 'icu',
  'cpr', 'bmi', 'ok', 'tba', 'tbd', 'aka', 'etc', 'imho', 'imo', 'ttyl', 'thx', 'pls', 'plz', 'dm', 'pm', 'am', 'ot', 'qa', 'ip', 'os', 'cv', 'gpa',
  'sat', 'mri', 'ct', 'er', 'rv', 'suv', 'mph', 'kph', 'rpm', 'hvac', 'ac', 'dc', 'faqs', 'llc', 'ltd', 'inc', 'plc', 'nda', 'mou', 'kpi', 'b2b', 'b2c']);
const SHORT_DATES = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const PLANETS = new Set(['mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'moon']);

const ADDRESS_TOKEN = /_|@[\w-]+\.\w|^https?:|^www\./;

/** The span is glued to a file extension or an underscore, or holds an e-mail address: a file name or address, not a name. */
function partOfAddress(tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (ADDRESS_TOKEN.test(tokens[i]!.text)) return true;
  const next = tokens[end];
  if (next && next.start === tokens[end - 1]!.end) {
    if (/^_/.test(next.text)) return true;
    const ext = next.text === '.' ? tokens[end + 1] : undefined;
    const glued = ext && ext.start === next.end ? ext.text : next.text.slice(1);
    if (next.text[0] === '.' && /^(?:pdf|docx?|xlsx?|pptx?|txt|html?|jpe?g|png|gif|zip|com|org|net|edu|gov|co)$/i.test(glued)) return true;
  }
  const prev = tokens[start - 1];
  return !!prev && prev.end === tokens[start]!.start && /_$/.test(prev.text);
}

const STORM_WORDS = new Set(['hurricane', 'cyclone', 'typhoon', 'storm']);
const LAW_HEADS = new Set(['act', 'treaty', 'accord', 'accords', 'amendment', 'doctrine', 'protocol', 'convention', 'agreement', 'law']);
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'for', 'of', 'to', 'in', 'on', 'at', 'with', 'is', 'are', 'was', 'your', 'you',
  'our', 'my', 'we', 'it', 'this', 'that', 'from', 'by', 'but', 'not', 'be', 'have', 'has']);

/**
 * Per sentence: true where capitals tell nothing about names — a title-case headline ("Thanks For
 * The Prompt Service") or a sentence in capitals ("WILL SOMEONE PLEASE HELP").
 */
function capitalsSayNothing(seg: Segmented, tokens: Token[], keys: string[]): boolean[] {
  return seg.sentences.map((s) => {
    let words = 0, caps = 0, allCaps = 0, fnCaps = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i]!.text;
      if (!/^\p{L}/u.test(t)) continue;
      words++;
      if (/^\p{Lu}/u.test(t)) {
        caps++;
        if (t.length > 1 && t === t.toUpperCase()) allCaps++;
        if (i > s.tokenStart && FUNCTION_WORDS.has(keys[i]!) && t.length > 1) fnCaps++;
      }
    }
    if (allCaps >= 3 && allCaps >= 0.6 * words) return true;
    return words >= 3 && caps >= 0.75 * words && fnCaps > 0;
  });
}

/** Words that open a greeting or sign-off before a name: "Dear Anna", "Hi Tom", "Thanks, Maria". */
const GREETINGS = new Set(['dear', 'hi', 'hello', 'hey', 'morning', 'afternoon', 'evening', 'thanks', 'cheers', 'regards', 'love', 'congratulations', 'congrats']);
const NOT_BEFORE_LONE_NAME = new Set([...LOCATIVE_BEFORE, 'of', 'for', 'visit', 'visited', 'visiting', 'the', 'a', 'an', 'transit', 'hurricane', 'storm']);
const SOFT_END = new Set([',', ':', '-', '!', '.', '--', '—', '–']);

/**
 * Names of people written the way letters, e-mail and forum posts address or sign them, which a
 * tagger trained on prose misses: a common given name on a line of its own ("Vince", "Traci ,"),
 * after a greeting ("Dear Anna", "Good morning Debra -"), or opening a sentence as the one spoken
 * to ("Bryan , you 're in"). The name may go on with capitalised words ("Pam Butler"). A word the
 * document also writes in lower case ("Hope you are well") is left alone.
 */
function addAddressedNames(mentions: Mention[], seg: Segmented, input: TaggerInput, gz: Gazetteer, covered: Uint8Array): void {
  const { tokens, keys } = input;
  const given = gz.commonGivenNames;
  if (!given.size) return;
  const isWord = (i: number) => /^\p{Lu}\p{Ll}+$/u.test(tokens[i]!.text);
  for (const s of seg.sentences) {
    let first = s.tokenStart;
    while (first < s.tokenEnd && /^[\p{P}\p{S}]+$/u.test(tokens[first]!.text)) first++;
    for (let i = first; i < s.tokenEnd; i++) {
      if (covered[i] || !isWord(i) || !given.has(keys[i]!) || input.docCase[i]!.includes('L') || partOfAddress(tokens, i, i + 1) || PLANETS.has(keys[i]!)) continue;
      if (input.hits.some((h) => h.start <= i && i < h.end)) continue;
      // the name: the given name and up to two more capitalised words
      let end = i + 1;
      while (end < s.tokenEnd && end - i < 3 && !covered[end] && /^\p{Lu}[\p{L}'’-]*\.?$/u.test(tokens[end]!.text) && !input.docCase[end]!.includes('L')) end++;
      let rest = end;
      while (rest < s.tokenEnd && SOFT_END.has(tokens[rest]!.text)) rest++;
      const alone = i === first && rest === s.tokenEnd;
      const greeted = i > first && GREETINGS.has(keys[i - 1]!) && (i - 1 === first || (i - 2 === first && keys[first] === 'good'));
      const spokenTo = i === first && tokens[end]?.text === ',' && end + 1 < s.tokenEnd && /^\p{Ll}/u.test(tokens[end + 1]!.text);
      // a lone given name as the subject ("Suzanne is pregnant") or inside a sentence ("forward it to Brant"),
      // where the word is read as a proper noun and is not part of a longer capitalised name
      const next = tokens[end];
      const nextLower = !next || end >= s.tokenEnd || !/^\p{Lu}/u.test(next.text);
      const asSubject = i === first && nextLower && !!next && (next.pos === 'VERB' || next.pos === 'AUX' || (keys[end] === 'and' && keys[end + 1] === 'i'));
      // not where a place is more likely ("retreat to Abra", "in Olympia"), after an article ("the King of"), or before a
      // number ("Case 22-506") or a particle ("Friedrich von Schlegel", which the tagger's span decides)
      const inside = i > first && tokens[i]!.pos === 'PROPN' && !isSentenceStart(seg, i) && !/^\p{Lu}/u.test(tokens[i - 1]!.text) && nextLower &&
        !NOT_BEFORE_LONE_NAME.has(keys[i - 1]!) && tokens[i - 1]!.end < tokens[i]!.start && !(next && (next.pos === 'NUM' || NAME_PARTICLES.has(next.text))) &&
        !CALENDAR_WORDS.has(keys[i]!) && !ORG_HEADS.has(keys[end - 1]!) && !LOC_HEADS.has(keys[end - 1]!);
      // outside a greeting, the word must read as a proper noun: "Will come again", "See attached file", "Hi ,"
      if (!greeted && (tokens[i]!.pos !== 'PROPN' || GREETINGS.has(keys[i]!))) continue;
      if (!alone && !greeted && !spokenTo && !asSubject && !inside) continue;
      mentions.push({ start: i, end, type: 'PERSON', key: keysJoin(keys, i, end), entries: [], from: 'list' });
      for (let j = i; j < end; j++) covered[j] = 1;
      i = end - 1;
    }
  }
}

/**
 * "President Vladimir V. Putin", "Mr. Lee": a title followed by a capitalised name is a person
 * whatever the tagger called it, unless what follows the title is a listed organisation or place
 * ("General Motors", "Prince Edward Island").
 */
function titledPerson(start: number, end: number, input: TaggerInput, gz: Gazetteer): boolean {
  const { tokens, keys } = input;
  const roles = roleNouns();
  let s = start;
  if (s + 1 < end && roles.get(`T:${keys[s]} ${keys[s + 1]}`)) s += 2;
  else if (roles.get(`T:${keys[s]}`)) s++;
  if (s === start || s >= end || !/^\p{Lu}/u.test(tokens[s]!.text)) return false;
  const rest = gz.lookup(keysJoin(keys, s, end));
  return !rest.some((e) => e.type !== 'PERSON');
}

/** Head nouns that make a capitalised multi-word name an organisation. */
const ORG_HEADS = new Set(['agency', 'association', 'authority', 'bank', 'board', 'bureau', 'club', 'college', 'commission', 'committee',
  'company', 'corporation', 'corp', 'council', 'court', 'department', 'federation', 'foundation', 'front', 'group', 'guild', 'inc', 'institute',
  'league', 'ltd', 'llc', 'plc', 'ministry', 'movement', 'office', 'organisation', 'organization', 'party', 'police', 'service', 'society',
  'team', 'trust', 'union', 'university', 'network', 'parliament', 'assembly', 'congress', 'senate', 'command', 'army', 'navy', 'brigade',
  'battalion', 'regiment', 'times', 'post', 'herald', 'tribune', 'journal', 'gazette', 'news', 'press', 'daily', 'fund', 'secretariat',
  'administration', 'government', 'cabinet', 'regime', 'magazine', 'institution', 'academy', 'school', 'hospital', 'airlines', 'bank',
  'partners', 'holdings', 'industries', 'systems', 'technologies', 'enterprises', 'associates', 'solutions', 'airways',
  'motors', 'energy', 'petroleum', 'futures', 'securities', 'insurance', 'books', 'publishing', 'publishers', 'records', 'pictures', 'studios',
  'entertainment', 'communications', 'telecom', 'laboratories', 'labs', 'pharmaceuticals', 'foods', 'brewery', 'motorsports', 'consulting',
  'llp', 'gmbh', 'ag', 'sa', 'co', 'corporation', 'incorporated', 'limited', 'group', 'coalition', 'alliance', 'caucus',
  'library', 'libraries', 'archives', 'orchestra', 'philharmonic']);
/** Head nouns of geographic and built places. */
const LOC_HEADS = new Set(['river', 'lake', 'sea', 'ocean', 'mountain', 'mountains', 'mount', 'island', 'islands', 'valley', 'bay', 'gulf',
  'strait', 'peninsula', 'desert', 'forest', 'coast', 'street', 'road', 'avenue', 'square', 'bridge', 'airport', 'harbour', 'harbor',
  'port', 'canal', 'park', 'falls', 'beach', 'hill', 'hills', 'plain', 'plateau', 'province', 'county', 'district', 'oblast', 'prefecture']);

function trusted(e: GazEntry): boolean {
  return e.user === true || TRUSTED_KINDS.has(e.kind);
}

function labelSpans(labels: Label[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let cur: { start: number; end: number; type: string } | null = null;
  labels.forEach((l, i) => {
    if (l === 'O' || l[0] === 'B') {
      if (cur) out.push(cur);
      cur = l === 'O' ? null : { start: i, end: i + 1, type: l.slice(2) };
    } else if (cur) cur.end = i + 1;
  });
  if (cur) out.push(cur);
  return out;
}

export function keysJoin(keys: string[], a: number, b: number): string {
  let k = '';
  for (let i = a; i < b; i++) if (keys[i]) k = k ? `${k} ${keys[i]}` : keys[i]!;
  return k;
}

function isSentenceStart(seg: Segmented, i: number): boolean {
  const s = seg.sentences[seg.tokens[i]!.sentence];
  if (!s) return i === 0;
  if (s.tokenStart === i) return true;
  const prev = seg.tokens[i - 1]!.text;
  return prev === '"' || prev === '“' || prev === '(' || prev === '‘';
}

/**
 * The tagger's type, corrected by the lists: a country, capital or listed organisation is what
 * the list says; a place the tagger calls LOC is a GPE when the lists know it as a political unit.
 */
function settleType(tagged: EntityType, entries: GazEntry[], cased: boolean, head = ''): EntityType {
  const strong = cased ? entries.find(trusted) : undefined;
  if (strong && !(tagged === 'PERSON' && strong.kind === 'region')) return strong.type;
  // the last word of a multi-word name says what it names: "... Guild", "... River"
  if (ORG_HEADS.has(head)) return 'ORG';
  if (LOC_HEADS.has(head)) return tagged === 'PERSON' || tagged === 'MISC' || tagged === 'ORG' ? 'LOC' : tagged;
  if (tagged === 'LOC' && entries.some((e) => e.type === 'GPE')) return 'GPE';
  if (tagged === 'PERSON' && cased && entries.length && !entries.some((e) => e.type === 'PERSON')) return entries[0]!.type;
  if (tagged === 'MISC' && entries.some((e) => e.type === 'NORP')) return 'NORP';
  return tagged;
}

/**
 * "the Secretary" after "Secretary Miguel Cardona": a capitalised title after "the", held by a person the
 * document has already named with it, names that person (linking joins it to the holder).
 */
function titleHolders(mentions: Mention[], tokens: Token[], keys: string[], covered: Uint8Array): void {
  const held = new Map<string, number>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || !m.title) continue;
    const [a, b] = m.title;
    // a title written before a name is the role, never another name ("So Secretary Cardona")
    for (let i = a; i < b; i++) covered[i] = 1;
    for (let i = a; i < b; i++) if (!held.has(keys[i]!) || held.get(keys[i]!)! > a) held.set(keys[i]!, a);
    const whole = keysJoin(keys, a, b);
    if (!held.has(whole) || held.get(whole)! > a) held.set(whole, a);
  }
  if (!held.size) return;
  for (let i = 1; i < tokens.length; i++) {
    if (keys[i - 1] !== 'the' || covered[i] || !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
    // the longest held title that starts here: "the Prime Minister", "the Secretary"
    for (const len of [2, 1]) {
      if (i + len > tokens.length || (len === 2 && (covered[i + 1] || !/^\p{Lu}/u.test(tokens[i + 1]!.text)))) continue;
      const k = keysJoin(keys, i, i + len);
      const since = held.get(k);
      if (since === undefined || since >= i || !roleNouns().get(`T:${k}`)) continue;
      if (/^\p{Lu}/u.test(tokens[i + len]?.text ?? '')) break;
      mentions.push({ start: i, end: i + len, type: 'PERSON', key: k, entries: [], from: 'document' });
      for (let j = i; j < i + len; j++) covered[j] = 1;
      break;
    }
  }
}

/**
 * A person's name that runs on into what follows it in a signature or list: "Bryan Hull - Analyst",
 * "John Staikos Direct Dial", "Vangie Lee Constellation Power Source". The name ends before a spaced dash
 * followed by a role, or before a tail of two words or more that are all everyday words or organisation heads.
 */
function trimPersonTails(mentions: Mention[], tokens: Token[], keys: string[], gz: Gazetteer, covered: Uint8Array): void {
  const roles = roleNouns();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || m.end - m.start < 3 || m.entries.length) continue;
    let end = m.end;
    for (let i = m.start + 2; i < m.end - 1; i++) {
      const spaced = tokens[i]!.start > tokens[i - 1]!.end && tokens[i + 1]!.start > tokens[i]!.end;
      if (/^[-–—]$/.test(tokens[i]!.text) && spaced && roles.get(keys[i + 1]!)) {
        end = i;
        break;
      }
    }
    if (end === m.end && gz.commonGivenNames.has(keys[m.start]!)) {
      let cut = m.end;
      while (cut - 1 > m.start + 1 && (gz.commonWords.has(keys[cut - 1]!) || ORG_HEADS.has(keys[cut - 1]!)) && /^\p{Lu}/u.test(tokens[cut - 1]!.text)) cut--;
      if (m.end - cut >= 2) end = cut;
    }
    if (end === m.end) continue;
    for (let i = end; i < m.end; i++) covered[i] = 0;
    m.end = end;
    m.key = keysJoin(keys, m.start, m.end);
  }
}

/** Heads after a leader's name that stand for what the leader leads: "the Bush administration". */
const PERSON_LED = new Set(['administration', 'government', 'campaign', 'presidency', 'cabinet', 'era']);
const US_STATE_CODES = new Set(['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT',
  'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC']);

/** "Lawrence, KS", "Baltimore, MD 21202", "the state of NY": a US state's postal code after a place or "state of". */
function addStateCodes(mentions: Mention[], tokens: Token[], keys: string[], covered: Uint8Array): void {
  const placeEnd = new Set<number>();
  for (const m of mentions) if (m.type === 'GPE' || m.type === 'LOC') placeEnd.add(m.end);
  for (let i = 2; i < tokens.length; i++) {
    if (covered[i] || !US_STATE_CODES.has(tokens[i]!.text)) continue;
    const afterPlace = tokens[i - 1]!.text === ',' && placeEnd.has(i - 1);
    const stateOf = keys[i - 1] === 'of' && keys[i - 2] === 'state';
    if (!afterPlace && !stateOf) continue;
    mentions.push({ start: i, end: i + 1, type: 'GPE', key: keys[i]!, entries: [], from: 'list' });
    covered[i] = 1;
  }
}

/** E-mail headers: '"Ryan Reynolds" <ryan@example.org>', '"Townsend, George" <...>': the quoted display name is a person. */
function addMailNames(mentions: Mention[], tokens: Token[], keys: string[], covered: Uint8Array): void {
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i]!.text !== '"') continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 5 && tokens[j]!.text !== '"') j++;
    if (j >= tokens.length || tokens[j]!.text !== '"' || j === i + 1 || tokens[j + 1]?.text !== '<') continue;
    let k = j + 2;
    while (k < tokens.length && k - j < 8 && tokens[k]!.text !== '>' && !tokens[k]!.text.includes('@')) k++;
    if (!tokens[k]?.text.includes('@')) continue;
    let ok = true;
    for (let t = i + 1; t < j; t++) if (!(/^\p{Lu}/u.test(tokens[t]!.text) || (tokens[t]!.text === ',' && t > i + 1 && t < j - 1))) ok = false;
    if (!ok) continue;
    // a mention already there is retyped; one that covers only part of the quotes is replaced
    const same = mentions.find((m) => m.start === i + 1 && m.end === j);
    if (same) {
      same.type = 'PERSON';
      continue;
    }
    for (let x = mentions.length - 1; x >= 0; x--) if (mentions[x]!.start > i && mentions[x]!.end <= j) mentions.splice(x, 1);
    let free = true;
    for (let t = i + 1; t < j; t++) if (covered[t] && !mentions.every((m) => m.end <= t || m.start > t)) free = false;
    if (!free) continue;
    mentions.push({ start: i + 1, end: j, type: 'PERSON', key: keysJoin(keys, i + 1, j), entries: [], from: 'list' });
    for (let t = i + 1; t < j; t++) covered[t] = 1;
  }
}

/** "President Vladimir V. Putin": the title is the role, the rest the name. */
function stripTitles(mentions: Mention[], tokens: Token[], keys: string[]): void {
  const roles = roleNouns();
  const isTitle = (k: string) => roles.get(`T:${k}`) !== undefined;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    // "President" alone is a title, not a name; "the President" names whoever holds it (linked later)
    if (m.type === 'PERSON' && isTitle(keysJoin(keys, m.start, m.end)) && keys[m.start - 1] !== 'the') mentions.splice(k, 1);
  }
  for (const m of mentions) {
    if (m.type !== 'PERSON' || isTitle(m.key)) continue;
    // "Biologist Nick Bos": a capitalised role noun before a name of two words or more is a title too
    if (m.end - m.start >= 3 && roles.get(keys[m.start]!)?.kind === 'role' && !ORG_HEADS.has(keys[m.start]!) && /^\p{Lu}/u.test(tokens[m.start]!.text) && !isTitle(keys[m.start]!)) {
      m.title = [m.start, m.start + 1];
      m.start++;
      m.key = keysJoin(keys, m.start, m.end);
    }
    // inside the span: longest title prefix (two words first: "Prime Minister", "Lt. Gen.")
    let s = m.start;
    while (s < m.end - 1) {
      const two = s + 1 < m.end - 1 ? `${keys[s]} ${keys[s + 1]}` : '';
      const three = s + 2 < m.end - 1 ? `${two} ${keys[s + 2]}` : '';
      if (three && isTitle(three)) s += 3;
      else if (two && isTitle(two)) s += 2;
      else if (isTitle(keys[s]!)) s++;
      else break;
    }
    let t0 = s > m.start ? m.start : -1;
    const tEnd = s;
    // before the span: a capitalised title written just before the name
    let b = m.start;
    while (b > 0 && /^\p{Lu}/u.test(tokens[b - 1]!.text)) {
      const two = b >= 2 ? `${keys[b - 2]} ${keys[b - 1]}` : '';
      if (two && isTitle(two) && /^\p{Lu}/u.test(tokens[b - 2]!.text)) b -= 2;
      else if (isTitle(keys[b - 1]!)) b--;
      else break;
    }
    if (b < m.start) t0 = b;
    if (t0 >= 0) {
      m.title = [t0, Math.max(tEnd, m.start)];
      m.start = s;
      m.key = keysJoin(keys, m.start, m.end);
    }
  }
}

/**
 * A name the document has established is the same name wherever else it is written: other
 * occurrences of a found name, and the surname (or, for family-name-first names, the family
 * name) of a person found in full, get the type the document gave them.
 */
function spreadWithinDocument(mentions: Mention[], seg: Segmented, input: TaggerInput, covered: Uint8Array): void {
  const { tokens, keys } = input;
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (k: string, t: EntityType, w: number) => {
    if (!k) return;
    const v = votes.get(k) ?? new Map<EntityType, number>();
    v.set(t, (v.get(t) ?? 0) + w);
    votes.set(k, v);
  };
  let maxLen = 1;
  for (const m of mentions) {
    // a storm's name stays the storm's when written alone later ("Hurricane Rita" ... "Rita packed winds")
    if (m.type === 'MISC' && (STORM_WORDS.has(keys[m.start]!) || STORM_WORDS.has(keys[m.start - 1] ?? ''))) vote(keys[m.end - 1]!, 'MISC', 100);
    // the full name counts more than a lone word, and a list's word more than the tagger's
    vote(m.key, m.type, m.from === 'list' ? 3 : 1 + (m.end - m.start > 1 ? 1 : 0));
    maxLen = Math.max(maxLen, m.end - m.start);
    if (m.type === 'PERSON') for (const part of personShortForms(m, keys)) vote(part, 'PERSON', 0.5);
  }
  const winner = (k: string): EntityType | undefined => {
    const v = votes.get(k);
    if (!v) return undefined;
    let best: EntityType | undefined;
    let n = 0;
    for (const [t, c] of v) if (c > n) [best, n] = [t, c];
    return best;
  };
  // a lone word that is the surname of a person named in full is that person, whatever the tagger said
  const shortForms = new Set<string>();
  for (const m of mentions) if (m.type === 'PERSON') for (const part of personShortForms(m, keys)) shortForms.add(part);
  for (const m of mentions) if (m.end - m.start === 1 && shortForms.has(m.key) && !(m.from === 'list' && m.entries.length)) vote(m.key, 'PERSON', 100);
  // a name the document puts people in ("in Coron", "near Coron") at least twice, and never has speak or act as a
  // person does, is a place whatever the tagger made of each occurrence
  {
    const placeUse = new Map<string, number>();
    const personUse = new Set<string>();
    for (const m of mentions) if (m.type === 'PERSON' && m.end - m.start === 1 && !shortForms.has(m.key)) placeUse.set(m.key, 0);
    for (const m of mentions) if (m.title) personUse.add(m.key);
    if (placeUse.size) {
      for (let i = 0; i < tokens.length; i++) {
        const n = placeUse.get(keys[i]!);
        if (n === undefined || !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
        if (IN_PLACE_BEFORE.has(keys[i - 1] ?? '')) placeUse.set(keys[i]!, n + 1);
        if (PERSON_AFTER.has(keys[i + 1] ?? '') || HONORIFICS.has(keys[i - 1] ?? '')) personUse.add(keys[i]!);
      }
      for (const [k, n] of placeUse) if (n >= 2 && !personUse.has(k)) vote(k, 'LOC', 1000);
    }
  }
  // one type per name across the document
  for (const m of mentions) {
    const w = winner(m.key);
    if (w && w !== m.type && !(m.from === 'list' && m.entries.length)) m.type = w;
  }
  // other occurrences, written capitalised as names are
  for (const s of seg.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (covered[i] || !/^\p{Lu}/u.test(tokens[i]!.text) || tokens[i]!.pos === 'PRON') continue;
      for (let len = Math.min(maxLen, s.tokenEnd - i); len >= 1; len--) {
        let free = true;
        for (let j = i; j < i + len; j++) if (covered[j]) free = false;
        if (!free) continue;
        const k = keysJoin(keys, i, i + len);
        const t = winner(k);
        if (!t) continue;
        const last = tokens[i + len - 1]!.text;
        if (!/[\p{L}\p{N}]$/u.test(last)) continue;
        if (partOfAddress(tokens, i, i + len)) continue;
        // a lone sentence-initial word that the document also writes in lower case is more likely that word
        if (len === 1 && isSentenceStart(seg, i) && input.docCase[i]!.includes('L')) continue;
        mentions.push({ start: i, end: i + len, type: t, key: k, entries: [], from: 'document' });
        for (let j = i; j < i + len; j++) covered[j] = 1;
        i += len - 1;
        break;
      }
    }
  }
}

/** Words after which a name is where something is: "in Coron", "near Tikrit". */
const IN_PLACE_BEFORE = new Set(['in', 'near', 'into', 'inside', 'outside', 'across', 'throughout', 'around', 'towards', 'toward']);
/** Words after a name that only a person takes: "Coron said" would make it a person. */
const PERSON_AFTER = new Set(['said', 'says', 'told', 'asked', 'added', 'wrote', 'explained', 'who', 'himself', 'herself', 'his', 'her']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady']);

/** Family names that East Asian news writes first ("Kim Jong-un", "Xi Jinping"); the later "Kim" means this person. */
export const FAMILY_FIRST = new Set(['kim', 'lee', 'park', 'choi', 'jung', 'chung', 'kang', 'cho', 'yoon', 'yun', 'jang', 'lim', 'han', 'oh',
  'seo', 'shin', 'kwon', 'hwang', 'ahn', 'song', 'yoo', 'hong', 'moon', 'ri', 'pak', 'choe', 'xi', 'li', 'wang', 'zhang', 'liu', 'chen', 'yang',
  'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'lin', 'luo', 'gao', 'deng', 'mao', 'jiang', 'wen', 'hun', 'nguyen', 'tran',
  'pham', 'vo', 'ho', 'phan', 'le']);

const NAME_SUFFIX = /^(?:[ivx]+|jr|sr|junior|senior|\d+(?:st|nd|rd|th)?)$/;

/** The one-word forms a later sentence may use for this person: the surname, or the family name written first. */
export function personShortForms(m: { start: number; end: number }, keys: string[]): string[] {
  const words: string[] = [];
  for (let i = m.start; i < m.end; i++) if (keys[i]) words.push(keys[i]!);
  if (words.length < 2) return [];
  // the tail of a hyphenated given name ("Jong-un") is no surname
  const hyphenatedTail = m.end - m.start >= 3 && keys[m.end - 2] === '';
  // "Elizabeth I", "Martin Luther King Jr.": the surname is the word before the numeral or suffix
  while (words.length > 2 && NAME_SUFFIX.test(words[words.length - 1]!)) words.pop();
  const out = hyphenatedTail || NAME_SUFFIX.test(words[words.length - 1]!) ? [] : [words[words.length - 1]!];
  if (FAMILY_FIRST.has(words[0]!)) out.push(words[0]!);
  return out.filter((w) => w.length > 1);
}
