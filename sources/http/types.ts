import type { Logger } from '../../core/index.js';
import type { HostLimiter, RobotsStore } from '../politeness/index.js';
import type { RobotsCache } from '../robots.js';
import type { LookupFn } from '../ssrf.js';

export type AcceptKind = 'html' | 'feed' | 'any';

export interface FetchOptions {
  /** ETag from the previous successful fetch: sent as If-None-Match. */
  etag?: string | null;
  /** Last-Modified from the previous successful fetch: sent as If-Modified-Since. */
  lastModified?: string | null;
  /** What the caller expects; sets the Accept header. Default `any`. */
  accept?: AcceptKind;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The URL as requested (a plain path is turned into its file:// URL). */
  url: string;
  /** Where the body came from after redirects. */
  finalUrl: string;
  status: number;
  /** True on 304 Not Modified (body is empty). */
  notModified: boolean;
  /** Response headers, lower-case names, repeated values joined with ", ". */
  headers: Record<string, string>;
  /** Media type without parameters, lower case, e.g. `text/html`; '' when the server sent none. */
  contentType: string;
  /** Charset used to decode the body, e.g. `utf-8`, `windows-1252`. */
  charset: string;
  /** Decoded body. */
  body: string;
  /** Body size in bytes after decompression. */
  bytes: number;
  etag: string | null;
  lastModified: string | null;
  /** Every URL redirected to, in order (the last one equals finalUrl). */
  redirects: string[];
  /** ISO time the response was received. */
  fetchedAt: string;
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
  /** Robots verdict for a URL (always allowed when `respectRobots` is off or for file URLs). */
  readonly robots: RobotsCache | null;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

export interface FetcherDeps {
  /** Per-host delay and concurrency. Default: a new in-process MemoryHostLimiter. */
  limiter?: HostLimiter;
  /** robots.txt cache. Default: one built on this fetcher (when config.respectRobots). */
  robots?: RobotsCache;
  /** Where the default robots cache shares robots.txt answers with other processes (RedisRobotsStore on BullMQ). */
  robotsStore?: RobotsStore;
  log?: Logger;
  /** DNS resolver used at connect time (tests inject answers). Default: the system resolver. */
  resolve?: LookupFn;
  /** Longest wait for a host slot before RateLimitedError(`host_busy`). Default 60 s. */
  maxHostWaitMs?: number;
  /** Extra trusted CA certificates (PEM), for a deployment's internal CA or tests; the system roots stay trusted. */
  ca?: string | Buffer;
  /** Decompressed/compressed ratio above which a body counts as a decompression bomb (after 1 MiB). Default 100 (HTML compresses 5–20x; bombs 1000x). */
  maxCompressionRatio?: number;
}
