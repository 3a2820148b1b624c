import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.js';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pipeline');

/** How one path answers. `statuses` are used by the first requests in turn, then the page is served. */
export interface Behaviour {
  delayMs?: number;
  statuses?: number[];
  /** Park every request until `release(path)`: a job that is provably in the middle of its fetch. */
  hold?: boolean;
  /** Serve the page with an ETag and Last-Modified and answer 304 to a request that sends them back. */
  validators?: boolean;
  /** Served instead of the fixture file (a page that changed since the last poll). */
  body?: string;
}

export interface Hit {
  path: string;
  at: number;
  /** The conditional-GET headers the request carried. */
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  url(path: string): string;
  behave(path: string, behaviour: Behaviour): void;
  /** Answers the parked requests of a held path (those whose client is still there) and stops holding it. */
  release(path: string): void;
  /** Requests seen for a path (query ignored), in order. */
  hits(path: string): Hit[];
  waitForHits(path: string, n: number, timeoutMs?: number): Promise<Hit[]>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.xml': 'application/rss+xml; charset=utf-8' };

/**
 * A real HTTP server on 127.0.0.1, port 0, serving test/fixtures/pipeline (with `{{BASE}}` replaced by its own
 * origin), recording every request and answering slowly or with an error status where a test asks it to.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const behaviours = new Map<string, Behaviour>();
  const seen = new Map<string, number>();
  const log: Hit[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const parked = new Map<string, Array<() => void>>();
  let base = '';

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    log.push({ path, at: Date.now(), ...(inm ? { ifNoneMatch: inm } : {}), ...(ims ? { ifModifiedSince: ims } : {}) });
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    const b = behaviours.get(path) ?? {};
    let timer: NodeJS.Timeout | undefined;
    const reply = () => {
      if (timer) timers.delete(timer);
      if (res.destroyed) return;
      if (path === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: *\nAllow: /\n');
      const forced = b.statuses?.[n - 1];
      if (forced) return send(res, forced, 'text/html; charset=utf-8', `<html><body>status ${forced}</body></html>`);
      const file = resolve(FIXTURES, `.${path}`);
      if (!file.startsWith(FIXTURES + '/') || !existsSync(file) || !TYPES[extname(file)]) {
        return send(res, 404, 'text/html; charset=utf-8', '<html><body>not found</body></html>');
      }
      const body = b.body ?? readFileSync(file, 'utf8').replaceAll('{{BASE}}', base);
      if (!b.validators) return send(res, 200, TYPES[extname(file)]!, body);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      if (inm === etag) return void res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED }).end();
      send(res, 200, TYPES[extname(file)]!, body, { etag, 'last-modified': LAST_MODIFIED });
    };
    if (b.hold) {
      parked.set(path, [...(parked.get(path) ?? []), reply]);
      return;
    }
    timer = setTimeout(reply, b.delayMs ?? 0);
    timers.add(timer);
  };

  const server = createServer(handle);
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const hits = (path: string) => log.filter((h) => h.path === path);
  return {
    base,
    url: (path) => base + path,
    behave: (path, behaviour) => void behaviours.set(path, behaviour),
    release: (path) => {
      behaviours.set(path, { ...behaviours.get(path), hold: false });
      const waiting = parked.get(path) ?? [];
      parked.delete(path);
      for (const reply of waiting) reply();
    },
    hits,
    waitForHits: (path, n, timeoutMs = 30_000) => waitFor(`${n} request(s) for ${path}`, () => hits(path).length >= n && hits(path), { timeoutMs, intervalMs: 25 }),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}

const LAST_MODIFIED = 'Tue, 03 May 2022 10:00:00 GMT';

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}
