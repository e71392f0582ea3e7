import type { Writable } from 'node:stream';

/** Where a command writes: injected so that tests can capture it. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});

/** Exit statuses shared by every subcommand. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** A command-line input error: a path (file, file:line, option, JSON path) and a reason. */
export class CliInputError extends Error {
  constructor(readonly problems: { path: string; reason: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  }
}

export const writeProblems = (io: CliIo, problems: { path: string; reason: string }[]): void => {
  for (const p of problems) io.stderr.write(`error: ${p.path}: ${p.reason}\n`);
};
