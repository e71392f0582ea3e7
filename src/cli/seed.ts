import { analyze, type Db } from '../db/connection.ts';
import { seedDemoFollowThrough } from '../features/seed/demo-follow-through.ts';
import { DEMO_BENCH, DEMO_DEFAULTS, seedDemoForum } from '../features/seed/demo-forum/seed.ts';
import { seedReference } from '../features/seed/service.ts';
import { seedSynthetic } from '../features/seed/synthetic.ts';
import { parseOptions } from './args.ts';
import { withDb } from './db.ts';
import { CliInputError, type CliIo } from './io.ts';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(
    argv,
    {
      synthetic: { type: 'string' },
      seed: { type: 'string' },
      'demo-forum': { type: 'boolean' },
      scale: { type: 'string' },
      'demo-follow-through': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(
      [
        'usage: kizuna seed [--synthetic N [--seed S]] [--demo-forum [--scale demo|bench] [--seed S]] [--demo-follow-through]',
        '  Loads the reference data again (idempotent); --synthetic N adds N synthetic organisations and N/5 agreements.',
        `  --demo-forum adds a synthetic forum (${DEMO_DEFAULTS.delegations} delegations, ${DEMO_DEFAULTS.members} members, ${DEMO_DEFAULTS.sessions} sessions over two days, release 1);`,
        `  --scale bench makes it ${DEMO_BENCH.sessions} sessions and ${DEMO_BENCH.members} members (the benchmark's forum). Run twice, it adds nothing.`,
        '  --demo-follow-through adds a synthetic follow-through cycle (40 localities, 100 projects, two periods of reports), once.',
        '',
      ].join('\n'),
    );
    return 0;
  }
  const count = values.synthetic === undefined ? 0 : Number(values.synthetic);
  if (!Number.isInteger(count) || count < 0 || count > 5_000_000) {
    throw new CliInputError([{ path: '--synthetic', reason: 'must be a whole number from 0 to 5000000' }]);
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed))
    throw new CliInputError([{ path: '--seed', reason: 'must be a whole number' }]);
  const scale = values.scale ?? 'demo';
  if (scale !== 'demo' && scale !== 'bench')
    throw new CliInputError([{ path: '--scale', reason: 'must be demo or bench' }]);
  if (values.scale !== undefined && !values['demo-forum'])
    throw new CliInputError([{ path: '--scale', reason: 'only with --demo-forum' }]);
  return withDb(
    io,
    async (handle) => {
      const { db } = handle;
      const report = await seedReference(db);
      io.stdout.write(
        `reference data: ${report.localities} localities, ${report.organizations} organisations, ${report.agreements} agreements, ${report.profiles} starting profiles added, ${report.terms} agreements given their stated terms; ${report.skipped} already present\n`,
      );
      if (count > 0) {
        const started = Date.now();
        const added = await seedSynthetic(db, {
          count,
          seed,
          onProgress: (done, total) =>
            io.stderr.write(`synthetic: ${done}/${total} (${Math.round((100 * done) / total)}%)\n`),
        });
        await analyze(handle);
        io.stdout.write(
          `synthetic data: ${added.organizations} organisations and ${added.agreements} agreements added in ${((Date.now() - started) / 1000).toFixed(1)} s (marked synthetic)\n`,
        );
      }
      if (values['demo-forum']) await demoForum(handle, { seed, bench: scale === 'bench' }, io);
      if (values['demo-follow-through']) {
        const started = Date.now();
        const demo = await seedDemoFollowThrough(db, {
          onProgress: (done, total) => {
            if (done % 10 === 0 || done === total)
              io.stderr.write(
                `demo follow-through: ${done}/${total} projects (${Math.round((100 * done) / total)}%)\n`,
              );
          },
        });
        io.stdout.write(
          demo.added
            ? `demo follow-through: cycle demo-ft-2026 added in ${((Date.now() - started) / 1000).toFixed(1)} s (marked synthetic): ${demo.localities} localities, ${demo.priorityFields} priority fields, ${demo.projects} projects, ${demo.milestones} milestones, ${demo.reports} reports\n`
            : 'demo follow-through: cycle demo-ft-2026 is already there; nothing added\n',
        );
      }
      return 0;
    },
    { seed: false },
  );
}

async function demoForum(handle: Db, { seed, bench }: { seed: number; bench: boolean }, io: CliIo) {
  const started = Date.now();
  let last = '';
  const r = await seedDemoForum(handle.db, {
    seed,
    ...(bench ? DEMO_BENCH : {}),
    onProgress: (step, done, total) => {
      const line = `demo forum: ${step} ${done}/${total}`;
      if (line !== last) io.stderr.write(`${line}\n`);
      last = line;
    },
  });
  if (r.created) await analyze(handle);
  const counts = `${r.delegations} delegations, ${r.members} members, ${r.speakers} speakers, ${r.sessions} sessions in ${r.rooms} rooms, release ${r.release}`;
  io.stdout.write(
    r.created
      ? `demo forum ${r.forumId} (synthetic): ${counts}; made in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
      : `demo forum ${r.forumId} is there already, nothing added: ${counts}\n`,
  );
}
