import { z } from 'zod';
import { ORIGIN_KINDS, PARTY_ROLES, PROJECT_LIFECYCLES } from '../../domain/progress/records.ts';
import { MILESTONE_STATUSES, SIDES } from '../../domain/progress/rule.ts';
import { SECTOR_CODES } from '../../domain/sectors.ts';
import { LocalizedName, LocalizedText, LongLocalizedText } from '../shared/schemas.ts';

/** Follow-through's request and answer schemas (../shared/specs/follow-through.md). */

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real date');

const Key = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only');

export const Side = z.enum(SIDES);
export const Sector = z.enum(SECTOR_CODES as unknown as [string, ...string[]]);
const Lang = z.enum(['vi', 'ja', 'en']);

export const Period = z.object({ id: Key, startsOn: IsoDate, endsOn: IsoDate }).strict();

const Range = z
  .object({ min: z.number().int().min(0).max(20), max: z.number().int().min(0).max(20) })
  .strict();

export const CycleInput = z
  .object({
    id: Key,
    forumId: z.string().min(1).max(100).nullable().default(null),
    title: LocalizedName,
    startsOn: IsoDate,
    endsOn: IsoDate,
    periodMonths: z.number().int().min(1).max(24),
    periods: z.array(Period).min(1).max(48),
    limits: z
      .object({ priorityFields: Range, projects: Range })
      .strict()
      .default({ priorityFields: { min: 1, max: 2 }, projects: { min: 2, max: 3 } }),
  })
  .strict();
export type CycleInput = z.infer<typeof CycleInput>;

export const PriorityFieldsInput = z
  .object({
    fields: z
      .array(z.object({ sector: Sector, meaning: LongLocalizedText.default({}) }).strict())
      .max(5, 'at most 5 priority fields (1–2 is the rule; more is a warning)'),
  })
  .strict();

