import { request, type Agent } from 'undici';
import { NonRetryableError, RateLimitedError, RetryableError } from '../../core/index.js';
import { GZIP_TYPES, isAllowedMediaType, mediaType } from './content-type.js';
import { toFetchError } from './errors.js';
import { parseContentEncoding, readBody } from './read-body.js';
import { parseRetryAfter } from './retry-after.js';
import type { AcceptKind } from './types.js';

export interface HopOptions {
  headers: Record<string, string>;
  accept: AcceptKind;
  /** Refuse disallowed media types (off for robots.txt). */
  checkType: boolean;
  /** Throw for 4xx/5xx (off for robots.txt, whose status is itself the answer). */
  throwOnStatus: boolean;
  maxBytes: number;
  maxRatio: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export type HopResult =
  | { kind: 'redirect'; status: number; location: string; headers: Record<string, string> }
  | { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** One GET, no redirect following, with a total deadline covering headers and body. */
export async function getOnce(agent: Agent, url: URL, opts: HopOptions): Promise<HopResult> {
  const href = url.href;
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(url, { method: 'GET', dispatcher: agent, headers: opts.headers, signal });
  } catch (err) {
    throw toFetchError(err, href, deadline.aborted);
  }
  const headers = flatHeaders(res.headers as Record<string, string | string[] | undefined>);
  const status = res.statusCode;
  // Destroying an unread undici body emits an AbortError; nobody else listens, so swallow it here.
  const discard = () => {
    res.body.on('error', () => {});
    res.body.destroy();
  };
  try {
    if (REDIRECTS.has(status)) {
      discard();
      const location = headers['location'];
      if (!location) throw new NonRetryableError('bad_redirect', `fetch: GET ${href} returned ${status} without a Location`, { subject: href });
      return { kind: 'redirect', status, location, headers };
    }
    if (status === 304) {
      discard();
      return { kind: 'response', status, headers, body: Buffer.alloc(0) };
    }
    if (opts.throwOnStatus && status >= 400) {
      discard();
      throw statusError(status, href, headers['retry-after']);
    }
    const type = mediaType(headers['content-type']);
    if (opts.checkType && status < 300 && !isAllowedMediaType(type, opts.accept)) {
      discard();
      throw new NonRetryableError('content_type', `fetch: GET ${href} returned content-type ${type}, which we do not read`, { subject: href });
    }
    const declared = Number(headers['content-length']);
    const encoding = parseContentEncoding(headers['content-encoding'], href);
    if (encoding === 'identity' && Number.isFinite(declared) && declared > opts.maxBytes) {
      discard();
      throw new NonRetryableError('body_too_large', `fetch: ${href} body is ${declared} bytes, over the ${opts.maxBytes} limit`, { subject: href });
    }
    const effective = encoding === 'identity' && GZIP_TYPES.has(type) ? 'gzip' : encoding;
    const body = await readBody(res.body, effective, { maxBytes: opts.maxBytes, maxRatio: opts.maxRatio, subject: href });
    return { kind: 'response', status, headers, body };
  } catch (err) {
    discard();
    throw toFetchError(err, href, deadline.aborted);
  }
}

export function statusError(status: number, href: string, retryAfter: string | undefined) {
  const message = `fetch: GET ${href} returned ${status}`;
  const wait = parseRetryAfter(retryAfter);
  if (status === 429 || (status === 503 && wait !== null)) {
    const ms = wait ?? 60_000;
    return new RateLimitedError('rate_limited', `${message}, retry after ${Math.ceil(ms / 1000)} s`, ms, { subject: href });
  }
  if (status >= 500 || status === 408 || status === 425) return new RetryableError('http_status', message, { subject: href });
  return new NonRetryableError('http_status', message, { subject: href });
}
