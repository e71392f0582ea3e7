import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
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
  return withDb(io, async ({ db }) => {
    // Written to a temporary file and renamed at the end: a failed export leaves no half file.
    const tmp = values.output ? `${values.output}.part` : null;
    const out: Writable = tmp ? createWriteStream(tmp) : io.stdout;
    let n = 0;
    if (format === 'csv') out.write(CSV_BOM + csvLine(source.columns.map((c) => c.header)));
    else out.write('[\n');
    for await (const item of allItems((cursor) => source.list(db, cursor))) {
      if (format === 'csv') out.write(csvLine(source.columns.map((c) => c.value(item as never))));
      else out.write(`${n ? ',\n' : ''}${JSON.stringify(item)}`);
      n++;
      if (n % 10_000 === 0) io.stderr.write(`exported ${n} ${what}…\n`);
    }
    if (format === 'json') out.write('\n]\n');
    if (tmp && values.output) {
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      await rename(tmp, values.output);
    }
    io.stderr.write(`exported ${n} ${what} as ${format}${values.output ? ` to ${values.output}` : ''}\n`);
    return 0;
  });
}
