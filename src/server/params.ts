/**
 * Query parameters, checked once for pages and API alike. A value that cannot be right (a date that
 * is not a date, a kind that does not exist, a page size of a million) is refused with a 400 that
 * names the parameter, rather than quietly ignored; an unknown parameter is refused too, because a
 * misspelt filter that is ignored returns the wrong rows without a word.
 */
import { HttpError } from './errors.ts';

export const CLAIM_KINDS = ['direct', 'indirect', 'mixed', 'omission', 'unattributed'] as const;
export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'] as const;

/** Deep offsets make SQLite walk and discard every row before them; past this, narrow the filter instead. */
export const MAX_OFFSET = 100_000;
export const MAX_LIMIT = 500;

type Spec =
  | { type: 'text'; max?: number }
  | { type: 'date' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'int'; min: number; max: number };

export type Specs = Record<string, Spec>;

type Parsed<S extends Specs> = { [K in keyof S]?: S[K] extends { type: 'int' } ? number : string };

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Reads the query against the specs. Empty values count as absent (an empty form field means no filter). */
export function parseQuery<S extends Specs>(query: Record<string, string>, specs: S): Parsed<S> {
  const out: Record<string, string | number> = {};
  const problems: { parameter: string; problem: string }[] = [];
  for (const [name, rawValue] of Object.entries(query)) {
    const spec = specs[name];
    if (!spec) {
      problems.push({ parameter: name, problem: `unknown parameter; this endpoint takes ${Object.keys(specs).join(', ') || 'none'}` });
      continue;
    }
    const value = rawValue.trim();
    if (value === '') continue;
    switch (spec.type) {
      case 'text':
        if (value.length > (spec.max ?? 200)) problems.push({ parameter: name, problem: `longer than ${spec.max ?? 200} characters` });
        else out[name] = value;
        break;
      case 'date':
        if (!DATE.test(value)) problems.push({ parameter: name, problem: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' });
        else out[name] = value;
        break;
      case 'enum':
        if (!spec.values.includes(value)) problems.push({ parameter: name, problem: `expected one of ${spec.values.join(', ')}` });
        else out[name] = value;
        break;
      case 'int': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < spec.min || n > spec.max) problems.push({ parameter: name, problem: `expected a whole number from ${spec.min} to ${spec.max}` });
        else out[name] = n;
        break;
      }
    }
  }
  if (problems.length) {
    throw new HttpError(400, 'bad-parameter', problems.map((p) => `${p.parameter}: ${p.problem}`).join('; '), problems);
  }
  return out as Parsed<S>;
}

export const PAGE = {
  limit: { type: 'int', min: 1, max: MAX_LIMIT },
  offset: { type: 'int', min: 0, max: MAX_OFFSET },
} as const satisfies Specs;

/** Series: words of the measure's label; `all=1` adds series followed by one article only, or with neither whose nor where. */
export const SERIES_FILTERS = {
  q: { type: 'text' },
  all: { type: 'enum', values: ['0', '1'] },
  ...PAGE,
} as const satisfies Specs;

export const CLAIM_FILTERS = {
  source: { type: 'text' },
  entity: { type: 'text' },
  q: { type: 'text' },
  since: { type: 'date' },
  until: { type: 'date' },
  kind: { type: 'enum', values: CLAIM_KINDS },
  outlet: { type: 'text' },
  document: { type: 'text', max: 64 },
  ...PAGE,
} as const satisfies Specs;
