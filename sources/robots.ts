import robotsParserModule from 'robots-parser';
import { NonRetryableError, RetryableError, describeError, errorKind } from '../core/index.js';
import { sleep } from './politeness/host-limiter.js';
import type { RobotsRecord, RobotsStore } from './politeness/robots-store.js';

const GUARD_CODES = new Set(['ssrf_blocked', 'unsupported_scheme', 'file_urls_disabled', 'bad_url']);

/**
 * robots.txt per origin, cached with a TTL (RFC 9309): 2xx → parsed rules; 4xx → everything allowed;
 * 5xx or unreachable → everything refused for a short while (the site may be in trouble), reported as
 * RetryableError so the job comes back later.
 */

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our user agent (or `*`), in ms; null when none is set. */
  crawlDelayMs: number | null;
  sitemaps: string[];
}

/** How the cache fetches a robots.txt: the fetcher supplies one that goes through the SSRF guard and limits. */
export type RobotsFetch = (robotsUrl: string, signal?: AbortSignal) => Promise<{ status: number; body: string }>;

export interface RobotsCacheOptions {
  /** Full User-Agent; its first product token (`RastroBot`) is matched against robots groups. */
  userAgent: string;
  fetchRobots: RobotsFetch;
  /** Default 1 h. */
  ttlMs?: number;
  /** How long a 5xx / network failure is remembered. Default 5 min. */
  errorTtlMs?: number;
  /** Origins kept. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
  /**
   * Shared between processes (RedisRobotsStore on BullMQ): a robots.txt is fetched once per TTL by whichever
   * process claims it, the others read its record. If the store fails, this process fetches for itself.
   */
  shared?: RobotsStore;
  /** Longest wait for another process's fetch before fetching anyway; also the claim's lifetime. Default 30 s. */
  claimMs?: number;
  /** Pause between two looks at the shared store while another process fetches. Default 100 ms. */
  pollMs?: number;
}

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// The package's typings declare an ambient module that NodeNext cannot call; the runtime export is the function.
const robotsParser = robotsParserModule as unknown as (url: string, robotstxt: string) => Robot;
type Entry =
  | { at: number; ttl: number; kind: 'rules'; robot: Robot; body: string }
  | { at: number; ttl: number; kind: 'allow_all' }
  | { at: number; ttl: number; kind: 'unavailable'; reason: string };

export interface RobotsCache {
  /** The verdict for `url`. Throws RetryableError(`robots_unavailable`) while the origin's robots.txt is unreachable. */
  check(url: string | URL, signal?: AbortSignal): Promise<RobotsVerdict>;
  /** Like check, but throws NonRetryableError(`robots_disallowed`) when refused. */
  assertAllowed(url: string | URL, signal?: AbortSignal): Promise<RobotsVerdict>;
  clear(): void;
}

export function robotsToken(userAgent: string): string {
  return userAgent.trim().split(/[\s/]/)[0] || userAgent;
}

