/**
 * In-document linking: mentions of one thing become one entity. Full names, surnames and
 * titles with surnames; acronyms and the names they stand for; a capital that acts for its
 * country ("Moscow said") and the country; appositions ("Kim Jong-un, the North Korean leader")
 * that give a person a role, a country and a description the claims stage can resolve later.
 */
import type { Entity, EntityType, Span } from '../../types.ts';
import type { Segmented } from '../segment.ts';
import { type GazEntry, type Gazetteer, roleNouns } from './gazetteer.ts';
import { type Mention, keysJoin, personShortForms } from './mentions.ts';

type Cluster = {
  type: EntityType;
  names: Mention[];
  descriptions: [number, number][];
  entry?: GazEntry;
  country?: string;
  role?: string;
  /** Token index of the latest mention: recency decides between two people sharing a surname. */
  last: number;
  first: number;
  /** A person whose country this one shares ("an aide to President X"), used when nothing closer says. */
  countryFrom?: Cluster;
};

/** Words before a place that make it the place itself, not the government seated there. */
const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'outside', 'inside', 'around', 'across', 'via', 'toward', 'towards',
  'through', 'over', 'visit', 'visited', 'visiting', 'visits', 'reach', 'reached', 'arrived', 'left', 'leave', 'of', 'downtown', 'central']);
/** Words before a place that make it a party to a relation: "ties with Moscow", "sanctions on Pyongyang". */
const RELATIONAL = new Set(['with', 'against', 'between', 'for', 'by', 'on', 'urged', 'accused', 'warned', 'told', 'and']);

/** Nouns that make a definite description a person: "the Russian visitor", "the North Korean leader". */
const PERSON_NOUNS = new Set(['leader', 'president', 'premier', 'minister', 'visitor', 'guest', 'envoy', 'diplomat', 'official', 'aide',
  'spokesman', 'spokeswoman', 'spokesperson', 'chancellor', 'king', 'queen', 'prince', 'general', 'commander', 'ambassador', 'chief',
  'secretary', 'dictator', 'strongman', 'host', 'counterpart', 'head', 'director', 'chairman', 'governor', 'mayor', 'senator',
  'lawmaker', 'prosecutor', 'judge', 'ruler', 'monarch', 'emperor', 'negotiator', 'adviser', 'advisor', 'politician', 'defector']);

