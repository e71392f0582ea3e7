import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { ProjectLifecycle } from '../../domain/progress/records.ts';
import type { MilestoneStatus, Side } from '../../domain/progress/rule.ts';
import { SECTOR_CODES, sectorLabel } from '../../domain/sectors.ts';
import { recordChange } from '../audit/service.ts';
import { createMilestone, createProject } from '../followthrough/projects.ts';

/**
 * `kizuna seed --demo-follow-through`: a synthetic follow-through cycle, marked synthetic on the
 * cycle and every project, so that the dashboard shows each of its states. 40 localities (20 on
 * each side) name their priority fields; 100 projects between them, each with 3–5 milestones and
 * the reports of two half-years from both sides: agreed, disputed (by value, by status, and one
 * settled by a corrected version), one-sided from either side, missing. Everything is derived
 * from the project's number: the same database gets the same records every time.
 */

export const DEMO_CYCLE_ID = 'demo-ft-2026';
export const DEMO_PROJECTS = 100;
export const DEMO_LOCALITIES_PER_SIDE = 20;
const PERIODS = [
  { id: '2026-H1', startsOn: '2026-01-01', endsOn: '2026-06-30' },
  { id: '2026-H2', startsOn: '2026-07-01', endsOn: '2026-12-31' },
  { id: '2027-H1', startsOn: '2027-01-01', endsOn: '2027-06-30' },
  { id: '2027-H2', startsOn: '2027-07-01', endsOn: '2027-12-31' },
];
/** The two periods reported on, and the day each side's report was submitted. */
const REPORTED = [
  { period: '2026-H1', vn: '2026-07-08T02:00:00.000Z', jp: '2026-07-10T01:00:00.000Z' },
  { period: '2026-H2', vn: '2026-12-02T02:00:00.000Z', jp: '2026-12-03T01:00:00.000Z' },
];

export type DemoScenario =
  | 'agreed'
  | 'disputedValue'
  | 'disputedStatus'
  | 'vnOnly'
  | 'jpOnly'
  | 'missing'
  | 'corrected';

/** What project `i` shows: four in ten agreed, two disputed, two one-sided, one missing, one corrected. */
export function scenarioOf(i: number): DemoScenario {
  return (
    [
      'agreed',
      'agreed',
      'agreed',
      'agreed',
      'disputedValue',
      'disputedStatus',
      'vnOnly',
      'jpOnly',
      'missing',
      'corrected',
    ] as const
  )[i % 10];
}

function lifecycleOf(i: number): ProjectLifecycle {
  if (i % 20 === 19) return 'cancelled';
  if (i % 20 === 13) return 'pipeline';
  if (i % 25 === 24) return 'suspended';
  if (i % 33 === 32) return 'closed';
  if (i % 17 === 16) return 'finalisation';
  return 'implementation';
}

const pad = (n: number) => String(n).padStart(3, '0');
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

export interface DemoResult {
  added: boolean;
  localities: number;
  priorityFields: number;
  projects: number;
  milestones: number;
  reports: number;
}

