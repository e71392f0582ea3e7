import { Role, UserCreate } from '../features/accounts/schemas.ts';
import { createUser } from '../features/accounts/service.ts';
import { parseOptions } from './args.ts';
import { withDb } from './db.ts';
import { CliInputError, type CliIo } from './io.ts';

const USAGE =
  'usage: kizuna user add EMAIL --role admin|editor [--scope CODE]...\n  Creates an account and prints a one-time password, to be changed at first sign-in.\n';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    role: { type: 'string' },
    scope: { type: 'string', multiple: true },
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
  const parsed = UserCreate.safeParse({ email, role: values.role, scopes: values.scope ?? [] });
  if (!parsed.success) {
    throw new CliInputError(
      parsed.error.issues.map((i) => ({
        path: i.path[0] === 'scopes' ? '--scope' : String(i.path[0] ?? 'arguments'),
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
    const { user, password } = await createUser(db, parsed.data, null);
    io.stdout.write(
      `created ${user.role} ${user.email}${user.scopes.length ? ` (scopes: ${user.scopes.join(', ')})` : ''}\n`,
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
