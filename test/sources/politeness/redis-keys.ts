import type { Redis } from 'ioredis';

/** Deletes a test's keys (`<prefix>:*`) from the shared Redis. */
export async function dropKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
}
