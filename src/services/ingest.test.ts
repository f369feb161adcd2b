import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { REPO_ROOT } from '../eval/shared.ts';
import { SqliteLedger } from '../store/sqlite.ts';
import type { Ledger } from '../store/ledger.ts';
import { ingest, type FileOutcome } from './ingest.ts';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'ingest');
const tmp = () => mkdtempSync(join(tmpdir(), 'tri-ingest-'));

function corpusFolder(): string {
  const dir = tmp();
  copyFileSync(join(FIXTURES, 'news-page.html'), join(dir, 'a.html'));
  copyFileSync(join(FIXTURES, 'feed.rss'), join(dir, 'b.rss'));
  writeFileSync(join(dir, 'c.txt'), ' date 2024-04-04 The ministry said 300 people were evacuated on Tuesday.');
  // the same text as c.txt: a duplicate within one run
  writeFileSync(join(dir, 'd.txt'), ' date 2024-04-04 The ministry said 300 people were evacuated on Tuesday.');
  writeFileSync(join(dir, 'e.jsonl'), ['{"text": "Pilots said the channel was 2 metres shallower."}', '{broken', '{"text": "Dockers said they would strike on Friday."}'].join('\n'));
  writeFileSync(join(dir, 'f.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dir;
}

async function run(paths: string[], ledger: Ledger, jobs: number, extra = {}) {
  const outcomes: FileOutcome[] = [];
  const totals = await ingest(paths, ledger, { jobs, onOutcome: (o) => outcomes.push(o), ...extra });
  return { totals, outcomes: outcomes.map((o) => `${o.status} ${o.origin.replace(/^.*\//, '')}`) };
}

const EXPECTED = [
  'ingested a.html',
  'ingested b.rss#1', 'ingested b.rss#2', 'ingested b.rss#3', 'rejected b.rss#4',
  'ingested c.txt', 'duplicate d.txt',
  'ingested e.jsonl:1', 'rejected e.jsonl:2', 'ingested e.jsonl:3',
  'rejected f.png',
];

test('a worker pool stores what this thread stores, and reports every input once, in input order', async () => {
  const dir = corpusFolder();
  const results = [];
  for (const jobs of [0, 2]) {
    const ledger = new SqliteLedger(join(tmp(), 'l.db'));
    try {
      const { totals, outcomes } = await run([dir], ledger, jobs);
      assert.deepEqual(outcomes, EXPECTED, `jobs ${jobs}`);
      assert.deepEqual({ ...totals, claims: 0, figures: 0 }, { ingested: 7, duplicate: 1, rejected: 3, claims: 0, figures: 0 });
      results.push(await Promise.all((await ledger.documents({ limit: 100 })).map(async (d) => [d.id, await ledger.extraction(d.id)])));
    } finally {
      await ledger.close();
    }
  }
  assert.deepEqual(results[0], results[1]);
});

test('running the same ingest again changes nothing: every document is recognised before extraction', async () => {
  const dir = corpusFolder();
  const ledger = new SqliteLedger(join(tmp(), 'l.db'));
  try {
    await run([dir], ledger, 0);
    const again = await run([dir], ledger, 0);
    assert.deepEqual(again.totals, { ingested: 0, duplicate: 8, rejected: 3, claims: 0, figures: 0 });
    assert.equal((await ledger.summary()).documents, 7);
  } finally {
    await ledger.close();
  }
});

test('memory stays bounded: input is read only as fast as the ledger takes it', async () => {
  let produced = 0;
  let stored = 0;
  let maxAhead = 0;
  const records = function* () {
    for (let i = 0; i < 600; i++) {
      produced++;
      maxAhead = Math.max(maxAhead, produced - stored);
      yield Buffer.from(JSON.stringify({ text: `Report ${i}: the agency said ${i} boats were counted.` }) + '\n');
    }
  };
  const inner = new SqliteLedger(join(tmp(), 'l.db'));
  // a slow ledger: every batch takes a while to commit
  const slow: Ledger = Object.assign(Object.create(inner), {
    addAll: async (items: Parameters<Ledger['addAll']>[0]) => {
      await new Promise((r) => setTimeout(r, 20));
      const r = await inner.addAll(items);
      stored += items.length;
      return r;
    },
  });
  try {
    const { totals } = await run(['-'], slow, 0, { stdin: Readable.from(records(), { highWaterMark: 4 }), batchSize: 16 });
    assert.equal(totals.ingested, 600);
    assert.ok(maxAhead < 120, `read ahead of the ledger by ${maxAhead} records`);
  } finally {
    await inner.close();
  }
});

test('an extraction that overruns its time limit rejects that input (extraction-failed) and the ingest goes on', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'long.txt'), Array.from({ length: 400 }, (_, i) => `Report ${i}: the ministry said ${i} people were evacuated on Tuesday.`).join('\n\n'));
  const ledger = new SqliteLedger(join(tmp(), 'l.db'));
  try {
    const outcomes: FileOutcome[] = [];
    const totals = await ingest([dir], ledger, { jobs: 1, taskTimeoutMs: 5, onOutcome: (o) => outcomes.push(o) });
    assert.equal(totals.rejected, 1);
    const [o] = outcomes;
    assert.ok(o && o.status === 'rejected' && o.reason === 'extraction-failed' && /took longer than 5 ms/.test(o.message), JSON.stringify(o));
    assert.equal((await ledger.summary()).documents, 0);
  } finally {
    await ledger.close();
  }
});
