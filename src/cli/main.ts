/**
 * The command line: parses arguments, calls the layers below, formats, and maps errors to exit
 * codes in one place. Commands stay thin; the work is in ingest/, nlp/, store/ and services/.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { delimiter } from 'node:path';
import { openLedger, ledgerLocation } from '../store/open.ts';
import type { Ledger } from '../store/ledger.ts';
import { ingest, type FileOutcome } from '../services/ingest.ts';
import { extractInputs } from '../services/extractInputs.ts';
import { EXIT, NotFoundError, UsageError, exitCodeFor } from './errors.ts';
import { formatClaims, formatFigures, formatReport, formatSummary, legend, markText, spansOf, useColor } from './format.ts';
import { formatConflicts, formatCopies, formatCrossEntities, formatSeriesList, formatStatements, formatTimeline } from './format.ts';
import { Progress } from './progress.ts';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

function dateArg(value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new InvalidArgumentError('expected a date as YYYY, YYYY-MM or YYYY-MM-DD.');
  return value;
}

function fullDateArg(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

function countArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more.');
  return n;
}

const dbOption = () =>
  new Option('--db <file|url>', 'ledger: an SQLite file or a postgres:// URL; default $TRIANGULATE_DB or ./triangulate.db');

/** Where the ledger is, fit to print: a password in a postgres:// URL is masked. */
const shownLocation = (db?: string) => ledgerLocation(db).replace(/(:\/\/[^:/@]*):[^@/]*@/, '$1:***@');

/** Query commands open an existing ledger only: a typo in --db should not create an empty one. */
async function openExisting(db?: string): Promise<Ledger> {
  const where = ledgerLocation(db);
  if (!/^postgres/i.test(where) && !existsSync(where)) {
    throw new NotFoundError(`no ledger at ${where}; run "triangulate ingest PATH" first or pass --db`);
  }
  return openLedger(where);
}

/** The exit code the last action decided on (commander does not pass an action's result back). */
export type RunState = { code: number };

