import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queues } from '../../../queues/index.js';
import { childrenOutput, killAll, type CliProcess } from './cli.js';
import type { FixtureServer } from './fixture-server.js';
import { dropPrefix, SHARED_REDIS, uniquePrefix } from './redis.js';

/** What every pipeline test on the shared Redis needs: a unique queue prefix, a temp store, the child processes. */
export interface Scenario {
  prefix: string;
  dir: string;
  db: string;
  children: CliProcess[];
  /** Kills the children, closes the server, drops the prefix's keys and the temp folder. */
  cleanup(server: FixtureServer | undefined, queues: Queues | undefined): Promise<void>;
}

export function createScenario(name: string): Scenario {
  const prefix = uniquePrefix(name);
  const dir = mkdtempSync(join(tmpdir(), `rastro-${name}-`));
  const children: CliProcess[] = [];
  return {
    prefix,
    dir,
    db: join(dir, 'leads.db'),
    children,
    async cleanup(server, queues) {
      if (process.env.RASTRO_TEST_DEBUG) console.error(childrenOutput(children));
      await killAll(children);
      await server?.close();
      await dropPrefix(SHARED_REDIS, prefix, queues);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
