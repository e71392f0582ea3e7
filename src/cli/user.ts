import { AppError } from '../errors.ts';
import { assertGrantRecordsExist } from '../features/accounts/grants.ts';
import { Role, UserCreate } from '../features/accounts/schemas.ts';
import { createUser } from '../features/accounts/service.ts';
import { parseOptions } from './args.ts';
import { withDb } from './db.ts';
import { CliInputError, type CliIo } from './io.ts';

const USAGE =
  'usage: kizuna user add EMAIL --role admin|editor [--scope CODE]... [--grant ROLE:TYPE:ID]...\n  Creates an account and prints a one-time password, to be changed at first sign-in.\n  --scope CODE: editor of a locality (code) or an organisation (id).\n  --grant ROLE:TYPE:ID: another role on one record, e.g. organiser:forum:vjlcf-2025, interpreter:forum:vjlcf-2025.\n';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    role: { type: 'string' },
    scope: { type: 'string', multiple: true },
    grant: { type: 'string', multiple: true },
    help: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const [action, email, ...extra] = positionals;
  if (action !== 'add' || !email || extra.length)
    throw new CliInputError([{ path: 'arguments', reason: USAGE.trim() }]);
  if (!Role.safeParse(values.role).success)
    throw new CliInputError([{ path: '--role', reason: 'must be admin or editor' }]);
  const grants = (values.grant ?? []).map((g) => {
    const [role, recordType, ...id] = g.split(':');
    return { role, recordType, recordId: id.join(':') };
  });
  const parsed = UserCreate.safeParse({ email, role: values.role, scopes: values.scope ?? [], grants });
  if (!parsed.success) {
    throw new CliInputError(
      parsed.error.issues.map((i) => ({
        path:
          i.path[0] === 'scopes'
            ? '--scope'
            : i.path[0] === 'grants'
              ? `--grant ${values.grant?.[Number(i.path[1])] ?? ''}`.trim()
              : String(i.path[0] ?? 'arguments'),
        reason: i.message,
      })),
    );
  }
  return withDb(io, async ({ db }) => {
    const unknown = await unknownScopes(db, parsed.data.scopes);
    if (unknown.length)
      throw new CliInputError(
        unknown.map((s) => ({
          path: '--scope',
          reason: `${s} is neither a locality code nor an organisation id`,
        })),
      );
    try {
      await assertGrantRecordsExist(db, parsed.data.grants);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new CliInputError(
        err.errors.map((e) => ({
          path: `--grant ${values.grant?.[Number(e.path.split('.')[1])] ?? ''}`.trim(),
          reason: e.message,
        })),
      );
    }
    const { user, password } = await createUser(db, parsed.data, null);
    const others = user.grants
      .filter((g) => g.role !== 'editor')
      .map((g) => `${g.role} of ${g.recordType} ${g.recordId}`);
    io.stdout.write(
      `created ${user.role} ${user.email}${user.scopes.length ? ` (scopes: ${user.scopes.join(', ')})` : ''}${others.length ? ` (${others.join(', ')})` : ''}\n`,
    );
    io.stdout.write(`password: ${password}\n`);
    io.stderr.write('This one-time password must be changed at the first sign-in.\n');
    return 0;
  });
}

async function unknownScopes(db: Parameters<typeof createUser>[0], scopes: string[]) {
  if (!scopes.length) return [];
  const [locs, orgs] = await Promise.all([
    db.selectFrom('localities').select('code').where('code', 'in', scopes).execute(),
    db.selectFrom('organizations').select('id').where('id', 'in', scopes).execute(),
  ]);
  const known = new Set([...locs.map((l) => l.code), ...orgs.map((o) => o.id)]);
  return scopes.filter((s) => !known.has(s));
}
