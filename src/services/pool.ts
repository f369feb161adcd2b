/**
 * A pool of worker threads for the CPU-heavy part of ingest (parsing pages, extraction). Each worker
 * holds at most two tasks: the one it is running and the next, so it never waits for the main thread
 * (busy committing a batch) to hand it work. A worker runs its tasks in order, so when one crashes
 * or hangs its thread, the culprit is known exactly: the oldest unanswered task is rejected, the
 * thread replaced, and the task behind it goes back to the queue. With size 0 the tasks run in this
 * thread (no startup cost; for small jobs and tests).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { POOL_ROLE, type Reply, type Request, type Task, type TaskResult } from './protocol.ts';
import { isPacked, unpack } from './packed.ts';

type Handle = typeof import('./worker.ts').handle;

const ENTRY = new URL('./worker.mjs', import.meta.url);
/**
 * Tasks a worker holds at once by default: the running one and those queued behind it in the
 * thread. Enough that a worker goes on extracting while this thread is busy for a while (a batch
 * of ledger writes takes a few hundred milliseconds, during which it can hand out no work), and
 * so few that a worker that dies gives back little. Only the running task is timed.
 */
export const PER_WORKER = 24;

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
  /** Tasks each worker holds at once (the running one included); default PER_WORKER. */
  perWorker?: number;
  /** Called in this thread once the threads are created, while they load their modules: this thread's own loading can overlap theirs. */
  onStart?: () => void;
};

type Pending = { id: number; task: Task; timeoutMs?: number; resolve: (v: any) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; ready: Promise<void>; started: boolean; held: Pending[]; timer?: NodeJS.Timeout; retired?: boolean };

function withoutTsx(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--import' && args[i + 1] === 'tsx') i++;
    else if (args[i] !== '--import=tsx') out.push(args[i]!);
  }
  return out;
}

const describe = (task: Task) => (task.op === 'extract' ? `extraction of ${task.doc.origin ?? task.doc.id}` : `reading ${task.origin}`);

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
  /**
   * Milliseconds, summed over workers, that a worker thread waited with nothing to do between one
   * task and the next (as the worker measured it): time this thread did not keep it fed, e.g.
   * while it was busy writing a batch. The wait for the first task and after the last are not counted.
   */
  starvedMs = 0;
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
      if (this.size > 0) this.opts.onStart?.();
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
    let resolveReady!: () => void;
    let rejectReady!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
    ready.catch(() => {});
    const slot: Slot = { worker, ready, started: false, held: [] };
    worker.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) {
        slot.started = true;
        resolveReady();
        this.dispatch();
        return;
      }
      const p = slot.held[0];
      if (!p || p.id !== m.id) return;
      slot.held.shift();
      this.starvedMs += m.waited ?? 0;
      this.clock(slot);
      if (m.ok) p.resolve(isPacked(m.value) ? unpack(m.value) : m.value);
      else p.reject(new TaskError('failed', m.error));
      this.dispatch();
    });
    const died = (e: Error) => {
      if (slot.started) return this.lost(slot, e);
      // a worker that cannot even load its modules will not do better on a second try: fail loudly
      rejectReady(e);
      this.fail(new Error(`a worker thread could not start: ${e.message}`));
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`exit code ${code}`)));
    return slot;
  }

  /** Times the task the worker is running now (the oldest it holds). */
  private clock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    const head = slot.held[0];
    if (!head?.timeoutMs) return;
    const limit = head.timeoutMs;
    slot.timer = setTimeout(() => {
      this.lost(slot, new Error(`${describe(head.task)} took longer than ${limit} ms`), 'timeout');
      void slot.worker.terminate();
    }, limit);
  }

  private fail(e: Error): void {
    if (this.closed) return;
    for (const s of this.slots) for (const p of s.held.splice(0)) p.reject(e);
    for (const p of this.queue.splice(0)) p.reject(e);
    void this.close();
  }

  /** A worker died (or was terminated for a timeout): its running task fails, the next goes back in line, a fresh worker takes its place. */
  private lost(slot: Slot, e: Error, kind: 'crashed' | 'timeout' = 'crashed'): void {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    const [culprit, ...innocent] = slot.held.splice(0);
    this.queue.unshift(...innocent);
    culprit?.reject(new TaskError(kind, kind === 'timeout' ? e.message : `the worker thread died during ${describe(culprit.task)}: ${e.message}`));
    const at = this.slots.indexOf(slot);
    if (at >= 0 && !this.closed) {
      this.restarts++;
      this.slots[at] = this.spawn();
    }
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    const limit = this.opts.perWorker ?? PER_WORKER;
    // before a worker says it is ready, messages would only queue inside it, untimed
    const open = this.slots.filter((s) => s.started && !s.retired);
    while (this.queue.length) {
      // the worker holding least takes the next task, so that all of them have work in hand
      let slot: Slot | undefined;
      for (const s of open) if (s.held.length < limit && (!slot || s.held.length < slot.held.length)) slot = s;
      if (!slot) break;
      const p = this.queue.shift()!;
      slot.held.push(p);
      if (slot.held.length === 1) this.clock(slot);
      slot.worker.postMessage({ id: p.id, task: p.task } satisfies Request);
    }
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

  /** Tasks waiting for a thread (not counting those a thread holds). */
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
        for (const p of s.held.splice(0)) p.reject(new Error('the pool was closed'));
        return s.worker.terminate();
      }),
    );
  }
}
