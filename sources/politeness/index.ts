export { sleep, type AcquireOptions, type HostLease, type HostLimiter } from './host-limiter.js';
export { MemoryHostLimiter } from './memory-limiter.js';
export { RedisHostLimiter, type RedisHostLimiterOptions } from './redis-limiter.js';
export type { RobotsRecord, RobotsStore } from './robots-store.js';
export { RedisRobotsStore, type RedisRobotsStoreOptions } from './redis-robots-store.js';
