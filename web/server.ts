import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError, type Config, type Logger } from '../core/index.js';
import type { LeadStore } from '../store/index.js';
import { addApiRoutes } from './api-routes.js';
import type { WebContext } from './context.js';
import { HttpError, hostAllowed, sendHtml, sendJson, sendText } from './http.js';
import { errorPage } from './layout.js';
import { createMetrics } from './metrics.js';
import { addPageRoutes } from './page-routes.js';
import type { QueueMap } from './queue-info.js';
import { Router } from './router.js';

export interface WebServerOptions {
  store: LeadStore;
  config: Config;
  /** BullMQ queues (scale-out mode); without them the queue page and API say so and /metrics has no queue series. */
  queues?: QueueMap;
  log: Logger;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Port; default `config.webPort` (0 picks a free port). */
  port?: number;
}

export interface WebServer {
  server: Server;
  /** Resolves with the base URL (`http://127.0.0.1:8787`) once listening; rejects if the port cannot be bound. */
  ready: Promise<string>;
  /** Stops accepting requests, ends open connections, clears the metrics registry. Store and queues stay open (the caller owns them). */
  close(): Promise<void>;
}

/**
 * The review web server: JSON API, server-rendered review pages and /metrics. Starts listening at once;
 * await `ready` (or use `startWebServer`) for the URL.
 */
export function createWebServer(opts: WebServerOptions): WebServer {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? opts.config.webPort;
  const ctx: WebContext = { store: opts.store, config: opts.config, queues: opts.queues, log: opts.log };
  const metrics = createMetrics(opts.store, opts.queues, opts.log);
  const router = new Router();
  addApiRoutes(router, ctx);
  addPageRoutes(router, ctx);
  router.get('/metrics', async ({ res }) => {
    sendText(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
  });

  const server = createServer((req, res) => {
    let route = 'unmatched';
    handle(req, res, (r) => (route = r))
      .catch((err: unknown) => fail(req, res, err, opts.log))
      .finally(() => metrics.httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, setRoute: (r: string) => void): Promise<void> {
    if (!hostAllowed(req, host)) throw new HttpError(421, `host "${req.headers.host ?? ''}" is not served here`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = router.match(req.method ?? 'GET', url.pathname);
    if (m.kind === 'not_found') throw new HttpError(404, `nothing at ${url.pathname}`);
    setRoute(m.route);
    if (m.kind === 'method_not_allowed') {
      res.setHeader('allow', m.allow.join(', '));
      throw new HttpError(405, `${req.method} is not allowed on ${m.route}`);
    }
    await m.handler({ req, res, url, params: m.params });
  }

  const ready = new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      const url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
      opts.log.info({ url }, 'review server listening');
      resolve(url);
    });
  });
  ready.catch(() => {});

  return {
    server,
    ready,
    close: () =>
      new Promise<void>((resolve) => {
        metrics.close();
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** createWebServer and wait until it listens. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer & { url: string }> {
  const web = createWebServer(opts);
  const url = await web.ready;
  return { ...web, url };
}

function fail(req: IncomingMessage, res: ServerResponse, err: unknown, log: Logger): void {
  const bad = err instanceof URIError ? new HttpError(400, 'malformed percent-encoding in the URL') : err;
  const status = bad instanceof HttpError ? bad.status : 500;
  const message = bad instanceof HttpError ? bad.message : 'internal error';
  if (status >= 500) log.error({ err: describeError(err), method: req.method, url: req.url }, 'web request failed');
  if (res.headersSent) return void res.destroy();
  const wantsJson = (req.url ?? '').startsWith('/api/') || req.url === '/healthz' || req.url === '/metrics';
  const code = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 413: 'too_large', 415: 'unsupported_media_type', 421: 'misdirected' }[status] ?? (status === 503 ? 'unavailable' : 'internal');
  if (wantsJson) sendJson(res, status, { error: code, message });
  else sendHtml(res, status, errorPage(status, message));
}
