import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, Extraction, Figure } from '../types.ts';
import { pointsOf } from './points.ts';
import { blocksOf, featuresOf, matchStatement, mergeFeatures, reportsOf } from './statements.ts';

/** One article with one claim: `source` said `content` (which holds the figures) on `said`. */
function article(text: string, published: string, source: string, content: string, said: string | undefined, figs: (Partial<Figure> & { text: string })[], entity?: Entity) {
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const figures = figs.map((f, i) => ({ id: `f${i + 1}`, value: null, qualifier: 'exact', ...f, ...at(f.text) }) as Figure);
  const x: Pick<Extraction, 'claims' | 'entities' | 'figures' | 'times'> = {
    entities: entity ? [entity] : [],
    times: [],
    figures,
    claims: [{ id: 'c1', kind: 'indirect', polarity: 'affirmed', source: { ...at(source), ...(entity ? { entity: entity.id } : {}) }, cue: at('said'), content: [at(content)], ...(said ? { said } : {}), figures: figures.map((f) => f.id), entities: [] }],
  };
  const points = pointsOf({ text, published }, x);
  return reportsOf(published, x, points);
}

const alves = (text: string): Entity => ({ id: 'e1', type: 'PERSON', name: 'Pedro Alves', mentions: [{ start: text.indexOf('Pedro Alves'), end: text.indexOf('Pedro Alves') + 11, text: 'Pedro Alves' }] });

const t1 = 'Portugal will send 6,000 Portuguese soldiers to the island, Pedro Alves said on Tuesday.';
const t2 = 'Pedro Alves said on Tuesday that Portugal would send 5,000 Portuguese workers and 1,000 Portuguese sappers to the island.';
const first = () => article(t1, '2024-05-07', 'Pedro Alves', 'Portugal will send 6,000 Portuguese soldiers to the island', '2024-05-07', [{ text: '6,000 Portuguese soldiers', value: 6000, counts: 'Portuguese soldiers' }], alves(t1))[0]!;

test('“6,000 soldiers” and “5,000 workers and 1,000 sappers” from one speaker on one day are one statement framed twice', () => {
  const r2 = article(t2, '2024-05-08', 'Pedro Alves', 'that Portugal would send 5,000 Portuguese workers and 1,000 Portuguese sappers to the island', '2024-05-07', [
    { text: '5,000 Portuguese workers', value: 5000, counts: 'Portuguese workers' },
    { text: '1,000 Portuguese sappers', value: 1000, counts: 'Portuguese sappers' },
  ], alves(t2))[0]!;
  const m = matchStatement(r2, featuresOf(first()));
  assert.ok(m, 'matched');
  assert.match(m!.why.join('; '), /same source \(pedro alves\)/);
  assert.match(m!.why.join('; '), /same total/);
  assert.deepEqual(m!.discrepancies, []);
  // blocking: the two reports are filed under a shared key
  assert.ok(blocksOf(r2).some((b) => blocksOf(first()).includes(b)), 'filed under a shared key');
});

test('the same speaker months later, or another speaker the same day, is another statement', () => {
  const later = article(t1.replace('Tuesday', 'Friday'), '2024-09-20', 'Pedro Alves', 'Portugal will send 6,000 Portuguese soldiers to the island', '2024-09-20',
    [{ text: '6,000 Portuguese soldiers', value: 6000, counts: 'Portuguese soldiers' }], alves(t1))[0]!;
  assert.equal(matchStatement(later, featuresOf(first())), undefined);
  const t3 = 'Spain will send 6,000 Spanish soldiers to the island, Madrid said on Tuesday.';
  const other = article(t3, '2024-05-07', 'Madrid', 'Spain will send 6,000 Spanish soldiers to the island', '2024-05-07', [{ text: '6,000 Spanish soldiers', value: 6000, counts: 'Spanish soldiers' }])[0]!;
  assert.equal(matchStatement(other, featuresOf(first())), undefined);
});

test('a description of the speaker matches the named body when the figures agree', () => {
  const tA = 'About 2,400 Chilean miners were working in Peru last month, Chile’s labour ministry said on Monday.';
  const tB = 'Santiago said on Monday that about 2,400 Chilean miners were working in Peru.';
  const a = article(tA, '2024-02-06', 'Chile’s labour ministry', 'About 2,400 Chilean miners were working in Peru last month', '2024-02-05', [{ text: 'About 2,400 Chilean miners', value: 2400, qualifier: 'approximately', counts: 'Chilean miners' }])[0]!;
  const b = article(tB, '2024-02-06', 'Santiago', 'that about 2,400 Chilean miners were working in Peru', '2024-02-05', [{ text: 'about 2,400 Chilean miners', value: 2400, qualifier: 'approximately', counts: 'Chilean miners' }])[0]!;
  const m = matchStatement(b, featuresOf(a));
  assert.ok(m, 'the capital speaks for its ministry when the figure is the same');
  assert.match(m!.why.join(' '), /government of CHL/);
});

test('one statement reported with different figures is a reporting discrepancy; the same digits misplaced, a misprint', () => {
  const tA = 'Border guards recorded 12,500 Chilean citizens crossing into Peru in 2023, the interior ministry said on Monday.';
  const tB = 'The interior ministry said on Monday that 1,2500 Chilean citizens had crossed into Peru in 2023.';
  const tC = 'The interior ministry said on Monday that 9,800 Chilean citizens had crossed into Peru in 2023.';
  const mk = (t: string, fig: string, value: number) => article(t, '2024-02-06', 'the interior ministry', t.slice(t.indexOf(fig.split(' ')[0]!)), '2024-02-05', [{ text: fig, value, counts: 'Chilean citizens' }])[0]!;
  const a = mk(tA, '12,500 Chilean citizens', 12500);
  const b = mk(tB, '1,2500 Chilean citizens', 1250);
  const c = mk(tC, '9,800 Chilean citizens', 9800);
  const mb = matchStatement(b, featuresOf(a));
  assert.equal(mb?.discrepancies[0]?.kind, 'misprint');
  const mc = matchStatement(c, mergeFeatures(featuresOf(a), b));
  assert.ok(mc, 'same source, same day, same words');
  assert.ok(mc!.discrepancies.some((d) => d.kind === 'reporting'), '9,800 against 12,500 in one statement');
});

