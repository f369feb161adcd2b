/**
 * The OpenAPI 3.1 description of the JSON API, served at /openapi.json. Query parameters are derived
 * from the same specs the routes check them with, so the description cannot drift from what the
 * server accepts.
 */
import { CLAIM_FILTERS, ENTITY_TYPES, PAGE, SERIES_FILTERS, type Specs } from './params.ts';
import { TIMELINE_CONFLICTS, TIMELINE_POINTS } from './series.ts';
import { MAX_BODY_BYTES, MAX_DOCUMENTS_PER_REQUEST } from './write.ts';

const DESCRIPTIONS: Record<string, string> = {
  source: 'source as written or the name it resolves to (substring, any case)',
  entity: 'a name the claim mentions (exact, any case)',
  q: 'full-text search (all words must occur)',
  since: 'said (or, when the date said is unknown, published) on or after',
  until: 'said (or published) on or before',
  kind: 'kind of attribution',
  outlet: 'outlet (substring)',
  document: 'one document id',
  limit: 'rows per page',
  offset: 'rows to skip',
  counts: 'counted noun or measure (substring)',
  unit: 'unit, e.g. USD, km, %',
  type: 'entity type',
  measure: 'words of the measure’s label (substring, any case)',
  all: '1 lists every series, also those followed by one article only or saying neither whose nor where',
};

function parameters(specs: Specs) {
  return Object.entries(specs).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    description: DESCRIPTIONS[name] ?? name,
    schema:
      s.type === 'int' ? { type: 'integer', minimum: s.min, maximum: s.max }
      : s.type === 'enum' ? { type: 'string', enum: [...s.values] }
      : s.type === 'date' ? { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }
      : { type: 'string', maxLength: s.max ?? 200 },
  }));
}

const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const listOf = (item: object) => ({
  type: 'object',
  required: ['items', 'limit', 'offset', 'more'],
  properties: { items: { type: 'array', items: item }, limit: { type: 'integer' }, offset: { type: 'integer' }, more: { type: 'boolean', description: 'another page follows' } },
});
const ok = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? 'error', content: { 'application/json': { schema: ref('Error') } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'a parameter or the body is malformed; the message names it',
  401: 'the write token is missing or wrong',
  403: 'the server is read-only (started without a write token)',
  404: 'not in the ledger',
  413: 'the body is too large',
  415: 'unsupported content type',
  422: 'every document in the body was rejected',
};

const get = (summary: string, params: object[], response: object, errs = [400]) => ({
  get: { summary, parameters: params, responses: { '200': ok(response), ...errors(...errs) } },
});
const linked = (schema: object) => ({ allOf: [schema, { type: 'object', properties: { linked: { type: 'boolean', description: 'whether cross-article linking has run on this ledger' } } }] });

