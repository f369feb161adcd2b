import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLedger } from '../store/sqlite.ts';
import { LedgerError } from '../store/errors.ts';
import { makeDocument } from '../ingest/document.ts';
import type { Claim, Document, Entity, Extraction, Figure } from '../types.ts';
import { SPAN_DAYS } from './store.ts';
import { timexRange } from './period.ts';

const dbPath = () => join(mkdtempSync(join(tmpdir(), 'tri-link-')), 'ledger.db');

type FigSpec = Partial<Figure> & { text: string };

/** An article with one claim by `source` whose content holds the figures; offsets come from the text itself. */
function article(o: { text: string; published: string; outlet?: string; source: string; content: string; said?: string; figures: FigSpec[]; entities?: { name: string; type: Entity['type'] }[] }): { doc: Document; extraction: Extraction } {
  const doc = makeDocument({ text: o.text, published: o.published, ...(o.outlet ? { outlet: o.outlet } : {}) });
  const text = doc.text;
  const at = (s: string, from = 0) => {
    const start = text.indexOf(s, from);
    assert.ok(start >= 0, `“${s}” in text`);
    return { start, end: start + s.length, text: s };
  };
  const figures = o.figures.map((f, i) => ({ id: `f${i + 1}`, value: null, qualifier: 'exact', ...f, ...at(f.text) }) as Figure);
  const entities: Entity[] = (o.entities ?? []).map((e, i) => ({ id: `e${i + 1}`, type: e.type, name: e.name, mentions: [at(e.name)] }));
  const claim: Claim = {
    id: 'c1', kind: 'indirect', polarity: 'affirmed', source: at(o.source), cue: at('said'), content: [at(o.content)], ...(o.said ? { said: o.said } : {}),
    figures: figures.map((f) => f.id), entities: [],
  };
  return {
    doc,
    extraction: { document: { id: doc.id, published: o.published, lang: 'en', textSha256: doc.textSha256 }, entities, times: [], figures, claims: [claim], events: [] },
  };
}

const para = 'Inspectors said conditions in the camps had improved since the spring, though many shelters still lacked heating and the roads to them were often closed by snow. ' +
  'Aid groups asked donors for more money before the winter, saying stocks of fuel and blankets would run out within weeks if deliveries did not resume.';
const para1 = 'The figure was given to a parliamentary committee behind closed doors. Officials did not explain how the count had been made or whether it included children born in the camps.';
const para2 = 'Local officials in the border towns described schools running double shifts and clinics short of staff, and asked the capital for a larger share of the budget next year.';

const early = article({
  text: `About 1,200 Somali refugees lived in Kenya at the end of 2022, the agency said on Monday. ${para1}`,
  published: '2023-02-07', outlet: 'Coast Observer', source: 'the agency', content: 'About 1,200 Somali refugees lived in Kenya at the end of 2022', said: '2023-02-06',
  figures: [{ text: 'About 1,200 Somali refugees', value: 1200, qualifier: 'approximately', counts: 'Somali refugees' }],
});
const later = article({
  text: `Roughly 4,500 Somali refugees were in Kenya at the end of 2023, the agency said. ${para2}`,
  published: '2024-03-12', outlet: 'Rift Daily', source: 'the agency', content: 'Roughly 4,500 Somali refugees were in Kenya at the end of 2023', said: '2024-03-11',
  figures: [{ text: 'Roughly 4,500 Somali refugees', value: 4500, qualifier: 'approximately', counts: 'Somali refugees' }],
});
const wire = article({
  text: `NAIROBI (Lake Wire) - At least 9,000 Somali refugees lived in Kenya during 2023, a monitoring group said in a report. ${para} The group urged donors to act.`,
  published: '2024-04-02', outlet: 'Lake Wire', source: 'a monitoring group', content: 'At least 9,000 Somali refugees lived in Kenya during 2023', said: '2024-04-01',
  figures: [{ text: 'At least 9,000 Somali refugees', value: 9000, qualifier: 'at least', counts: 'Somali refugees' }],
});
const copy = article({
  text: `NAIROBI (Lake Wire) - At least 9,000 Somali refugees lived in Kenya during 2023, a monitoring group said in a report. ${para} The group urged donors to act. The Rift Daily asked the group for comment.`,
  published: '2024-04-03', outlet: 'Rift Daily', source: 'a monitoring group', content: 'At least 9,000 Somali refugees lived in Kenya during 2023', said: '2024-04-01',
  figures: [{ text: 'At least 9,000 Somali refugees', value: 9000, qualifier: 'at least', counts: 'Somali refugees' }],
});

