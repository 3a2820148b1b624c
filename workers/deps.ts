import type { Config, Extraction, ExtractInput, Logger } from '../core/index.js';
import type { Fetcher } from '../sources/index.js';
import type { LeadStore } from '../store/index.js';

/** Everything a processor needs, built once per process by the CLI and passed down explicitly. */
export interface PipelineDeps {
  config: Config;
  store: LeadStore;
  fetcher: Fetcher;
  /** Findings for one document; concurrent calls are extracted together (workers/batching-extractor.ts). */
  extract: (input: ExtractInput) => Promise<Extraction>;
  log: Logger;
}
