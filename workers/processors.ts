import type { StageProcessors } from '../queues/index.js';
import type { PipelineDeps } from './deps.js';
import { discoverProcessor } from './discover.js';
import { fetchProcessor } from './fetch.js';
import { analyzeProcessor } from './analyze.js';

export function createProcessors(deps: PipelineDeps): StageProcessors {
  return {
    discover: discoverProcessor(deps),
    fetch: fetchProcessor(deps),
    analyze: analyzeProcessor(deps),
  };
}
