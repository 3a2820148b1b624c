import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NonRetryableError, RastroError, RateLimitedError, RetryableError, describeError, silentLogger, type Config } from '../../core/index.js';
import { decodeBody } from '../charset.js';
import { MemoryHostLimiter, type HostLimiter } from '../politeness/index.js';
import { createRobotsCache, type RobotsCache } from '../robots.js';
import { assertUrlAllowed } from '../ssrf.js';
import { createGuardedAgent } from './agent.js';
import { acceptHeader, mediaType } from './content-type.js';
import { fetchFile } from './file-fetch.js';
import { getOnce, type HopOptions, type HopResult } from './request.js';
import type { FetchOptions, FetchResult, Fetcher, FetcherDeps } from './types.js';

const ROBOTS_MAX_BYTES = 512 * 1024;

/** Parses what a user or a source file gave: an http(s) or file URL, or (with allowFileUrls) a plain path. */
export function toRequestUrl(input: string, config: Pick<Config, 'allowFileUrls'>): URL {
  let url: URL | null = null;
  if (/^[a-z][a-z0-9+.-]+:/i.test(input)) {
    try {
      url = new URL(input);
    } catch (err) {
      throw new NonRetryableError('bad_url', `fetch: "${input}" is not a valid URL`, { subject: input, cause: err });
    }
  }
  if (!url) {
    if (!config.allowFileUrls) {
      throw new NonRetryableError('file_urls_disabled', `fetch: "${input}" is not an http(s) URL and local files are disabled`, { subject: input });
    }
    return pathToFileURL(resolvePath(input));
  }
  if (url.protocol === 'file:' && !config.allowFileUrls) {
    throw new NonRetryableError('file_urls_disabled', `fetch: ${url.href} is a local file and local files are disabled`, { subject: url.href });
  }
  return url;
}

function redirectTarget(location: string, from: URL): URL | null {
  try {
    return new URL(location, from);
  } catch {
    return null;
  }
}

/**
 * The polite, hardened fetcher: SSRF guard at connect time, robots.txt, per-host delay and concurrency,
 * conditional GET, manual redirects (each hop re-checked), timeouts, body and decompression caps,
 * content-type allowlist, charset decoding. Errors are RetryableError / NonRetryableError / RateLimitedError.
 */
