import { Redis, type RedisOptions } from 'ioredis';
import { ConfigError } from '../core/index.js';

/**
 * Redis connection for BullMQ. `maxRetriesPerRequest: null` lets blocking worker commands survive a Redis restart;
 * the retry strategy reconnects with a capped backoff instead of giving up, so a run completes once Redis is back.
 */
export function redisOptions(url: string, extra: Partial<RedisOptions> = {}): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError('redis_url_invalid', `redis: REDIS_URL "${url}" is not a URL`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new ConfigError('redis_url_invalid', `redis: REDIS_URL "${url}" must start with redis:// or rediss://`);
  }
  const opts: RedisOptions = {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db: u.pathname && u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times: number) => Math.min(200 * 2 ** Math.min(times, 6), 5000),
    ...extra,
  };
  if (u.username) opts.username = decodeURIComponent(u.username);
  if (u.password) opts.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') opts.tls = {};
  return opts;
}

export function createRedis(url: string, extra: Partial<RedisOptions> = {}): Redis {
  return new Redis(redisOptions(url, extra));
}

/** Resolves when Redis answers PING, or rejects with a clear error after `timeoutMs`. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const client = createRedis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 1, connectTimeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new ConfigError('redis_unreachable', `redis: cannot reach ${url} (${(err as Error).message})`, { cause: err });
  } finally {
    client.disconnect();
  }
}