export const PartyInput = z
  .object({
    role: z.enum(PARTY_ROLES),
    locality: z.string().min(1).max(100).optional(),
    organization: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((p) => Boolean(p.locality) !== Boolean(p.organization), {
    message: 'give either locality or organization',
  });

export const OriginInput = z
  .object({
    kind: z.enum(ORIGIN_KINDS),
    ref: z.string().min(1).max(200),
    outcome: LongLocalizedText.default({}),
  })
  .strict();

export const ContactInput = z.object({ side: Side, email: z.email().max(254), language: Lang }).strict();

export const ProjectInput = z
  .object({
    externalId: Key.nullable().default(null),
    priorityField: z
      .object({ locality: z.string().min(1).max(100), sector: Sector })
      .strict()
      .nullable()
      .default(null),
    title: LocalizedName,
    description: LongLocalizedText.default({}),
    lifecycle: z.enum(PROJECT_LIFECYCLES).default('pipeline'),
    parties: z.array(PartyInput).min(1).max(20),
    origins: z.array(OriginInput).max(20).default([]),
    contacts: z.array(ContactInput).max(20).default([]),
    plannedStart: IsoDate.nullable().default(null),
    plannedEnd: IsoDate.nullable().default(null),
    actualStart: IsoDate.nullable().default(null),
    actualEnd: IsoDate.nullable().default(null),
    weight: z.number().positive().max(1000).default(1),
  })
  .strict();
export type ProjectInput = z.infer<typeof ProjectInput>;

export const MilestoneInput = z
  .object({
    externalId: Key.nullable().default(null),
    title: LocalizedName,
    dueOn: IsoDate,
    weight: z.number().positive().max(1000).default(1),
    status: z.enum(MILESTONE_STATUSES).default('scheduled'),
    metOn: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((m) => m.status === 'met' || m.metOn === null, {
    message: 'only a met milestone has a date it was met',
    path: ['metOn'],
  });
export type MilestoneInput = z.infer<typeof MilestoneInput>;

export const EvidenceInput = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
    title: LocalizedText.default({}),
  })
  .strict();

export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const TranslationStatus = z.enum(['original', 'officialTranslation', 'unofficialTranslation']);
const ReportText = z.object({ text: z.string().max(20_000), status: TranslationStatus }).strict();

export const ReportInput = z
  .object({
    period: Key,
    side: Side,
    state: z.enum(['draft', 'submitted']),
    text: z
      .object({ vi: ReportText.optional(), ja: ReportText.optional(), en: ReportText.optional() })
      .strict()
      .default({}),
    milestones: z
      .array(
        z
          .object({
            milestone: z.string().min(1).max(100),
            status: z.enum(MILESTONE_STATUSES),
            progress: z.number().min(0).max(100),
            comment: LongLocalizedText.default({}),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
export type ReportInput = z.infer<typeof ReportInput>;

export const NoteInput = z
  .object({ side: Side, period: Key.nullable().default(null), text: LongLocalizedText })
  .strict()
  .refine((n) => Boolean(n.text.vi || n.text.ja || n.text.en), {
    message: 'write the note in at least one of vi, ja, en',
    path: ['text'],
  });

export const PeriodQuery = z.object({ period: Key.optional() });

// Answers: what the routes send, so that the web app's types come from here.
const Texts = z
  .object({ vi: z.string().optional(), ja: z.string().optional(), en: z.string().optional() })
  .meta({ id: 'FollowThroughTexts' });
const ProjectState = z.enum(['agreed', 'disputed', 'oneSided', 'missing']);
const Health = z.enum(['onTrack', 'atRisk', 'late']);
const Coverage = z.object({ milestones: z.number().int(), withData: z.number().int() });
const RollUpFigure = z.object({
  progress: z.number().nullable(),
  coverage: Coverage.extend({
    projects: z.number().int(),
    states: z.record(ProjectState, z.number().int()),
  }),
  rule: z.string(),
});

export const CycleRecord = z
  .object({
    id: z.string(),
    forumId: z.string().nullable(),
    title: Texts,
    startsOn: z.string(),
    endsOn: z.string(),
    periodMonths: z.number().int(),
    periods: z.array(z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string() })),
    limits: z.object({
      priorityFields: z.object({ min: z.number(), max: z.number() }),
      projects: z.object({ min: z.number(), max: z.number() }),
    }),
    synthetic: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'FollowThroughCycleRecord' });
export const CycleList = z.object({ items: z.array(CycleRecord) });

export const PriorityFieldView = z.object({
  locality: z.string(),
  sector: z.string(),
  rank: z.number().int(),
  meaning: z.record(z.string(), z.string()),
});

const PartyView = z.object({
  role: z.enum(PARTY_ROLES),
  side: Side,
  locality: z.string().nullable(),
  organization: z.string().nullable(),
  name: Texts,
});

const SideFigure = z.object({
  progress: z.number().nullable(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  coverage: Coverage,
});
const DisputeSide = z.object({ status: z.string().nullable(), value: z.number().nullable() });
export const PublishedFigure = z
  .object({
    period: z.string(),
    state: ProjectState,
    progress: z.number().nullable(),
    sides: z.object({ vn: SideFigure.optional(), jp: SideFigure.optional() }),
    coverage: Coverage,
    disputes: z.array(
      z.object({ milestone: z.string(), vn: DisputeSide, jp: DisputeSide, gap: z.number().nullable() }),
    ),
    rule: z.string(),
  })
  .meta({ id: 'FollowThroughFigure' });

export const Cycle = z
  .object({
    cycle: CycleRecord,
    period: z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string() }),
    rule: z.string(),
    today: z.string(),
    total: RollUpFigure,
    byField: z.record(z.string(), RollUpFigure),
    byLocality: z.record(z.string(), RollUpFigure),
    localities: z.record(
      z.string(),
      z.object({ priorityFields: z.array(PriorityFieldView), projects: z.number().int() }),
    ),
    counts: z.object({
      byField: z.record(z.string(), z.number().int()),
      byLifecycle: z.record(z.string(), z.number().int()),
      byState: z.record(z.string(), z.number().int()),
      byHealth: z.record(z.string(), z.number().int()),
    }),
    projects: z.array(
      z.object({
        id: z.string(),
        externalId: z.string().nullable(),
        title: Texts,
        priorityField: z.object({ locality: z.string(), sector: z.string() }).nullable(),
        lifecycle: z.enum(PROJECT_LIFECYCLES),
        parties: z.array(PartyView),
        state: ProjectState,
        progress: z.number().nullable(),
        coverage: Coverage,
        sides: PublishedFigure.shape.sides,
        health: Health,
        rule: z.string(),
      }),
    ),
  })
  .meta({ id: 'FollowThroughCycle' });

const EvidenceView = z.object({
  id: z.string(),
  url: z.string().nullable(),
  file: z.string().nullable(),
  title: Texts,
  createdAt: z.string(),
});
export const Milestone = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    title: Texts,
    dueOn: z.string(),
    weight: z.number(),
    status: z.enum(MILESTONE_STATUSES),
    metOn: z.string().nullable(),
    evidence: z.array(EvidenceView),
    version: z.number().int(),
  })
  .meta({ id: 'FollowThroughMilestone' });

export const Report = z
  .object({
    id: z.string(),
    projectId: z.string(),
    period: z.string(),
    side: Side,
    version: z.number().int(),
    state: z.enum(['draft', 'submitted']),
    submittedAt: z.string().nullable(),
    milestones: z.array(
      z.object({
        milestone: z.string(),
        status: z.enum(MILESTONE_STATUSES),
        progress: z.number(),
        comment: z.record(z.string(), z.string()),
      }),
    ),
    text: z.record(z.string(), z.object({ text: z.string(), status: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FollowThroughReport' });
export const ReportList = z.object({ items: z.array(Report) });

const Origin = z.object({
  kind: z.enum(ORIGIN_KINDS),
  ref: z.string(),
  outcome: Texts,
  agreement: z
    .object({ id: z.string(), title: Texts, status: z.string(), signedOn: z.string().nullable() })
    .nullable()
    .optional(),
  project: z.object({ id: z.string(), title: Texts }).nullable().optional(),
});

export const Project = z
  .object({
    id: z.string(),
    cycle: z.object({
      id: z.string(),
      title: Texts,
      periods: z.array(z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string() })),
    }),
    externalId: z.string().nullable(),
    priorityField: z.object({ locality: z.string(), sector: z.string() }).nullable(),
    title: Texts,
    description: Texts,
    lifecycle: z.enum(PROJECT_LIFECYCLES),
    parties: z.array(PartyView),
    origins: z.array(Origin),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    weight: z.number(),
    milestones: z.array(Milestone),
    synthetic: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
    actions: z.object({ update: z.boolean(), reportAs: z.array(Side) }).optional(),
    contacts: z.array(z.object({ side: z.string(), email: z.string(), language: z.string() })).optional(),
    health: z.object({ health: Health, reasons: z.array(z.unknown()) }),
    figures: z.array(PublishedFigure),
    reports: z.array(Report),
  })
  .meta({ id: 'FollowThroughProject' });

export const Note = z.object({
  id: z.string(),
  side: z.string(),
  period: z.string().nullable(),
  text: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export const NoteList = z.object({ items: z.array(Note) });
export const SavedReport = z.object({ report: Report, figure: PublishedFigure });
export const ProjectFigures = PublishedFigure;
export const ImportResult = z.record(z.string(), z.unknown());
