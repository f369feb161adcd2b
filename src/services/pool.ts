/**
 * A pool of worker threads for the CPU-heavy part of ingest (parsing pages, extraction), one task per
 * worker at a time so that a task that crashes or hangs its thread is known exactly: that task is
 * rejected, the thread is replaced, and every other task goes on. With size 0 the tasks run in this
 * thread (no startup cost; for small jobs and tests).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { POOL_ROLE, type Reply, type Request, type Task, type TaskResult } from './protocol.ts';

type Handle = typeof import('./worker.ts').handle;

const ENTRY = new URL('./worker.mjs', import.meta.url);

/** How a task failed: it threw, its thread died under it (out of memory, a native crash), or it ran too long. */
export class TaskError extends Error {
  override name = 'TaskError';
  constructor(readonly kind: 'failed' | 'crashed' | 'timeout', message: string) {
    super(message);
  }
}

export type PoolOptions = {
  /** A task running longer than this is abandoned and its thread replaced. */
  taskTimeoutMs?: number;
  /** Heap limit of each worker, so that one pathological document cannot take the whole process down. */
  maxHeapMb?: number;
};

type Pending = { id: number; task: Task; timeoutMs?: number; resolve: (v: any) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; ready: Promise<void>; current?: Pending; timer?: NodeJS.Timeout; retired?: boolean };

function withoutTsx(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--import' && args[i + 1] === 'tsx') i++;
    else if (args[i] !== '--import=tsx') out.push(args[i]!);
  }
  return out;
}

export const defaultJobs = () => Math.max(1, availableParallelism());

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Milliseconds from creating the threads until all had loaded their modules. */
  startupMs = 0;
  /** Workers replaced after a crash or a timeout. */
  restarts = 0;

  /** Runs tasks in this thread when the pool has no workers; loaded only then (it brings in the nlp stages). */
  private inline?: Promise<Handle>;
  private started?: Promise<void>;

  /** Threads start on the first task, so a run that finds nothing new to extract costs no startup. */
  constructor(readonly size: number, private readonly opts: PoolOptions = {}) {}

  /** Starts the threads (if not yet started) and resolves once all have loaded their modules. */
  start(): Promise<void> {
    if (!this.started) {
      const t0 = performance.now();
      if (this.size === 0) this.inline = import('./worker.ts').then((m) => m.handle);
      for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
      this.started = Promise.all([this.inline, ...this.slots.map((s) => s.ready)]).then(() => {
        this.startupMs = performance.now() - t0;
      });
      this.started.catch(() => {});
    }
    return this.started;
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY, {
      workerData: { role: POOL_ROLE },
      // the entry registers tsx itself; inheriting `--import tsx` as well would load it twice
      execArgv: withoutTsx(process.execArgv),
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb ?? 2048 },
    });
    let started = false;
    let resolveReady!: () => void;
    let rejectReady!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
    ready.catch(() => {});
    const slot: Slot = { worker, ready };
    worker.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) {
        started = true;
        resolveReady();
        this.dispatch();
        return;
      }
      const p = slot.current;
      if (!p || p.id !== m.id) return;
      this.finish(slot);
      if (m.ok) p.resolve(m.value);
      else p.reject(new TaskError('failed', m.error));
      this.dispatch();
    });
    const died = (e: Error) => {
      if (started) return this.lost(slot, e);
      // a worker that cannot even load its modules will not do better on a second try: fail loudly
      rejectReady(e);
      this.fail(new Error(`a worker thread could not start: ${e.message}`));
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`exit code ${code}`)));
    return slot;
  }

  private fail(e: Error): void {
    if (this.closed) return;
    for (const s of this.slots) if (s.current) s.current.reject(e);
    for (const p of this.queue.splice(0)) p.reject(e);
    void this.close();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.current = undefined;
  }

  /** A worker died (or was terminated for a timeout): its task fails, a fresh worker takes its place. */
  private lost(slot: Slot, e: Error, kind: 'crashed' | 'timeout' = 'crashed'): void {
    if (slot.retired) return;
    slot.retired = true;
    const p = slot.current;
    this.finish(slot);
    if (p) p.reject(new TaskError(kind, kind === 'timeout' ? e.message : `the worker thread died: ${e.message}`));
    const at = this.slots.indexOf(slot);
    if (at >= 0 && !this.closed) {
      this.restarts++;
      this.slots[at] = this.spawn();
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.current || slot.retired) continue;
      // a slot is idle only once its worker said it is ready; before that, messages would just queue there
      void slot.ready.then(() => this.assign(slot), () => {});
    }
  }

  private assign(slot: Slot): void {
    if (slot.current || slot.retired || this.closed) return;
    const p = this.queue.shift();
    if (!p) return;
    slot.current = p;
    const timeout = p.timeoutMs;
    if (timeout) {
      slot.timer = setTimeout(() => {
        const what = p.task.op === 'extract' ? `extraction of ${p.task.doc.origin ?? p.task.doc.id}` : `reading ${p.task.origin}`;
        this.lost(slot, new Error(`${what} took longer than ${timeout} ms`), 'timeout');
        void slot.worker.terminate();
      }, timeout);
    }
    slot.worker.postMessage({ id: p.id, task: p.task } satisfies Request);
  }

  /** Runs a task on the next free thread; `timeoutMs` overrides the pool's limit for this task. */
  run<T extends Task>(task: T, timeoutMs = this.opts.taskTimeoutMs): Promise<TaskResult<T>> {
    if (this.closed) return Promise.reject(new Error('the pool is closed'));
    void this.start();
    if (this.inline) {
      return this.inline.then((handle) => {
        try {
          return handle(task) as TaskResult<T>;
        } catch (e) {
          throw new TaskError('failed', (e as Error)?.message ?? String(e));
        }
      });
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Tasks waiting for a thread (not counting those running). */
  get backlog(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the pool was closed'));
    await Promise.all(
      this.slots.map((s) => {
        s.retired = true;
        if (s.timer) clearTimeout(s.timer);
        return s.worker.terminate();
      }),
    );
  }
}
