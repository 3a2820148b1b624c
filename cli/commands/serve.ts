import { InputError } from '../../core/index.js';
import { assertRedisReachable, closeQueues, createQueues, type Queues } from '../../queues/index.js';
import { openStore } from '../../store/index.js';
import { startWebServer, type QueueMap } from '../../web/index.js';
import { configFrom, loggerFor, type GlobalOptions } from '../context.js';

/** `rastro serve`: review pages, JSON API and /metrics until SIGINT/SIGTERM. */
export async function serve(opts: GlobalOptions & { port?: string; host?: string; queues?: boolean }): Promise<number> {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new InputError('flag_invalid', `--port: "${opts.port}" is not a port number`);
  const config = configFrom(opts, port !== undefined ? { webPort: port } : {});
  const log = loggerFor(config);
  const store = await openStore(config);
  let queues: Queues | undefined;
  if (opts.queues || process.env.REDIS_URL) {
    await assertRedisReachable(config.redisUrl);
    queues = createQueues(config, log);
  }
  const web = await startWebServer({ store, config, log, host: opts.host ?? '127.0.0.1', ...(queues ? { queues: queues as unknown as QueueMap } : {}) });
  process.stderr.write(`rastro: review pages at ${web.url}/ (API ${web.url}/api/leads, metrics ${web.url}/metrics); Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await web.close();
  if (queues) await closeQueues(queues);
  await store.close();
  return 0;
}
