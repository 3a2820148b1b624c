import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NonRetryableError, loadConfig, type SourceState } from '../../../core/index.js';
import { pollSource, type SourceStateStore } from '../../../sources/feeds/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import { send, startServer, type TestServer } from '../http/test-server.js';

/** An in-memory store with the LeadStore source-state semantics (patch merges). */
function memoryStore(): SourceStateStore & { states: Map<string, SourceState> } {
  const states = new Map<string, SourceState>();
  return {
    states,
    getSourceState: async (id) => states.get(id) ?? null,
    updateSourceState: async (id, patch) => {
      const base: SourceState = states.get(id) ?? {
        sourceId: id, url: patch.url, etag: null, lastModified: null, lastSuccessAt: null, lastErrorAt: null,
        lastError: null, consecutiveFailures: 0, lastItemsFound: null, polls: 0, missingDate: 0, missingText: 0,
      };
      const next = { ...base, ...patch };
      states.set(id, next);
      return next;
    },
  };
}

const RSS = '<rss version="2.0"><channel><title>t</title><item><title>a</title><link>/a</link></item><item><title>b</title><link>/b</link></item></channel></rss>';
let server: TestServer;
let fetcher: Fetcher;
let broken = false;
beforeAll(async () => {
  server = await startServer();
  server.route('/feed', (req, res) => {
    if (broken) return send(res, 410, 'text/plain', 'gone');
    if (req.headers['if-none-match'] === '"e1"') return send(res, 304, null, '');
    send(res, 200, 'application/rss+xml', RSS, { etag: '"e1"' });
  });
  fetcher = createFetcher(loadConfig({ allowHosts: ['127.0.0.1'], hostDelayMs: 0 }, {}));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('pollSource', () => {
  it('stores validators and health, polls conditionally, and records failures', async () => {
    const store = memoryStore();
    const source = { id: 's1', url: `${server.base}/feed`, kind: 'rss' as const };
    const first = await pollSource(fetcher, source, store);
    expect(first.items).toHaveLength(2);
    expect(store.states.get('s1')).toMatchObject({ etag: '"e1"', lastItemsFound: 2, polls: 1, consecutiveFailures: 0, lastError: null });

    const second = await pollSource(fetcher, source, store);
    expect(second.notModified).toBe(true);
    expect(store.states.get('s1')).toMatchObject({ lastItemsFound: 2, polls: 2 });
    expect(server.requests.filter((r) => r.path === '/feed').at(-1)!.headers['if-none-match']).toBe('"e1"');

    broken = true;
    await expect(pollSource(fetcher, source, store)).rejects.toBeInstanceOf(NonRetryableError);
    await expect(pollSource(fetcher, source, store)).rejects.toBeInstanceOf(NonRetryableError);
    expect(store.states.get('s1')).toMatchObject({ consecutiveFailures: 2, polls: 4, lastError: `fetch: GET ${server.base}/feed returned 410`, etag: '"e1"' });
  });
});
