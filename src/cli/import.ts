import { checkAgreementCsv, importContext } from '../features/agreements/import.ts';
import { importAgreementRows } from '../features/agreements/service.ts';
import { fieldPhrases } from '../features/seed/reference.ts';
import { parseOptions } from './args.ts';
import { withDb } from './db.ts';
import { readTextFile } from './files.ts';
import { CliInputError, type CliIo } from './io.ts';

const USAGE =
  'usage: kizuna import agreements FILE.csv\n  Columns as in data/seed/agreements-seed.csv. Every row is checked first: all rows are imported, or none.\n';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { help: { type: 'boolean' } });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const [what, file, ...extra] = positionals;
  if (what !== 'agreements' || !file || extra.length)
    throw new CliInputError([{ path: 'arguments', reason: USAGE.trim() }]);
  const text = await readTextFile(file, { maxBytes: 50 * 1024 * 1024 });
  return withDb(io, async ({ db }) => {
    const { rows, problems } = checkAgreementCsv(text, await importContext(db, fieldPhrases()));
    if (problems.length) {
      for (const p of problems) io.stderr.write(`error: ${file}:${p.line}: ${p.column}: ${p.reason}\n`);
      io.stderr.write(`${problems.length} problem(s) in ${file}; nothing was imported.\n`);
      return 2;
    }
    const result = await importAgreementRows(db, rows, null);
    io.stdout.write(
      `imported ${result.added} agreement(s) from ${file}; ${result.sourcesAdded} already there got a new source; ${result.skipped} were there already\n`,
    );
    return 0;
  });
}
