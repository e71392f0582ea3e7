import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { agreementColumns } from '../features/agreements/csv.ts';
import { listAgreements } from '../features/agreements/service.ts';
import { localityColumns } from '../features/localities/csv.ts';
import { listLocalities } from '../features/localities/service.ts';
import { organizationColumns } from '../features/organizations/csv.ts';
import { listOrganizations } from '../features/organizations/service.ts';
import { CSV_BOM, csvLine } from '../features/shared/csv.ts';
import { allItems } from '../features/shared/export.ts';
import type { Page } from '../features/shared/pagination.ts';
import { parseOptions } from './args.ts';
import { withDb } from './db.ts';
import { CliInputError, type CliIo } from './io.ts';

const USAGE =
  'usage: kizuna export agreements|organizations|localities [--format csv|json] [--output FILE]\n';

type Lister = (
  db: Parameters<typeof listAgreements>[0],
  cursor: string | undefined,
) => Promise<Page<unknown>>;
const SOURCES: Record<string, { list: Lister; columns: { header: string; value: (r: never) => unknown }[] }> =
  {
    agreements: {
      list: (db, cursor) => listAgreements(db, { limit: 200, cursor, format: 'json' }),
      columns: agreementColumns,
    },
    organizations: {
      list: (db, cursor) => listOrganizations(db, { limit: 200, cursor, format: 'json' }),
      columns: organizationColumns,
    },
    localities: {
      list: (db, cursor) => listLocalities(db, { limit: 200, cursor, format: 'json' }),
      columns: localityColumns,
    },
  };

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    format: { type: 'string', default: 'csv' },
    output: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const [what, ...extra] = positionals;
  const source = what ? SOURCES[what] : undefined;
  if (!source || extra.length) throw new CliInputError([{ path: 'arguments', reason: USAGE.trim() }]);
  if (values.format !== 'csv' && values.format !== 'json')
    throw new CliInputError([{ path: '--format', reason: 'must be csv or json' }]);
  const format = values.format;
  const output = values.output;
  return withDb(io, async ({ db }) => {
    // Written to a temporary file and renamed at the end: a failed export leaves no half file.
    const tmp = output ? `${output}.part` : null;
    const out: Writable = output && tmp ? await openOutput(output, tmp) : io.stdout;
    let failure: Error | null = null;
    out.on('error', (err) => {
      failure ??= err;
    });
    // Waits when the stream's buffer is full, so that a large export does not pile up in memory.
    const write = async (text: string) => {
      if (failure) throw failure;
      if (!out.write(text)) await once(out, 'drain'); // rejects if the stream fails meanwhile
    };
    let n = 0;
    try {
      if (format === 'csv') await write(CSV_BOM + csvLine(source.columns.map((c) => c.header)));
      else await write('[\n');
      for await (const item of allItems((cursor) => source.list(db, cursor))) {
        if (format === 'csv') await write(csvLine(source.columns.map((c) => c.value(item as never))));
        else await write(`${n ? ',\n' : ''}${JSON.stringify(item)}`);
        n++;
        if (n % 10_000 === 0) io.stderr.write(`exported ${n} ${what}…\n`);
      }
      if (format === 'json') await write('\n]\n');
      if (output && tmp) {
        await new Promise<void>((resolve, reject) =>
          out.end((err?: Error | null) => (err || failure ? reject(err ?? failure) : resolve())),
        );
        await rename(tmp, output);
      }
    } catch (err) {
      if (tmp) {
        out.destroy();
        await rm(tmp, { force: true });
      }
      if (output && (err as NodeJS.ErrnoException).code)
        throw new CliInputError([{ path: output, reason: `cannot be written (${(err as Error).message})` }]);
      throw err;
    }
    io.stderr.write(`exported ${n} ${what} as ${format}${output ? ` to ${output}` : ''}\n`);
    return 0;
  });
}

/** Opens the temporary output file, or names the file in a command-line error. */
async function openOutput(output: string, tmp: string): Promise<Writable> {
  const isDir = await stat(output).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDir) throw new CliInputError([{ path: output, reason: 'is a folder; give a file name' }]);
  const out = createWriteStream(tmp);
  try {
    await once(out, 'open'); // rejects with the stream's error
  } catch (err) {
    throw new CliInputError([{ path: output, reason: `cannot be written (${(err as Error).message})` }]);
  }
  return out;
}