export function createFetcher(config: Config, deps: FetcherDeps = {}): Fetcher {
  const log = deps.log ?? silentLogger;
  const limiter: HostLimiter = deps.limiter ?? new MemoryHostLimiter();
  const agent = createGuardedAgent(config, deps.resolve, deps.ca);
  const maxHostWaitMs = deps.maxHostWaitMs ?? 60_000;
  const maxRatio = deps.maxCompressionRatio ?? 100;

  async function hop(url: URL, opts: HopOptions, crawlDelayMs: number | null): Promise<HopResult> {
    const lease = await limiter
      .acquire(url.host.toLowerCase(), {
        minDelayMs: Math.max(config.hostDelayMs, crawlDelayMs ?? 0),
        concurrency: config.hostConcurrency,
        maxWaitMs: maxHostWaitMs,
        ...(opts.signal ? { signal: opts.signal } : {}),
      })
      .catch((err: unknown) => {
        if (err instanceof RastroError) throw err;
        if (opts.signal?.aborted) throw new RetryableError('aborted', `fetch: GET ${url.href} was aborted while waiting for the host`, { subject: url.href, cause: err });
        throw new RetryableError('limiter_failed', `fetch: host limiter failed for ${url.host} (${describeError(err)})`, { subject: url.href, cause: err });
      });
    try {
      return await getOnce(agent, url, opts);
    } catch (err) {
      // The host asked us to slow down: every worker sharing the limiter waits, not just this job.
      if (err instanceof RateLimitedError && err.code === 'rate_limited' && limiter.penalize) {
        await limiter.penalize(url.host.toLowerCase(), err.retryAfterMs).catch((e: unknown) => log.warn({ err: e, host: url.host }, 'penalize failed'));
      }
      throw err;
    } finally {
      await lease.release();
    }
  }

  const baseHeaders = { 'user-agent': config.userAgent, 'accept-encoding': 'gzip, deflate, br' };

  async function fetchRobots(robotsUrl: string, signal?: AbortSignal): Promise<{ status: number; body: string }> {
    let current = new URL(robotsUrl);
    for (let hops = 0; ; hops++) {
      assertUrlAllowed(current, config);
      const res = await hop(
        current,
        {
          headers: { ...baseHeaders, accept: 'text/plain' },
          accept: 'any',
          checkType: false,
          throwOnStatus: false,
          maxBytes: ROBOTS_MAX_BYTES,
          maxRatio,
          timeoutMs: config.fetchTimeoutMs,
          signal,
        },
        null,
      );
      if (res.kind === 'response') return { status: res.status, body: decodeBody(res.body, res.headers['content-type']).text };
      // RFC 9309: a robots.txt that cannot be reached through 5 redirects counts as absent.
      const next = redirectTarget(res.location, current);
      if (hops >= 5 || !next || (next.protocol !== 'http:' && next.protocol !== 'https:')) return { status: 404, body: '' };
      current = next;
    }
  }

  const robots: RobotsCache | null = config.respectRobots
    ? (deps.robots ??
      createRobotsCache({
        userAgent: config.userAgent,
        fetchRobots,
        ...(deps.robotsStore ? { shared: deps.robotsStore, claimMs: config.fetchTimeoutMs + 5_000 } : {}),
      }))
    : null;

  async function fetchHttp(start: URL, options: FetchOptions): Promise<FetchResult> {
    const accept = options.accept ?? 'any';
    const headers: Record<string, string> = { ...baseHeaders, accept: acceptHeader(accept) };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const redirects: string[] = [];
    let current = start;
    for (;;) {
      assertUrlAllowed(current, config);
      const verdict = robots ? await robots.assertAllowed(current, options.signal) : null;
      const res = await hop(
        current,
        { headers, accept, checkType: true, throwOnStatus: true, maxBytes: config.maxBodyBytes, maxRatio, timeoutMs: config.fetchTimeoutMs, signal: options.signal },
        verdict?.crawlDelayMs ?? null,
      );
      if (res.kind === 'redirect') {
        const next = redirectTarget(res.location, current);
        if (!next) throw new NonRetryableError('bad_redirect', `fetch: GET ${current.href} redirects to an invalid URL "${res.location}"`, { subject: start.href });
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new NonRetryableError('bad_redirect', `fetch: GET ${current.href} redirects to ${next.protocol} URL ${next.href}, refused`, { subject: start.href });
        }
        if (redirects.length >= config.maxRedirects) {
          throw new NonRetryableError('too_many_redirects', `fetch: GET ${start.href} redirected more than ${config.maxRedirects} times (last ${next.href})`, {
            subject: start.href,
          });
        }
        log.debug({ from: current.href, to: next.href, status: res.status }, 'redirect');
        redirects.push(next.href);
        current = next;
        continue;
      }
      const notModified = res.status === 304;
      const decoded = notModified ? { text: '', charset: 'utf-8' } : decodeBody(res.body, res.headers['content-type']);
      log.debug({ url: current.href, status: res.status, bytes: res.body.byteLength }, 'fetched');
      return {
        url: start.href,
        finalUrl: current.href,
        status: res.status,
        notModified,
        headers: res.headers,
        contentType: mediaType(res.headers['content-type']),
        charset: decoded.charset,
        body: decoded.text,
        bytes: res.body.byteLength,
        etag: res.headers['etag'] ?? (notModified ? (options.etag ?? null) : null),
        lastModified: res.headers['last-modified'] ?? (notModified ? (options.lastModified ?? null) : null),
        redirects,
        fetchedAt: new Date().toISOString(),
      };
    }
  }

  return {
    robots,
    async fetch(input, options = {}) {
      const url = toRequestUrl(input, config);
      if (url.protocol === 'file:') {
        return fetchFile(url, config.maxBodyBytes, options).catch((err: unknown) => {
          if (err instanceof RastroError) throw err;
          throw new NonRetryableError('file_unreadable', `fetch: ${url.href} cannot be read (${describeError(err)})`, { subject: url.href, cause: err });
        });
      }
      return fetchHttp(url, options);
    },
    async close() {
      await agent.close();
    },
  };
}
