import { defineConfig } from 'vitest/config';

/**
 * Slow suites: a real browser, real server processes killed mid-write, the API fuzzer, the SAT
 * breaks solver and the scheduler's property tests. `npm test` runs every project;
 * `npx vitest run --project fast` gives quick feedback while working.
 */
export const SLOW = [
  'test/e2e/**/*.test.ts',
  'test/durability.test.ts',
  'test/api-fuzz.test.ts',
  'src/domain/scheduling/breaks.test.ts',
  'src/domain/scheduling/solve.property.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'web/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: database-heavy files run in forks so SQLite/PostgreSQL handles never cross threads.
    pool: 'forks',
    // Builds the template databases once per run (test/support/templates.ts).
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'web/dist/**', ...SLOW],
        },
      },
      // Real server processes and a real browser on two cores: give them room when CI is busy.
      { extends: true, test: { name: 'slow', include: SLOW, testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
