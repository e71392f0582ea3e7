/** fast-check arbitraries of exchange records, for property tests. */
import fc from 'fast-check';
import { SECTOR_CODES } from '../sectors.ts';
import type { ExchangeMilestone, ExchangeProject } from './exchange.ts';
import { ORIGIN_KINDS, PARTY_ROLES, PROJECT_LIFECYCLES } from './records.ts';
import { MILESTONE_STATUSES } from './rule.ts';

export const key = fc.stringMatching(/^[-=+@'A-Za-z0-9_.]{1,10}$/).filter((s) => s.trim() === s);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom('=SUM(A1)', "'=x", '"quoted", too', 'line\r\nbreak\nand\rmore', '\tTab', '-5', '@me', ' '),
);
const texts = fc.record({ vi: text, ja: text, en: text }, { requiredKeys: [] });
const date = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const pct = fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x + 0);
const weight = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.001, max: 1e6, noNaN: true }));
const sideReport = fc.constantFrom(...MILESTONE_STATUSES).chain((status) =>
  fc.record({
    status: fc.constant(status),
    progress: status === 'met' || status === 'cancelled' ? fc.option(pct, { nil: null }) : pct,
  }),
);

const milestoneArb = (sides: { vn: boolean; jp: boolean }): fc.Arbitrary<ExchangeMilestone> =>
  fc.record({
    id: fc.option(key, { nil: null }),
    externalId: key,
    title: texts.filter((t) => Object.keys(t).length > 0),
    due: date,
    weight,
    status: fc.constantFrom(...MILESTONE_STATUSES),
    metOn: fc.option(date, { nil: null }),
    evidence: fc.array(fc.webUrl(), { maxLength: 2 }),
    reports: fc
      .record(
        {
          vn: sides.vn ? sideReport : fc.constant(undefined),
          jp: sides.jp ? sideReport : fc.constant(undefined),
        },
        { requiredKeys: [] },
      )
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
  });

const projectArb: fc.Arbitrary<ExchangeProject> = fc
  .record({ vn: fc.option(date, { nil: undefined }), jp: fc.option(date, { nil: undefined }) })
  .chain((reported) =>
    fc.record({
      id: key,
      externalId: fc.option(key, { nil: null }),
      cycle: key,
      priorityField: fc.option(fc.constantFrom(...SECTOR_CODES), { nil: null }),
      lifecycle: fc.constantFrom(...PROJECT_LIFECYCLES),
      title: texts.filter((t) => Object.keys(t).length > 0),
      description: texts,
      parties: fc.array(fc.record({ role: fc.constantFrom(...PARTY_ROLES), ref: key }), { maxLength: 3 }),
      comesFrom: fc.array(fc.record({ kind: fc.constantFrom(...ORIGIN_KINDS), ref: key }), {
        maxLength: 3,
      }),
      plannedStart: fc.option(date, { nil: null }),
      plannedEnd: fc.option(date, { nil: null }),
      actualStart: fc.option(date, { nil: null }),
      actualEnd: fc.option(date, { nil: null }),
      weight,
      period: fc.option(key, { nil: null }),
      reportedOn: fc.constant(
        Object.fromEntries(
          Object.entries(reported).filter(([, v]) => v !== undefined),
        ) as ExchangeProject['reportedOn'],
      ),
      published: fc.option(
        fc.record({
          state: fc.constantFrom('agreed', 'disputed', 'oneSided', 'missing' as const),
          progress: fc.option(pct, { nil: null }),
          coverage: fc
            .tuple(fc.nat(50), fc.nat(50))
            .map(([a, b]) => ({ withData: Math.min(a, b), milestones: Math.max(a, b) })),
          rule: key,
        }),
        { nil: null },
      ),
      milestones: fc.array(milestoneArb({ vn: !!reported.vn, jp: !!reported.jp }), { maxLength: 4 }),
    }),
  );

/** Projects with keys unique across the file, as a real export's are. */
export const fileArb = fc.array(projectArb, { minLength: 1, maxLength: 4 }).map((ps) =>
  ps.map((p, i) => ({
    ...p,
    id: `${p.id}~p${i}`,
    externalId: p.externalId && `${p.externalId}~x${i}`,
    milestones: p.milestones.map((m, j) => ({
      ...m,
      id: m.id && `${m.id}~m${i}.${j}`,
      externalId: `${m.externalId}~y${i}.${j}`,
    })),
  })),
);