test('series, conflicts and copies are found at ingest and stored with their reasons', async () => {
  const l = new SqliteLedger(dbPath());
  await l.addAll([early, later]);
  await l.addAll([wire, copy]);
  const series = await l.series();
  assert.equal(series.length, 1);
  assert.equal(series[0]!.label, 'Somali refugees in Kenya');
  assert.equal(series[0]!.points, 4);
  assert.equal(series[0]!.documents, 4);
  assert.equal(series[0]!.independent, 3, 'a syndicated copy is not another independent article');

  const t = (await l.seriesTimeline('somali refugees'))!;
  // in order of the time each figure describes
  assert.deepEqual(t.points.map((p) => p.value), [1200, 9000, 9000, 4500]);
  assert.deepEqual(t.points.map((p) => p.period), ['2022 (end)', '2023', '2023', '2023 (end)']);
  assert.equal(t.points.filter((p) => p.copyOf).length, 1, 'the copy points at its original');
  assert.ok(t.points.every((p) => p.why.length > 0), 'every point says why it is in the series');

  const copies = await l.copies();
  assert.equal(copies.length, 1);
  assert.equal(copies[0]!.original.outlet, 'Lake Wire');
  assert.match(copies[0]!.why, /credited/);

  // roughly 4,500 at the end of 2023 against at least 9,000 during 2023; 1,200 in 2022 is growth, not conflict
  const conflicts = await l.conflicts();
  assert.equal(conflicts.length, 1);
  const c = conflicts[0]!;
  assert.equal(c.kind, 'figures');
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['about 4,500', 'at least 9,000']);
  const nine = c.sides.find((s) => s.value === 'at least 9,000')!;
  assert.equal(nine.independent, 1, 'the wire and its copy count once');
  await l.close();
});

test('every stored span still slices back to its text, whatever the script', async () => {
  const text = 'Около 300 Ukrainian volunteers 🇺🇦 — “약 300명” — said Renée Hoffmann: about 2,300 Ukrainian volunteers were in Poland in 2023.';
  const a = article({
    text, published: '2024-01-10', outlet: 'Łódź Courier', source: 'Renée Hoffmann', content: 'about 2,300 Ukrainian volunteers were in Poland in 2023', said: '2024-01-09',
    figures: [{ text: 'about 2,300 Ukrainian volunteers', value: 2300, qualifier: 'approximately', counts: 'Ukrainian volunteers' }],
    entities: [{ name: 'Renée Hoffmann', type: 'PERSON' }],
  });
  const b = article({
    text: 'Roughly 2,100 Ukrainian volunteers were in Poland in 2023, Rene\u0301e Hoffmann said.', published: '2024-01-11', outlet: 'Warta News', source: 'Renée Hoffmann',
    content: 'Roughly 2,100 Ukrainian volunteers were in Poland in 2023', said: '2024-01-09',
    figures: [{ text: 'Roughly 2,100 Ukrainian volunteers', value: 2100, qualifier: 'approximately', counts: 'Ukrainian volunteers' }],
    entities: [{ name: 'Renée Hoffmann', type: 'PERSON' }],
  });
  const l = new SqliteLedger(dbPath());
  await l.addAll([a, b]);
  const t = (await l.seriesTimeline('ukrainian volunteers in poland'))!;
  assert.equal(t.points.length, 2);
  for (const p of t.points) {
    const doc = (await l.document(p.documentId))!;
    assert.equal(doc.text.slice(p.start, p.end), p.text);
  }
  const [statement] = await l.statements();
  assert.ok(statement, 'one statement, two reports');
  for (const r of statement!.reports) {
    const doc = (await l.document(r.documentId))!;
    assert.ok(r.end <= doc.text.length && doc.text.slice(r.start, r.end).includes(r.content.split(' … ')[0]!), 'a report’s span covers its content');
  }
  const people = await l.crossEntities({ type: 'PERSON' });
  assert.equal(people.length, 1, 'the composed and decomposed é are one name');
  assert.equal(people[0]!.documents, 2);
  await l.close();
});

