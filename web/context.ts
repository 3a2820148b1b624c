import type { Config, Logger } from '../core/index.js';
import type { LeadStore } from '../store/index.js';
import type { QueueMap } from './queue-info.js';

/** What every handler gets: the store, the optional queues, config and the logger. */
export interface WebContext {
  store: LeadStore;
  config: Config;
  queues: QueueMap | undefined;
  log: Logger;
}
