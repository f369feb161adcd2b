import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segment } from '../segment.ts';
import { Gazetteer, gazetteer, tokenKeys } from './gazetteer.ts';
import { nameKey } from './normalize.ts';

function hits(g: Gazetteer, text: string): string[] {
  const seg = segment(text);
  return g.scan(seg.tokens, tokenKeys(seg.tokens), 0, seg.tokens.length).map((h) =>
    `${text.slice(seg.tokens[h.start]!.start, seg.tokens[h.end - 1]!.end)}=${h.entries[0]!.type}/${h.entries[0]!.country ?? '-'}`);
}

test('name keys ignore case, accents, hyphens, curly apostrophes and full stops', () => {
  assert.equal(nameKey('Kim Jong-un'), nameKey('KIM JONG UN'));
  assert.equal(nameKey('Côte d’Ivoire'), "cote d'ivoire");
  assert.equal(nameKey('U.S.'), 'us');
});

test('short names match only as written: "U.S." and "NIS" are names, "us" and "who" are not', () => {
  const found = hits(gazetteer(), 'They told us the U.S. and the NIS know who did it, the WHO said.');
  assert.ok(found.includes('U.S.=GPE/USA'), found.join(', '));
  assert.ok(found.includes('NIS=ORG/KOR'), found.join(', '));
  assert.ok(found.includes('WHO=ORG/-'), found.join(', '));
  assert.ok(!found.some((h) => h.startsWith('us=') || h.startsWith('who=')), found.join(', '));
});

test('the longest listed name wins and a leading "the" stays outside it', () => {
  const found = hits(gazetteer(), 'The UN Security Council met as the Kremlin watched.');
  assert.ok(found.includes('UN Security Council=ORG/-'), found.join(', '));
  assert.ok(found.includes('Kremlin=ORG/RUS'), found.join(', '));
});

test('a user list skips malformed lines and outranks the shipped lists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaz-'));
  const file = join(dir, 'mine.tsv');
  writeFileSync(file, 'Paris\tPERSON\t\tParis Vance\n\nno type here\nBadline\tNOTATYPE\tFRA\n');
  const g = new Gazetteer();
  g.loadFile(join(import.meta.dirname, '../../../data/names/places.tsv'));
  assert.equal(g.loadFile(file, true), 1);
  assert.equal(g.lookup('Paris')[0]!.type, 'PERSON');
  assert.equal(g.lookup('Paris Vance')[0]!.user, true);
});
