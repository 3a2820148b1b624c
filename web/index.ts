export { createWebServer, startWebServer, type WebServer, type WebServerOptions } from './server.js';
export type { QueueLike, QueueMap, QueueInfo, FailedJobInfo } from './queue-info.js';
export type { SourceHealth } from './source-health.js';
export { CONTENT_SECURITY_POLICY } from './http.js';
