/**
 * The organiser invites parties from a CSV (party, email, language). The whole file is checked
 * first (every bad row named with its line and column); then, in one transaction, each party gets
 * its delegation (state `invited`) and an invitation whose single-use link goes by mail in the
 * invitee's language. A party already invited is invited again (a new link; the old one keeps
 * working until it expires or is used); a party that has registered already is a row error.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.ts';
import type { Texts } from '../../../domain/forum/model.ts';
import { AppError, type FieldError } from '../../../errors.ts';
import { type Clock, isoNow } from '../../../platform/clock.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import { newSecret, secretHash } from '../../accounts/passwords.ts';
import type { User } from '../../accounts/schemas.ts';
import { actorOf, forumScope, recordChange } from '../../audit/service.ts';
import { parseCsv } from '../../shared/csv.ts';
import { parseJson } from '../../shared/json.ts';
import { forumToEdit } from '../editing/access.ts';
import { parseInvitations } from '../invitations-csv.ts';
import { invitationMail } from '../mails.ts';
import { delegationsRepo, invitationsRepo, partyNames } from './repository.ts';

type Q = Kysely<Database>;

/** The parties a CSV names, looked up once: code or id → canonical id (locality codes in any case). */
async function knownParties(db: Q, csv: string) {
  let raw: string[] = [];
  try {
    raw = parseCsv(csv)
      .slice(1)
      .flatMap((r) => r.fields.map((f) => f.trim()))
      .filter((f) => f.length > 0 && f.length <= 100);
  } catch {
    // parseInvitations names the unreadable line.
  }
  const candidates = [...new Set(raw.flatMap((v) => [v, v.toUpperCase()]))];
  const found = await partyNames(db, candidates);
  const byKey = new Map<string, string>();
  for (const id of found.keys()) byKey.set(id.toLowerCase(), id);
  return { lookup: (code: string) => byKey.get(code.toLowerCase()) ?? null, found };
}

export async function inviteFromCsv(
  db: Q,
  clock: Clock,
  {
    forumId,
    csv,
    expiresInDays,
    user,
    publicUrl,
  }: { forumId: string; csv: string; expiresInDays: number; user: User; publicUrl: string },
) {
  const forum = await forumToEdit(db, forumId, user);
  const { lookup, found } = await knownParties(db, csv);
  const { rows, errors } = parseInvitations(csv, lookup);
  const existing = new Map(
    (
      await delegationsRepo.ofParties(
        db,
        forumId,
        rows.map((r) => r.party),
      )
    ).map((d) => [d.party_id, d]),
  );
  const fieldErrors: FieldError[] = errors.map((e) => ({
    path: `csv.${e.line}${e.column ? `.${e.column}` : ''}`,
    message: e.value !== undefined ? `${e.code}: ${e.value}` : e.code,
    code: e.code,
  }));
  for (const r of rows) {
    const d = existing.get(r.party);
    if (d && d.state !== 'invited')
      fieldErrors.push({
        path: `csv.${r.line}.party`,
        message: `${r.party} has registered already (${d.state})`,
        code: 'invitation.party_registered',
      });
  }
  if (fieldErrors.length)
    throw new AppError(
      'validation.invalid',
      `the invitation list has ${fieldErrors.length} problem(s); nothing was sent: ${fieldErrors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`,
      fieldErrors.slice(0, 200),
    );
  const now = isoNow(clock);
  const expiresAt = new Date(clock.now().getTime() + expiresInDays * 86_400_000).toISOString();
  const title = parseJson<Texts>(forum.title, {});
  return db.transaction().execute(async (tx) => {
    const out: { id: string; party: string }[] = [];
    for (const r of rows) {
      let id = existing.get(r.party)?.id;
      if (!id) {
        id = `${forumId}.d-${randomUUID().slice(0, 8)}`;
        await delegationsRepo.insert(tx, {
          id,
          forum_id: forumId,
          party_type: found.get(r.party)!.type,
          party_id: r.party,
          state: 'invited',
          language: r.lang,
          contact_email: r.email,
          created_at: now,
          updated_at: now,
        });
      }
      const token = newSecret('inv');
      await invitationsRepo.insert(tx, {
        id: randomUUID(),
        forum_id: forumId,
        delegation_id: id,
        email: r.email,
        language: r.lang,
        token_hash: secretHash(token),
        expires_at: expiresAt,
        created_by: user.id,
        created_at: now,
      });
      await queueMail(tx, clock, {
        to: r.email,
        language: r.lang,
        template: invitationMail,
        params: {
          forum: title,
          party: found.get(r.party)!.name,
          url: `${publicUrl}/invitations/${token}`,
          expires: expiresAt,
        },
      });
      out.push({ id, party: r.party });
    }
    await recordChange(tx, {
      scopes: [forumScope(forumId)],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'invitation',
        entityId: forumId,
        before: null,
        after: { parties: out.map((o) => o.party), expiresAt },
      },
    });
    return { invited: out.length, delegations: out };
  });
}
