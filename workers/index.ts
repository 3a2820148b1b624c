export type { PipelineDeps } from './deps.js';
export { discoverProcessor, type DiscoverResultSummary } from './discover.js';
export { fetchProcessor, canonicalFor, MIN_TEXT_CHARS, type FetchOutcome } from './fetch.js';
export { analyzeProcessor, type AnalyzeOutcome } from './analyze.js';
export { analysisText, toLeadInput } from './lead-input.js';
export { createProcessors } from './processors.js';
export { runEmbedded, type ScanSummary, type ScanOptions } from './embedded.js';
export { startWorkers, type RunningWorkers } from './bullmq-worker.js';
export { rescoreLeads, type RescoreSummary } from './rescore.js';