test('an agency’s estimate relayed by a lawmaker in one outlet and told by the agency in another is one statement', () => {
  const tA = 'Chile’s intelligence agency told lawmakers on Monday that about 2,400 Chilean miners were working in Peru.';
  const tB = 'Chile’s intelligence agency believes about 2,400 Chilean miners are working in Peru, a lawmaker said on Monday.';
  const a = article(tA, '2024-02-06', 'Chile’s intelligence agency', 'that about 2,400 Chilean miners were working in Peru', '2024-02-05', [{ text: 'about 2,400 Chilean miners', value: 2400, qualifier: 'approximately', counts: 'Chilean miners' }])[0]!;
  const b = article(tB, '2024-02-06', 'a lawmaker', 'Chile’s intelligence agency believes about 2,400 Chilean miners are working in Peru', '2024-02-05', [{ text: 'about 2,400 Chilean miners', value: 2400, qualifier: 'approximately', counts: 'Chilean miners' }])[0]!;
  assert.ok(b.identity.strong.includes('d:CHL:intelligence'), 'filed under the agency it relays');
  assert.equal(b.identity.label, 'Chile’s intelligence agency', 'shown as the agency, not as “a lawmaker”');
  const m = matchStatement(b, featuresOf(a));
  assert.ok(m, 'matched');
  assert.match(m!.why.join(' '), /same source \(intelligence of CHL\)/);
  // the lawmaker alone, relaying nothing, is not the agency
  const c = article(tB, '2024-02-06', 'a lawmaker', 'about 2,400 Chilean miners are working in Peru', '2024-02-05', [{ text: 'about 2,400 Chilean miners', value: 2400, qualifier: 'approximately', counts: 'Chilean miners' }])[0]!;
  assert.equal(matchStatement(c, featuresOf(a)), undefined);
});

test('“it” going on after a named body keeps that body as written, not the country it resolved to', () => {
  const text = 'Chile’s embassy in Lima rejected the report. In a statement, it said the miners had valid permits.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const chile: Entity = { id: 'e1', type: 'GPE', name: 'Chile', country: 'CHL', mentions: [at('Chile')] };
  const claim = (id: string, source: string, cue: string, content: string) =>
    ({ id, kind: 'indirect', polarity: 'affirmed', source: { ...at(source), entity: 'e1' }, cue: at(cue), content: [at(content)], figures: [], entities: [] }) as Extraction['claims'][number];
  const x: Pick<Extraction, 'claims' | 'entities' | 'figures' | 'times'> = {
    entities: [chile], times: [], figures: [],
    claims: [claim('c1', 'Chile’s embassy in Lima', 'rejected', 'the report'), claim('c2', 'it', 'said', 'the miners had valid permits')],
  };
  const reports = reportsOf('2024-02-06', x, pointsOf({ text, published: '2024-02-06' }, x));
  assert.equal(reports.length, 1, 'one report: the embassy, going on');
  assert.equal(reports[0]!.identity.label, 'Chile’s embassy in Lima');
  assert.ok(reports[0]!.identity.strong.includes('d:CHL:embassy'), reports[0]!.identity.strong.join(' '));
});

test('a person named in full and then by one name in the same article is one source; two people sharing the name are not guessed', () => {
  const text = 'Ines Duarte, the port’s director, said the cranes were idle. Duarte said the strike would end soon.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const ines: Entity = { id: 'e1', type: 'PERSON', name: 'Ines Duarte', mentions: [at('Ines Duarte')] };
  const duarte: Entity = { id: 'e2', type: 'PERSON', name: 'Duarte', mentions: [at('Duarte said')] };
  const claim = (id: string, source: string, entity: string, content: string) =>
    ({ id, kind: 'indirect', polarity: 'affirmed', source: { ...at(source), entity }, cue: at('said'), content: [at(content)], figures: [], entities: [] }) as Extraction['claims'][number];
  const x = (extra: Entity[] = [], more: Extraction['claims'] = []): Pick<Extraction, 'claims' | 'entities' | 'figures' | 'times'> => ({
    entities: [ines, duarte, ...extra], times: [], figures: [],
    claims: [claim('c1', 'Ines Duarte, the port’s director,', 'e1', 'the cranes were idle'), ...more, claim('c2', 'Duarte', 'e2', 'the strike would end soon')],
  });
  const one = reportsOf('2024-02-06', x(), []);
  assert.equal(one.length, 1, one.map((r) => r.identity.label).join(' | '));
  assert.equal(one[0]!.identity.label, 'Ines Duarte');
  // another Duarte quoted before: "Duarte" could be either, so it stays apart
  const rui: Entity = { id: 'e3', type: 'PERSON', name: 'Rui Duarte', mentions: [at('the port’s director')] };
  const two = reportsOf('2024-02-06', x([rui], [{ ...claim('c3', 'the port’s director', 'e3', 'the cranes were idle'), id: 'c3' }]), []);
  assert.ok(two.some((r) => r.identity.label === 'Duarte'), two.map((r) => r.identity.label).join(' | '));
});
