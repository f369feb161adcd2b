import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import { TaskError, WorkerPool } from './pool.ts';

const docs = [
  'The port authority said on Monday that 40 ships were waiting outside the harbour.',
  '“We will not accept these rosters,” the union’s organiser, Tomas Brennagh, told reporters on Friday.',
  'Мэр заявил, что 300 жителей эвакуировали. 🚢 The council said about 1,200 homes lost power in March.',
].map((text, i) => makeDocument({ text, published: `2024-0${i + 1}-10`, origin: `doc${i}` }));

test('worker threads give the same extraction as this thread, and the pool reports its startup time', async () => {
  const pool = new WorkerPool(2);
  try {
    const got = await Promise.all(docs.map((doc) => pool.run({ op: 'extract', doc })));
    assert.deepEqual(got, docs.map((d) => extract(d)));
    await pool.start();
    assert.ok(pool.startupMs > 0);
  } finally {
    await pool.close();
  }
});

test('a task that runs too long is abandoned and its thread replaced; the task behind it still runs', async () => {
  const pool = new WorkerPool(1);
  try {
    await pool.start();
    // both go to the one worker: the first runs (and overruns), the second waits behind it
    const long = makeDocument({ text: Array.from({ length: 300 }, (_, i) => `Report ${i}: ${docs[0]!.text}`).join('\n\n'), origin: 'long-doc' });
    const slow = pool.run({ op: 'extract', doc: long }, 5);
    const next = pool.run({ op: 'extract', doc: docs[1]! });
    await assert.rejects(slow, (e) => e instanceof TaskError && e.kind === 'timeout' && /long-doc/.test(e.message));
    assert.equal((await next).document.id, docs[1]!.id, 'the task queued behind the culprit is not blamed');
    assert.equal(pool.restarts, 1);
  } finally {
    await pool.close();
  }
});

test('a task that throws fails alone; the thread lives on', async () => {
  const pool = new WorkerPool(1);
  try {
    // a document object without text makes the pipeline throw inside the worker
    const broken = { ...docs[0]!, text: undefined as unknown as string };
    await assert.rejects(pool.run({ op: 'extract', doc: broken }), (e) => e instanceof TaskError && e.kind === 'failed');
    assert.equal(pool.restarts, 0);
    assert.equal((await pool.run({ op: 'extract', doc: docs[2]! })).document.id, docs[2]!.id);
  } finally {
    await pool.close();
  }
});

test('with no threads the tasks run here, through the same code', async () => {
  const pool = new WorkerPool(0);
  try {
    assert.deepEqual(await pool.run({ op: 'extract', doc: docs[0]! }), extract(docs[0]!));
    const parsed = await pool.run({ op: 'parse', format: 'text', bytes: Buffer.from(' date 2020-02-02 Officials said so.'), origin: 'x.txt', opts: {} });
    assert.equal(parsed[0]!.kind, 'document');
  } finally {
    await pool.close();
  }
});
