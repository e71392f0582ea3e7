import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (npm run test:mutation): those that cover the
 * authorisation policy (roles per record, grants), the write rules of the services, the scheduler's
 * rule checker and follow-through's progress rule.
 * Stryker runs them in worker threads (its Vitest runner requires it).
 */
export default defineConfig({
  test: {
    include: [
      'src/features/accounts/*.test.ts',
      'src/features/agreements/*.test.ts',
      'src/features/organizations/*.test.ts',
      'src/features/localities/*.test.ts',
      'src/features/profiles/*.test.ts',
      'src/features/shared/write-rules.test.ts',
      'src/domain/scheduling/check*.test.ts',
      'src/domain/progress/*.test.ts',
      'src/features/followthrough/policy.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
