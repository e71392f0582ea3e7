import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { defineJob } from '../jobs/define.ts';

/** Files younger than this are left alone: their upload may still be under way. */
export const SWEEP_AFTER_MS = 3_600_000;

/**
 * Removes what a crash left in the files folder: temporary parts of uploads that never finished,
 * and stored files whose row was never committed (the server stopped between the rename and the
 * commit). Both are older than an hour and never served.
 */
export const sweepFiles = (root: string) =>
  defineJob({
    kind: 'files.sweep',
    payload: z.object({}),
    run: async (_p, { db, clock, signal }) => {
      const cutoff = clock.now().getTime() - SWEEP_AFTER_MS;
      const old = async (path: string) =>
        (await stat(path).catch(() => null))?.mtimeMs ?? Number.POSITIVE_INFINITY;
      let removed = 0;
      const tmp = join(root, 'tmp');
      for (const name of await readdir(tmp).catch(() => [] as string[])) {
        if ((await old(join(tmp, name))) < cutoff) {
          await rm(join(tmp, name), { force: true });
          removed++;
        }
      }
      const folders = (await readdir(root).catch(() => [] as string[])).filter((f) =>
        /^[0-9a-f]{2}$/.test(f),
      );
      for (const folder of folders) {
        if (signal.aborted) break;
        const names = await readdir(join(root, folder));
        const ids = [...new Set(names.map((n) => n.replace(/\.thumb$/, '')))];
        for (let i = 0; i < ids.length; i += 500) {
          const batch = ids.slice(i, i + 500);
          const known = new Set(
            (await db.selectFrom('files').select('id').where('id', 'in', batch).execute()).map((r) => r.id),
          );
          for (const name of names.filter((n) => batch.includes(n.replace(/\.thumb$/, '')))) {
            if (known.has(name.replace(/\.thumb$/, ''))) continue;
            if ((await old(join(root, folder, name))) < cutoff) {
              await rm(join(root, folder, name), { force: true });
              removed++;
            }
          }
        }
      }
      return { removed };
    },
  });
