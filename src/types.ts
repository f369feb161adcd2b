/**
 * The extraction record: the contract between layers and a public output format.
 * Mirrors the record in DESIGN.md. Offsets are UTF-16 code units into `document.text`
 * (JavaScript string indices), end exclusive, and every span carries its own text so that
 * `text.slice(start, end) === span.text` can be checked by anyone holding the record.
 *
 * Add fields when users need them; never rename or drop one without bumping FORMAT_VERSION.
 */
export const FORMAT_VERSION = 1;

export type Span = { start: number; end: number; text: string };

/** A document as the readers produce it: canonical text, stored once, never changed. */
export type Document = {
  /** Derived from the SHA-256 of `text`: the same text always gets the same id. */
  id: string;
  /** NFC-normalised canonical text. */
  text: string;
  /** ISO date (YYYY-MM-DD) or date-time, when known. */
  published?: string;
  title?: string;
  url?: string;
  outlet?: string;
  /** Who wrote it, as the page or feed states it ("By Jane Doe, Transport Correspondent"). */
  byline?: string;
  lang: string;
  textSha256: string;
  /** Where the document came from (file path, path#line for JSON Lines); not part of its identity. */
  origin?: string;
};

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'MISC';

export type Entity = {
  id: string;
  type: EntityType;
  name: string;
  /** ISO 3166-1 alpha-3 of the country the entity belongs to, when known. */
  country?: string;
  /** A title or role seen with the name ("President", "the North Korean leader"). */
  role?: string;
  mentions: Span[];
};

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export type TimeExpr = Span & {
  id?: string;
  /** TIMEX3 value: 2025-06-17, 2025-04, 2024-WI, PXW, PRESENT_REF; XXXX-XX-XX style when unresolvable. */
  value: string;
  type: TimeType;
  /** TIMEX3 mod: START, END, MID, APPROX, BEFORE, AFTER ... */
  mod?: string;
};

export type Qualifier =
  | 'exact'
  | 'approximately'
  | 'at most'
  | 'at least'
  | 'more than'
  | 'less than'
  | 'range'
  | 'vague';

export type Figure = Span & {
  id: string;
  value: number | null;
  min?: number;
  max?: number;
  qualifier: Qualifier;
  /** ISO 4217 for money, SI-ish for measures ('km', 'km2', 't', '%'), 'mi' for miles. */
  unit?: string;
  /** The counted noun phrase: 'construction workers'. */
  counts?: string;
  /** Rate denominator: 'month' in '$800 a month'. */
  per?: string;
  /** The vague magnitude word(s) when value is null: 'thousands', 'several hundred'. */
  vague?: string;
  /** Id of the claim whose content contains this figure. */
  claim?: string;
  /** Direction of change when the text gives one: the figure this one changed from. */
  changedFrom?: string;
  /** 'planned' when the figure describes something intended rather than existing. */
  modality?: 'planned';
};

export type ClaimKind = 'direct' | 'indirect' | 'mixed' | 'omission' | 'unattributed';

export type Claim = {
  id: string;
  kind: ClaimKind;
  polarity: 'affirmed' | 'negated';
  /** The source as written; `entity` is the id of the entity it resolves to, when the article makes it clear. */
  source?: Span & { entity?: string };
  cue?: Span;
  /** May be discontinuous (split quotes). */
  content: Span[];
  /** TIMEX3 value of when it was said. */
  said?: string;
  figures: string[];
  entities: string[];
  times?: string[];
};

export type Event = {
  id: string;
  /** PLOVER 2.0 event type. */
  type: string;
  mode?: string;
  actor?: string;
  recipient?: string;
  where?: string;
  when?: string;
  trigger: Span;
  claim?: string;
};

export type Extraction = {
  document: {
    id: string;
    published?: string;
    title?: string;
    url?: string;
    outlet?: string;
    lang: string;
    textSha256: string;
  };
  entities: Entity[];
  times: TimeExpr[];
  figures: Figure[];
  claims: Claim[];
  events: Event[];
  /**
   * Work for the ledger done beside extraction, in the worker (src/link/prepare.ts): link features
   * and the stored JSON. Never stored itself; a ledger computes it when it is absent.
   */
  prepared?: import('./link/prepare.ts').Prepared;
};