test('a batch that fails stores no links either', async () => {
  const l = new SqliteLedger(dbPath());
  const broken = structuredClone(later);
  broken.extraction.figures.push({ ...broken.extraction.figures[0]! });
  await assert.rejects(l.addAll([early, broken]), LedgerError);
  assert.deepEqual(await l.series({ all: true }), []);
  assert.deepEqual(await l.statements({ all: true }), []);
  await l.addAll([early, later]);
  assert.equal((await l.series())[0]!.points, 2, 'after the failure, the same documents link normally');
  await l.close();
});

test('entities across articles: spellings merge, namesakes stay apart', async () => {
  const mk = (text: string, names: string[], published: string) =>
    article({ text, published, source: names[0]!, content: text.slice(text.indexOf('that')), said: published, figures: [], entities: names.map((n) => ({ name: n, type: 'PERSON' as const })) });
  const l = new SqliteLedger(dbPath());
  await l.addAll([
    mk('Kim Jong Un said that the talks went well; Kim Sang-woo was not there.', ['Kim Jong Un', 'Kim Sang-woo'], '2024-01-02'),
    mk('Kim Jong-un said that the talks would go on.', ['Kim Jong-un'], '2024-01-03'),
  ]);
  const people = await l.crossEntities({ type: 'PERSON' });
  const leader = people.find((p) => p.names.includes('Kim Jong Un'))!;
  assert.deepEqual(leader.names.sort(), ['Kim Jong Un', 'Kim Jong-un']);
  assert.equal(leader.documents, 2);
  assert.match(leader.members[1]!.evidence, /Kim Jong/);
  assert.ok(people.some((p) => p.name === 'Kim Sang-woo' && p.documents === 1), 'Kim Sang-woo stays apart');
  await l.close();
});

test('a figure for a whole year is still set against a later figure for part of it, whatever lies between', async () => {
  // the year's figure is stored first, then a season of figures for other months, then the end of the year's:
  // the lookup reads only the neighbourhood of each period, and a year reaches back further than a month
  const l = new SqliteLedger(dbPath());
  await l.addAll([wire]);
  const between = Array.from({ length: 30 }, (_, i) => {
    const month = ['June', 'July', 'August'][i % 3]!;
    const n = 5000 + i;
    return article({
      text: `Some ${n.toLocaleString('en-US')} Somali refugees were in Kenya in ${month} 2023, the agency said. ${i % 2 ? para1 : para2} Case ${i}.`,
      published: '2023-09-0' + (1 + (i % 9)), outlet: `Outlet ${i}`, source: 'the agency', content: `Some ${n.toLocaleString('en-US')} Somali refugees were in Kenya in ${month} 2023`,
      figures: [{ text: `Some ${n.toLocaleString('en-US')} Somali refugees`, value: n, qualifier: 'approximately', counts: 'Somali refugees' }],
    });
  });
  await l.addAll(between);
  await l.addAll([later]);
  const conflicts = await l.conflicts({ limit: 500 });
  const pair = conflicts.filter((c) => c.sides.some((s) => s.value === 'about 4,500') && c.sides.some((s) => s.value === 'at least 9,000'));
  assert.equal(pair.length, 1, 'roughly 4,500 at the end of 2023 against at least 9,000 during 2023');
  await l.close();
});