/** Adds the demo cycle; when it is there already, adds nothing and says so (`added: false`). */
export async function seedDemoFollowThrough(
  db: Kysely<Database>,
  { onProgress }: { onProgress?: (done: number, total: number) => void } = {},
): Promise<DemoResult> {
  const none = { localities: 0, priorityFields: 0, projects: 0, milestones: 0, reports: 0 };
  const existing = await db
    .selectFrom('ft_cycles')
    .select('id')
    .where('id', '=', DEMO_CYCLE_ID)
    .executeTakeFirst();
  if (existing) return { added: false, ...none };
  const rows = await db
    .selectFrom('localities')
    .select(['code', 'country', 'kind'])
    .where('kind', 'in', ['province', 'city', 'prefecture'])
    .orderBy('code')
    .execute();
  const spread = (xs: string[]) => {
    if (xs.length < DEMO_LOCALITIES_PER_SIDE)
      throw new Error(
        `the demo needs ${DEMO_LOCALITIES_PER_SIDE} provinces or prefectures on each side; load the reference data first (kizuna seed)`,
      );
    const step = xs.length / DEMO_LOCALITIES_PER_SIDE;
    return Array.from({ length: DEMO_LOCALITIES_PER_SIDE }, (_, k) => xs[Math.floor(k * step)]);
  };
  const vn = spread(rows.filter((r) => r.country === 'VN').map((r) => r.code));
  const jp = spread(rows.filter((r) => r.country === 'JP').map((r) => r.code));
  const localities = [...vn, ...jp];
  const sectorsOf = (k: number) =>
    k % 2 === 0
      ? [SECTOR_CODES[(k * 5) % SECTOR_CODES.length], SECTOR_CODES[(k * 5 + 3) % SECTOR_CODES.length]]
      : [SECTOR_CODES[(k * 5) % SECTOR_CODES.length]];
  const now = '2026-01-05T00:00:00.000Z';
  const out = { ...none, localities: localities.length };

  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('ft_cycles')
      .values({
        id: DEMO_CYCLE_ID,
        forum_id: null,
        title: JSON.stringify({
          en: 'Synthetic follow-through cycle 2026–2027 (demo)',
          vi: 'Chu kỳ theo dõi mô phỏng 2026–2027 (minh họa)',
          ja: '模擬フォローアップ期間 2026~2027年(デモ)',
        }),
        starts_on: '2026-01-01',
        ends_on: '2027-12-31',
        period_months: 6,
        periods: JSON.stringify(PERIODS),
        limits: JSON.stringify({ priorityFields: { min: 1, max: 2 }, projects: { min: 2, max: 3 } }),
        synthetic: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const fields = localities.flatMap((code, k) =>
      sectorsOf(k).map((sector, rank) => ({
        cycle_id: DEMO_CYCLE_ID,
        locality_code: code,
        sector,
        rank: rank + 1,
        meaning: JSON.stringify({
          en: `Synthetic: ${sectorLabel(sector, 'en')} as a priority of this locality (demo data).`,
          vi: `Mô phỏng: ${sectorLabel(sector, 'vi')} là lĩnh vực ưu tiên của địa phương (dữ liệu minh họa).`,
          ja: `模擬:${sectorLabel(sector, 'ja')}をこの自治体の重点分野とする(デモデータ)。`,
        }),
        updated_at: now,
      })),
    );
    await tx.insertInto('ft_priority_fields').values(fields).execute();
    out.priorityFields = fields.length;

    for (let i = 0; i < DEMO_PROJECTS; i++) {
      const n = pad(i + 1);
      const v = i % DEMO_LOCALITIES_PER_SIDE;
      const j = (i * 3 + Math.floor(i / DEMO_LOCALITIES_PER_SIDE)) % DEMO_LOCALITIES_PER_SIDE;
      const vnLead = i % 2 === 0;
      const lead = vnLead ? vn[v] : jp[j];
      const sector = sectorsOf(vnLead ? v : DEMO_LOCALITIES_PER_SIDE + j)[0];
      const id = `demo-ft-prj-${n}`;
      const start = addDays('2026-01-15', (i % 6) * 10);
      await createProject(tx, {
        cycleId: DEMO_CYCLE_ID,
        id,
        synthetic: true,
        user: null,
        input: {
          externalId: `DEMO-${n}`,
          priorityField: { locality: lead, sector },
          title: {
            en: `Synthetic project ${n}: ${sectorLabel(sector, 'en')}`,
            vi: `Dự án mô phỏng ${n}: ${sectorLabel(sector, 'vi')}`,
            ja: `模擬事業${n}:${sectorLabel(sector, 'ja')}`,
          },
          description: {
            en: 'Synthetic record for the follow-through demo; not a real project.',
            vi: 'Bản ghi mô phỏng để minh họa việc theo dõi thực hiện; không phải dự án có thật.',
            ja: 'フォローアップのデモ用の模擬データです。実在の事業ではありません。',
          },
          lifecycle: lifecycleOf(i),
          parties: [
            { role: 'lead', locality: lead },
            { role: 'partner', locality: vnLead ? jp[j] : vn[v] },
          ],
          origins:
            i >= 60
              ? [
                  {
                    kind: 'project',
                    ref: `demo-ft-prj-${pad(i - 59)}`,
                    outcome: { en: 'Continues the earlier project (synthetic).' },
                  },
                ]
              : [],
          contacts: [],
          plannedStart: start,
          plannedEnd: '2027-12-31',
          actualStart: lifecycleOf(i) === 'pipeline' ? null : start,
          actualEnd: null,
          weight: 1 + (i % 3 === 0 ? 1 : 0),
        },
      });
      const count = 3 + (i % 3);
      const milestones: { id: string; status: MilestoneStatus }[] = [];
      for (let m = 0; m < count; m++) {
        // Due every four months from spring 2026, shifted per project: some passed, some near, some far.
        const due = addDays('2026-03-31', m * 122 + (i % 5) * 15);
        // Most milestones past their date were met; every fourth project let them slip (late), as do
        // the projects whose sides disagree on the figures (so that there is a figure to disagree on).
        const status: MilestoneStatus =
          lifecycleOf(i) === 'cancelled'
            ? 'cancelled'
            : due < '2026-11-30' && i % 4 !== 1 && !['disputedValue', 'corrected'].includes(scenarioOf(i))
              ? 'met'
              : 'scheduled';
        const mid = `demo-ft-ms-${n}-${m + 1}`;
        await createMilestone(tx, {
          projectId: id,
          id: mid,
          user: null,
          input: {
            externalId: null,
            title: {
              en: `Synthetic milestone ${m + 1}`,
              vi: `Mốc mô phỏng ${m + 1}`,
              ja: `模擬マイルストーン${m + 1}`,
            },
            dueOn: due,
            weight: m === 0 ? 2 : 1,
            status,
            metOn: status === 'met' ? due : null,
          },
        });
        milestones.push({ id: mid, status });
        out.milestones++;
      }
      out.reports += await insertReports(tx, i, id, milestones);
      out.projects++;
      onProgress?.(i + 1, DEMO_PROJECTS);
    }
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: null,
        action: 'create',
        entityType: 'cycle',
        entityId: DEMO_CYCLE_ID,
        before: null,
        after: { synthetic: true, demo: true, ...out },
      },
    });
  });
  return { added: true, ...out };
}

