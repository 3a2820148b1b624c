import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files share one Redis and spawn processes; keep the pool small on a 2-core machine.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
