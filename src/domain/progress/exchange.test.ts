import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../features/shared/csv.ts';
import { fileArb } from './arbitraries.ts';
import { EXCHANGE_COLUMNS, readExchangeCsv, writeExchangeCsv } from './exchange.ts';
import { escapeFormula, unescapeFormula } from './exchange-fields.ts';
import { buildMilestone, buildProject } from './testing.ts';

const header = EXCHANGE_COLUMNS.join(',');
/** A file from rows given as column → value (other columns empty). */
const file = (...rows: Record<string, string>[]) =>
  [header, ...rows.map((r) => EXCHANGE_COLUMNS.map((c) => r[c] ?? '').join(','))].join('\r\n');
const project = { kind: 'project', id: 'p1', cycle: 'c1', lifecycle: 'implementation', title_en: 'P' };
const milestone = { kind: 'milestone', id: 'm1', project: 'p1', title_en: 'M', due: '2027-01-31' };

describe('exchange CSV: writing', () => {
  it('writes a BOM, the header, a project row then its milestones, CRLF', () => {
    const text = writeExchangeCsv([
      buildProject({ milestones: [buildMilestone(), buildMilestone({ id: 'ms-2' })] }),
    ]);
    expect(text.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    const rows = parseCsv(text).slice(1);
    expect(rows.map((r) => [r.fields[0], r.fields[1]])).toEqual([
      ['project', 'prj-1'],
      ['milestone', 'ms-1'],
      ['milestone', 'ms-2'],
    ]);
    expect(rows[1].fields[EXCHANGE_COLUMNS.indexOf('project')]).toBe('prj-1');
  });

  it('makes formula-like text inert, and reading gives it back', () => {
    const p = buildProject({ title: { en: '=HYPERLINK("http://x","click")', vi: "'=already", ja: '@SUM' } });
    const text = writeExchangeCsv([p]);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(text).toContain(`''=already`);
    expect(text).toContain(`'@SUM`);
    const read = readExchangeCsv(text);
    expect(read.ok && read.projects[0].title).toEqual(p.title);
    for (const s of ['=1', "'=1", "''=1", "'x", 'x', "'", '-', "'\t"])
      expect(unescapeFormula(escapeFormula(s))).toBe(s);
  });
});

describe('exchange CSV: reading', () => {
  it('reads a minimal file, defaults weight and status, keys milestones on external_id', () => {
    const read = readExchangeCsv(
      file(
        { ...project, id: '', external_id: 'X-1' },
        { ...milestone, id: '', external_id: 'XM-1', project: 'X-1', vn_status: 'met' },
      ),
    );
    expect(read.ok).toBe(false); // vn_status without vn_reported_on
    const ok = readExchangeCsv(
      file(
        { ...project, id: '', external_id: 'X-1', vn_reported_on: '2026-12-20' },
        { ...milestone, id: '', external_id: 'XM-1', project: 'X-1', vn_status: 'met' },
      ),
    );
    expect(ok).toMatchObject({
      ok: true,
      projects: [
        {
          id: null,
          externalId: 'X-1',
          weight: 1,
          reportedOn: { vn: '2026-12-20' },
          milestones: [
            {
              externalId: 'XM-1',
              status: 'scheduled',
              weight: 1,
              reports: { vn: { status: 'met', progress: null } },
            },
          ],
        },
      ],
    });
  });

  it('names every bad field of every row, and gives nothing', () => {
    const read = readExchangeCsv(
      `${file(
        {
          ...project,
          lifecycle: 'finished',
          weight: '0',
          planned_start: '2026-02-30',
          parties: 'boss:VN-HANOI',
        },
        { ...project, id: 'p2', priority_field: 'space', title_en: '', due: '2027-01-01' },
        {
          ...milestone,
          due: '',
          vn_status: 'scheduled',
          vn_progress: '150',
          evidence: 'javascript:alert(1)',
        },
        { ...milestone, id: 'm2', project: 'nope', jp_progress: '20' },
        { kind: 'task' },
        { ...project, id: 'p3' },
        { ...project, id: 'p3' },
      )}\r\nproject,too,few`,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const named = read.problems.map((p) => `${p.line} ${p.column}`);
    expect(named).toEqual([
      '2 lifecycle',
      '2 planned_start',
      '2 parties',
      '2 weight',
      '3 due',
      '3 priority_field',
      '3 title_vi|ja|en',
      '4 due',
      '4 evidence',
      '4 vn_progress',
      '5 jp_status',
      '6 kind',
      '8 id',
      '9 (row)',
    ]);
    const reasons = Object.fromEntries(read.problems.map((p) => [`${p.line} ${p.column}`, p.reason]));
    expect(reasons['2 lifecycle']).toMatch(/"finished" is not one of pipeline, implementation/);
    expect(reasons['2 planned_start']).toBe('"2026-02-30" is not a date YYYY-MM-DD');
    expect(reasons['2 weight']).toBe('0 is not above 0');
    expect(reasons['2 parties']).toMatch(/"boss:VN-HANOI" should be KIND:REF/);
    expect(reasons['3 priority_field']).toMatch(/"space" is not one of/);
    expect(reasons['3 due']).toBe('is for milestone rows only; leave it empty');
    expect(reasons['3 title_vi|ja|en']).toMatch(/one is required/);
    expect(reasons['4 due']).toMatch(/is empty; a date/);
    expect(reasons['4 evidence']).toMatch(/not an http\(s\) link/);
    expect(reasons['4 vn_progress']).toBe('150 is above 100');
    expect(reasons['5 jp_status']).toBe('is empty, but jp_progress is given');
    expect(reasons['6 kind']).toBe('"task" is neither project nor milestone');
    expect(reasons['8 id']).toBe('"p3" is already used on line 7');
    expect(reasons['9 (row)']).toMatch(/has 3 fields/);
    // the milestone of a project that is not in the file is named too, once its own fields are good
    const orphan = readExchangeCsv(file(project, { ...milestone, project: 'nope' }));
    expect(!orphan.ok && orphan.problems).toEqual([
      {
        line: 3,
        column: 'project',
        reason: '"nope" is neither the id nor the external_id of a project in this file',
      },
    ]);
  });

  it('names a header that is not the format, and an unclosed quote', () => {
    const h = readExchangeCsv('kind,id,colour\r\nproject,p1,red');
    expect(!h.ok && h.problems.slice(0, 2)).toEqual([
      { line: 1, column: 'colour', reason: 'is not a column of the exchange format' },
      { line: 1, column: 'external_id', reason: 'is missing from the header' },
    ]);
    const q = readExchangeCsv(`${file(project)}\r\nproject,"p2`);
    expect(!q.ok && q.problems).toEqual([
      { line: 3, column: '(row)', reason: 'a quoted field is not closed' },
    ]);
    expect(readExchangeCsv('')).toEqual({
      ok: false,
      problems: [{ line: 1, column: '(file)', reason: 'is empty' }],
    });
    expect(readExchangeCsv(header)).toEqual({
      ok: false,
      problems: [{ line: 2, column: '(file)', reason: 'has no records' }],
    });
  });

  it('refuses a published figure that is only half there, and a too long field', () => {
    const r = readExchangeCsv(file({ ...project, state: 'agreed', progress: '50' }));
    expect(!r.ok && r.problems[0]).toMatchObject({ line: 2, column: 'coverage' });
    const long = readExchangeCsv(file({ ...project, title_en: 'x'.repeat(10_001) }));
    expect(!long.ok && long.problems[0]).toMatchObject({ column: 'title_en', reason: /longer than 10000/ });
  });

  it('accepts the optional published columns left out of the header', () => {
    const cols = EXCHANGE_COLUMNS.filter((c) => !['state', 'progress', 'coverage', 'rule'].includes(c));
    const row = (r: Record<string, string>) => cols.map((c) => r[c] ?? '').join(',');
    const read = readExchangeCsv([cols.join(','), row(project), row(milestone)].join('\n'));
    expect(read.ok && read.projects[0].milestones.length).toBe(1);
  });
});

describe('exchange CSV: round trip', () => {
  it('export then import changes nothing, and the text is stable', () => {
    fc.assert(
      fc.property(fileArb, (projects) => {
        const text = writeExchangeCsv(projects);
        const read = readExchangeCsv(text);
        if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
        expect(read.projects).toEqual(projects);
        expect(writeExchangeCsv(read.projects)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
