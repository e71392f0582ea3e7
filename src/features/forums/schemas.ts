/** Pure zod schemas of the forum API, shared by the server and the web app. Import nothing but zod here. */
import { z } from 'zod';
import { CallerActions } from '../shared/schemas.ts';

export const ForumLang = z.enum(['vi', 'ja', 'en']);
const Status = z.enum(['official', 'unofficial']);

/** A text per language, with translations marked (absent: written in that language). */
export const Texts = z
  .object({
    vi: z.string().trim().min(1).max(5000).optional(),
    ja: z.string().trim().min(1).max(5000).optional(),
    en: z.string().trim().min(1).max(5000).optional(),
    translation: z
      .object({ vi: Status.optional(), ja: Status.optional(), en: Status.optional() })
      .strict()
      .optional(),
  })
  .strict()
  .meta({
    id: 'Texts',
    description: 'A text per language; `translation` marks the languages that are translations.',
  });

export const ForumState = z.enum(['draft', 'open', 'closed', 'held', 'archived']);

export const ForumSource = z.object({ url: z.string(), publisher: z.string(), date: z.string() });

export const ForumSummary = z
  .object({
    id: z.string(),
    actions: CallerActions,
    acronym: z.string(),
    title: Texts,
    theme: Texts,
    hostCode: z.string().nullable(),
    zone: z.string(),
    firstDay: z.string(),
    lastDay: z.string(),
    state: ForumState,
    synthetic: z.boolean(),
    historical: z.boolean(),
    release: z.number().int().nullable().meta({ description: 'The latest published release, if any' }),
  })
  .meta({ id: 'ForumSummary' });

export const Forum = ForumSummary.extend({
  description: Texts,
  venue: Texts,
  languages: z.array(ForumLang),
  capacity: z.number().int().nullable(),
  delegationSize: z
    .number()
    .int()
    .meta({ description: 'Members a delegation may bring unless told otherwise' }),
  organisers: z.array(Texts),
  facts: z.array(z.object({ fact: z.string(), sources: z.array(z.string()) })),
  sources: z.record(z.string(), ForumSource),
  version: z.number().int(),
}).meta({ id: 'Forum' });

export const ForumList = z.object({ items: z.array(ForumSummary) }).meta({ id: 'ForumList' });

export const SessionKind = z.enum([
  'plenary',
  'thematic',
  'exhibition',
  'meetings',
  'ceremony',
  'visit',
  'break',
]);

export const ProgrammeSession = z.object({
  id: z.string(),
  kind: SessionKind,
  title: Texts,
  abstract: Texts.optional(),
  themes: z.array(z.string()),
  roomId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  precision: z.enum(['exact', 'part-of-day', 'day']),
  partOfDay: z.enum(['morning', 'afternoon', 'evening']).optional(),
  floorLanguage: ForumLang.nullable().optional(),
  interpretation: z.array(z.string()),
  speakerIds: z.array(z.string()),
  cancelled: z.boolean().optional(),
  sequence: z.number().int().optional(),
});

export const Programme = z
  .object({
    forumId: z.string(),
    release: z.object({ number: z.number().int(), publishedAt: z.string(), note: Texts.optional() }),
    rooms: z.array(
      z.object({
        id: z.string(),
        name: Texts,
        capacity: z.number().int().nullable().optional(),
        booths: z.array(z.string()).optional(),
      }),
    ),
    speakers: z.array(
      z.object({
        id: z.string(),
        name: z.object({ native: z.string().optional(), latin: z.string().optional() }),
        position: Texts.optional(),
        party: Texts.optional(),
      }),
    ),
    sessions: z.array(ProgrammeSession),
    sourcesOf: z
      .record(z.string(), z.array(z.string()))
      .meta({ description: 'Source ids per fact: `session:<id>`, `speaker:<id>`' }),
  })
  .meta({ id: 'Programme' });

export const LangQuery = z.object({ lang: ForumLang.default('en') });
