import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { matchAll, type Problem, validateProfiles } from '../domain/matching/index.ts';
import { CliInputError, type CliIo, EXIT } from './io.ts';

/** A profiles file larger than this is refused before parsing (about 25,000 full profiles). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_TOP = 100;

const USAGE = `usage: kizuna match --input PROFILES.json [--top K] [--output MATCHES.json] [--include-partners]

Recommends partners for every profile of a kizuna.profiles/1 file and prints (or writes) a
kizuna.matches/1 document. See docs/matching.md.

  --input FILE          the profiles (required)
  --top K               partners per profile, 1..${MAX_TOP} (default 5)
  --output FILE         write the matches here instead of standard output
  --include-partners    also recommend profiles already listed as partners
`;

interface Args {
  input: string;
  top: number;
  output?: string;
  includePartners: boolean;
  help: boolean;
}

const parseTop = (value: string | undefined, problems: Problem[]): number => {
  const top = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || top < 1 || top > MAX_TOP) {
    problems.push({
      path: '--top',
      reason: `expected a whole number from 1 to ${MAX_TOP}, got "${value ?? ''}"`,
    });
    return 5;
  }
  return top;
};

const parseArgs = (argv: string[]): Args => {
  const problems: Problem[] = [];
  const args: Args = { input: '', top: 5, includePartners: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--include-partners') args.includePartners = true;
    else if (flag === '--input') args.input = value() ?? '';
    else if (flag === '--output') args.output = value() ?? '';
    else if (flag === '--top') args.top = parseTop(value(), problems);
    else problems.push({ path: argv[i], reason: 'unknown option' });
  }
  if (!args.help && !args.input) problems.push({ path: '--input', reason: 'required: the profiles file' });
  if (args.output === '') problems.push({ path: '--output', reason: 'expected a file name' });
  if (problems.length > 0) throw new CliInputError(problems);
  return args;
};

/** Reads and validates the profiles file; every problem is named as `file:$.json.path`. */
const readProfiles = async (file: string, shown: string) => {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new CliInputError([
      { path: shown, reason: `cannot read file (${(err as NodeJS.ErrnoException).code})` },
    ]);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new CliInputError([{ path: shown, reason: `file larger than ${MAX_FILE_BYTES} bytes` }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliInputError([{ path: shown, reason: 'not valid UTF-8' }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CliInputError([{ path: shown, reason: `malformed JSON: ${(err as Error).message}` }]);
  }
  const result = validateProfiles(data);
  if (!result.ok)
    throw new CliInputError(result.problems.map((p) => ({ path: `${shown}:${p.path}`, reason: p.reason })));
  return result.profiles;
};

/** Writes beside the target then renames, so a failed run never leaves half a file. */
const writeAtomically = async (file: string, shown: string, content: string): Promise<void> => {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, file);
  } catch (err) {
    throw new CliInputError([
      { path: shown, reason: `cannot write file (${(err as NodeJS.ErrnoException).code})` },
    ]);
  }
};

/**
 * `kizuna match`: recommends partners for every profile of a file.
 * @example await run(['--input', 'profiles.json', '--top', '3'], processIo())
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const profiles = await readProfiles(path.resolve(io.cwd, args.input), args.input);
  const doc = matchAll(profiles, { top: args.top, includePartners: args.includePartners });
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (args.output) await writeAtomically(path.resolve(io.cwd, args.output), args.output, json);
  else io.stdout.write(json);
  return EXIT.ok;
}