export function buildProgram(state: RunState = { code: EXIT.ok }): Command {
  const run =
    <A extends unknown[]>(fn: (...args: A) => Promise<number | void>) =>
    async (...args: A) => {
      state.code = (await fn(...args)) ?? EXIT.ok;
    };
  const program = new Command();
  program
    .name('triangulate')
    .description('Reads news articles and builds an auditable ledger of claims: who said what, when, about whom, with which figures.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .option('--names <file>', 'your own list of names (TSV: name, type, country, aliases); adds to $TRIANGULATE_NAMES')
    .hook('preAction', (cmd) => {
      const names = cmd.opts().names as string | undefined;
      if (!names) return;
      if (!existsSync(names)) throw new UsageError(`--names: no such file ${names}`);
      // through the environment so that extraction worker threads load the same list
      const prior = process.env.TRIANGULATE_NAMES;
      process.env.TRIANGULATE_NAMES = prior ? `${names}${delimiter}${prior}` : names;
    })
    .addHelpText(
      'after',
      `
Exit codes:
  0  success
  1  unexpected failure (set TRIANGULATE_DEBUG=1 for the stack)
  2  wrong usage (unknown option, bad value)
  3  some inputs were rejected (the others were processed)
  4  not found (no such document, no ledger)
  5  the ledger could not be opened or written

Examples:
  triangulate extract article.txt                 readable report of one article
  triangulate extract articles/ --json > out.jsonl
  triangulate ingest examples/                    add to ./triangulate.db
  triangulate claims --source "intelligence" --since 2024
  triangulate figures --counts workers
  triangulate show 3f2a9c1e`,
    );

  // --jobs and --max-bytes for extract and ingest
  const jobsOption = () =>
    new Option('--jobs <n>', 'worker threads for extraction; 0 runs it in the main thread (default: one per core)').argParser((v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError('expected a whole number from 0 to 256.');
      return n;
    });
  const maxBytesOption = () =>
    new Option('--max-bytes <size>', 'largest input accepted (a file, decompressed, or one JSON Lines record), e.g. 5MB, 800k').argParser((v: string) => {
      const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(v.trim());
      if (!m) throw new InvalidArgumentError('expected a size such as 5MB, 800k or 1048576.');
      const scale = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? 'b')[0]!.toLowerCase() as 'b' | 'k' | 'm' | 'g'];
      return Math.round(Number(m[1]) * scale);
    });
  const timeoutOption = () =>
    new Option('--timeout <seconds>', 'give up on a document whose extraction takes longer than this').default(60).argParser(countArg);
  const inputsHelp = 'files or folders: dated text (" date YYYY-MM-DD" first), plain text, HTML pages, RSS/Atom feeds, JSON Lines, any of them gzipped; - reads standard input (folders are read recursively, skipping hidden and Markdown files)';

  program
    .command('extract')
    .description('Extract claims, figures, dates and names from articles without touching a ledger.')
    .argument('<paths...>', inputsHelp)
    .option('--json', 'one extraction record per document (JSON Lines)')
    .option('--published <date>', 'publication date for texts that carry none', fullDateArg)
    .option('--outlet <name>', 'outlet for texts that carry none')
    .addOption(jobsOption())
    .addOption(maxBytesOption())
    .addOption(timeoutOption())
    .action(run(async (paths: string[], o: { json?: boolean; published?: string; outlet?: string; jobs?: number; maxBytes?: number; timeout: number }) => {
      const color = useColor(process.stdout);
      let rejected = 0;
      let first = true;
      const items = extractInputs(paths, {
        published: o.published,
        outlet: o.outlet,
        maxBytes: o.maxBytes,
        jobs: o.jobs,
        taskTimeoutMs: o.timeout * 1000,
      });
      for await (const r of items) {
        if (r.status === 'rejected') {
          rejected++;
          err(`rejected (${r.reason}): ${r.message}`);
          continue;
        }
        if (r.status !== 'extracted') continue;
        if (o.json) out(JSON.stringify(r.extraction));
        else {
          if (!first) out('\n' + '─'.repeat(60) + '\n');
          out(formatReport(r.doc, r.extraction, color));
        }
        first = false;
      }
      return rejected ? EXIT.rejected : EXIT.ok;
    }));

  program
    .command('ingest')
    .description('Add articles to the ledger. Text already in the ledger is recognised and left alone.')
    .argument('<paths...>', inputsHelp)
    .addOption(dbOption())
    .option('--published <date>', 'publication date for texts that carry none', fullDateArg)
    .option('--outlet <name>', 'outlet for texts that carry none')
    .option('--report <file>', 'write one JSON line per input with its outcome, as each batch is committed')
    .addOption(jobsOption())
    .addOption(maxBytesOption())
    .addOption(timeoutOption())
    .option('-q, --quiet', 'print only the totals line')
    .action(run(async (paths: string[], o: { db?: string; published?: string; outlet?: string; report?: string; quiet?: boolean; jobs?: number; maxBytes?: number; timeout: number }) => {
      const ledger = await openLedger(o.db);
      const progress = new Progress(process.stderr);
      // streamed, not collected: a report of a million inputs must not sit in memory, and after a
      // crash it still says which inputs were committed
      const report = o.report ? openSync(o.report, 'w') : undefined;
      try {
        const totals = await ingest(paths, ledger, {
          published: o.published,
          outlet: o.outlet,
          maxBytes: o.maxBytes,
          jobs: o.jobs,
          taskTimeoutMs: o.timeout * 1000,
          onOutcome: (x: FileOutcome) => {
            if (report !== undefined) writeSync(report, JSON.stringify(x) + '\n');
            if (x.status === 'rejected') progress.log(`rejected (${x.reason}): ${x.message}`);
            progress.tick(x.status);
          },
        });
        progress.done();
        const line = `${totals.ingested} ingested (${totals.claims} claims, ${totals.figures} figures), ${totals.duplicate} already in the ledger, ${totals.rejected} rejected`;
        out(totals.ingested === 0 && totals.duplicate > 0 && totals.rejected === 0 ? `${line}: nothing changed.` : line);
        if (!o.quiet) out('\n' + formatSummary(await ledger.summary(), shownLocation(o.db)));
        return totals.rejected ? EXIT.rejected : EXIT.ok;
      } finally {
        if (report !== undefined) closeSync(report);
        await ledger.close();
      }
    }));

  program
    .command('claims')
    .description('List claims in the ledger: who said what, when.')
    .addOption(dbOption())
    .option('--source <text>', 'source as written or the name it resolves to (substring, any case)')
    .option('--about <words>', 'full-text search in what was said')
    .option('--since <date>', 'said (or published) on or after', dateArg)
    .option('--until <date>', 'said (or published) on or before', dateArg)
    .addOption(new Option('--kind <kind>', 'only this kind').choices(['direct', 'indirect', 'mixed', 'omission', 'unattributed']))
    .option('--outlet <name>', 'only articles from this outlet (substring)')
    .option('--limit <n>', 'at most this many', countArg, 200)
    .option('--json', 'JSON Lines, one claim per line')
    .action(run(async (o) => {
      const ledger = await openExisting(o.db);
      try {
        const rows = await ledger.claims({ source: o.source, about: o.about, since: o.since, until: o.until, kind: o.kind, outlet: o.outlet, limit: o.limit });
        if (o.json) for (const r of rows) out(JSON.stringify(r));
        else out(formatClaims(rows, useColor(process.stdout)));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('figures')
    .description('List figures in the ledger, grouped by what they count or measure.')
    .addOption(dbOption())
    .option('--counts <text>', 'counted noun or measure (substring, any case), e.g. "workers"')
    .option('--unit <code>', 'unit, e.g. USD, km, %')
    .option('--limit <n>', 'at most this many', countArg, 500)
    .option('--json', 'JSON Lines, one figure per line')
    .action(run(async (o) => {
      const ledger = await openExisting(o.db);
      try {
        const rows = await ledger.figures({ counts: o.counts, unit: o.unit, limit: o.limit });
        if (o.json) for (const r of rows) out(JSON.stringify(r));
        else out(formatFigures(rows, useColor(process.stdout)));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('show')
    .description('Show one article from the ledger with its claims, figures, dates and names marked.')
    .argument('<doc-id>', 'document id or a unique prefix of it (as printed by claims and figures)')
    .addOption(dbOption())
    .option('--json', 'print the stored extraction record instead')
    .action(run(async (id: string, o: { db?: string; json?: boolean }) => {
      const ledger = await openExisting(o.db);
      try {
        const doc = await ledger.document(id);
        if (!doc) throw new NotFoundError(`no document ${id} in ${shownLocation(o.db)}`);
        const x = (await ledger.extraction(doc.id))!;
        if (o.json) {
          out(JSON.stringify(x));
          return EXIT.ok;
        }
        const color = useColor(process.stdout);
        out(formatReport(doc, x, color));
        out('\n' + legend(color) + '\n');
        out(markText(doc.text, spansOf(x), color));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('summary')
    .description('Counts, outlets, top sources and top figure series in the ledger.')
    .addOption(dbOption())
    .option('--json', 'as JSON')
    .action(run(async (o: { db?: string; json?: boolean }) => {
      const ledger = await openExisting(o.db);
      try {
        const s = await ledger.summary({ top: 10 });
        out(o.json ? JSON.stringify(s) : formatSummary(s, shownLocation(o.db)));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('serve')
    .description('Serve a web app and a JSON API over the ledger (read-only unless a write token is given).')
    .addOption(dbOption())
    .option('--port <n>', 'port to listen on (0 picks a free one)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535.');
      return n;
    }, 8080)
    .option('--host <address>', 'address to bind; 0.0.0.0 exposes the ledger to the network', '127.0.0.1')
    .option('--write-token <token>', 'accept POST /api/documents with "Authorization: Bearer TOKEN" (default $TRIANGULATE_WRITE_TOKEN)')
    .action(run(async (o: { db?: string; port: number; host: string; writeToken?: string }) => {
      const writeToken = o.writeToken || process.env.TRIANGULATE_WRITE_TOKEN || undefined;
      // a server that can write may start on a new ledger; a read-only one needs something to show
      const ledger = writeToken ? await openLedger(o.db) : await openExisting(o.db);
      const { startServer } = await import('../server/serve.ts');
      const server = await startServer({ ledger, port: o.port, host: o.host, writeToken });
      out(`Serving ${shownLocation(o.db)} at ${server.url}/ (${writeToken ? 'POST /api/documents accepts the write token' : 'read-only'}); API at ${server.url}/openapi.json. Ctrl-C stops.`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await ledger.close();
      return EXIT.ok;
    }));

  program
    .command('series')
    .description('Figure series: figures that measure the same thing, across articles. With a measure, one timeline.')
    .argument('[measure]', 'a measure in words ("north korean workers", "troops in Kursk") or a series key')
    .addOption(dbOption())
    .option('--all', 'list every measure, also those in a single article or with neither whose nor where')
    .option('--limit <n>', 'at most this many series', countArg, 50)
    .option('--json', 'as JSON (the list, or the timeline with every point)')
    .action(run(async (measure: string | undefined, o: { db?: string; all?: boolean; limit: number; json?: boolean }) => {
      const ledger = await openExisting(o.db);
      try {
        const color = useColor(process.stdout);
        if (!measure) {
          const rows = await ledger.series({ all: o.all, limit: o.limit });
          out(o.json ? JSON.stringify(rows) : formatSeriesList(rows, color));
          return EXIT.ok;
        }
        const t = await ledger.seriesTimeline(measure);
        if (!t) throw new NotFoundError(`no series matches “${measure}”; run "triangulate series --all" to see the measures`);
        out(o.json ? JSON.stringify(t) : formatTimeline(t, color));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('statements')
    .description('Statements reported by several articles: one source, one occasion, each outlet\'s wording.')
    .addOption(dbOption())
    .option('--source <text>', 'only statements whose source contains this (any case)')
    .option('--all', 'also statements reported by a single article')
    .option('--limit <n>', 'at most this many', countArg, 50)
    .option('--json', 'as JSON')
    .action(run(async (o: { db?: string; source?: string; all?: boolean; limit: number; json?: boolean }) => {
      const ledger = await openExisting(o.db);
      try {
        const rows = await ledger.statements({ source: o.source, all: o.all, limit: o.limit });
        out(o.json ? JSON.stringify(rows) : formatStatements(rows, useColor(process.stdout)));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('conflicts')
    .description('Figures that disagree beyond their qualifiers, misprints, and statements reported with different figures.')
    .addOption(dbOption())
    .addOption(new Option('--kind <kind>', 'only this kind').choices(['figures', 'misprint', 'reporting', 'denial']))
    .option('--limit <n>', 'at most this many', countArg, 50)
    .option('--json', 'as JSON')
    .action(run(async (o: { db?: string; kind?: string; limit: number; json?: boolean }) => {
      const ledger = await openExisting(o.db);
      try {
        const rows = await ledger.conflicts({ kind: o.kind, limit: o.limit });
        out(o.json ? JSON.stringify(rows) : formatConflicts(rows, useColor(process.stdout)));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('copies')
    .description('Near-duplicate and syndicated articles: the same text under several outlets, with its original.')
    .addOption(dbOption())
    .option('--limit <n>', 'at most this many groups', countArg, 50)
    .option('--json', 'as JSON')
    .action(run(async (o: { db?: string; limit: number; json?: boolean }) => {
      const ledger = await openExisting(o.db);
      try {
        const rows = await ledger.copies({ limit: o.limit });
        out(o.json ? JSON.stringify(rows) : formatCopies(rows, useColor(process.stdout)));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  program
    .command('entities')
    .description('People, organisations and places as one entity across articles, with how sure the match is and why.')
    .addOption(dbOption())
    .addOption(new Option('--type <type>', 'only this type').choices(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC']).argParser((v: string) => v.toUpperCase()))
    .option('--name <text>', 'only entities written with this (substring, any case)')
    .option('--limit <n>', 'at most this many', countArg, 50)
    .option('--json', 'as JSON')
    .action(run(async (o: { db?: string; type?: string; name?: string; limit: number; json?: boolean }) => {
      const ledger = await openExisting(o.db);
      try {
        const rows = await ledger.crossEntities({ type: o.type, q: o.name, limit: o.limit });
        out(o.json ? JSON.stringify(rows) : formatCrossEntities(rows, useColor(process.stdout)));
      } finally {
        await ledger.close();
      }
      return EXIT.ok;
    }));

  // ---- many workers, one PostgreSQL ledger (docs/scaling.md) ----

  /** The queue lives in a PostgreSQL ledger; a file path has no queue. */
  const queueLedger = async (db?: string): Promise<string> => {
    const where = ledgerLocation(db);
    const { isPostgresUrl } = await import('../store/postgres/connect.ts');
    if (!isPostgresUrl(where)) {
      const { UsageError } = await import('./errors.ts');
      throw new UsageError(`the ingest queue is kept in a PostgreSQL ledger; pass --db postgres://… or set TRIANGULATE_DB (got ${where})`);
    }
    return where;
  };
  const pgDbOption = () => new Option('--db <url>', 'PostgreSQL ledger, e.g. postgres://user@host/db; default $TRIANGULATE_DB');

  program
    .command('migrate')
    .description('Bring the ledger\'s schema up to date and exit (every command also does this on start).')
    .addOption(new Option('--db <url-or-file>', 'ledger: a postgres:// URL or an SQLite file; default $TRIANGULATE_DB or ./triangulate.db'))
    .action(run(async (o: { db?: string }) => {
      const where = ledgerLocation(o.db);
      const { isPostgresUrl, redact } = await import('../store/postgres/connect.ts');
      if (isPostgresUrl(where)) {
        const { PostgresLedger } = await import('../store/postgres.ts');
        const r = await PostgresLedger.migrate(where);
        out(r.from === r.to ? `${redact(where)}: schema ${r.to}, up to date.` : `${redact(where)}: schema ${r.from} → ${r.to}.`);
      } else {
        await (await openLedger(where)).close();
        out(`${where}: schema up to date.`);
      }
      return EXIT.ok;
    }));

  program
    .command('enqueue')
    .description('Put articles on the PostgreSQL ledger\'s ingest queue for `triangulate worker` processes on any machine.')
    .argument('<paths...>', inputsHelp)
    .addOption(pgDbOption())
    .option('--published <date>', 'publication date for texts that carry none', fullDateArg)
    .option('--outlet <name>', 'outlet for texts that carry none')
    .addOption(maxBytesOption())
    .option('-q, --quiet', 'print only the totals line')
    .action(run(async (paths: string[], o: { db?: string; published?: string; outlet?: string; maxBytes?: number; quiet?: boolean }) => {
      const where = await queueLedger(o.db);
      const { PostgresLedger } = await import('../store/postgres.ts');
      const { IngestQueue } = await import('../services/queue.ts');
      const { readPaths } = await import('../ingest/readers.ts');
      const ledger = await PostgresLedger.open(where, { poolSize: 2 });
      const queue = new IngestQueue(ledger.pool);
      const totals = { queued: 0, requeued: 0, alreadyQueued: 0, alreadyStored: 0, rejected: 0 };
      try {
        let batch: import('../types.ts').Document[] = [];
        const flush = async () => {
          const c = await queue.enqueue(batch);
          batch = [];
          totals.queued += c.queued;
          totals.requeued += c.requeued;
          totals.alreadyQueued += c.alreadyQueued;
          totals.alreadyStored += c.alreadyStored;
        };
        for await (const x of readPaths(paths, { published: o.published, outlet: o.outlet, maxBytes: o.maxBytes })) {
          if (x.kind === 'rejected') {
            totals.rejected++;
            if (!o.quiet) err(`rejected (${x.reason}): ${x.message}`);
            continue;
          }
          batch.push({ ...x.doc, origin: x.doc.origin ?? x.origin });
          if (batch.length >= 200) await flush();
        }
        await flush();
        const s = await queue.stats();
        out(`${totals.queued} queued${totals.requeued ? ` (${totals.requeued} failed before, queued again)` : ''}, ${totals.alreadyQueued} already queued, ` +
          `${totals.alreadyStored} already in the ledger, ${totals.rejected} rejected; the queue holds ${s.queued} waiting, ${s.leased} in hand, ${s.failed} failed.`);
      } finally {
        await ledger.close();
      }
      return totals.rejected ? EXIT.rejected : EXIT.ok;
    }));

  program
    .command('worker')
    .description('Take articles from the PostgreSQL ledger\'s queue, extract, link and store them, one per transaction. Run any number, anywhere.')
    .addOption(pgDbOption())
    .addOption(jobsOption())
    .option('--lease <seconds>', 'a job not renewed for this long (its worker died) goes back to the queue', countArg, 60)
    .addOption(timeoutOption())
    .option('--until-empty', 'exit once the queue is empty, instead of waiting for more')
    .option('-q, --quiet', 'print only the totals line')
    .action(run(async (o: { db?: string; jobs?: number; lease: number; timeout: number; untilEmpty?: boolean; quiet?: boolean }) => {
      const where = await queueLedger(o.db);
      const { runWorker } = await import('../services/worker-process.ts');
      const stop = new AbortController();
      const onSignal = () => {
        if (!o.quiet) err('worker: finishing the documents in hand, then stopping (signal again to kill)');
        stop.abort();
        process.once('SIGINT', () => process.exit(130));
        process.once('SIGTERM', () => process.exit(143));
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const progress = new Progress(process.stderr);
      try {
        const t = await runWorker(where, {
          jobs: o.jobs,
          leaseMs: o.lease * 1000,
          taskTimeoutMs: o.timeout * 1000,
          untilEmpty: o.untilEmpty,
          signal: stop.signal,
          onEvent: (e) => {
            if (e.kind === 'failed' || e.kind === 'retry' || e.kind === 'lost') {
              if (!o.quiet) progress.log(`${e.kind === 'retry' ? 'will retry' : e.kind} (job ${e.job}${e.origin ? `, ${e.origin}` : ''}): ${e.error}`);
            }
            progress.tick(e.kind);
          },
        });
        progress.done();
        out(`worker: ${t.stored} stored, ${t.duplicate} already in the ledger, ${t.failed} failed, ${t.retried} handed back to retry, ` +
          `${t.lost} taken over by other workers, in ${t.seconds.toFixed(1)} s.`);
        return t.failed ? EXIT.rejected : EXIT.ok;
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    }));

  return program;
}

/** Runs the CLI and returns the exit code (the caller sets process.exitCode). */
export async function main(argv: string[]): Promise<number> {
  const state: RunState = { code: EXIT.ok };
  const program = buildProgram(state);
  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    const codeFor = exitCodeFor(e);
    err(`triangulate: ${(e as Error).message}`);
    if (codeFor === EXIT.failure && process.env.TRIANGULATE_DEBUG) err((e as Error).stack ?? '');
    return codeFor;
  }
}
