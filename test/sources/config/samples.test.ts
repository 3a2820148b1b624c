import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/index.js';
import { checkSource, loadSourcesFile } from '../../../sources/config/index.js';
import { discoverSource } from '../../../sources/feeds/index.js';
import { createFetcher } from '../../../sources/http/index.js';

const sourcesFile = fileURLToPath(new URL('../../../samples/sources.yaml', import.meta.url));
const fetcher = createFetcher(loadConfig({ allowFileUrls: true }, {}));
afterAll(() => fetcher.close());

describe('the demo corpus in samples/ flows through the fetcher offline', () => {
  it('loads samples/sources.yaml and every enabled source yields items whose files exist', async () => {
    const { sources } = await loadSourcesFile(sourcesFile);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources.filter((s) => s.enabled !== false)) {
      const check = await checkSource(fetcher, source);
      expect(check.errors, source.id).toEqual([]);
      const { items } = await discoverSource(fetcher, source);
      for (const item of items) {
        expect(item.url.startsWith('file:'), item.url).toBe(true);
        expect(existsSync(fileURLToPath(item.url)), `${source.id}: ${item.url}`).toBe(true);
      }
    }
  });
});
