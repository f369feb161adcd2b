import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasShared } from './shared.ts';
import { readGum } from './nerCorpus.ts';

const there = hasShared('data', 'ner', 'gum', 'conllu', 'dev') && hasShared('data', 'ner', 'gum', 'gum-ner-dev.bio');

test('GUM with one-token names restored keeps every shipped name and adds one-token names only', { skip: !there && 'shared GUM data missing' }, () => {
  const shipped = readGum('dev');
  const repaired = readGum('dev', { singleTokenNames: true });
  assert.equal(repaired.length, shipped.length);
  let added = 0;
  shipped.forEach((d, i) => {
    const r = repaired[i]!;
    assert.equal(r.text, d.text);
    const keys = new Set(r.names.map((n) => `${n.start}:${n.end}:${n.type}`));
    for (const n of d.names) assert.ok(keys.has(`${n.start}:${n.end}:${n.type}`), `${d.id} lost ${d.text.slice(n.start, n.end)}`);
    const had = new Set(d.names.map((n) => `${n.start}:${n.end}:${n.type}`));
    for (const n of r.names) {
      if (had.has(`${n.start}:${n.end}:${n.type}`)) continue;
      added++;
      assert.ok(!/\s/.test(r.text.slice(n.start, n.end)), `restored name of more than one token: ${r.text.slice(n.start, n.end)}`);
    }
  });
  // the shipped BIO file lacks well over a hundred of them in the dev split alone
  assert.ok(added > 100, `${added} restored`);
});
