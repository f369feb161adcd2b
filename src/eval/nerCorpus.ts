/**
 * Readers for the BIO name corpora in shared/data/ner, shared by the NER evaluation and by
 * scripts/train-ner.ts. Each document is rebuilt as text (tokens joined by spaces, sentences
 * by blank lines) with its gold names as character spans, so the stage under test sees text,
 * as it would in use, and its spans can be compared exactly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from './shared.ts';

export type GoldName = { start: number; end: number; type: string };
export type GoldDoc = { id: string; text: string; names: GoldName[]; tokens: number };

type RawSentence = { forms: string[]; tags: string[] };

/** IOB1 (CoNLL-2003: I- unless a name directly follows one of the same type) to IOB2. */
function iob1to2(tags: string[]): string[] {
  return tags.map((t, i) => {
    if (!t.startsWith('I-')) return t;
    const prev = i > 0 ? tags[i - 1]! : 'O';
    return prev === 'O' || prev.slice(2) !== t.slice(2) ? `B-${t.slice(2)}` : t;
  });
}

function toDoc(id: string, sentences: RawSentence[]): GoldDoc {
  let text = '';
  const names: GoldName[] = [];
  let tokens = 0;
  for (const s of sentences) {
    if (!s.forms.length) continue;
    if (text) text += '\n\n';
    let open: GoldName | null = null;
    s.forms.forEach((form, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += form;
      tokens++;
      const tag = s.tags[i] ?? 'O';
      if (tag.startsWith('B-') || tag === 'O' || (tag.startsWith('I-') && (!open || open.type !== tag.slice(2)))) {
        if (open) names.push(open);
        open = tag === 'O' ? null : { start, end: text.length, type: tag.slice(2) };
      } else if (open) open.end = text.length;
    });
    if (open) names.push(open);
  }
  return { id, text, names, tokens };
}

/**
 * GUM BIO: `-DOCSTART- id`, `# ...` comments, `FORM<TAB>UPOS<TAB>TAG`.
 *
 * The BIO files leave out nearly every name that is one token long in GUM ("Athens", "Norton",
 * "France" are O there; only longer names and "the Netherlands"-like spans survive the conversion).
 * With `singleTokenNames` those names are put back from the upstream CoNLL-U beside the files: a
 * PROPN token whose entity mention opens and closes on it, typed by GUM's entity type
 * (person → PER, or NORP when plural; organization → ORG; place → LOC; event → EVENT; the rest
 * but time and quantity → MISC). The tagger trains on the repaired split; `readGum(split)` alone
 * is the BIO file as shipped.
 */
export function readGum(split: 'train' | 'dev', opts: { singleTokenNames?: boolean } = {}): GoldDoc[] {
  const repairs = opts.singleTokenNames ? singleTokenRepairs(split) : new Map<string, Map<number, string>>();
  let sent: Map<number, string> | undefined;
  let at = 0;
  return readColumns(sharedPath('data', 'ner', 'gum', `gum-ner-${split}.bio`), (line) => {
    if (line.startsWith('-DOCSTART-')) return { doc: line.slice(11).trim() };
    if (line.startsWith('# sent_id')) {
      sent = repairs.get(line.split('=')[1]!.trim());
      at = 0;
    }
    if (line.startsWith('#')) return null;
    const [form, , tag] = line.split('\t');
    const fix = sent?.get(at++);
    return { form: form!, tag: (tag ?? 'O') === 'O' && fix ? fix : (tag ?? 'O') };
  });
}

const GUM_TYPE: Record<string, string> = {
  person: 'PER', organization: 'ORG', place: 'LOC', event: 'EVENT', abstract: 'MISC', object: 'MISC', substance: 'MISC', animal: 'MISC', plant: 'MISC',
};

/** Per sentence id, per token index: the B- tag of a one-token PROPN name in GUM's CoNLL-U. */
function singleTokenRepairs(split: 'train' | 'dev'): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  const dir = sharedPath('data', 'ner', 'gum', 'conllu', split);
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.conllu')).sort()) {
    let id = '';
    let at = 0;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.startsWith('# sent_id')) {
        id = line.split('=')[1]!.trim();
        at = 0;
        continue;
      }
      if (!line || line.startsWith('#')) continue;
      const c = line.split('\t');
      if (c[0]!.includes('-') || c[0]!.includes('.')) continue;
      const index = at++;
      if (c[3] !== 'PROPN') continue;
      // an entity bracket opened and closed on this very token: "(12-place-new-...-Athens)"
      const m = /Entity=[^|]*?\(\d+-([a-z]+)-[^()|]*\)/.exec(c[9] ?? '');
      if (!m) continue;
      let type = GUM_TYPE[m[1]!];
      if (!type) continue;
      if (type === 'PER' && (/Number=Plur/.test(c[5] ?? '') || /(ans|ese|ians)$/.test(c[1]!))) type = 'NORP';
      let sent = out.get(id);
      if (!sent) out.set(id, (sent = new Map()));
      sent.set(index, `B-${type}`);
    }
  }
  return out;
}

/** UNER: `# newdoc id = ...`, `ID<TAB>FORM<TAB>TAG<TAB>...`. */
export function readUner(): GoldDoc[] {
  return readColumns(sharedPath('data', 'ner', 'uner-en-ewt', 'en_ewt-ud-dev.iob2'), (line) => {
    if (line.startsWith('# newdoc id')) return { doc: line.split('=')[1]!.trim() };
    if (line.startsWith('#')) return null;
    const [, form, tag] = line.split('\t');
    return { form: form!, tag: tag ?? 'O' };
  });
}

/** wikigold: `FORM TAG` (IOB1), documents separated by `-DOCSTART- O`. */
export function readWikigold(): GoldDoc[] {
  let n = 0;
  return readColumns(
    sharedPath('data', 'ner', 'wikigold', 'wikigold.conll.txt'),
    (line) => {
      if (line.startsWith('-DOCSTART-')) return { doc: `wikigold-${++n}` };
      const sp = line.lastIndexOf(' ');
      return { form: line.slice(0, sp), tag: line.slice(sp + 1) };
    },
    true,
  );
}

type LineResult = { doc: string } | { form: string; tag: string } | null;

function readColumns(path: string, parse: (line: string) => LineResult, iob1 = false): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let id = 'doc-0';
  let sentences: RawSentence[] = [];
  let cur: RawSentence = { forms: [], tags: [] };
  const endSentence = () => {
    if (cur.forms.length) sentences.push(iob1 ? { forms: cur.forms, tags: iob1to2(cur.tags) } : cur);
    cur = { forms: [], tags: [] };
  };
  const endDoc = () => {
    endSentence();
    if (sentences.length) docs.push(toDoc(id, sentences));
    sentences = [];
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const r = parse(line);
    if (!r) continue;
    if ('doc' in r) {
      endDoc();
      id = r.doc;
    } else {
      cur.forms.push(r.form);
      cur.tags.push(r.tag);
    }
  }
  endDoc();
  return docs;
}

/** wikigold is also training data: every fifth document is held out for the out-of-domain check. */
export function wikigoldSplit(): { train: GoldDoc[]; heldOut: GoldDoc[] } {
  const all = readWikigold();
  return { train: all.filter((_, i) => i % 5 !== 4), heldOut: all.filter((_, i) => i % 5 === 4) };
}
