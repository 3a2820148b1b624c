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
}

export interface Hit {
  path: string;
  at: number;
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
    log.push({ path, at: Date.now() });
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
      send(res, 200, TYPES[extname(file)]!, readFileSync(file, 'utf8').replaceAll('{{BASE}}', base));
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

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
