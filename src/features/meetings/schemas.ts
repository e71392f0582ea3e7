/**
 * Bilateral meetings at a forum: requests, the organiser's setup (settings, blocks, interpreters,
 * presence), runs, the schedule and outcomes. Pure zod, shared with the web app. Every free text
 * and list has a limit: these are what a stranger could otherwise grow.
 */
import { z } from 'zod';
import { isSectorCode } from '../../domain/sectors.ts';

const Lang = z.enum(['vi', 'ja', 'en']);
const Instant = z.iso.datetime({ offset: true });
const Id = z.string().min(1).max(160);

export const Priority = z.enum(['must', 'would_like']);
export const RequestState = z.enum(['pending', 'accepted', 'declined', 'cancelled', 'expired']);
export const NextStep = z.enum(['none', 'keep_talking', 'prepare_agreement', 'agreement_signed']);

const Topics = z
  .array(z.string().refine(isSectorCode, 'not a sector code of the taxonomy'))
  .max(10, 'at most 10 topics');

/** A free text with the language it is written in (an original: Kizuna does not translate it). */
export const LangText = z.object({ text: z.string().trim().max(2000), lang: Lang }).strict();

export const RequestInput = z
  .object({
    fromDelegationId: Id,
    toDelegationId: Id,
    message: LangText,
    topics: Topics.default([]),
    priority: Priority.default('would_like'),
  })
  .strict()
  .meta({ id: 'MeetingRequestInput' });

export const AnswerInput = z
  .object({
    answer: z.enum(['accept', 'decline']),
    reason: LangText.optional(),
  })
  .strict()
  .meta({ id: 'MeetingRequestAnswer' });

export const RequestOrganiserUpdate = z
  .object({
    required: z.boolean().optional(),
    fixedSlot: z.string().max(40).nullable().optional(),
  })
  .strict()
  .meta({ id: 'MeetingRequestOrganiserUpdate' });

const PartyOut = z.object({
  delegationId: z.string(),
  partyId: z.string(),
  name: z.record(z.string(), z.string()),
  country: z.string().nullable(),
});

export const MeetingRequest = z
  .object({
    id: z.string(),
    forumId: z.string(),
    from: PartyOut,
    to: PartyOut,
    message: LangText.extend({ original: z.literal(true) }),
    topics: z.array(z.string()),
    priority: Priority,
    state: RequestState,
    reason: LangText.nullable(),
    required: z.boolean(),
    fixedSlot: z.string().nullable(),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'MeetingRequest' });

export const PartnersQuery = z.object({
  sector: z.string().max(60).optional(),
  country: z.enum(['VN', 'JP']).optional(),
});

export const Partner = z
  .object({
    party: PartyOut,
    score: z.number(),
    reasons: z.array(z.unknown()),
    /** The request between the two, if any (either direction). */
    request: z
      .object({ id: z.string(), state: RequestState, direction: z.enum(['sent', 'received']) })
      .nullable(),
  })
  .meta({ id: 'MeetingPartner' });

export const Settings = z
  .object({
    requestLimit: z.number().int().min(0).max(200),
    crossCountryOnly: z.boolean(),
    maxMeetings: z.number().int().min(0).max(200).nullable(),
    seed: z.number().int().min(0).max(2_147_483_647),
    timeLimitS: z.number().int().min(1).max(600),
  })
  .strict()
  .meta({ id: 'MeetingSettings' });

export const DEFAULT_SETTINGS: z.infer<typeof Settings> = {
  requestLimit: 20,
  crossCountryOnly: true,
  maxMeetings: null,
  seed: 1,
  timeLimitS: 30,
};

export const BlockInput = z
  .object({
    startAt: Instant,
    slotMinutes: z.number().int().min(5).max(240),
    slots: z.number().int().min(1).max(100),
    tables: z.number().int().min(1).max(500),
  })
  .strict()
  .meta({ id: 'MeetingBlockInput' });

export const Block = BlockInput.extend({ id: z.string() }).meta({ id: 'MeetingBlock' });

const SpanSchema = z.object({ from: Instant, to: Instant }).strict();

export const InterpreterInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320).nullable().default(null),
    language: Lang.default('en'),
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code'))
      .min(2)
      .max(10),
    unavailable: z.array(SpanSchema).max(50).default([]),
  })
  .strict()
  .meta({ id: 'MeetingInterpreterInput' });

export const Interpreter = InterpreterInput.extend({ id: z.string() }).meta({ id: 'MeetingInterpreter' });

export const PresenceInput = z
  .object({ arrivesAt: Instant.nullable(), leavesAt: Instant.nullable() })
  .strict()
  .meta({ id: 'MeetingPresence' });

export const RunInput = z
  .object({
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    timeLimitS: z.number().int().min(1).max(600).optional(),
  })
  .strict()
  .meta({ id: 'MeetingRunInput' });

export const MoveInput = z
  .object({
    meeting: Id,
    slot: z.string().max(40).nullable(),
    table: z.number().int().min(1).max(500).optional(),
    interpreter: Id.optional(),
  })
  .strict()
  .meta({ id: 'MeetingMove' });

export const LockInput = z.object({ meeting: Id, locked: z.boolean() }).strict().meta({ id: 'MeetingLock' });

export const OutcomeInput = z
  .object({
    delegationId: Id,
    held: z.boolean(),
    nextStep: NextStep,
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'MeetingOutcomeInput' });

export const ScheduleView = z.enum(['slot', 'table', 'delegation', 'interpreter']);
