/**
 * The organiser's forms: a forum, its rooms, speakers and sessions, a release. Pure zod, shared
 * with the web app (import nothing but zod and the forum's read schemas here). Every text has a
 * length limit and every list a size limit: these are what a stranger could otherwise grow.
 */
import { z } from 'zod';
import { ForumLang, ForumState, SessionKind, Texts } from '../schemas.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD');
const Instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'An instant with its offset (ISO 8601)' });
/** At least one language written. */
const Named = Texts.refine((t) => Boolean(t.vi || t.ja || t.en), {
  message: 'write it in at least one language',
});
/** An interpretation pair the booths carry or a session offers: `vi>ja`; `en` alone is an English relay. */
export const InterpretationPair = z
  .string()
  .regex(/^(vi|ja|en)>(vi|ja|en)$|^en$/, 'must be a pair such as vi>ja, or en for an English relay')
  .refine((p) => p.length !== 5 || p.slice(0, 2) !== p.slice(3), 'the two languages must differ');

const unique = <T>(items: T[]) => new Set(items).size === items.length;

const ForumFields = z.object({
  acronym: z.string().trim().min(2).max(40),
  title: Named,
  theme: Texts.optional(),
  description: Texts.optional(),
  venue: Texts.optional(),
  hostCode: z.string().trim().min(1).max(40).nullable().optional(),
  zone: z.string().min(1).max(60).meta({ description: 'IANA time zone, e.g. Asia/Ho_Chi_Minh' }),
  firstDay: Day,
  lastDay: Day,
  languages: z.array(ForumLang).min(1).max(3).refine(unique, 'each language once'),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  delegationSize: z
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Members a delegation may bring unless its own limit says otherwise' }),
  organisers: z.array(Named).max(20).optional().meta({ description: 'The organising bodies, as named' }),
});

const daysInOrder = (v: { firstDay?: string; lastDay?: string }, ctx: z.RefinementCtx) => {
  if (v.firstDay && v.lastDay && v.lastDay < v.firstDay)
    ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'the last day is before the first' });
};

export const ForumCreate = ForumFields.extend({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'lower-case letters, digits and hyphens, 2 to 60')
    .meta({ description: 'The stable address of the forum (`vjlcf-2026`)' }),
})
  .strict()
  .superRefine(daysInOrder)
  .meta({ id: 'ForumCreate' });

export const ForumUpdate = ForumFields.partial()
  .extend({ state: ForumState.optional() })
  .strict()
  .superRefine(daysInOrder)
  .meta({ id: 'ForumUpdate' });

export const RoomInput = z
  .object({
    name: Named,
    capacity: z.number().int().min(1).max(100_000).nullable().optional(),
    booths: z.array(InterpretationPair).max(12).refine(unique, 'each pair once').optional(),
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .meta({ id: 'RoomInput' });
export const RoomUpdate = RoomInput.partial().strict().meta({ id: 'RoomUpdate' });

export const Room = z
  .object({
    id: z.string(),
    name: Texts,
    capacity: z.number().int().nullable(),
    booths: z.array(z.string()),
    sort: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Room' });

const PersonName = z
  .object({
    native: z.string().trim().min(1).max(200).optional(),
    latin: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((n) => Boolean(n.native || n.latin), {
    message: 'give the name in its own script or in Latin letters',
  });

export const SpeakerInput = z
  .object({
    name: PersonName,
    position: Texts.optional(),
    party: Texts.optional(),
    email: z
      .email()
      .max(254)
      .nullable()
      .optional()
      .meta({ description: 'Private: for the notices of changes' }),
    language: ForumLang.nullable().optional().meta({ description: 'The language of the mail they get' }),
  })
  .strict()
  .meta({ id: 'SpeakerInput' });
export const SpeakerUpdate = SpeakerInput.partial().strict().meta({ id: 'SpeakerUpdate' });

export const Speaker = z
  .object({
    id: z.string(),
    name: z.object({ native: z.string().optional(), latin: z.string().optional() }),
    position: Texts,
    party: Texts,
    email: z.string().nullable(),
    language: ForumLang.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Speaker' });

const SessionFields = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'lower-case letters, digits and hyphens')
    .optional()
    .meta({ description: 'Part of the stable id (`<forum>.<slug>`); made up when not given' }),
  kind: SessionKind,
  title: Named,
  abstract: Texts.optional(),
  themes: z.array(z.string().max(40)).max(10).refine(unique, 'each theme once').optional(),
  roomId: z.string().max(120).nullable().optional(),
  start: Instant,
  end: Instant,
  floorLanguage: ForumLang.nullable().optional(),
  interpretation: z.array(InterpretationPair).max(6).refine(unique, 'each pair once').optional(),
  speakerIds: z.array(z.string().max(120)).max(30).refine(unique, 'each speaker once').optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  cancelled: z.boolean().optional(),
});

export const SessionInput = SessionFields.strict().meta({ id: 'SessionInput' });
export const SessionUpdate = SessionFields.omit({ slug: true })
  .partial()
  .strict()
  .meta({ id: 'SessionUpdate' });

export const DraftSession = z
  .object({
    id: z.string(),
    kind: SessionKind,
    title: Texts,
    abstract: Texts,
    themes: z.array(z.string()),
    roomId: z.string().nullable(),
    start: z.string(),
    end: z.string(),
    precision: z.string(),
    floorLanguage: ForumLang.nullable(),
    interpretation: z.array(z.string()),
    speakerIds: z.array(z.string()),
    capacity: z.number().int().nullable(),
    cancelled: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'DraftSession' });

export const DraftProgramme = z
  .object({
    forumId: z.string(),
    rooms: z.array(Room),
    speakers: z.array(Speaker),
    sessions: z.array(DraftSession),
    conflicts: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'Broken programme rules, if any' }),
  })
  .meta({ id: 'DraftProgramme' });

export const ReleaseInput = z.object({ note: Texts.optional() }).strict().meta({ id: 'ReleaseInput' });

export const ReleaseResult = z
  .object({
    number: z.number().int(),
    changes: z.array(z.record(z.string(), z.unknown())),
    told: z.number().int().meta({ description: 'How many people were sent a notice' }),
  })
  .meta({ id: 'ReleaseResult' });
