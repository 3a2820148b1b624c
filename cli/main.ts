#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { describeError, errorKind } from '../core/index.js';
import { scan } from './commands/scan.js';
import { extractFile, extractStream } from './commands/extract.js';
import { articleStream } from './commands/article.js';
import { leadsExport, leadsList, leadsSetStatus, leadsShow } from './commands/leads.js';
import { leadsRelated } from './commands/related.js';
import { status } from './commands/status.js';
import { enqueue, schedule, worker } from './commands/distributed.js';
import { lexiconAdd, lexiconStatsCmd, lexiconTest, lexiconValidate } from './commands/lexicon.js';
import { sourcesAdd, sourcesCheck, sourcesList, sourcesRemove } from './commands/sources.js';
import { rescore } from './commands/rescore.js';
import { serve } from './commands/serve.js';
import { VERSION } from './version.js';

type Action = (...args: never[]) => Promise<number>;

/** Runs a command; any failure becomes one clear line on stderr and a non-zero exit, never a stack trace. */
function run(fn: Action) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const globals = cmd.optsWithGlobals();
    const positional = args.slice(0, -2);
    try {
      const code = await (fn as (...a: unknown[]) => Promise<number>)(...positional, globals);
      process.exitCode = code;
    } catch (err) {
      process.stderr.write(`rastro: ${describeError(err)}\n`);
      if (process.env.RASTRO_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
      process.exitCode = errorKind(err) === 'input' || errorKind(err) === 'config' ? 2 : 1;
    }
  };
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function buildProgram(): Command {
  const program = new Command('rastro')
    .description('Finds human-trafficking leads in open sources: feeds, articles and public notices (es, pt, en).')
    .version(VERSION)
    .option('--db <path>', 'SQLite file of the embedded store (RASTRO_DB)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (RASTRO_LOG_LEVEL)')
    .option('--lexicons <dir>', 'lexicon folder (RASTRO_LEXICONS)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const kindOpt = () => new Option('--kind <kind>', 'force the source kind').choices(['rss', 'atom', 'jsonfeed', 'feed', 'sitemap', 'listing', 'article', 'notice', 'file']);

  program
    .command('scan')
    .description('embedded one-shot run over SOURCEs (feed or article URLs, local files or folders, sources YAML); default: the bundled samples')
    .argument('[source...]')
    .addOption(kindOpt())
    .option('--force', 're-fetch and re-analyse documents already seen')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the summary as JSON')
    .action(run(scan as Action));

  program
    .command('worker')
    .description('long-running BullMQ worker on REDIS_URL; stores to MONGODB_URI when set, else the SQLite file')
    .option('--stages <list>', 'comma-separated stages to work on', 'discover,fetch,analyze')
    .option('--concurrency <n>', 'discover and fetch jobs in flight per stage')
    .option('--analyze-concurrency <n>', 'analyze jobs in flight; those ready together are extracted as one batch')
    .action(run(worker as Action));

  program.command('enqueue').description('put SOURCEs on the distributed pipeline').argument('[source...]').addOption(kindOpt()).option('--force', 're-fetch documents already seen').action(run(enqueue as Action));

  program
    .command('schedule')
    .description('register periodic polling of every configured feed (BullMQ job schedulers)')
    .argument('[source...]')
    .option('--every <minutes>', 'override each source\'s poll interval')
    .option('--remove', 'remove the schedules instead')
    .action(run(schedule as Action));

  const extract = program
    .command('extract')
    .description('JSON Lines {"id","text"|"html","url"?,"lang"?} on stdin → one extraction per line on stdout; with FILE, a readable report of one document')
    .argument('[file]')
    .option('--lang <lang>', 'language hint for FILE')
    .option('--json', 'print FILE\'s extraction as JSON');
  extract.action(run((async (file: string | undefined, opts: never) => (file ? extractFile(file, opts) : extractStream(opts))) as Action));

  program.command('article').description('JSON Lines {"id","html","url"} on stdin → {"id","title","text","publishedAt","language","author"} per line').action(run((async () => articleStream()) as Action));

  const leads = program.command('leads').description('review stored leads');
  const filters = (c: Command) =>
    c
      .option('--status <list>', 'new,confirmed,dismissed,needs_info (default: all but dismissed)')
      .option('--all', 'include dismissed leads')
      .option('--label <list>', 'incident,awareness,none')
      .option('--min-score <n>', 'minimum score 0..1')
      .option('--country <cc>', 'ISO country (event country or any mentioned)')
      .option('--type <type>', 'exploitation type')
      .option('--lang <lang>', 'language')
      .option('--from <date>', 'published on or after (YYYY-MM-DD)')
      .option('--to <date>', 'published on or before (YYYY-MM-DD)')
      .option('--text <text>', 'words in title or text (case and accent insensitive)')
      .option('--kind <kind>', 'article or notice')
      .option('--source <id>', 'source id');
  filters(leads.command('list').description('list leads, best first'))
    .option('--limit <n>', 'page size', '50')
    .option('--offset <n>', 'skip this many')
    .option('--sort <by>', 'score|date|updated')
    .option('--format <fmt>', 'table|jsonl')
    .action(run(leadsList as Action));
  leads.command('show').argument('<id>').option('--json', 'as JSON').description('one lead with its evidence highlighted and its history').action(run(leadsShow as Action));
  leads
    .command('related')
    .argument('<id>')
    .option('--km <n>', 'greatest distance between places in km', '150')
    .option('--days <n>', 'greatest distance between dates in days', '60')
    .option('--limit <n>', 'most results', '20')
    .option('--json', 'as JSON')
    .description('incidents near a missing-person notice in place and time (or notices near an incident), with the reasons')
    .action(run(leadsRelated as Action));
  filters(leads.command('export').description('export leads as CSV, JSON Lines or GeoJSON (notice names masked)'))
    .option('--format <fmt>', 'csv|jsonl|geojson', 'jsonl')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--unmask-notices', 'keep missing-person names as the notices publish them')
    .action(run(leadsExport as Action));
  leads
    .command('set-status')
    .argument('<id>')
    .argument('<status>', 'new|confirmed|dismissed|needs_info')
    .option('--note <text>', 'why')
    .option('--by <name>', 'reviewer (default: $USER)')
    .description('record a review decision (who, what, when); dismissed leads stay dismissed when seen again')
    .action(run(leadsSetStatus as Action));

  program.command('status').description('store statistics and per-source health; queue counts and throughput with --queues').option('--queues', 'also show BullMQ queues on REDIS_URL').option('--json', 'as JSON').action(run(status as Action));

  program
    .command('rescore')
    .description('re-analyse stored leads with the current lexicons (embedded, or as a BullMQ job with --queue)')
    .option('--queue', 'run as a job on the maintenance queue')
    .option('--id <leadId>', 'only this lead')
    .action(run(rescore as Action));

  const lexicon = program.command('lexicon').description('tools for lexicon analysts');
  lexicon.command('validate').description('schema, duplicate or overlapping patterns, and every example').option('--json', 'as JSON').action(run(lexiconValidate as Action));
  lexicon
    .command('test')
    .argument('<pattern>')
    .argument('[file...]', 'texts to test (default: stored documents)')
    .option('--lang <lang>', 'language of the pattern', 'es')
    .description('hits of a pattern with their context')
    .action(run(lexiconTest as Action));
  lexicon
    .command('add')
    .description('append a validated entry to <lang>/<group>.yaml')
    .requiredOption('--lang <lang>', 'es|pt|en')
    .requiredOption('--group <group>', 'offence|act|means|purpose|ilo|victim|event|context')
    .requiredOption('--id <id>', 'entry id, e.g. es.purpose.my_term')
    .requiredOption('--category <category>', 'taxonomy category, e.g. purpose.forced_labour')
    .requiredOption('--pattern <pattern>', 'a pattern (repeatable)', collect)
    .option('--weight <w>', '0..1', '0.5')
    .option('--exclude <pattern>', 'exclusion pattern (repeatable)', collect)
    .option('--match <sentence>', 'example that must match (repeatable, at least one)', collect)
    .option('--not-match <sentence>', 'example that must not match (repeatable)', collect)
    .option('--notes <text>', 'notes for analysts')
    .action(run(lexiconAdd as Action));
  lexicon.command('stats').description('entries per category and language; hits and precision from reviewed leads').option('--by-entry', 'precision per lexicon entry').option('--json', 'as JSON').action(run(lexiconStatsCmd as Action));

  const sources = program.command('sources').description('the sources YAML (RASTRO_SOURCES)');
  sources.command('list').option('--file <yaml>').option('--json').description('configured sources with their health').action(run(sourcesList as Action));
  sources
    .command('add')
    .argument('<id>')
    .argument('<url>')
    .option('--file <yaml>')
    .addOption(kindOpt())
    .option('--lang <lang>')
    .option('--country <cc>')
    .option('--poll <minutes>')
    .option('--notices', 'items are missing-person notices')
    .option('--items <selector>', 'listing pages: CSS selector of items')
    .option('--link <selector>', 'listing pages: CSS selector of the link inside an item')
    .option('--body <selector>', 'CSS selector of the article body')
    .description('add a source (validated; comments in the file are kept)')
    .action(run(sourcesAdd as Action));
  sources.command('remove').argument('<id>').option('--file <yaml>').description('remove a source').action(run(sourcesRemove as Action));
  sources.command('check').argument('[id...]').option('--file <yaml>').description('fetch and parse sources now and report what they give').action(run(sourcesCheck as Action));

  program.command('serve').description('review web pages, JSON API and /metrics').option('--port <n>', 'port (RASTRO_PORT)').option('--host <host>', 'address to bind', '127.0.0.1').option('--queues', 'show BullMQ queues (REDIS_URL)').action(run(serve as Action));

  return program;
}

async function main(argv: string[]): Promise<void> {
  // `rastro leads list | head`: a closed pipe ends the command quietly instead of an EPIPE stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (unknown flag, missing argument, help, version).
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`rastro: ${describeError(err)}\n`);
    process.exitCode = 1;
  }
}

void main(process.argv);
