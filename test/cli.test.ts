import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { main } from '../src/cli/main.ts';
import { CSV_BOM, parseCsv } from '../src/features/shared/csv.ts';
import { childEnv, ENGINES, freshDb, type TestDb } from './support/db.ts';
import { kizuna } from './support/process.ts';
import { REFERENCE } from './support/reference.ts';

/**
 * The `kizuna` command through its front door: main(argv, io) in-process with captured output,
 * and the real binary for exit statuses and bytes on stdout.
 */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const HEADER = 'vn_party,jp_party,kind,fields,signed,source_url,source_note';
const VALID_ROWS = [
  'VN-HANOI,JP-40,memorandum of understanding,economy;culture,2024-05-10,https://example.org/a,"Test row, with a comma and ""quotes"""',
  'VN-DA-NANG,Sakai City (JP-27 Osaka),friendship agreement,tourism,2023-11,,Đà Nẵng – 堺市 (test)',
  'VN-HUE,JP-27-SAKAI,letter of intent,tourism promotion;culture,2022,https://example.org/b,"two\nlines"',
];

describe.each(ENGINES)('the kizuna command on %s', (engine) => {
  let t: TestDb;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const savedPgOptions = process.env.PGOPTIONS;

  async function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const sink = (append: (s: string) => void) =>
      new Writable({
        write(chunk, _enc, done) {
          append(String(chunk));
          done();
        },
      });
    const code = await main(args, {
      stdout: sink((s) => {
        stdout += s;
      }),
      stderr: sink((s) => {
        stderr += s;
      }),
      env: { ...env, ...extraEnv },
      cwd: dir,
    });
    return { code, stdout, stderr };
  }

  const count = async (table: 'localities' | 'organizations' | 'agreements', where?: 'synthetic') => {
    let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) q = q.where('synthetic', '=', 1);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  /** Each test works on a database and a folder of its own: a copy of the reference data, or an empty one. */
  async function openOwnDb(seed: boolean) {
    await t?.drop();
    t = await freshDb(engine, { seed });
    env = { DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
    // In-process, node-postgres takes the schema from PGOPTIONS of this process.
    if (t.schema) process.env.PGOPTIONS = `-c search_path=${t.schema}`;
  }
  beforeEach(async () => {
    await openOwnDb(true);
    dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
  });
  afterEach(async () => {
    await t?.drop();
    t = undefined as unknown as TestDb;
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => {
    if (savedPgOptions === undefined) delete process.env.PGOPTIONS;
    else process.env.PGOPTIONS = savedPgOptions;
  });

  it('seed loads the reference data once: a second run adds nothing', async () => {
    await openOwnDb(false);
    const first = await run(['seed']);
    expect(first.code, first.stderr).toBe(0);
    const counts = [await count('localities'), await count('organizations'), await count('agreements')];
    expect(counts).toEqual([REFERENCE.localities, REFERENCE.organizations, REFERENCE.agreements]);
    const again = await run(['seed']);
    expect(again.code).toBe(0);
    // "reference data: 0 localities, 0 organisations, … added; N already present"
    const added = /reference data: (.*) added/.exec(again.stdout)?.[1] ?? '';
    expect(added).toMatch(/0 localities/);
    expect(added.match(/\d+/g)?.every((n) => n === '0')).toBe(true);
    expect([await count('localities'), await count('organizations'), await count('agreements')]).toEqual(
      counts,
    );
  });

  it('seed --synthetic refuses a negative or non-numeric count, naming the option', async () => {
    for (const args of [
      ['--synthetic', '-1'],
      ['--synthetic=-1'],
      ['--synthetic', 'many'],
      ['--synthetic=1.5'],
    ]) {
      const r = await run(['seed', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('--synthetic');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('export agreements --format csv: BOM, CRLF, RFC 4180 quoting, both scripts, same data as the API', async () => {
    const r = await run(['export', 'agreements', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith(CSV_BOM)).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(r.stdout);
    const [header, ...records] = rows.map((x) => x.fields);
    expect(records).toHaveLength(REFERENCE.agreements);
    expect(header.slice(0, 2)).toEqual(['id', 'parties']);
    // Line ends are CRLF; a bare LF may only be inside a quoted field.
    const bareLf = (r.stdout.match(/(?<!\r)\n/g) ?? []).length;
    const lfInCells = records.flat().reduce((n, cell) => n + (cell.match(/(?<!\r)\n/g) ?? []).length, 0);
    expect(bareLf).toBe(lfInCells);
    // Fields with a comma, quote or line break are quoted, with quotes doubled.
    const special = records.flat().filter((cell) => /[",\r\n]/.test(cell));
    expect(special.length).toBeGreaterThan(0);
    for (const cell of special) expect(r.stdout).toContain(`"${cell.replace(/"/g, '""')}"`);
    expect(r.stdout).toContain('Đà Nẵng');
    expect(r.stdout).toContain('Hà Nội');
    expect(r.stdout).toContain('大阪');

    // The same rows as the API's JSON.
    const app = createApp({ db: t, logger: pino({ level: 'silent' }), trustProxy: false });
    const api = await (await app.request('/api/agreements?limit=200')).json();
    const col = (name: string) => header.indexOf(name);
    const byId = new Map(records.map((rec) => [rec[col('id')], rec]));
    expect(new Set(byId.keys())).toEqual(new Set(api.items.map((a: { id: string }) => a.id)));
    for (const a of api.items) {
      const rec = byId.get(a.id)!;
      expect(rec[col('parties')]).toBe(a.parties.map((p: { code: string }) => p.code).join(';'));
      expect(rec[col('parties_vi')]).toBe(
        a.parties.map((p: { name: { vi?: string } }) => p.name.vi ?? '').join(';'),
      );
      expect(rec[col('parties_ja')]).toBe(
        a.parties.map((p: { name: { ja?: string } }) => p.name.ja ?? '').join(';'),
      );
      expect(rec[col('signed')]).toBe(a.signedOn ?? '');
      expect(rec[col('kind')]).toBe(a.kind);
      expect(rec[col('source_note')]).toBe(
        a.sources.map((s: { note: string | null }) => s.note ?? '').join(' | '),
      );
    }
    // And the same bytes as the API's CSV download.
    const bytes = await (await app.request('/api/agreements?format=csv')).arrayBuffer();
    const download = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(download).toBe(r.stdout);
  });

  it('export --format json gives a JSON array of every item; --output writes the file and no .part', async () => {
    const json = await run(['export', 'agreements', '--format', 'json']);
    expect(json.code).toBe(0);
    const items = JSON.parse(json.stdout);
    expect(items).toHaveLength(REFERENCE.agreements);
    expect(new Set(items.map((a: { id: string }) => a.id)).size).toBe(REFERENCE.agreements);
    const out = join(dir, 'agreements.json');
    const toFile = await run(['export', 'agreements', '--format', 'json', '--output', out]);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(json.stdout);
    expect(existsSync(`${out}.part`)).toBe(false);
    const localities = await run(['export', 'localities', '--output', join(dir, 'l.csv')]);
    expect(localities.code).toBe(0);
    expect(parseCsv(readFileSync(join(dir, 'l.csv'), 'utf8'))).toHaveLength(REFERENCE.localities + 1);
  });

  it('export --output to a missing folder or onto a folder exits 2 naming it, leaving no .part file', async () => {
    const missing = join(dir, 'no-such-folder', 'x.csv');
    const r = await run(['export', 'agreements', '--output', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const onDir = await run(['export', 'agreements', '--output', dir]);
    expect(onDir.code).toBe(2);
    expect(onDir.stderr).toContain(dir);
    expect(existsSync(`${dir}.part`)).toBe(false);
  });

  it('export refuses an unknown source or format with exit status 2', async () => {
    for (const args of [['export', 'nonsense'], ['export'], ['export', 'agreements', '--format', 'xml']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: /m);
    }
  });

  it('user add: an editor needs a known scope; the one-time password is printed once; emails are unique', async () => {
    const noScope = await run(['user', 'add', 'ed@example.org', '--role', 'editor']);
    expect(noScope.code).toBe(2);
    expect(noScope.stderr).toContain('--scope');
    const unknown = await run(['user', 'add', 'ed@example.org', '--role', 'editor', '--scope', 'VN-NOWHERE']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('VN-NOWHERE');
    const badRole = await run(['user', 'add', 'ed@example.org', '--role', 'owner']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role');
    const ok = await run(['user', 'add', 'ed@example.org', '--role', 'editor', '--scope', 'VN-HANOI']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^password: \S{12,}$/m);
    const again = await run(['user', 'add', 'ED@example.org', '--role', 'admin']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/email: already in use|exists already/);
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(again.stdout).not.toContain('password:');
  });

  it('user add --grant: an organiser of a real forum is created; a grant that fits nothing is named', async () => {
    const misfit = await run([
      'user',
      'add',
      'org1@example.org',
      '--role',
      'editor',
      '--grant',
      'organiser:locality:VN-HANOI',
    ]);
    expect(misfit.code).toBe(2);
    expect(misfit.stderr).toContain('--grant organiser:locality:VN-HANOI');
    const unknown = await run([
      'user',
      'add',
      'org1@example.org',
      '--role',
      'editor',
      '--grant',
      'organiser:forum:no-such',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no forum no-such');
    const ok = await run([
      'user',
      'add',
      'org1@example.org',
      '--role',
      'editor',
      '--grant',
      'organiser:forum:vjlcf-2025',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('organiser of forum vjlcf-2025');
  });

  it('import agreements: a valid file is imported whole, and a second import adds nothing', async () => {
    const path = file('valid.csv', `${HEADER}\r\n${VALID_ROWS.join('\r\n')}\r\n`);
    const before = await count('agreements');
    const r = await run(['import', 'agreements', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('imported 3 agreement(s)');
    expect(await count('agreements')).toBe(before + 3);
    const sakai = await t.db
      .selectFrom('agreement_parties')
      .select(['agreement_id', 'note'])
      .where('locality_code', '=', 'JP-27-SAKAI')
      .where('note', '=', 'Sakai City (JP-27 Osaka)')
      .execute();
    expect(sakai.length).toBeGreaterThan(0);
    const again = await run(['import', 'agreements', path]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('imported 0 agreement(s)');
    expect(await count('agreements')).toBe(before + 3);
  });

  it('import agreements: every bad row is reported with line, column and reason, and nothing is imported', async () => {
    const rows = [
      HEADER,
      'VN-HANOI,JP-41,memorandum of understanding,economy,2021-03-01,,fine row', // 2
      'VN-NOWHERE,JP-41,memorandum of understanding,economy,2021,,unknown party', // 3
      'VN-HANOI,JP-42,memorandum of understanding,economy,2024-13,,bad month', // 4
      'VN-HANOI,JP-43,memorandum of understanding,underwater basket weaving,2021,,unknown field', // 5
      'VN-HANOI,JP-44,memorandum of understanding,economy,2021', // 6: too few columns
      'VN-HANOI,JP-45,memorandum of understanding,economy,2021,,"unclosed', // 7
      'VN-HANOI,JP-46,memorandum,economy,2021,,never reached',
    ];
    const path = file('bad.csv', `${rows.join('\r\n')}\r\n`);
    const before = await count('agreements');
    const r = await run(['import', 'agreements', path]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    const expectProblem = (line: number, column: string, reason: RegExp) =>
      expect(
        lines.some((l) => l.startsWith(`error: ${path}:${line}: ${column}: `) && reason.test(l)),
        `line ${line} ${column} in:\n${r.stderr}`,
      ).toBe(true);
    expectProblem(3, 'vn_party', /VN-NOWHERE/);
    expectProblem(4, 'signed', /date/);
    expectProblem(5, 'fields', /underwater basket weaving/);
    expectProblem(6, '(row)', /5 fields.*7/);
    expectProblem(7, '(row)', /quote/);
    expect(lines.some((l) => l.includes(`${path}:2:`))).toBe(false);
    expect(r.stderr).toMatch(/nothing was imported/);
    expect(await count('agreements')).toBe(before);
  });

  it('import refuses a file that is not UTF-8, or missing, naming it', async () => {
    const path = file(
      'latin1.csv',
      Buffer.concat([Buffer.from(`${HEADER}\r\n`), Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xff, 0x0d, 0x0a])]),
    );
    const r = await run(['import', 'agreements', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(/UTF-8/);
    const missing = await run(['import', 'agreements', join(dir, 'missing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.csv');
    const header = await run(['import', 'agreements', file('noheader.csv', 'a,b\r\n1,2\r\n')]);
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(/vn_party/);
  });

  it('seed --synthetic 500 adds 500 organisations and 100 agreements, all marked synthetic, with progress', async () => {
    const [orgs, agreements] = [await count('organizations'), await count('agreements')];
    const r = await run(['seed', '--synthetic', '500']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/synthetic: \d+\/\d+ \(\d+%\)/);
    expect(await count('organizations')).toBe(orgs + 500);
    expect(await count('agreements')).toBe(agreements + 100);
    expect(await count('organizations', 'synthetic')).toBe(500);
    expect(await count('agreements', 'synthetic')).toBe(100);
  });

  it('the real binary: exit statuses and a BOM as the first bytes on stdout', async () => {
    const cenv = { ...childEnv(t), LOG_LEVEL: 'silent' };
    const [exported, bad, unknown, negative] = await Promise.all([
      kizuna(['export', 'localities', '--format', 'csv'], cenv),
      kizuna(['import', 'agreements', join(dir, 'bad.csv')], cenv),
      kizuna(['no-such-command'], cenv),
      kizuna(['seed', '--synthetic', '-1'], cenv),
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.startsWith(CSV_BOM)).toBe(true);
    expect(bad.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(negative.code).toBe(2);
  });
});
