import type { TestProject } from 'vitest/node';
import { buildTemplates, type Templates } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    kizunaTemplates: Templates;
  }
}

type Built = Awaited<ReturnType<typeof buildTemplates>>;
/** Vitest runs the global setup once for the root and once per project, all in this process: one build serves them all. */
const shared = globalThis as typeof globalThis & {
  kizunaTemplates?: { built: Promise<Built>; users: number };
};

/**
 * Runs once per test run (per project, sharing one build): builds the template databases every
 * test file copies, and says how to include PostgreSQL when it is not configured.
 */
export default async function setup(project: TestProject) {
  if (!shared.kizunaTemplates) {
    if (!process.env.TEST_DATABASE_URL) {
      console.log(
        'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run every database test on PostgreSQL too.',
      );
    }
    const started = performance.now();
    const built = buildTemplates().then((b) => {
      if (process.env.KIZUNA_TEST_TIMINGS)
        console.log(`template databases built in ${Math.round(performance.now() - started)} ms`);
      return b;
    });
    shared.kizunaTemplates = { built, users: 0 };
  }
  const entry = shared.kizunaTemplates;
  entry.users++;
  const { templates, drop } = await entry.built;
  project.provide('kizunaTemplates', templates);
  return async () => {
    if (--entry.users > 0) return;
    shared.kizunaTemplates = undefined;
    await drop();
  };
}
