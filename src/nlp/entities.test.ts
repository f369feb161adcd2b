import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDocument } from '../ingest/document.ts';
import type { Entity } from '../types.ts';
import { extractEntities, loadUserNames } from './entities.ts';
import { contextOf } from './pipeline.ts';

function run(text: string): { text: string; entities: Entity[] } {
  const ctx = contextOf(makeDocument({ text, published: '2024-03-05' }));
  return { text: ctx.doc.text, entities: extractEntities(ctx) };
}

function byName(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  assert.ok(e, `no entity "${name}" in: ${entities.map((x) => `${x.type} ${x.name}`).join(', ')}`);
  return e;
}

function assertSpansExact(text: string, entities: Entity[]): void {
  for (const e of entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${e.name}: ${JSON.stringify(m)}`);
}

test('a title before a name is the role, not part of the name, and the surname links back', () => {
  const { text, entities } = run('Prime Minister Anders Lindqvist met reporters in Oslo on Monday. Lindqvist said the talks went well.');
  const p = byName(entities, 'Anders Lindqvist');
  assert.equal(p.type, 'PERSON');
  assert.equal(p.role, 'Prime Minister');
  assert.deepEqual(p.mentions.map((m) => m.text), ['Anders Lindqvist', 'Lindqvist']);
  assert.equal(byName(entities, 'Oslo').type, 'GPE');
  assert.equal(byName(entities, 'Oslo').country, 'NOR');
  assertSpansExact(text, entities);
});

test('a family name written first is how a later sentence refers to the person; an apposition gives role and country', () => {
  const { entities } = run('Park Min-jun, the South Korean foreign minister, arrived in Tokyo on Sunday. Park told reporters that talks would resume.');
  const p = byName(entities, 'Park Min-jun');
  assert.equal(p.type, 'PERSON');
  assert.equal(p.country, 'KOR');
  assert.equal(p.role, 'the South Korean foreign minister');
  assert.deepEqual(p.mentions.map((m) => m.text), ['Park Min-jun', 'the South Korean foreign minister', 'Park']);
});

test('a possessive separates two names, and the owner gives the organisation its country', () => {
  const { entities } = run('Japan’s Kyodo News reported the decision on Friday.');
  assert.equal(byName(entities, 'Japan').type, 'GPE');
  const org = byName(entities, 'Kyodo News');
  assert.equal(org.type, 'ORG');
  assert.equal(org.country, 'JPN');
});

test('a capital that acts stands for its country; a capital where things happen is a place', () => {
  const { entities } = run('Beijing warned Tokyo against the move on Monday. Officials met in Beijing two days later. China has denied the report.');
  const china = byName(entities, 'China');
  assert.deepEqual(china.mentions.map((m) => m.text), ['Beijing', 'China']);
  const japan = byName(entities, 'Japan');
  assert.deepEqual(japan.mentions.map((m) => m.text), ['Tokyo']);
  const city = byName(entities, 'Beijing');
  assert.equal(city.type, 'GPE');
  assert.equal(city.mentions.length, 1);
  assert.equal(city.country, 'CHN');
});

test('a nationality before officials is a group, not a person', () => {
  const { entities } = run('Brazilian health officials said on Tuesday that the outbreak was under control.');
  const norp = byName(entities, 'Brazilian');
  assert.equal(norp.type, 'NORP');
  assert.equal(norp.country, 'BRA');
  assert.equal(entities.filter((e) => e.type === 'PERSON').length, 0);
});

test('an acronym in brackets joins the organisation it abbreviates; ids follow first mention', () => {
  const { entities } = run('The Harbour Pilots Guild (HPG) called a strike. The HPG says 300 members will walk out. Wellington has not replied.');
  const guild = byName(entities, 'Harbour Pilots Guild');
  assert.equal(guild.type, 'ORG');
  assert.deepEqual(guild.mentions.map((m) => m.text), ['Harbour Pilots Guild', 'HPG', 'HPG']);
  assert.deepEqual(entities.map((e) => e.id), entities.map((_, i) => `e${i + 1}`));
  assert.equal(entities[0], guild);
});

test('a definite description with a nationality refers back to the person of that nationality', () => {
  const { entities } = run('Chancellor Greta Vogel of Germany flew to Madrid. Spanish officials welcomed the German visitor at the airport.');
  const p = byName(entities, 'Greta Vogel');
  assert.equal(p.country, 'DEU');
  assert.ok(p.mentions.some((m) => m.text === 'the German visitor'), p.mentions.map((m) => m.text).join('; '));
});

test('offsets stay exact next to emoji, combining accents, Cyrillic and Hangul', () => {
  const text = 'Фото 📷 Zoë Müller (e\u0301) met President Mateo Álvarez in Kraków. 서울 🇰🇷 Álvarez thanked Müller and the United Nations.';
  const { text: t, entities } = run(text);
  assertSpansExact(t, entities);
  assert.ok(entities.some((e) => e.type === 'PERSON' && e.mentions.some((m) => m.text === 'Álvarez')));
  assert.ok(entities.some((e) => e.type === 'ORG' && e.name === 'United Nations'));
});

test('a user list adds names of a beat, with country and aliases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'names-'));
  const file = join(dir, 'beat.tsv');
  writeFileSync(file, '# my beat\nQuarry Valley Water Trust\tORG\tNZL\tQVWT|the Water Trust\n');
  assert.equal(loadUserNames(file), 1);
  const { entities } = run('Residents blamed the QVWT for the shortage. Quarry Valley Water Trust said repairs were under way.');
  const org = byName(entities, 'Quarry Valley Water Trust');
  assert.equal(org.country, 'NZL');
  assert.deepEqual(org.mentions.map((m) => m.text), ['QVWT', 'Quarry Valley Water Trust']);
});

test('coordinated names, "of" an organisation and a title after a place are split where the names end', () => {
  const { entities } = run('Voters re-elected Mara Quist and Tobias Lindgren of the Harbour Party on Sunday. The Los Angeles Sheriff said nothing.');
  assert.equal(byName(entities, 'Mara Quist').type, 'PERSON');
  assert.equal(byName(entities, 'Tobias Lindgren').type, 'PERSON');
  assert.equal(byName(entities, 'Harbour Party').type, 'ORG');
  assert.equal(byName(entities, 'Los Angeles').type, 'GPE');
  assert.ok(!entities.some((e) => e.type === 'PERSON' && e.name.includes('Sheriff')));
});

test('an empty text has no entities', () => {
  assert.deepEqual(run('').entities, []);
});

test('e-mail greetings and sign-offs name people; a given name that is also a word stays a word', () => {
  const text = 'Dear Marlena,\n\nThe contract draft is attached. Hope you can read it before Friday. Will send the rest later.\n\nThanks,\n\nGordon';
  const { entities } = run(text);
  assert.equal(byName(entities, 'Marlena').type, 'PERSON');
  assert.equal(byName(entities, 'Gordon').type, 'PERSON');
  assert.ok(!entities.some((e) => e.name === 'Hope' || e.name === 'Will'), entities.map((e) => e.name).join(', '));
});

test('in a title-case headline or a line in capitals, capitals alone make no name', () => {
  const { entities } = run('Thanks For The Prompt Service And A Great Job\n\nWILL SOMEONE PLEASE HELP ME WITH THIS ESSAY\n\nThe crew from Lisbon fixed our roof in May.');
  const names = entities.map((e) => e.name);
  for (const n of ['Prompt Service', 'Great Job', 'Thanks', 'SOMEONE', 'ME', 'ESSAY']) assert.ok(!names.includes(n), names.join(', '));
  assert.equal(byName(entities, 'Lisbon').type, 'GPE');
});

test('a storm is no person, and a law is named by its whole title', () => {
  const { entities } = run('Typhoon Marisol struck the coast on Sunday. Officials said the Coastal Shelters Act would pay for repairs.');
  assert.ok(!entities.some((e) => e.type === 'PERSON' && /Marisol/.test(e.name)), entities.map((e) => `${e.type} ${e.name}`).join(', '));
  assert.ok(!entities.some((e) => e.type === 'ORG' && e.name === 'Coastal Shelters'), entities.map((e) => `${e.type} ${e.name}`).join(', '));
});

test('a listed company written in lower case once is still found where it is written as a name', () => {
  const text = 'Analysts expect Google to report higher sales. Investors asked whether Google would buy a rival. Shares of Google rose. i just google everything anyway.';
  const { entities } = run(text);
  const g = byName(entities, 'Google');
  assert.equal(g.type, 'ORG');
  assert.equal(g.mentions.length, 3);
});

test('a city written in lower case is found after a word of place, not elsewhere', () => {
  const { entities } = run('i am moving to auckland next month and need a cheap flat near the harbour.');
  assert.equal(byName(entities, 'auckland').type, 'GPE');
});

test('an everyday word capitalised at a sentence start or in capitals is no name', () => {
  const { entities } = run('Very friendly staff at the front desk. The rest were VERY rude to us.');
  assert.ok(!entities.some((e) => /^very$/i.test(e.name)), entities.map((e) => `${e.type} ${e.name}`).join(', '));
});

test('file names, addresses, everyday abbreviations, short dates, contracts and planets are no people, places or organisations', () => {
  const text = 'Attached: Margot_notes.doc and FuelReport.pdf. Write to Ines Morel ines.morel@example.org about the RFP before Fri or Sat. ' +
    'The Master Agreement was signed. Venus is bright tonight.';
  const { entities } = run(text);
  const named = entities.filter((e) => e.type === 'PERSON' || e.type === 'ORG' || e.type === 'GPE' || e.type === 'LOC').map((e) => e.name);
  for (const n of ['Margot', 'FuelReport', 'RFP', 'Fri', 'Sat', 'Master Agreement', 'Venus']) assert.ok(!named.includes(n), `${n} in ${named.join(', ')}`);
  assert.equal(byName(entities, 'Ines Morel').type, 'PERSON');
});

test('a corporate head word makes a name an organisation', () => {
  const { entities } = run('The memoir was published by Halvorsen Books last year, and Dario Pellegrini Motorsports sponsored the launch.');
  assert.equal(byName(entities, 'Halvorsen Books').type, 'ORG');
  assert.equal(byName(entities, 'Dario Pellegrini Motorsports').type, 'ORG');
});

test('a name the article puts things in, at least twice, and never has speak, is a place', () => {
  const text = 'Dalman\n\nDalman is a town in the province of Ysel.\n\nHistory\n\nThe first settlers of Dalman were fishermen. In 1902 Dalman was registered ' +
    'as a town. Ships were sunk in Dalman waters during the war. In the past, Dalman was unknown outside the province. Tourism is the main industry in Dalman today.';
  const { entities } = run(text);
  assert.equal(byName(entities, 'Dalman').type, 'LOC');
  assert.ok(!entities.some((e) => e.type === 'PERSON' && e.name === 'Dalman'));
});

test('"the Secretary" after "Secretary Ana Ruiz" names her and links to her; the title before her name is no name', () => {
  const { entities } = run('Education Secretary Ana Ruiz announced the waiver on Monday. Critics said the Secretary had no authority to cancel the loans.');
  const p = byName(entities, 'Ana Ruiz');
  assert.deepEqual(p.mentions.map((m) => m.text), ['Ana Ruiz', 'Secretary']);
  assert.ok(!entities.some((e) => e !== p && e.mentions.some((m) => m.text === 'Secretary')));
});

test('a signature name ends before its role or the words that follow it; a storm named once stays a storm', () => {
  const sig = run('Team 2: Coach: Nora Lindgren - Analyst, Paul Ekman - Associate\n\nBest regards,\n\nDaniel Forsberg Direct Dial: 555 0100');
  const people = sig.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
  assert.ok(people.includes('Nora Lindgren') && people.includes('Daniel Forsberg'), people.join(', '));
  const storm = run('Hurricane Odalys strengthened on Monday. By Tuesday, Odalys had forced thousands to leave the coast.');
  assert.ok(!storm.entities.some((e) => e.type === 'PERSON' && /Odalys/.test(e.name)), storm.entities.map((e) => `${e.type} ${e.name}`).join(', '));
});

test('e-mail display names are people, US state codes after a place are places, "the X administration" is X', () => {
  const mail = run('From: " Hollis , Marta " < marta.hollis@example.org >\n\nThe office moved to Topeka , KS last spring.');
  assert.equal(byName(mail.entities, 'Hollis , Marta').type, 'PERSON');
  assert.ok(['GPE', 'LOC'].includes(byName(mail.entities, 'KS').type));
  const admin = run('Critics said the Obama administration moved too slowly.');
  assert.equal(byName(admin.entities, 'Obama').type, 'PERSON');
});

test('religious and political groups are NORP; a lone capital letter or a stretched word is no name', () => {
  const { entities } = run('Fighting spread across the Sunni heartland, and Republicans in Congress objected. When Z happens after X, Z is not caused by X. VERYYYY good service!');
  const named = entities.filter((e) => ['PERSON', 'ORG', 'GPE', 'LOC'].includes(e.type)).map((e) => e.name);
  for (const n of ['Sunni', 'Republicans', 'Z', 'X', 'VERYYYY']) assert.ok(!named.includes(n), `${n} in ${named.join(', ')}`);
});

test('a national library is an organisation', () => {
  const { entities } = run('Researchers at the National Library of Estonia digitised the newspapers.');
  assert.ok(entities.some((e) => e.type === 'ORG' && /National Library/.test(e.name)), entities.map((e) => `${e.type} ${e.name}`).join(', '));
  assert.ok(!entities.some((e) => e.type === 'PERSON'));
});
