import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generates the seed-42 scale-1 org once per run; tests get its path from test/support/seeded-org.ts.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files open their own orgs and servers; two workers match the two cores of CI.
    maxWorkers: 2,
  },
});