/** The two periods' reports of project `i`, as its scenario says; returns how many were written. */
async function insertReports(
  tx: Kysely<Database>,
  i: number,
  projectId: string,
  milestones: { id: string; status: MilestoneStatus }[],
): Promise<number> {
  const scenario = scenarioOf(i);
  let written = 0;
  for (const [k, r] of REPORTED.entries()) {
    const base = (m: number) => clamp(20 + k * 30 + ((i * 7 + m * 13) % 30));
    const lines = (side: Side, variant: 'same' | 'value' | 'status') =>
      milestones
        .filter((m) => m.status !== 'cancelled')
        .map((m, idx) => {
          let status: MilestoneStatus = m.status === 'met' ? 'met' : k === 1 ? 'partiallyMet' : 'scheduled';
          let progress = status === 'met' ? 100 : base(idx) + (side === 'jp' ? (i % 5) - 2 : 0);
          // The Japanese side sees every open milestone 45 points behind.
          if (side === 'jp' && status !== 'met' && variant === 'value') progress = clamp(progress - 45);
          // …or calls the first milestone not met.
          if (side === 'jp' && idx === 0 && variant === 'status') {
            status = 'notMet';
            progress = 60;
          }
          return {
            milestone: m.id,
            status,
            progress: clamp(progress),
            comment:
              idx === 0
                ? side === 'vn'
                  ? { vi: 'Nhận xét mô phỏng của phía Việt Nam.' }
                  : { ja: '日本側の模擬コメント。' }
                : {},
          };
        });
    const insert = async (side: Side, version: number, variant: 'same' | 'value' | 'status') => {
      const at = r[side];
      await tx
        .insertInto('ft_reports')
        .values({
          id: `demo-ft-rep-${pad(i + 1)}-${r.period}-${side}-${version}`,
          project_id: projectId,
          period_id: r.period,
          side,
          version,
          state: 'submitted',
          text: JSON.stringify(
            side === 'vn'
              ? { vi: { text: '<p>Báo cáo mô phỏng (dữ liệu minh họa).</p>', status: 'original' } }
              : { ja: { text: '<p>模擬報告(デモデータ)。</p>', status: 'original' } },
          ),
          milestones: JSON.stringify(lines(side, variant)),
          author_id: null,
          created_at: at,
          updated_at: at,
          submitted_at: at,
        })
        .execute();
      written++;
    };
    // The first period: everyone who reports at all agrees (a history to compare with).
    const first = k === 0;
    switch (scenario) {
      case 'agreed':
        await insert('vn', 1, 'same');
        await insert('jp', 1, 'same');
        break;
      case 'disputedValue':
        await insert('vn', 1, 'same');
        await insert('jp', 1, first ? 'same' : 'value');
        break;
      case 'disputedStatus':
        await insert('vn', 1, 'same');
        await insert('jp', 1, first ? 'same' : 'status');
        break;
      case 'vnOnly':
        await insert('vn', 1, 'same');
        break;
      case 'jpOnly':
        await insert('jp', 1, 'same');
        break;
      case 'missing':
        break;
      case 'corrected':
        // The Japanese side first disagreed, then corrected its report: version 2 agrees.
        await insert('vn', 1, 'same');
        await insert('jp', 1, first ? 'same' : 'value');
        if (!first) await insert('jp', 2, 'same');
        break;
    }
  }
  return written;
}
