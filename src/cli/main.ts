import { AppError } from '../errors.ts';
import { CliInputError, type CliIo, EXIT, processIo, writeProblems } from './io.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Each subcommand lives in its own module and is loaded only when called, so that
// `kizuna schedule` does not open a database and `kizuna serve` does not load the matcher.
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: { summary: 'start the HTTP server', load: async () => (await import('./serve.ts')).run },
  seed: {
    summary:
      'load the reference data (idempotent); --synthetic N adds synthetic data; --demo-forum a synthetic forum',
    load: async () => (await import('./seed.ts')).run,
  },
  import: {
    summary: 'import agreements from a CSV file (all rows or none)',
    load: async () => (await import('./import.ts')).run,
  },
  export: {
    summary: 'export agreements|organizations|localities as csv or json',
    load: async () => (await import('./export.ts')).run,
  },
  user: {
    summary: 'manage accounts: user add EMAIL --role admin|editor [--scope CODE]',
    load: async () => (await import('./user.ts')).run,
  },
  schedule: {
    summary: 'schedule bilateral meetings (see docs/scheduling.md)',
    load: async () => (await import('./schedule.ts')).run,
  },
  match: {
    summary: 'recommend partners from profiles (see docs/matching.md)',
    load: async () => (await import('./match.ts')).run,
  },
};

const usage = (): string =>
  [
    'usage: kizuna <command> [options]',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'kizuna <command> --help shows the options of a command.',
  ].join('\n');

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage()}\n`);
    return name ? EXIT.ok : EXIT.badInput;
  }
  const command = commands[name];
  if (!command) {
    writeProblems(io, [{ path: name, reason: 'unknown command' }]);
    io.stderr.write(`${usage()}\n`);
    return EXIT.badInput;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (err) {
    if (err instanceof CliInputError) {
      writeProblems(io, err.problems);
      return EXIT.badInput;
    }
    if (err instanceof AppError && err.status < 500) {
      const problems = err.errors.length
        ? err.errors.map((e) => ({ path: e.path, reason: e.message }))
        : [{ path: err.code, reason: err.detail }];
      writeProblems(io, problems);
      return EXIT.badInput;
    }
    throw err;
  }
}
