/** Invitations, delegations and members, the public list of participants, and the personal calendar feed. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  type AppEnv,
  clockOf,
  type Deps,
  ifMatchVersion,
  publicUrlOf,
  requireUser,
  signedIn,
} from '../../../http/context.ts';
import { json, jsonBody, readErrors, withEtag, writeErrors } from '../../shared/http.ts';
import { memberAgenda, presentAgenda } from '../agenda/agenda.ts';
import { agendaPdf } from '../files/agenda-pdf.ts';
import { acceptInvitation, viewInvitation } from './acceptInvitation.ts';
import { personalCalendar, renewCalendar } from './calendar.ts';
import { changeState } from './decide.ts';
import { inviteFromCsv } from './invite.ts';
import { addMember, delegationToEdit, removeMember, updateMember } from './members.ts';
import { getDelegation, listDelegations, publicParticipants, registrationsCsv } from './read.ts';
import {
  AcceptResult,
  AgendaQuery,
  CalendarLink,
  Delegation,
  DelegationState,
  DelegationUpdate,
  InvitationsInput,
  InvitationsResult,
  InvitationView,
  Member,
  MemberAgenda,
  MemberInput,
  MemberUpdate,
  PublicParticipants,
  StateChange,
} from './schemas.ts';
import { updateDelegation } from './update.ts';

const tags = ['Forum delegations'];
const Id = z.string().min(1).max(160);
const ForumParam = z.object({ id: Id });
const DelegationParam = z.object({ id: Id, delegationId: Id });
const MemberParam = z.object({ id: Id, delegationId: Id, memberId: Id });
const TokenParam = z.object({ token: z.string().min(1).max(200) });

export function delegationRoutes(deps: Deps) {
  const { db } = deps;
  const app = new OpenAPIHono<AppEnv>();
  const clock = clockOf(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/invitations',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Invite parties from a CSV (party, email, language): each gets a mail with a single-use link (organisers)',
      request: { params: ForumParam, body: jsonBody(InvitationsInput) },
      responses: { 201: json(InvitationsResult, 'Invited'), ...writeErrors },
    }),
    async (c) => {
      const { csv, expiresInDays } = c.req.valid('json');
      const out = await inviteFromCsv(db.db, clock, {
        forumId: c.req.valid('param').id,
        csv,
        expiresInDays,
        user: requireUser(c),
        publicUrl: publicUrlOf(deps),
      });
      return c.json(out, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/{token}',
      tags,
      summary: 'What an invitation link is for (the link is the secret)',
      request: { params: TokenParam },
      responses: { 200: json(InvitationView, 'The invitation'), ...readErrors },
    }),
    async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await viewInvitation(db.db, clock, c.req.valid('param').token), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      tags,
      summary:
        'Become head of the invited delegation: signed in, or (for an address without an account) with an account made and its one-time password mailed',
      request: { params: TokenParam },
      responses: { 200: json(AcceptResult, 'Accepted'), ...writeErrors, 410: json(z.object({}), 'Expired') },
    }),
    async (c) =>
      c.json(
        await acceptInvitation(db.db, clock, {
          token: c.req.valid('param').token,
          user: c.get('user'),
          publicUrl: publicUrlOf(deps),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/delegations',
      tags,
      middleware: [signedIn] as const,
      summary: 'The delegations with their members (organisers: all, with private fields; heads: their own)',
      request: { params: ForumParam, query: z.object({ state: DelegationState.optional() }) },
      responses: { 200: json(z.object({ items: z.array(Delegation) }), 'Delegations'), ...writeErrors },
    }),
    async (c) => {
      const { items } = await listDelegations(db.db, requireUser(c), c.req.valid('param').id);
      const { state } = c.req.valid('query');
      return c.json({ items: state ? items.filter((d) => d.state === state) : items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/registrations.csv',
      tags,
      middleware: [signedIn] as const,
      summary: 'Every registration, one line per member, as CSV (organisers)',
      request: { params: ForumParam },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        ...writeErrors,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      return c.body(await registrationsCsv(db.db, requireUser(c), id), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${id}-registrations.csv"`,
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/participants',
      tags,
      summary: 'The approved delegations and their members who consented to be listed',
      request: { params: ForumParam },
      responses: { 200: json(PublicParticipants, 'Participants'), ...readErrors },
    }),
    async (c) => c.json(await publicParticipants(db.db, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/delegations/{delegationId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'One delegation with its members (its head and the organisers)',
      request: { params: DelegationParam },
      responses: { 200: json(Delegation, 'The delegation'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      const d = await getDelegation(db.db, requireUser(c), id, delegationId);
      withEtag(c, d.version);
      return c.json(d, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/forums/{id}/delegations/{delegationId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a delegation: its language, note; its member limit (organisers) (If-Match)',
      request: { params: DelegationParam, body: jsonBody(DelegationUpdate) },
      responses: { 200: json(Delegation, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      const user = requireUser(c);
      await updateDelegation(db.db, clock, {
        forumId: id,
        delegationId,
        input: c.req.valid('json'),
        user,
        expectedVersion: ifMatchVersion(c),
      });
      const d = await getDelegation(db.db, user, id, delegationId);
      withEtag(c, d.version);
      return c.json(d, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/delegations/{delegationId}/state',
      tags,
      middleware: [signedIn] as const,
      summary:
        'Submit or withdraw (its head); approve, waitlist, decline or reopen (organisers). Past the capacity, approving waitlists (If-Match)',
      request: { params: DelegationParam, body: jsonBody(StateChange) },
      responses: {
        200: json(z.object({ state: DelegationState, promoted: z.array(z.string()) }), 'Changed'),
        ...writeErrors,
      },
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      const out = await changeState(db.db, clock, {
        forumId: id,
        delegationId,
        action: c.req.valid('json').action,
        user: requireUser(c),
        expectedVersion: ifMatchVersion(c),
      });
      return c.json(out, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/delegations/{delegationId}/members',
      tags,
      middleware: [signedIn] as const,
      summary: 'Register a member (its head or the organisers), within the member limit',
      request: { params: DelegationParam, body: jsonBody(MemberInput) },
      responses: { 201: json(Member, 'Registered'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId } = c.req.valid('param');
      const m = await addMember(
        { db: db.db, clock, user: requireUser(c), forumId: id, delegationId },
        c.req.valid('json'),
      );
      withEtag(c, m.version);
      return c.json(m, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/forums/{id}/delegations/{delegationId}/members/{memberId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Change a member (If-Match)',
      request: { params: MemberParam, body: jsonBody(MemberUpdate) },
      responses: { 200: json(Member, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId, memberId } = c.req.valid('param');
      const x = { db: db.db, clock, user: requireUser(c), forumId: id, delegationId };
      const m = await updateMember(x, memberId, c.req.valid('json'), ifMatchVersion(c));
      withEtag(c, m.version);
      return c.json(m, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forums/{id}/delegations/{delegationId}/members/{memberId}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Remove a member (If-Match)',
      request: { params: MemberParam },
      responses: { 200: json(z.object({ deleted: z.literal(true) }), 'Removed'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId, memberId } = c.req.valid('param');
      const x = { db: db.db, clock, user: requireUser(c), forumId: id, delegationId };
      await removeMember(x, memberId, ifMatchVersion(c));
      return c.json({ deleted: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forums/{id}/delegations/{delegationId}/members/{memberId}/calendar',
      tags,
      middleware: [signedIn] as const,
      summary: "A new secret address for the member's own calendar feed; the old one stops working",
      request: { params: MemberParam },
      responses: { 201: json(CalendarLink, 'The new address'), ...writeErrors },
    }),
    async (c) => {
      const { id, delegationId, memberId } = c.req.valid('param');
      const user = requireUser(c);
      await delegationToEdit(db.db, user, id, delegationId);
      c.header('cache-control', 'private, no-store');
      return c.json(
        await renewCalendar(db.db, clock, {
          user,
          forumId: id,
          delegationId,
          memberId,
          publicUrl: publicUrlOf(deps),
        }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/{file}',
      tags,
      summary: "A person's own agenda as iCalendar, at a secret address (`<token>.ics`) that can be renewed",
      request: {
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{1,200}\.ics$/, 'must be <token>.ics') }),
      },
      responses: {
        200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
        ...readErrors,
      },
    }),
    async (c) => {
      const { body, name } = await personalCalendar(db.db, c.req.valid('param').file);
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `inline; filename="${name}.ics"`,
        'cache-control': 'private, no-store',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forums/{id}/agenda/{file}',
      tags,
      summary:
        "A member's own agenda: `{personId}` as JSON, `{personId}.pdf` as an A4 PDF in their language (`?lang=` for another); for the forum's organisers, the delegation's head, and the member with their calendar secret (`?token=`)",
      request: {
        params: z.object({ id: Id, file: z.string().min(1).max(200) }),
        query: AgendaQuery,
      },
      responses: {
        200: {
          description: 'The agenda',
          content: {
            'application/json': { schema: MemberAgenda },
            'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const { id, file } = c.req.valid('param');
      const { lang, token } = c.req.valid('query');
      const pdf = file.endsWith('.pdf');
      const a = await memberAgenda(db.db, {
        forumId: id,
        personId: pdf ? file.slice(0, -4) : file,
        user: c.get('user') ?? undefined,
        token,
        lang,
      });
      c.header('cache-control', 'private, no-store');
      if (!pdf) return c.json(presentAgenda(a), 200);
      const bytes = await agendaPdf({
        programme: a.programme,
        forumTitle: a.programme?.forum.title ?? {},
        name: a.person.name,
        party: a.party.name,
        sessions: a.sessions,
        lang: a.language,
        date: new Date(a.programme?.release.publishedAt ?? 0),
      });
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="agenda-${a.language}.pdf"`,
      }) as never;
    },
  );

  return app;
}
