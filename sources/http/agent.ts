import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import type { Config } from '../../core/index.js';
import { createGuardedLookup, type LookupFn } from '../ssrf.js';

/**
 * The one undici Agent of a fetcher: every socket resolves its host through the SSRF-guarded lookup,
 * so the address checked is the address connected to. Redirects are never followed here (the fetcher
 * follows them itself, re-checking each hop).
 */
export function createGuardedAgent(config: Config, resolve?: LookupFn, ca?: string | Buffer): Agent {
  const lookup = createGuardedLookup(config, resolve);
  return new Agent({
    connect: { timeout: config.connectTimeoutMs, lookup: lookup as never, ...(ca ? { ca: [...rootCertificates, ca.toString()] } : {}) },
    headersTimeout: config.fetchTimeoutMs,
    bodyTimeout: config.fetchTimeoutMs,
    connections: Math.max(1, config.hostConcurrency),
    keepAliveTimeout: 4_000,
  });
}