test('every period a figure can describe fits the neighbourhood its lookup reads', () => {
  // the conflicts lookup (comparableSql) reads days from the period's own start, weeks to quarters
  // SPAN_DAYS.month days back, half-years and years a year, decades ten: a longer one would be missed
  const values: string[] = [];
  for (const y of [2019, 2020, 2023, 2024]) {
    values.push(`${y}`, `${y}-H1`, `${y}-H2`, ...['SP', 'SU', 'FA', 'WI'].map((s) => `${y}-${s}`), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`));
    for (let m = 1; m <= 12; m++) values.push(`${y}-${String(m).padStart(2, '0')}`);
    for (let w = 1; w <= 53; w++) values.push(`${y}-W${String(w).padStart(2, '0')}`);
    for (const d of ['01-01', '02-29', '12-31']) values.push(`${y}-${d}`);
  }
  values.push('201', '202X', '199');
  for (const v of values) {
    for (const mod of [undefined, 'START', 'MID', 'END']) {
      const r = timexRange(v, mod);
      if (!r) continue;
      const days = (Date.parse(r.end) - Date.parse(r.start)) / 864e5;
      const reach = r.granularity === 'decade' ? SPAN_DAYS.decade : r.granularity === 'year' || r.granularity === 'half' ? SPAN_DAYS.year : r.granularity === 'day' ? 0 : SPAN_DAYS.month;
      assert.ok(days <= reach, `${v} ${mod ?? ''} spans ${days} days, more than the ${reach} its lookup reads back`);
    }
  }
});

test('a figure for a month is still set against a later figure for a day in it', async () => {
  const dated = (o: Parameters<typeof article>[0], time: string, value: string) => {
    const a = article(o);
    const start = a.doc.text.indexOf(time);
    a.extraction.times.push({ id: 't1', start, end: start + time.length, text: time, value, type: 'DATE' });
    return a;
  };
  const month = dated({
    text: `Exactly 2,000 Somali refugees crossed into Kenya in March 2024, the agency said. ${para1}`,
    published: '2024-04-05', outlet: 'Coast Observer', source: 'the agency', content: 'Exactly 2,000 Somali refugees crossed into Kenya in March 2024',
    figures: [{ text: 'Exactly 2,000 Somali refugees', value: 2000, qualifier: 'exact', counts: 'Somali refugees' }],
  }, 'March 2024', '2024-03');
  const day = dated({
    text: `Exactly 9,000 Somali refugees crossed into Kenya on 20 March 2024, a monitoring group said. ${para2}`,
    published: '2024-04-09', outlet: 'Rift Daily', source: 'a monitoring group', content: 'Exactly 9,000 Somali refugees crossed into Kenya on 20 March 2024',
    figures: [{ text: 'Exactly 9,000 Somali refugees', value: 9000, qualifier: 'exact', counts: 'Somali refugees' }],
  }, '20 March 2024', '2024-03-20');
  const l = new SqliteLedger(dbPath());
  await l.addAll([month]);
  await l.addAll([day]);
  const t = (await l.seriesTimeline('somali refugees'))!;
  assert.deepEqual(t.points.map((p) => p.period), ['2024-03', '2024-03-20'], 'one figure for the month, one for a day in it');
  assert.equal((await l.conflicts()).length, 1, '2,000 in March against 9,000 on one day of it');
  await l.close();
});

test('a verdict on a position in the same article is a denial conflict; its copy adds reports, not a conflict; other people are not judged', async () => {
  const { article: spec } = await import('../server/testing.ts');
  // invented: seasonal crews from Veldmark in a harbour, the ministry's line and a union's verdict
  const body = 'Veldmark says its seasonal crews in the harbour are there lawfully, as trainees. “Calling them trainees is a legal fiction,” said Anna Berg, the union’s head. ' +
    'The union counted the boats at every berth of the harbour through the winter, from the first ice to the thaw, and says it will publish the tally with the names of the owners in the spring.';
  const claims = [
    { source: 'Veldmark', cue: 'says', content: ['its seasonal crews in the harbour are there lawfully, as trainees'] },
    { source: 'Anna Berg, the union’s head', cue: 'said', kind: 'direct' as const, content: ['“Calling them trainees is a legal fiction,”'] },
  ];
  const l = new SqliteLedger(dbPath());
  await l.addAll([spec({ text: `PORT HALDEN (Fjord Wire) - ${body}`, published: '2023-05-02', outlet: 'Fjord Wire', claims })]);
  await l.addAll([spec({ text: `PORT HALDEN (Fjord Wire) - ${body} The Gazette asked the ministry for comment.`, published: '2023-05-03', outlet: 'Evening Gazette', claims })]);
  // a verdict on other people (Ostland's pilots, in an article about them) the same month
  await l.addAll([spec({
    text: 'Ostland’s pilots have flown cargo over the strait since March, officials said. “Calling them trainees is a legal fiction,” said Per Lund.', published: '2023-05-09',
    claims: [{ source: 'Per Lund', cue: 'said', kind: 'direct', content: ['“Calling them trainees is a legal fiction,”'] }],
  })]);
  const rows = await l.conflicts({ kind: 'denial' });
  assert.equal(rows.length, 1, rows.map((c) => c.why.join(' ')).join('; '));
  assert.equal(rows[0]!.sides[0].points[0]!.source, 'Veldmark');
  assert.deepEqual([rows[0]!.sides[1].reports, rows[0]!.sides[1].independent], [2, 1], 'the wire and its copy: two reports, one source');
  assert.match(rows[0]!.why[0]!, /a verdict on “(?:legal” and “trainee|trainee” and “legal)”/);
  await l.close();
});

test('a rule said not to apply and said to apply is a denial conflict with its own heading; a copy adds reports; the same polarity or another instrument is none', async () => {
  const { article: spec } = await import('../server/testing.ts');
  const { formatConflicts } = await import('../cli/format.ts');
  // invented: a ministry's standing line on the Veldmark crews, and a lawyer who reads the rule the other way
  const l = new SqliteLedger(dbPath());
  await l.addAll([spec({
    text: 'Veldmark crews have been hauling nets off Port Halden since spring. The ministry has said that the Veldmark contingent in the harbour is there by invitation and is not subject to UN restrictions.',
    published: '2024-02-10', outlet: 'Coastal Times',
    claims: [{ source: 'The ministry', cue: 'has said', content: ['that the Veldmark contingent in the harbour is there by invitation and is not subject to UN restrictions'] }],
  })]);
  const body = 'Veldmark crews kept hauling nets off Port Halden through the winter, the union said. “If he is paid to haul nets, he is a seasonal worker, and Resolution 1874 applies,” said Ines Holm, a lawyer. ' +
    'The union counted the boats at every berth of the harbour through the winter, from the first ice to the thaw, and says it will publish the tally with the names of the owners in the spring.';
  const claims = [{ source: 'Ines Holm, a lawyer', cue: 'said', kind: 'direct' as const, content: ['“If he is paid to haul nets, he is a seasonal worker, and Resolution 1874 applies,”'] }];
  await l.addAll([spec({ text: body, published: '2024-09-02', outlet: 'Fjord Wire', claims })]);
  await l.addAll([spec({ text: `${body} The Gazette asked the ministry for comment.`, published: '2024-09-03', outlet: 'Evening Gazette', claims })]);
  // the same reading of the rule by another source, and another instrument: neither answers the ministry
  await l.addAll([spec({
    text: 'Veldmark crews fished on. The harbour office said the Veldmark crews are not subject to UN restrictions, and the union said that EU sanctions apply to the Veldmark crews.', published: '2024-09-20',
    claims: [
      { source: 'The harbour office', cue: 'said', content: ['the Veldmark crews are not subject to UN restrictions'] },
      { source: 'the union', cue: 'said', content: ['that EU sanctions apply to the Veldmark crews'] },
    ],
  })]);
  const rows = await l.conflicts({ kind: 'denial' });
  // the harbour office is a second source saying the rule does not apply: it meets the lawyer too
  assert.deepEqual(rows.map((c) => [c.denial, c.sides[0].points[0]!.source, c.sides[1].points[0]!.source]).sort(),
    [['applicability', 'The harbour office', 'Ines Holm, a lawyer'], ['applicability', 'The ministry', 'Ines Holm, a lawyer']]);
  const ministry = rows.find((c) => c.sides[0].points[0]!.source === 'The ministry')!;
  assert.deepEqual([ministry.sides[1].reports, ministry.sides[1].independent], [2, 1], 'the wire and its copy: two reports, one source');
  assert.match(formatConflicts([ministry]), /^#\d+ a rule said not to apply, and said to apply: UN sanctions: The ministry against Ines Holm/);
  await l.close();
});