export function openApiDocument() {
  const looseObject = { type: 'object', additionalProperties: true };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Triangulate',
      version: '0.1.0',
      description: 'Read-only JSON over a Triangulate ledger: documents, claims, figures, series, sources, names, and cross-article links. POST /api/documents ingests when the server was started with a write token.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/summary': get('Counts, top sources and top series', [], looseObject),
      '/api/documents': {
        ...get('Documents, newest first', parameters({ outlet: { type: 'text' }, ...PAGE }), listOf(ref('DocumentRow'))),
        post: {
          summary: 'Ingest documents (needs the write token)',
          description: `JSON: one {text, published?, title?, url?, outlet?}, an array, or {documents: [...]}, at most ${MAX_DOCUMENTS_PER_REQUEST}; or text/plain (an optional " date YYYY-MM-DD" first line; ?published= and ?outlet= apply). Bodies over ${MAX_BODY_BYTES} bytes are refused. Also at POST /documents.`,
          security: [{ writeToken: [] }],
          parameters: parameters({ published: { type: 'date' }, outlet: { type: 'text' } }),
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { oneOf: [ref('NewDocument'), { type: 'array', items: ref('NewDocument') }, { type: 'object', properties: { documents: { type: 'array', items: ref('NewDocument') } } }] } },
              'text/plain': { schema: { type: 'string' } },
            },
          },
          responses: { '201': ok(ref('IngestResult'), 'at least one document was added'), '200': ok(ref('IngestResult'), 'every document was already in the ledger'), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      '/api/documents/{id}': get('One document with its extraction record', [pathParam('id', 'document id or a unique prefix')], looseObject, [400, 404]),
      '/api/claims': get('Claims, newest article first', parameters(CLAIM_FILTERS), listOf(ref('ClaimRow'))),
      '/api/figures': get('Figures', parameters({ counts: { type: 'text' }, unit: { type: 'text' }, document: { type: 'text' }, ...PAGE }), listOf(looseObject)),
      '/api/series': get('Figure series as cross-article linking decided them (what is counted, whose, where), most independent articles first', parameters(SERIES_FILTERS), listOf(ref('SeriesSummary'))),
      '/api/series/{key}': get(
        `One series: its latest ${TIMELINE_POINTS} points in order of the time they refer to (time: the middle of the period the figure names, else of the day it was said or published; ms since 1970), each with the ids of the ledger's conflicts it is a side of, and those conflicts (up to ${TIMELINE_CONFLICTS}) with both sides`,
        [pathParam('key', 'series key as listed by /api/series, or a phrase naming the measure ("north korean workers in russia")')],
        looseObject,
        [400, 404],
      ),
      '/api/sources': get('Sources by number of claims', parameters({ q: { type: 'text' }, ...PAGE }), listOf(ref('SourceRow'))),
      '/api/sources/{name}': get('One source and what it said, newest first', [pathParam('name', 'source name (any case)'), ...parameters(PAGE)], looseObject, [400, 404]),
      '/api/entities': get('Names by number of documents', parameters({ q: { type: 'text' }, type: { type: 'enum', values: ENTITY_TYPES }, ...PAGE }), listOf(looseObject)),
      '/api/entities/{name}': get('One name: who said what about it', [pathParam('name', 'name (any case)'), ...parameters(PAGE)], looseObject, [400, 404]),
      '/api/statements': get('Statements reported by more than one article', parameters({ source: { type: 'text' }, ...PAGE }), linked(listOf(looseObject))),
      '/api/statements/{id}': get('One statement with its reports', [pathParam('id', 'statement id')], looseObject, [400, 404]),
      '/api/conflicts': get('Figures that contradict each other', parameters({ measure: { type: 'text' }, ...PAGE }), linked(listOf(looseObject))),
      '/api/copies': get('Groups of copied or syndicated articles', parameters(PAGE), linked(listOf(looseObject))),
    },
    components: {
      securitySchemes: { writeToken: { type: 'http', scheme: 'bearer', description: 'the token given with --write-token or TRIANGULATE_WRITE_TOKEN' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
        NewDocument: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: { text: { type: 'string' }, published: { type: 'string', format: 'date' }, title: { type: 'string' }, url: { type: 'string' }, outlet: { type: 'string' } },
        },
        IngestResult: {
          type: 'object',
          properties: { ingested: { type: 'integer' }, duplicate: { type: 'integer' }, rejected: { type: 'integer' }, outcomes: { type: 'array', items: looseObject } },
        },
        DocumentRow: {
          type: 'object',
          required: ['id', 'lang', 'textSha256', 'ingestedAt', 'length'],
          properties: {
            id: { type: 'string' }, published: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, outlet: { type: 'string' },
            lang: { type: 'string' }, textSha256: { type: 'string' }, origin: { type: 'string' }, ingestedAt: { type: 'string' }, length: { type: 'integer' },
          },
        },
        ClaimRow: {
          type: 'object',
          required: ['documentId', 'id', 'kind', 'polarity', 'content', 'start', 'end'],
          properties: {
            documentId: { type: 'string' }, id: { type: 'string' }, kind: { type: 'string' }, polarity: { type: 'string' },
            source: { type: 'string' }, sourceEntity: { type: 'string' }, cue: { type: 'string' }, content: { type: 'string' },
            said: { type: 'string', description: 'TIMEX3 value' }, published: { type: 'string' }, outlet: { type: 'string' }, title: { type: 'string' },
            start: { type: 'integer', description: 'UTF-16 offset of the claim in its document' }, end: { type: 'integer' },
          },
        },
        SeriesSummary: {
          type: 'object',
          required: ['key', 'label', 'points', 'documents', 'independent', 'planned', 'scoped'],
          properties: {
            key: { type: 'string' }, label: { type: 'string' }, points: { type: 'integer' }, documents: { type: 'integer' },
            independent: { type: 'integer', description: 'documents that are not copies of one another' },
            first: { type: 'string' }, last: { type: 'string' }, planned: { type: 'boolean' }, scoped: { type: 'boolean', description: 'says whose or where' },
          },
        },
        SourceRow: { type: 'object', properties: { name: { type: 'string' }, claims: { type: 'integer' }, documents: { type: 'integer' } } },
      },
    },
  };
}
