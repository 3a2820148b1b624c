import { loadConfig, createLogger, type Config, type ConfigOverrides, type Logger } from '../core/index.js';
import { LexiconProvider } from '../lexicons/index.js';
import { createBatchExtractor, createExtractor } from '../extractors/index.js';
import { createFetcher, type Fetcher, type HostLimiter, type RobotsStore } from '../sources/index.js';
import { openStore, type LeadStore } from '../store/index.js';
import { createBatchingExtractor, type BatchingExtractor, type PipelineDeps } from '../workers/index.js';

/** Global flags every command accepts. */
export interface GlobalOptions {
  db?: string;
  logLevel?: string;
  lexicons?: string;
}

export function configFrom(opts: GlobalOptions, extra: ConfigOverrides = {}): Config {
  const over: ConfigOverrides = { ...extra };
  if (opts.db) over.dbPath = opts.db;
  if (opts.logLevel) over.logLevel = opts.logLevel as never;
  if (opts.lexicons) over.lexiconDir = opts.lexicons;
  return loadConfig(over);
}

export function loggerFor(config: Config): Logger {
  return createLogger(config.logLevel);
}

export function lexiconProvider(config: Config, log?: Logger): LexiconProvider {
  return new LexiconProvider(config.lexiconDir || undefined, {
    onChange: (next, prev) => log?.warn({ from: prev.version, to: next.version }, 'lexicons reloaded'),
    onError: (err) => log?.error({ err: String(err) }, 'lexicon reload failed; keeping the current version'),
  });
}

/** Document by document, synchronous: for one text. */
export function extractorFor(config: Config, provider: LexiconProvider): ReturnType<typeof createExtractor> {
  return createExtractor({ lexicons: () => provider.current, keepVictimNames: config.keepVictimNames });
}

/** The batch form of `extractorFor` (see createBatchExtractor), for commands that read many documents. */
export function batchExtractorFor(config: Config, provider: LexiconProvider): ReturnType<typeof createBatchExtractor> {
  return createBatchExtractor({ lexicons: () => provider.current, keepVictimNames: config.keepVictimNames });
}

/** Builds the pipeline dependencies; the caller closes them with `closeDeps`. */
export async function buildDeps(
  config: Config,
  opts: { limiter?: HostLimiter; robotsStore?: RobotsStore; provider?: LexiconProvider } = {},
): Promise<PipelineDeps & { provider: LexiconProvider; extract: BatchingExtractor }> {
  const log = loggerFor(config);
  const provider = opts.provider ?? lexiconProvider(config, log);
  const store: LeadStore = await openStore(config);
  const fetcher: Fetcher = createFetcher(config, { log, ...(opts.limiter ? { limiter: opts.limiter } : {}), ...(opts.robotsStore ? { robotsStore: opts.robotsStore } : {}) });
  // The processors' extractor: the analyze jobs in flight together are extracted as one batch (analyzeConcurrency).
  const extract = createBatchingExtractor(batchExtractorFor(config, provider));
  return { config, store, fetcher, extract, log, provider };
}

export async function closeDeps(deps: Pick<PipelineDeps, 'store' | 'fetcher'>): Promise<void> {
  await deps.fetcher.close();
  await deps.store.close();
}
