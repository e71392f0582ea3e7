import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: database-heavy files run in forks so SQLite/PostgreSQL handles never cross threads.
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