export function linkMentions(seg: Segmented, keys: string[], mentions: Mention[], gz: Gazetteer): Entity[] {
  const text = seg.text;
  const tokens = seg.tokens;
  const roles = roleNouns();
  const mentionAt = new Map<number, Mention>();
  const mentionEndingAt = new Map<number, Mention>();
  for (const m of mentions) {
    mentionAt.set(m.start, m);
    mentionEndingAt.set(m.end, m);
  }
  const clusters: Cluster[] = [];
  const wordsOf = new Map<Mention, string[]>();
  const byEntry = new Map<number, Cluster>();
  const byKey = new Map<string, Cluster>();
  const countryCluster = new Map<string, Cluster>();
  const mentionCluster = new Map<Mention, Cluster>();

  const entriesCache = new Map<Mention, GazEntry[]>();
  const entriesOf = (m: Mention): GazEntry[] => {
    let list = entriesCache.get(m);
    if (!list) {
      list = (m.entries.length ? m.entries : gz.lookup(m.key)).filter((e) => e.type === m.type || (m.type === 'GPE' && e.type === 'LOC'));
      entriesCache.set(m, list);
    }
    return list;
  };
  const open = (m: Mention, type: EntityType, entry?: GazEntry): Cluster => {
    const c: Cluster = { type, names: [], descriptions: [], last: m.start, first: m.start, ...(entry ? { entry, country: entry.country } : {}) };
    clusters.push(c);
    if (entry) byEntry.set(entry.id, c);
    return c;
  };
  // a capital standing for its country joins the country without making its name the country's
  const join = (c: Cluster, m: Mention, byName = true) => {
    c.names.push(m);
    c.last = Math.max(c.last, m.start);
    mentionCluster.set(m, c);
    if (byName && !byKey.has(`${c.type}:${m.key}`)) byKey.set(`${c.type}:${m.key}`, c);
  };
  const countryOf = (iso3: string, m: Mention): Cluster => {
    let c = countryCluster.get(iso3);
    if (!c) {
      const entry = gz.countries.get(iso3);
      c = open(m, 'GPE', entry);
      c.country = iso3;
      countryCluster.set(iso3, c);
    }
    return c;
  };

  // "The Harbour Pilots Guild (HPG)": the document's own definition of an acronym outranks any list
  const definedBy = new Map<string, Mention>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const m = mentions[k]!;
    const n = mentions[k + 1]!;
    if (tokens[m.end]?.text === '(' && n.start === m.end + 1 && tokens[n.end]?.text === ')' && n.end - n.start === 1) {
      const initials = initialsOf(m);
      if (initials.length > 1 && initials === tokens[n.start]!.text.replace(/\./g, '')) definedBy.set(n.key, m);
    }
  }

  for (const m of mentions) {
    const definer = definedBy.get(m.key);
    const definedCluster = definer && definer !== m ? mentionCluster.get(definer) : undefined;
    if (definedCluster) {
      m.type = definedCluster.type;
      join(definedCluster, m);
      continue;
    }
    const entries = entriesOf(m);
    const top = entries[0];
    if (m.type === 'GPE' && top?.kind === 'country' && top.country) {
      join(countryOf(top.country, m), m);
      continue;
    }
    if (m.type === 'GPE' && top?.kind === 'capital' && top.country && actsForCountry(seg, keys, m, mentionEndingAt)) {
      join(countryOf(top.country, m), m, false);
      continue;
    }
    if (m.type === 'PERSON') {
      join(personCluster(m) ?? open(m, 'PERSON', top), m);
      continue;
    }
    if (m.type === 'ORG' && !top) {
      const expanded = acronymOf(m);
      if (expanded) {
        join(expanded, m);
        continue;
      }
    }
    const existing = (top && byEntry.get(top.id)) ?? byKey.get(`${m.type}:${m.key}`);
    join(existing && existing.type === m.type ? existing : open(m, m.type, top), m);
  }

  function personCluster(m: Mention): Cluster | undefined {
    const words = nameWords(m);
    // "the President" after "President Anna Berg": the latest person who bears that title
    if (words.length === 1 && roles.get(`T:${words[0]}`)) {
      let holder: Cluster | undefined;
      for (const c of clusters) {
        if (c.type === 'PERSON' && c.names.some((n) => n.title && keysJoin(keys, n.title[0], n.title[1]).split(' ').includes(words[0]!)) && (!holder || c.last > holder.last)) holder = c;
      }
      if (holder) return holder;
    }
    let best: Cluster | undefined;
    for (const c of clusters) {
      if (c.type !== 'PERSON') continue;
      const same = c.names.some((n) => samePerson(words, nameWords(n), m, n));
      if (same && (!best || c.last > best.last)) best = c;
    }
    return best;
  }

  function nameWords(m: Mention): string[] {
    let w = wordsOf.get(m);
    if (!w) {
      w = [];
      for (let i = m.start; i < m.end; i++) if (keys[i]) w.push(keys[i]!);
      wordsOf.set(m, w);
    }
    return w;
  }

  /** Same person: one name is the other's surname (or family name written first), or the two agree but for middle initials. */
  function samePerson(a: string[], b: string[], ma: Mention, mb: Mention): boolean {
    if (a.join(' ') === b.join(' ')) return true;
    if (a.length === 1 && b.length > 1) return personShortForms(mb, keys).includes(a[0]!);
    if (b.length === 1 && a.length > 1) return personShortForms(ma, keys).includes(b[0]!);
    if (a.length > 1 && b.length > 1) {
      if (a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
      // "Vladimir V. Putin" and "Vladimir Putin": the words between may differ only by initials
      const mid = (x: string[]) => x.slice(1, -1).map((w) => w[0]);
      const ma2 = mid(a), mb2 = mid(b);
      return ma2.length === 0 || mb2.length === 0 || ma2.join() === mb2.join();
    }
    return false;
  }

  /** "KCNA" after "Korean Central News Agency": the initials of the name's capitalised words. */
  function acronymOf(m: Mention): Cluster | undefined {
    if (m.end - m.start !== 1) return undefined;
    const t = tokens[m.start]!.text.replace(/\./g, '');
    if (t.length < 2 || t !== t.toUpperCase()) return undefined;
    return clusters.find((c) => c.type === 'ORG' && c.names.some((n) => initialsOf(n) === t));
  }

  function initialsOf(n: Mention): string {
    let initials = '';
    for (let i = n.start; i < n.end; i++) if (/^\p{Lu}/u.test(tokens[i]!.text)) initials += tokens[i]!.text[0];
    return initials;
  }

  // ---- roles, descriptions, countries of people ----
  const spanText = (a: number, b: number) => text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  const countryIn = (a: number, b: number): string | undefined => {
    for (let i = a; i < b; i++) {
      const m = mentionAt.get(i);
      if (!m || m.end > b) continue;
      if (m.type === 'NORP' || m.type === 'GPE') {
        const e = entriesOf(m)[0];
        if (e?.country) return e.country;
      }
    }
    return undefined;
  };
  for (const c of clusters) {
    if (c.type !== 'PERSON') continue;
    for (const m of c.names) {
      if (m.title) {
        const [a, b] = m.title;
        // a nationality or "Country's" just before the title belongs to it: "Russian President", "North Korea's leader"
        let from = a;
        const prev = mentionEndingAt.get(a) ?? (a > 0 && /^['’]s$/.test(tokens[a - 1]!.text) ? mentionEndingAt.get(a - 1) : undefined);
        if (prev && (prev.type === 'NORP' || prev.type === 'GPE')) from = prev.start;
        c.role ??= spanText(from, b);
        c.country ??= countryIn(from, b);
      }
      // "Chancellor Greta Vogel of Germany"
      if (keys[m.end] === 'of') {
        const place = mentionAt.get(m.end + 1);
        const e = place && place.type === 'GPE' ? entriesOf(place)[0] : undefined;
        if (e?.country) c.country ??= e.country;
      }
      const app = apposition(m);
      if (app) {
        c.role ??= spanText(app.roleStart, app.end);
        c.country ??= countryIn(app.roleStart, app.end);
        if (app.definite) c.descriptions.push([app.roleStart, app.end]);
        if (!c.country && app.of) {
          const boss = mentionCluster.get(app.of);
          if (boss && boss !== c && boss.type === 'PERSON') c.countryFrom = boss;
        }
      }
    }
  }
  // countries that come through another person ("an aide to President X") once X's is known
  for (const c of clusters) if (!c.country && c.countryFrom?.country) c.country = c.countryFrom.country;

  /** ", the North Korean leader," / ", who was Russia's defence minister," after a person's name. */
  function apposition(m: Mention): { roleStart: number; end: number; definite: boolean; of?: Mention } | undefined {
    const s = seg.sentences[tokens[m.start]!.sentence]!;
    let i = m.end;
    if (i >= s.tokenEnd || tokens[i]!.text !== ',') return undefined;
    i++;
    if (keys[i] === 'who' && (keys[i + 1] === 'is' || keys[i + 1] === 'was')) i += 2;
    const roleStart = i;
    if (!(keys[i] === 'the' || keys[i] === 'a' || keys[i] === 'an' || mentionAt.get(i)?.type === 'NORP' || mentionAt.get(i)?.type === 'GPE')) return undefined;
    let end = i;
    let hasRole = false;
    let of: Mention | undefined;
    while (end < s.tokenEnd && end - roleStart < 14) {
      const t = tokens[end]!.text;
      if (t === ',' || t === ';' || t === '.' || t === ')' || t === '—' || t === '–' || t === '"' || t === '”') break;
      // a second clause or a time adjunct ends the description: "minister until last year and is now ..."
      if (keys[end] === 'and' || keys[end] === 'but' || keys[end] === 'until' || keys[end] === 'since' || tokens[end]!.pos === 'AUX') break;
      if (roles.has(keys[end]!) || PERSON_NOUNS.has(keys[end]!)) hasRole = true;
      const pm = mentionAt.get(end);
      if (pm && pm.type === 'PERSON' && hasRole) of = pm;
      if (tokens[end]!.pos === 'VERB' && !/ed$|ing$/.test(keys[end]!)) return undefined;
      end++;
    }
    if (!hasRole || end === roleStart) return undefined;
    // the phrase must be headed by a word for a person: "the North Korean leader", "a close aide to ...",
    // not "the aggressive militarism of ..."
    let head = end - 1;
    for (let k = roleStart; k < end; k++) {
      if (tokens[k]!.pos === 'ADP' && k > roleStart) {
        head = k - 1;
        break;
      }
    }
    const hk = keys[head]!;
    if (!(PERSON_NOUNS.has(hk) || roles.get(`T:${hk}`) || PERSON_NOUNS.has(hk.replace(/s$/, '')))) return undefined;
    // only a definite noun phrase beside the name can stand for the person later ("the North Korean leader")
    return { roleStart, end, definite: keys[roleStart] === 'the' && keys[roleStart - 1] !== 'was' && keys[roleStart - 1] !== 'is', of };
  }

  // "the Russian visitor": the latest person of that nationality named in the last few sentences
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (keys[i] !== 'the') continue;
    const norp = mentionAt.get(i + 1);
    if (!norp || norp.type !== 'NORP') continue;
    const nounAt = norp.end;
    if (nounAt >= tokens.length || !PERSON_NOUNS.has(keys[nounAt]!)) continue;
    // "the Russian President Vladimir Putin" is a title, handled above
    if (nounAt + 1 < tokens.length && /^\p{Lu}/u.test(tokens[nounAt + 1]!.text) && mentionAt.get(nounAt + 1)?.type === 'PERSON') continue;
    if (clusters.some((c) => c.descriptions.some(([a]) => a === i))) continue;
    const country = entriesOf(norp)[0]?.country;
    if (!country) continue;
    const sentence = tokens[i]!.sentence;
    let best: Cluster | undefined;
    let bestAt = -1;
    for (const c of clusters) {
      if (c.type !== 'PERSON' || c.country !== country) continue;
      for (const n of c.names) {
        if (n.start < i && n.start > bestAt && sentence - tokens[n.start]!.sentence <= 4) {
          best = c;
          bestAt = n.start;
        }
      }
    }
    if (best) best.descriptions.push([i, nounAt + 1]);
  }

  // ---- countries of organisations and places ----
  const docCountries = new Set<string>(countryCluster.keys());
  for (const c of clusters) {
    if (c.country) continue;
    if (c.type === 'GPE' || c.type === 'LOC') {
      // a place name several countries have: the one this document talks about, else the largest
      const options = c.names.flatMap((n) => entriesOf(n)).filter((e) => e.country);
      c.country = (options.find((e) => docCountries.has(e.country!)) ?? options[0])?.country;
    } else if (c.type === 'ORG') {
      for (const n of c.names) {
        // "North Korea's Korean Central News Agency"
        if (n.start >= 2 && /^['’]s$/.test(tokens[n.start - 1]!.text)) {
          const owner = [mentionEndingAt.get(n.start - 1)].find((x) => x?.type === 'GPE');
          const e = owner && entriesOf(owner)[0];
          if (e?.country) {
            c.country = e.country;
            break;
          }
        }
        const inside = countryIn(n.start, n.end);
        if (inside) {
          c.country = inside;
          break;
        }
      }
    } else if (c.type === 'NORP') c.country = c.names.map((n) => entriesOf(n)[0]?.country).find(Boolean);
  }

  // ---- records ----
  const span = (a: number, b: number): Span => ({ start: tokens[a]!.start, end: tokens[b - 1]!.end, text: spanText(a, b) });
  const out = clusters
    .filter((c) => c.names.length)
    .map((c) => {
      const spans = [...c.names.map((n) => span(n.start, n.end)), ...c.descriptions.map(([a, b]) => span(a, b))];
      const seen = new Set<number>();
      const mentionsOut = spans.sort((a, b) => a.start - b.start).filter((s) => !seen.has(s.start) && seen.add(s.start));
      return { c, first: mentionsOut[0]!.start, mentions: mentionsOut };
    })
    .sort((a, b) => a.first - b.first);
  return out.map(({ c, mentions: ms }, i): Entity => {
    const name = entityName(c, span);
    return {
      id: `e${i + 1}`,
      type: c.type,
      name,
      ...(c.country ? { country: c.country } : {}),
      ...(c.role ? { role: c.role } : {}),
      mentions: ms,
    };
  });

  function entityName(c: Cluster, mk: (a: number, b: number) => Span): string {
    if (c.type === 'GPE' && c.entry?.kind === 'country') return c.entry.name;
    // the fullest written form: most words, then first seen
    let best = c.names[0]!;
    for (const n of c.names) if (nameWords(n).length > nameWords(best).length) best = n;
    return mk(best.start, best.end).text;
  }
}

/**
 * Does this capital stand for its government here? Yes when it acts or owns ("Moscow said",
 * "Moscow's use"), or is a party to a relation ("ties with Moscow", "both Moscow and Pyongyang");
 * no when it is where something happens ("in Pyongyang").
 */
function actsForCountry(seg: Segmented, keys: string[], m: Mention, mentionEndingAt: Map<number, Mention>): boolean {
  const tokens = seg.tokens;
  const next = tokens[m.end];
  if (next && /^['’]s?$/.test(next.text)) return true;
  // walk back over a coordination ("both Moscow and Pyongyang") to the word that governs it
  let i = m.start - 1;
  while (i >= 0) {
    const k = keys[i]!;
    if (k === 'both' || k === 'and' || k === 'or' || k === ',' || k === 'either') {
      i--;
      continue;
    }
    const other = [mentionEndingAt.get(i + 1)].find((x) => x && (x.type === 'GPE' || x.type === 'ORG'));
    if (other) {
      i = other.start - 1;
      continue;
    }
    break;
  }
  const gov = i >= 0 ? keys[i]! : '';
  if (LOCATIVE.has(gov)) return false;
  if (RELATIONAL.has(gov)) return true;
  // the subject of a verb: "Pyongyang has said", "Moscow denied"
  const after = next?.pos;
  if (after === 'VERB' || after === 'AUX') return true;
  return false;
}

