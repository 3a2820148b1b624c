import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NonRetryableError, RastroError, loadConfig, type ConfigOverrides } from '../../../core/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import { assertUrlAllowed, blockedAddressReason, createGuardedLookup, type LookupFn } from '../../../sources/ssrf.js';
import { send, startServer, type TestServer } from '../http/test-server.js';

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['ff02::1', 'multicast'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts public %s', (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });
});

describe('assertUrlAllowed', () => {
  const strict = { allowHosts: [], allowPrivateHosts: false };
  it.each(['ftp://example.org/x', 'gopher://example.org/', 'javascript:alert(1)', 'data:text/html,hi'])('refuses scheme of %s', (u) => {
    expect(() => assertUrlAllowed(new URL(u), strict)).toThrow(NonRetryableError);
  });
  it.each(['http://127.0.0.1/', 'http://[::1]/', 'http://0x7f000001/', 'http://2130706433/', 'http://[::ffff:a00:1]/'])(
    'refuses IP-literal %s before any connection',
    (u) => {
      expect(() => assertUrlAllowed(new URL(u), strict)).toThrow(/ssrf/);
    },
  );
  it('keeps refusing the metadata address even with allowPrivateHosts', () => {
    expect(() => assertUrlAllowed(new URL('http://169.254.169.254/latest/meta-data/'), { allowHosts: [], allowPrivateHosts: true })).toThrow(
      /cloud metadata/,
    );
    expect(() => assertUrlAllowed(new URL('http://10.1.2.3/'), { allowHosts: [], allowPrivateHosts: true })).not.toThrow();
  });
});

describe('createGuardedLookup', () => {
  it('checks every answer it hands to a socket, so a DNS answer that changes to a private address is refused', async () => {
    const answers = ['93.184.216.34', '10.0.0.7'];
    let call = 0;
    const flipping: LookupFn = (_host, _opts, cb) => cb(null, [{ address: answers[call++]!, family: 4 }]);
    const lookup = createGuardedLookup({ allowHosts: [], allowPrivateHosts: false }, flipping);
    const ask = () =>
      new Promise<{ err: unknown; address: unknown }>((resolve) => lookup('flip.test', { all: true }, (err, address) => resolve({ err, address })));
    const first = await ask();
    expect(first.err).toBeNull();
    expect(first.address).toEqual([{ address: '93.184.216.34', family: 4 }]);
    const second = await ask();
    expect(second.err).toBeInstanceOf(NonRetryableError);
    expect((second.err as NonRetryableError).code).toBe('ssrf_blocked');
  });

  it('drops the private answers of a mixed answer and keeps the public ones (single-address form too)', async () => {
    const mixed: LookupFn = (_host, _opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }, { address: '8.8.4.4', family: 4 }]);
    const lookup = createGuardedLookup({ allowHosts: [], allowPrivateHosts: false }, mixed);
    const single = await new Promise<unknown[]>((resolve) => lookup('mixed.test', { family: 4 }, (...args) => resolve(args)));
    expect(single).toEqual([null, '8.8.4.4', 4]);
  });
});

describe('createFetcher SSRF guard', () => {
  let server: TestServer;
  const fetchers: Fetcher[] = [];
  const lookups: string[] = [];
  /** A fake DNS: the fetcher must connect where this says, never re-resolve elsewhere. */
  const fakeDns: LookupFn = (hostname, _options, callback) => {
    lookups.push(hostname);
    const answers: Record<string, string> = { 'news.test': '127.0.0.1', 'internal.test': '10.0.0.1', 'meta.test': '169.254.169.254' };
    const address = answers[hostname];
    if (address) callback(null, [{ address, family: 4 }]);
    else callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
  };
  function make(overrides: ConfigOverrides): Fetcher {
    const f = createFetcher(loadConfig({ hostDelayMs: 0, ...overrides }, {}), { resolve: fakeDns });
    fetchers.push(f);
    return f;
  }
  async function failure(p: Promise<unknown>): Promise<RastroError> {
    const err = await p.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RastroError);
    return err as RastroError;
  }

  beforeAll(async () => {
    server = await startServer();
    server.route('/ok', (_req, res) => send(res, 200, 'text/html', '<p>ok</p>'));
    server.route('/to-10', (_req, res) => send(res, 302, null, '', { location: 'http://10.0.0.1/admin' }));
    server.route('/to-metadata', (_req, res) => send(res, 302, null, '', { location: 'http://169.254.169.254/latest/meta-data/' }));
    server.route('/to-mapped', (_req, res) => send(res, 307, null, '', { location: 'http://[::ffff:10.0.0.1]/' }));
    server.route('/to-internal-name', (_req, res) => send(res, 302, null, '', { location: `http://internal.test:${server.port}/` }));
  });
  afterAll(async () => {
    await Promise.all(fetchers.map((f) => f.close()));
    await server.close();
  });

  it('refuses the loopback test server unless it is allowed', async () => {
    const err = await failure(make({ respectRobots: false }).fetch(`${server.base}/ok`));
    expect(err.code).toBe('ssrf_blocked');
    expect((await make({ allowHosts: ['127.0.0.1'], respectRobots: false }).fetch(`${server.base}/ok`)).body).toBe('<p>ok</p>');
  });

  it.each(['/to-10', '/to-metadata', '/to-mapped', '/to-internal-name'])('refuses a redirect from an allowed host to a private address (%s)', async (path) => {
    const before = server.requests.length;
    const err = await failure(make({ allowHosts: ['127.0.0.1'], respectRobots: true }).fetch(server.base + path));
    expect(err).toBeInstanceOf(NonRetryableError);
    expect(err.code).toBe('ssrf_blocked');
    // Only the robots.txt and the redirecting page reached the local server; nothing else was contacted.
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/robots.txt', path]);
  });

  it('checks the address the connection uses: a name resolving to a private address is refused at connect time', async () => {
    lookups.length = 0;
    const err = await failure(make({ respectRobots: false }).fetch(`http://internal.test:${server.port}/ok`));
    expect(err.code).toBe('ssrf_blocked');
    expect(err.message).toContain('10.0.0.1');
    expect(lookups).toContain('internal.test');
  });

  it('connects to the address the guarded lookup returned for an allowed host name', async () => {
    const r = await make({ allowHosts: ['news.test'], respectRobots: false }).fetch(`http://news.test:${server.port}/ok`);
    expect(r.body).toBe('<p>ok</p>');
    expect(r.finalUrl).toBe(`http://news.test:${server.port}/ok`);
  });

  it('reports a name that does not resolve as retryable dns failure', async () => {
    const err = await failure(make({ respectRobots: false }).fetch('http://nowhere.test/'));
    expect(err.code).toBe('dns_failed');
    expect(err.kind).toBe('retryable');
  });

  it('refuses the metadata name even with allowPrivateHosts', async () => {
    const err = await failure(make({ allowPrivateHosts: true, respectRobots: false }).fetch('http://meta.test/latest'));
    expect(err.code).toBe('ssrf_blocked');
  });
});
