/**
 * Delegations, invitations and members: the forms of the organiser and of a head of delegation,
 * and what the API answers. Pure zod, shared with the web app. Every free text and list has a
 * limit: these are what an invited stranger could otherwise grow.
 */
import { z } from 'zod';
import { ForumLang, Texts } from '../schemas.ts';

export const DelegationState = z.enum([
  'invited',
  'submitted',
  'approved',
  'waitlisted',
  'declined',
  'withdrawn',
]);
export const DelegationAction = z.enum(['submit', 'approve', 'waitlist', 'decline', 'withdraw', 'reopen']);

/** At most this many members in any delegation, whatever the organiser sets. */
export const MAX_MEMBERS = 200;
/** The largest invitation CSV accepted (characters), besides its 5,000 rows. */
export const MAX_CSV_CHARS = 900_000;

export const InvitationsInput = z
  .object({
    csv: z.string().min(1).max(MAX_CSV_CHARS).meta({
      description: 'CSV with the columns party, email, language (vi, ja or en), a header line first',
    }),
    expiresInDays: z.number().int().min(1).max(90).default(30),
  })
  .strict()
  .meta({ id: 'InvitationsInput' });

export const InvitationsResult = z
  .object({
    invited: z.number().int(),
    delegations: z.array(z.object({ id: z.string(), party: z.string() })),
  })
  .meta({ id: 'InvitationsResult' });

export const InvitationView = z
  .object({
    forumId: z.string(),
    forumTitle: Texts,
    party: z.object({ id: z.string(), name: Texts }),
    email: z.string(),
    language: ForumLang,
    expiresAt: z.string(),
    state: z.enum(['open', 'used', 'expired']),
  })
  .meta({ id: 'Invitation' });

export const AcceptResult = z
  .object({
    forumId: z.string(),
    delegationId: z.string(),
    account: z.enum(['signed-in', 'created']).meta({
      description:
        '`created`: an account was made for the invited address; its one-time password went by mail',
    }),
  })
  .meta({ id: 'InvitationAccepted' });

const NamePart = z
  .object({ native: z.string().trim().min(1).max(100).optional(), latin: z.string().trim().min(1).max(100) })
  .strict();

export const MemberName = z
  .object({
    family: NamePart,
    given: NamePart,
    order: z
      .enum(['family-first', 'given-first'])
      .default('family-first')
      .meta({ description: 'Family name first is the custom in Vietnam and Japan' }),
  })
  .strict();

const Iso6391 = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as vi, ja, en');

const MemberFields = z.object({
  name: MemberName,
  position: Texts.optional(),
  languages: z.array(Iso6391).max(10).optional(),
  email: z.email().max(254).nullable().optional().meta({ description: 'Private' }),
  language: ForumLang.nullable().optional().meta({ description: 'The language of their mail and agenda' }),
  dietary: z.string().trim().max(500).nullable().optional().meta({ description: 'Private: organisers only' }),
  accessibility: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .optional()
    .meta({ description: 'Private: organisers only' }),
  listed: z
    .boolean()
    .default(false)
    .meta({ description: 'Consent to appear in the public list of participants' }),
  agenda: z
    .array(z.string().max(120))
    .max(100)
    .optional()
    .meta({ description: 'Sessions the member attends' }),
});

export const MemberInput = MemberFields.strict().meta({ id: 'MemberInput' });
export const MemberUpdate = MemberFields.partial().strict().meta({ id: 'MemberUpdate' });

export const Member = z
  .object({
    id: z.string(),
    name: z.object({ native: z.string().nullable(), latin: z.string().nullable() }),
    nameParts: MemberName,
    position: Texts,
    languages: z.array(z.string()),
    email: z.string().nullable(),
    language: ForumLang.nullable(),
    dietary: z.string().nullable(),
    accessibility: z.string().nullable(),
    listed: z.boolean(),
    agenda: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'Member' });

export const Delegation = z
  .object({
    id: z.string(),
    forumId: z.string(),
    party: z.object({ type: z.enum(['locality', 'organization']), id: z.string(), name: Texts }),
    state: DelegationState,
    language: ForumLang,
    contactEmail: z.string(),
    headUserId: z.string().nullable(),
    memberLimit: z.number().int(),
    note: Texts,
    members: z.array(Member),
    version: z.number().int(),
  })
  .meta({ id: 'Delegation' });

export const DelegationUpdate = z
  .object({
    language: ForumLang.optional(),
    note: Texts.optional(),
    memberLimit: z
      .number()
      .int()
      .min(1)
      .max(MAX_MEMBERS)
      .nullable()
      .optional()
      .meta({ description: 'Organisers only' }),
  })
  .strict()
  .meta({ id: 'DelegationUpdate' });

export const StateChange = z
  .object({ action: DelegationAction })
  .strict()
  .meta({ id: 'DelegationStateChange' });

export const PublicParticipants = z
  .object({
    items: z.array(
      z.object({
        delegationId: z.string(),
        party: z.object({ id: z.string(), name: Texts }),
        members: z.array(
          z.object({
            name: z.object({ native: z.string().nullable(), latin: z.string().nullable() }),
            position: Texts,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PublicParticipants' });

export const CalendarLink = z
  .object({
    url: z
      .string()
      .meta({ description: 'The secret address of the calendar feed; renewing it ends the old one' }),
  })
  .meta({ id: 'CalendarLink' });

/** A member's own agenda, as its page shows it (`GET /api/forums/{id}/agenda/{personId}`). */
export const MemberAgenda = z
  .object({
    forum: z.object({ id: z.string(), title: Texts, zone: z.string(), synthetic: z.boolean() }).nullable(),
    release: z.object({ number: z.number().int(), publishedAt: z.string() }).nullable(),
    member: z.object({
      id: z.string(),
      delegationId: z.string(),
      name: z.object({ native: z.string().nullable(), latin: z.string().nullable() }),
      party: z.object({ id: z.string(), name: Texts }),
      language: ForumLang,
    }),
    sessions: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        title: Texts,
        start: z.string(),
        end: z.string(),
        precision: z.enum(['exact', 'part-of-day', 'day']),
        partOfDay: z.enum(['morning', 'afternoon', 'evening']).nullable(),
        room: Texts.nullable(),
        cancelled: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'MemberAgenda' });

export const AgendaQuery = z.object({
  lang: ForumLang.optional().meta({ description: "The agenda's language; the member's own by default" }),
  token: z.string().max(200).optional().meta({
    description: "The secret of the member's calendar address: lets the member read without signing in",
  }),
});
