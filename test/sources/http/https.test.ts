import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RastroError, loadConfig } from '../../../core/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import type { LookupFn } from '../../../sources/ssrf.js';

const tls = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/http/tls/${name}`, import.meta.url)));
const toLoopback: LookupFn = (_host, _opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);

let server: Server;
let port: number;
const fetchers: Fetcher[] = [];
function make(ca: boolean): Fetcher {
  const f = createFetcher(loadConfig({ allowHosts: ['secure.test'], hostDelayMs: 0, respectRobots: false }, {}), {
    resolve: toLoopback,
    ...(ca ? { ca: tls('test-only-cert.pem') } : {}),
  });
  fetchers.push(f);
  return f;
}

beforeAll(async () => {
  server = createServer({ key: tls('test-only-key.pem'), cert: tls('test-only-cert.pem') }, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<p>secure ${req.headers.host}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createFetcher over HTTPS', () => {
  it('connects through the guarded lookup and verifies the certificate for the host name', async () => {
    const r = await make(true).fetch(`https://secure.test:${port}/`);
    expect(r.body).toBe(`<p>secure secure.test:${port}</p>`);
  });

  it('refuses a certificate it cannot verify, as a non-retryable error', async () => {
    const err = await make(false).fetch(`https://secure.test:${port}/`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RastroError);
    expect((err as RastroError).kind).toBe('non_retryable');
    expect((err as RastroError).code).toBe('tls_invalid');
    expect((err as RastroError).message).toContain('secure.test');
  });
});
