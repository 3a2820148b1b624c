import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SafeHtml } from './html.js';

/** Strict CSP: only our own stylesheet and script, no inline code, no framing, forms post only to us. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on our own form posts.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

export function sendHtml(res: ServerResponse, status: number, page: SafeHtml): void {
  send(res, status, 'text/html; charset=utf-8', page.value);
}

export function sendText(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  send(res, status, type, body, extra);
}

/** 303 See Other after a form POST, so reloading the page does not post again. */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { ...SECURITY_HEADERS, location, 'cache-control': 'no-store', 'content-length': 0 });
  res.end();
}

export const MAX_BODY_BYTES = 64 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'expected a JSON body (content-type: application/json)');
  const text = await readBody(req);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'expected a form body');
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

/**
 * Refuses cross-site writes: a page elsewhere must not be able to post a status change to a reviewer's
 * local server. Browsers send Sec-Fetch-Site and Origin on form posts; tools such as curl send neither.
 */
export function assertSameOrigin(req: IncomingMessage): void {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, `cross-site request refused (sec-fetch-site: ${site})`);
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && origin !== `http://${req.headers.host ?? ''}`) {
    throw new HttpError(403, `cross-origin request refused (origin: ${origin})`);
  }
  if (origin === 'null') throw new HttpError(403, 'cross-origin request refused (opaque origin)');
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * When bound to loopback, only loopback Host headers are served: stops DNS-rebinding pages from reading the API.
 */
export function hostAllowed(req: IncomingMessage, boundHost: string): boolean {
  if (!LOOPBACK_NAMES.has(boundHost) && boundHost !== '::1') return true;
  const host = req.headers.host;
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOOPBACK_NAMES.has(name.toLowerCase());
}
