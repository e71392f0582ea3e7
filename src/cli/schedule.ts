import { open, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDzn } from '../domain/scheduling/dzn.ts';
import { solve } from '../domain/scheduling/solve.ts';
import { type KeptSchedule, keptScheduleSchema, type Problem } from '../domain/scheduling/types.ts';
import { type Parsed, parseProblemJson, zodProblems } from '../domain/scheduling/validate.ts';
import { CliInputError, type CliIo, EXIT } from './io.ts';

const MAX_BYTES = 100 * 1024 * 1024;

/** The time ran out before every required meeting was placed, and nothing proves it impossible. */
export const EXIT_INCOMPLETE = 3;

const usage = `usage: kizuna schedule --input PROBLEM.(json|dzn) [--output SCHEDULE.json] [--fairness D]
                       [--time-limit SECONDS] [--seed N] [--keep PREVIOUS.json]

Writes the schedule JSON (stdout without --output); exit 0 on a schedule, 1 infeasible (proven),
2 bad input, 3 incomplete (the time ran out before every required meeting was placed).
The same input, seed and time limit give the same schedule. See docs/scheduling.md.
`;

/** Reads a text file, refusing by size before reading and rejecting bytes that are not UTF-8. */
async function readText(path: string, shown: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new CliInputError([
      { path: shown, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? err}` },
    ]);
  }
  if (size >= MAX_BYTES)
    throw new CliInputError([{ path: shown, reason: `file is ${size} bytes; the limit is 100 MB` }]);
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliInputError([{ path: shown, reason: 'not valid UTF-8 text' }]);
  }
}

const orFail = <T>(parsed: Parsed<T>, shown: string): T => {
  if (parsed.ok) return parsed.value;
  throw new CliInputError(parsed.problems.map((p) => ({ path: `${shown}:${p.path}`, reason: p.reason })));
};

const numberOption = (value: string | undefined, name: string, min: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min)
    throw new CliInputError([{ path: `--${name}`, reason: `expected a number ≥ ${min}, got ${value}` }]);
  return n;
};

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        input: { type: 'string' },
        output: { type: 'string' },
        fairness: { type: 'string' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        keep: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new CliInputError([{ path: 'arguments', reason: (err as Error).message }]);
  }
}

async function readProblem(file: string, cwd: string, fairness: number | undefined): Promise<Problem> {
  const text = await readText(resolve(cwd, file), file);
  if (file.toLowerCase().endsWith('.dzn')) return orFail(parseDzn(text, fairness ?? 2), file);
  const problem = orFail(parseProblemJson(text), file);
  return fairness === undefined ? problem : { ...problem, fairness };
}

async function readKept(file: string, cwd: string): Promise<KeptSchedule> {
  const text = await readText(resolve(cwd, file), file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CliInputError([{ path: file, reason: `not valid JSON: ${(err as Error).message}` }]);
  }
  const parsed = keptScheduleSchema.safeParse(raw);
  return orFail(
    parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: zodProblems(parsed.error) },
    file,
  );
}

/** `kizuna schedule`: reads a problem, writes a schedule, reports progress on stderr. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv);
  if (opts.help) {
    io.stdout.write(usage);
    return EXIT.ok;
  }
  if (!opts.input) throw new CliInputError([{ path: '--input', reason: 'required' }]);
  const fairness = numberOption(opts.fairness, 'fairness', 0);
  if (fairness !== undefined && !Number.isInteger(fairness)) {
    throw new CliInputError([{ path: '--fairness', reason: 'expected an integer' }]);
  }
  const timeLimitS = numberOption(opts['time-limit'], 'time-limit', 0.001);
  const seed = numberOption(opts.seed, 'seed', 0);
  const problem = await readProblem(opts.input, io.cwd, fairness);
  const keep = opts.keep ? await readKept(opts.keep, io.cwd) : undefined;
  const schedule = await solve(problem, {
    seed,
    timeLimitS,
    keep,
    now: () => performance.now(),
    onProgress: (p) =>
      io.stderr.write(
        p.holdingAll
          ? `schedule: SAT looking for a schedule that holds every meeting (the search holds weight ${p.weight} of bound ${p.bound})\n`
          : p.breaksLowerBound === undefined
            ? `schedule: ${p.iteration} moves, best weight ${p.weight} (bound ${p.bound}), breaks ${p.breaks}${p.valid ? '' : ', rules not yet met'}\n`
            : `schedule: SAT on breaks, best weight ${p.weight} (bound ${p.bound}, every meeting held), breaks ${p.breaks}, at least ${p.breaksLowerBound} proven necessary\n`,
      ),
  });
  const json = `${JSON.stringify(schedule, null, 2)}\n`;
  if (opts.output) {
    try {
      await writeFile(resolve(io.cwd, opts.output), json);
    } catch (err) {
      throw new CliInputError([
        { path: opts.output, reason: `cannot write: ${(err as NodeJS.ErrnoException).code ?? err}` },
      ]);
    }
  } else io.stdout.write(json);
  const o = schedule.objective;
  io.stderr.write(
    `schedule: ${schedule.status}, ${o.meetings} meetings held (weight ${o.weight}, bound ${schedule.bound?.weight ?? '?'}), ` +
      `${schedule.unscheduled.length} unscheduled, ${o.breaks} breaks (spread ${o.breakSpread}), ` +
      `${o.tableChanges} table changes, ${schedule.elapsedMs.toFixed(0)} ms` +
      `${schedule.moved ? `, ${schedule.moved.length} published meetings moved` : ''}` +
      `${schedule.reason ? `\nschedule: reason: ${schedule.reason}` : ''}` +
      `${schedule.missingRequired?.length ? `\nschedule: required meetings missing: ${schedule.missingRequired.join(', ')}` : ''}\n`,
  );
  return schedule.status === 'infeasible'
    ? EXIT.failure
    : schedule.status === 'incomplete'
      ? EXIT_INCOMPLETE
      : EXIT.ok;
}
