import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../test/support/db.ts';
import { main } from './main.ts';

/** `kizuna seed --demo-forum` through the command's front door (SQLite; the seed's own test runs both engines). */
describe('kizuna seed --demo-forum', () => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await freshDb('sqlite', { seed: true });
    dir = mkdtempSync(join(tmpdir(), 'kizuna-demo-'));
  });
  afterAll(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function kizuna(...argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (d) => out.push(String(d)));
    stderr.on('data', (d) => err.push(String(d)));
    const env = { DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
    const code = await main(argv, { stdout, stderr, env, cwd: dir });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('makes the forum with its progress shown, and adds nothing the second time', async () => {
    const first = await kizuna('seed', '--demo-forum');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('demo forum: members 300/300');
    expect(first.stdout).toMatch(
      /demo forum kizuna-demo \(synthetic\): 50 delegations, 300 members, \d+ speakers, 48 sessions in 5 rooms, release 1; made in [\d.]+ s/,
    );
    const again = await kizuna('seed', '--demo-forum');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('demo forum kizuna-demo is there already, nothing added');
    const forums = await t.db
      .selectFrom('forums')
      .select(['id', 'synthetic'])
      .where('id', 'like', 'kizuna-demo%')
      .execute();
    expect(forums).toEqual([{ id: 'kizuna-demo', synthetic: 1 }]);
  });

  it('refuses a scale it does not know, naming the option', async () => {
    for (const args of [
      ['--demo-forum', '--scale', 'huge'],
      ['--scale', 'bench'],
    ]) {
      const r = await kizuna('seed', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--scale');
    }
  });
});
