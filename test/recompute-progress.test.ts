import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeExchangeCsv } from '../src/domain/progress/exchange.ts';
import { asPublished, recomputeFigure } from '../src/domain/progress/recompute.ts';
import { buildMilestone, buildProject } from '../src/domain/progress/testing.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'recompute-progress.ts'), ...args],
      { cwd: ROOT, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Two projects as an export would publish them: one disputed, one missing. */
function exported() {
  const disputed = buildProject({
    id: 'prj-1',
    period: '2026-H2',
    reportedOn: { vn: '2026-12-20', jp: '2026-12-28' },
    milestones: [
      buildMilestone({
        id: 'ms-1',
        weight: 2,
        reports: { vn: { status: 'met', progress: null }, jp: { status: 'partiallyMet', progress: 60 } },
      }),
      buildMilestone({
        id: 'ms-2',
        reports: { vn: { status: 'scheduled', progress: 30 }, jp: { status: 'scheduled', progress: 30 } },
      }),
    ],
  });
  const missing = buildProject({
    id: 'prj-2',
    externalId: 'JP27-0042',
    milestones: [buildMilestone({ id: 'ms-3' })],
  });
  return [disputed, missing].map((p) => ({ ...p, published: asPublished(recomputeFigure(p)) }));
}

describe('scripts/recompute-progress.ts', () => {
  it('recomputes every published figure of an export and finds them the same', async () => {
    const projects = exported();
    // vn: (100·2 + 30) / 3 = 76.67; jp: (60·2 + 30) / 3 = 50; disputed: the lower
    expect(projects[0].published).toEqual({
      state: 'disputed',
      progress: 50,
      coverage: { milestones: 2, withData: 2 },
      rule: 'progress/1',
    });
    const dir = await mkdtemp(join(tmpdir(), 'kizuna-recompute-'));
    const file = join(dir, 'projects.csv');
    await writeFile(file, writeExchangeCsv(projects));
    const r = await run([file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('prj-1\tdisputed 50 (2/2) progress/1\tsame\n');
    expect(r.stdout).toContain('prj-2\tmissing — (0/1) progress/1\tsame\n');
    expect(r.stdout).toContain(
      'all projects\t25 (2/3 milestones with data; 0 agreed, 1 disputed, 0 one-sided, 1 missing)',
    );
    expect(r.stdout).toContain('2 project(s), 0 published figure(s) differ');

    const json = await run([file, '--json']);
    expect(JSON.parse(json.stdout).projects[0].recomputed.progress).toBe(50);
  });

  it('recomputes the documented example exactly as docs/follow-through.md shows', async () => {
    const r = await run([join(ROOT, 'docs', 'examples', 'follow-through-projects.csv')]);
    expect(r.code).toBe(0);
    const docs = readFileSync(join(ROOT, 'docs', 'follow-through.md'), 'utf8');
    expect(docs).toContain(`\`\`\`\n${r.stdout}\`\`\``);
  });

  it('says which published figure differs, and exits 1', async () => {
    const projects = exported();
    projects[0].published = { ...projects[0].published!, state: 'agreed', progress: 63.3 };
    const dir = await mkdtemp(join(tmpdir(), 'kizuna-recompute-'));
    const file = join(dir, 'projects.csv');
    await writeFile(file, writeExchangeCsv(projects));
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'prj-1\tdisputed 50 (2/2) progress/1\tDIFFERS: state, progress\tpublished agreed 63.3 (2/2) progress/1\n',
    );
  });

  it('names the bad rows of a file it cannot read, and exits 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kizuna-recompute-'));
    const file = join(dir, 'bad.csv');
    const good = writeExchangeCsv(exported());
    await writeFile(file, good.replace('2026-12-20', '2026-13-01'));
    const r = await run([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${file}:2: vn_reported_on: "2026-13-01" is not a date YYYY-MM-DD\n`);
    expect((await run([])).code).toBe(2);
    expect((await run([join(dir, 'none.csv')])).stderr).toMatch(/none\.csv: cannot be read/);
  });
});
