import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileArb } from './arbitraries.ts';
import { readExchangeCsv, writeExchangeCsv } from './exchange.ts';
import { diffExchange } from './exchange-diff.ts';
import { buildMilestone, buildProject } from './testing.ts';

const current = [
  buildProject({
    id: 'prj-1',
    externalId: 'OSK-14',
    milestones: [buildMilestone({ id: 'ms-1', externalId: 'OSK-14-a' }), buildMilestone({ id: 'ms-2' })],
  }),
  buildProject({ id: 'prj-2', milestones: [] }),
];

describe('exchange CSV: dry run', () => {
  it('names what would be added and which fields updated; reports and figures are not compared', () => {
    const incoming = [
      buildProject({
        id: null,
        externalId: 'OSK-14',
        title: { en: 'Smart rice farming, phase 1' },
        parties: [...current[0].parties].reverse(), // the same set in another order
        reportedOn: { vn: '2026-12-20' },
        published: {
          state: 'oneSided',
          progress: 10,
          coverage: { milestones: 2, withData: 1 },
          rule: 'progress/1',
        },
        milestones: [
          buildMilestone({
            id: null,
            externalId: 'OSK-14-a',
            reports: { vn: { status: 'met', progress: null } },
          }),
          buildMilestone({ id: 'ms-2', due: '2027-01-31', weight: 2 }),
          buildMilestone({ id: null, externalId: 'OSK-14-c' }),
        ],
      }),
      buildProject({
        id: null,
        externalId: 'NEW-1',
        milestones: [buildMilestone({ id: null, externalId: 'NEW-1-a' })],
      }),
    ];
    expect(diffExchange(current, incoming)).toEqual({
      ok: true,
      projects: [
        {
          action: 'update',
          key: 'OSK-14',
          id: 'prj-1',
          fields: ['title'],
          milestones: [
            { action: 'unchanged', key: 'OSK-14-a', id: 'ms-1' },
            { action: 'update', key: 'ms-2', id: 'ms-2', fields: ['due', 'weight'] },
            { action: 'add', key: 'OSK-14-c' },
          ],
        },
        { action: 'add', key: 'NEW-1', milestones: [{ action: 'add', key: 'NEW-1-a' }] },
      ],
    });
  });

  it('names every id that is not one of ours, and an ambiguous external_id', () => {
    const twins = [...current, buildProject({ id: 'prj-3', externalId: 'OSK-14', milestones: [] })];
    const incoming = [
      buildProject({ id: 'prj-9', milestones: [] }),
      buildProject({ id: 'prj-2', milestones: [buildMilestone({ id: 'ms-1' })] }),
      buildProject({ id: null, externalId: 'OSK-14', milestones: [] }),
    ];
    expect(diffExchange(twins, incoming)).toEqual({
      ok: false,
      problems: [
        { key: 'prj-9', column: 'id', reason: '"prj-9" is not the id of a project of this cycle' },
        { key: 'ms-1', column: 'id', reason: '"ms-1" is not the id of a milestone of project prj-2' },
        {
          key: 'OSK-14',
          column: 'external_id',
          reason: '"OSK-14" is the external_id of 2 records; give the id',
        },
      ],
    });
  });

  it('an export read back changes nothing; one changed field is exactly what the dry run names', () => {
    fc.assert(
      fc.property(fileArb, fc.nat(), (projects, pick) => {
        const read = readExchangeCsv(writeExchangeCsv(projects));
        if (!read.ok) throw new Error('unreadable');
        const same = diffExchange(projects, read.projects);
        expect(
          same.ok &&
            same.projects.every(
              (p) => p.action === 'unchanged' && p.milestones.every((m) => m.action === 'unchanged'),
            ),
        ).toBe(true);
        const i = pick % projects.length;
        const edited = read.projects.map((p, j) => (j === i ? { ...p, weight: p.weight + 1 } : p));
        const one = diffExchange(projects, edited);
        expect(
          one.ok &&
            one.projects
              .filter((p) => p.action !== 'unchanged')
              .map((p) => p.action === 'update' && p.fields),
        ).toEqual([['weight']]);
      }),
      { numRuns: 50 },
    );
  });
});
