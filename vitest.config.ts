import { defineConfig } from 'vitest/config';

/*
 * One run, four projects: unit tests; the API tests twice (embedded PGlite, then a real
 * PostgreSQL cluster started by the global setup); the browser flows in Chromium.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // A PGlite database is created and migrated in each file's setup: on a loaded two-core machine that alone took 60–100 s.
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'api-pglite', include: ['test/api/**/*.test.ts'], env: { ATTEST_TEST_DB: 'pglite' }, globalSetup: ['test/support/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'api-postgres', include: ['test/api/**/*.test.ts'], env: { ATTEST_TEST_DB: 'postgres' }, globalSetup: ['test/support/global-setup.ts'] },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 180_000, fileParallelism: false, expect: { poll: { timeout: 15_000, interval: 100 } }, globalSetup: ['test/e2e/global-setup.ts'] } },
    ],
  },
});
