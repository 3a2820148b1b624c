import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous limits: many tests spawn `rastro` processes that load the gazetteer and models; on a shared 2-core
    // machine under load (load average 10+) one start took 15-30 s. A hung test still fails, only later.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Integration files share one Redis and spawn processes; keep the pool small on a 2-core machine.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
