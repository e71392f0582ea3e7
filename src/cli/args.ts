import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliInputError } from './io.ts';

/** parseArgs that turns its errors into `option: reason` problems (exit status 2). */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new CliInputError([{ path: 'arguments', reason: (err as Error).message }]);
  }
}