export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const ttl = options.ttlMs ?? 3_600_000;
  const errorTtl = options.errorTtlMs ?? 300_000;
  const max = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const token = robotsToken(options.userAgent);
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();

  const shared = options.shared;
  const claimMs = options.claimMs ?? 30_000;
  const pollMs = options.pollMs ?? 100;

  /** A shared record as a local entry that expires when the shared one does. */
  function fromRecord(origin: string, record: RobotsRecord, ttlMs: number): Entry {
    const at = now();
    if (record.kind === 'rules') return { at, ttl: ttlMs, kind: 'rules', body: record.body, robot: robotsParser(`${origin}/robots.txt`, record.body) };
    return record.kind === 'allow_all' ? { at, ttl: ttlMs, kind: 'allow_all' } : { at, ttl: ttlMs, kind: 'unavailable', reason: record.reason };
  }

  function toRecord(entry: Entry): RobotsRecord {
    if (entry.kind === 'rules') return { kind: 'rules', body: entry.body };
    return entry.kind === 'allow_all' ? { kind: 'allow_all' } : { kind: 'unavailable', reason: entry.reason };
  }

  /** Read the shared record, or claim the fetch, or wait (bounded) for the process that claimed it. */
  async function loadShared(store: RobotsStore, origin: string, signal?: AbortSignal): Promise<Entry> {
    const started = now();
    let claimed = false;
    try {
      for (;;) {
        const hit = await store.get(origin);
        if (hit) return fromRecord(origin, hit.record, hit.ttlMs);
        claimed = await store.claim(origin, claimMs);
        if (claimed) {
          // The process that held the claim may have stored its record and released the claim between our read and
          // our claim (it stores before it releases): read once more, so that the site is not fetched twice.
          const again = await store.get(origin);
          if (again) {
            claimed = false;
            await store.release(origin).catch(() => {});
            return fromRecord(origin, again.record, again.ttlMs);
          }
          break;
        }
        if (now() - started >= claimMs) break;
        await sleep(pollMs, signal);
      }
    } catch (err) {
      if (signal?.aborted) throw err;
      // The store is unreachable: robots.txt is still obeyed, fetched by this process alone.
      return fetchEntry(origin, signal);
    }
    try {
      const entry = await fetchEntry(origin, signal);
      await store.set(origin, toRecord(entry), entry.ttl).catch(() => {});
      return entry;
    } finally {
      if (claimed) await store.release(origin).catch(() => {});
    }
  }

  function load(origin: string, signal?: AbortSignal): Promise<Entry> {
    return shared ? loadShared(shared, origin, signal) : fetchEntry(origin, signal);
  }

  async function fetchEntry(origin: string, signal?: AbortSignal): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const { status, body } = await options.fetchRobots(robotsUrl, signal);
      if (status >= 200 && status < 300) return { at: now(), ttl, kind: 'rules', body, robot: robotsParser(robotsUrl, body) };
      if (status >= 400 && status < 500 && status !== 429) return { at: now(), ttl, kind: 'allow_all' };
      return { at: now(), ttl: errorTtl, kind: 'unavailable', reason: `status ${status}` };
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      const kind = errorKind(err);
      // Our own guards' refusals (SSRF, scheme) belong to the page request too; a busy host or a caller's
      // abort says nothing about the robots.txt: neither is cached.
      if (GUARD_CODES.has(code) || kind === 'rate_limited' || code === 'aborted') throw err;
      // A robots.txt we will not read (too large, wrong coding, a bomb) is treated as unavailable-as-4xx: allow.
      if (kind === 'non_retryable') return { at: now(), ttl, kind: 'allow_all' };
      return { at: now(), ttl: errorTtl, kind: 'unavailable', reason: describeError(err) };
    }
  }

  async function entryFor(origin: string, signal?: AbortSignal): Promise<Entry> {
    const cached = entries.get(origin);
    if (cached && now() - cached.at < cached.ttl) return cached;
    let p = pending.get(origin);
    if (!p) {
      p = load(origin, signal).finally(() => pending.delete(origin));
      pending.set(origin, p);
    }
    const entry = await p;
    entries.delete(origin);
    entries.set(origin, entry);
    if (entries.size > max) entries.delete(entries.keys().next().value!);
    return entry;
  }

  async function check(url: string | URL, signal?: AbortSignal): Promise<RobotsVerdict> {
    const u = typeof url === 'string' ? new URL(url) : url;
    const entry = await entryFor(u.origin, signal);
    if (entry.kind === 'allow_all') return { allowed: true, crawlDelayMs: null, sitemaps: [] };
    if (entry.kind === 'unavailable') {
      throw new RetryableError('robots_unavailable', `robots: ${u.origin}/robots.txt is unavailable (${entry.reason}); not crawling ${u.href} yet`, {
        subject: u.href,
      });
    }
    const delay = entry.robot.getCrawlDelay(token);
    return {
      allowed: entry.robot.isAllowed(u.href, token) !== false,
      crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.round(delay * 1000) : null,
      sitemaps: entry.robot.getSitemaps(),
    };
  }

  return {
    check,
    async assertAllowed(url, signal) {
      const verdict = await check(url, signal);
      if (!verdict.allowed) {
        const href = typeof url === 'string' ? url : url.href;
        throw new NonRetryableError('robots_disallowed', `robots: ${href} is disallowed for ${token} by robots.txt`, { subject: href });
      }
      return verdict;
    },
    clear: () => entries.clear(),
  };
}
