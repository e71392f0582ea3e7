import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { blankDb, ENGINES } from '../../../test/support/db.ts';
import { buildAccount, problemCode } from '../../../test/support/factories.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { type Action, can, type Principal, type RecordRef } from './policy.ts';
import type { Grant } from './schemas.ts';

const FORUM = 'vjlcf-2025';

const grant = (role: Grant['role'], recordType: Grant['recordType'], recordId: string): Grant => ({
  id: `u:${role}:${recordType}:${recordId}`,
  role,
  recordType,
  recordId,
  grantedBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const editor = (...grants: Grant[]): Principal => ({ role: 'editor', grants });

describe('the policy, can(user, action, record)', () => {
  const localities = ['VN-HANOI', 'VN-DA-NANG', 'JP-27', 'JP-27-SAKAI', 'JP-13'];
  const records = fc.oneof(
    fc.constantFrom(...localities).map((code): RecordRef => ({ type: 'locality', code })),
    fc
      .tuple(fc.constantFrom('org-1', 'org-2'), fc.constantFrom(...localities))
      .map(([id, localityCode]): RecordRef => ({ type: 'organization', id, localityCode })),
    fc
      .uniqueArray(fc.constantFrom(...localities, 'org-1', 'org-2'), { maxLength: 4 })
      .map((partyKeys): RecordRef => ({ type: 'agreement', partyKeys })),
    fc.constantFrom('f-1', 'f-2').map((id): RecordRef => ({ type: 'forum', id })),
  );
  const actions = fc.constantFrom<Action>('update', 'delete', 'grant', 'interpret');
  const grants = fc.array(
    fc.oneof(
      fc.constantFrom(...localities).map((c) => grant('editor', 'locality', c)),
      fc.constantFrom('org-1', 'org-2').map((c) => grant('editor', 'organization', c)),
      fc
        .tuple(fc.constantFrom<Grant['role']>('organiser', 'interpreter'), fc.constantFrom('f-1', 'f-2'))
        .map(([r, f]) => grant(r, 'forum', f)),
    ),
    { maxLength: 4 },
  );

  it('lets an admin do everything, and nobody without a grant do anything', () => {
    fc.assert(
      fc.property(records, actions, (record, action) => {
        expect(can({ role: 'admin', grants: [] }, action, record)).toBe(true);
        expect(can(editor(), action, record)).toBe(false);
        expect(can(null, action, record)).toBe(false);
        expect(can({ role: 'admin', grants: [], disabled: true }, action, record)).toBe(false);
      }),
    );
  });

  it('never lets a grant on one record act on a record it does not reach', () => {
    fc.assert(
      fc.property(grants, records, actions, (gs, record, action) => {
        const allowed = can(editor(...gs), action, record);
        // Whatever is allowed is allowed by one of the grants alone: grants add, never combine.
        expect(allowed).toBe(gs.some((g) => can(editor(g), action, record)));
        // More grants never take a permission away.
        for (const extra of gs) expect(!allowed || can(editor(...gs, extra), action, record)).toBe(true);
      }),
    );
  });

  it('reaches a prefecture’s cities, the organisations based there and their agreements', () => {
    const osaka = editor(grant('editor', 'locality', 'JP-27'));
    expect(can(osaka, 'update', { type: 'locality', code: 'JP-27-SAKAI' })).toBe(true);
    expect(can(osaka, 'update', { type: 'locality', code: 'JP-13' })).toBe(false);
    expect(can(osaka, 'delete', { type: 'locality', code: 'JP-27' })).toBe(false);
    expect(can(osaka, 'delete', { type: 'organization', id: 'x', localityCode: 'JP-27-SAKAI' })).toBe(true);
    expect(can(osaka, 'update', { type: 'agreement', partyKeys: ['VN-HANOI', 'JP-27'] })).toBe(true);
    expect(can(osaka, 'update', { type: 'forum', id: 'f-1' })).toBe(false);
  });

  it('lets a forum’s organiser run that forum only, and an interpreter change nothing', () => {
    const organiser = editor(grant('organiser', 'forum', 'f-1'));
    expect(can(organiser, 'update', { type: 'forum', id: 'f-1' })).toBe(true);
    expect(can(organiser, 'grant', { type: 'forum', id: 'f-1' })).toBe(true);
    expect(can(organiser, 'update', { type: 'forum', id: 'f-2' })).toBe(false);
    expect(can(organiser, 'update', { type: 'locality', code: 'VN-HANOI' })).toBe(false);
    const interpreter = editor(grant('interpreter', 'forum', 'f-1'));
    expect(can(interpreter, 'interpret', { type: 'forum', id: 'f-1' })).toBe(true);
    for (const action of ['update', 'delete', 'grant'] as const)
      expect(can(interpreter, action, { type: 'forum', id: 'f-1' })).toBe(false);
  });
});

describe.each(ENGINES)('migration 0008 on %s: scopes become grants', (engine) => {
  it('turns every editor scope into an editor grant, keeping unknown ones, and drops the column', async () => {
    const db = await blankDb(engine);
    try {
      await migrateTo(db, '0007_forums');
      const q = db.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
      await q
        .insertInto('localities')
        .values({
          code: 'VN-HANOI',
          country: 'VN',
          kind: 'province',
          name_en: 'Hanoi',
          name_vi: 'Hà Nội',
          name_ja: 'ハノイ',
          parent_code: null,
          created_at: '2025-01-01T00:00:00.000Z',
          updated_at: '2025-01-01T00:00:00.000Z',
        })
        .execute();
      const user = (id: string, role: string, scopes: string) => ({
        id,
        email: `${id}@example.org`,
        password_hash: 'x',
        role,
        scopes,
        must_change_password: 0,
        disabled: 0,
        version: 1,
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
      });
      await q
        .insertInto('users')
        .values([
          user('u-editor', 'editor', '["VN-HANOI","org-123","VN-HANOI","JP-99"]'),
          user('u-admin', 'admin', '["VN-HANOI"]'),
          user('u-broken', 'editor', 'not json'),
        ])
        .execute();
      await migrateToLatest(db);
      const grants = await db.db
        .selectFrom('grants')
        .select(['user_id', 'role', 'record_type', 'record_id'])
        .orderBy('record_id')
        .execute();
      expect(grants).toEqual([
        { user_id: 'u-editor', role: 'editor', record_type: 'locality', record_id: 'JP-99' },
        { user_id: 'u-editor', role: 'editor', record_type: 'locality', record_id: 'VN-HANOI' },
        { user_id: 'u-editor', role: 'editor', record_type: 'organization', record_id: 'org-123' },
      ]);
      const columns = Object.keys(
        (await db.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()) ?? {},
      );
      expect(columns).not.toContain('scopes');
    } finally {
      await db.drop();
    }
  });
});

describe.each(ENGINES)('roles per record over HTTP on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  beforeAll(async () => {
    t = await testApp(engine, { seed: true });
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  const give = (headers: Record<string, string>, body: unknown) =>
    t.req('/api/grants', { method: 'POST', headers, body });

  it('an admin names a forum’s organiser, who names its interpreters and nothing else', async () => {
    const organiser = await t.signIn('editor', ['VN-HANOI']);
    const given = await give(admin.headers, {
      userId: organiser.id,
      role: 'organiser',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(given.status).toBe(201);
    const me = await (await t.req('/api/auth/me', { headers: organiser.headers })).json();
    expect(me.user.grants.map((g: Grant) => `${g.role} ${g.recordType} ${g.recordId}`)).toEqual([
      `organiser forum ${FORUM}`,
      'editor locality VN-HANOI',
    ]);

    const other = await buildAccount(t, 'editor', ['VN-DA-NANG']);
    const interpreter = await give(organiser.headers, {
      email: other.email.toUpperCase(),
      role: 'interpreter',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(interpreter.status).toBe(201);
    const again = await give(organiser.headers, {
      email: other.email,
      role: 'interpreter',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(again.status).toBe(409);
    expect(await problemCode(again)).toBe('grant.exists');

    // An organiser gives the forum's roles only: not a locality's editor role.
    const locality = await give(organiser.headers, {
      email: other.email,
      role: 'editor',
      recordType: 'locality',
      recordId: 'VN-HANOI',
    });
    expect(locality.status).toBe(403);
    // Somebody without a role on the forum gives none of its roles.
    const stranger = await t.signIn('editor', ['VN-HANOI']);
    const refused = await give(stranger.headers, {
      email: other.email,
      role: 'organiser',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(refused.status).toBe(403);

    const holders = await (
      await t.req(`/api/grants?recordType=forum&recordId=${FORUM}`, { headers: organiser.headers })
    ).json();
    expect(holders.items.map((h: { email: string; role: string }) => `${h.role} ${h.email}`).sort()).toEqual(
      [`interpreter ${other.email}`, `organiser ${organiser.email}`].sort(),
    );
    expect(
      (await t.req(`/api/grants?recordType=forum&recordId=${FORUM}`, { headers: stranger.headers })).status,
    ).toBe(403);

    // The organiser cannot leave the forum without an organiser; an admin can.
    const own = (await given.json()).id as string;
    const leave = await t.req(`/api/grants/${encodeURIComponent(own)}`, {
      method: 'DELETE',
      headers: organiser.headers,
    });
    expect(leave.status).toBe(409);
    expect(await problemCode(leave)).toBe('grant.last_organiser');
    const taken = await t.req(`/api/grants/${encodeURIComponent(own)}`, {
      method: 'DELETE',
      headers: admin.headers,
    });
    expect(taken.status).toBe(204);
    const audit = await (await t.req('/api/audit?entityType=grant', { headers: admin.headers })).json();
    expect(
      audit.items.map((e: { action: string; entityId: string }) => `${e.action} ${e.entityId}`),
    ).toContain(`delete ${own}`);
  });

  it('refuses grants that name nothing, fit no record or go to an admin, naming the field', async () => {
    const account = await buildAccount(t, 'editor', ['VN-HANOI']);
    const unknown = await give(admin.headers, {
      userId: account.id,
      role: 'organiser',
      recordType: 'forum',
      recordId: 'no-such-forum',
    });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors[0].path).toBe('grant.0.recordId');
    const misfit = await give(admin.headers, {
      userId: account.id,
      role: 'organiser',
      recordType: 'locality',
      recordId: 'VN-HANOI',
    });
    expect(misfit.status).toBe(400);
    const both = await give(admin.headers, {
      userId: account.id,
      email: account.email,
      role: 'interpreter',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(both.status).toBe(400);
    const toAdmin = await give(admin.headers, {
      userId: admin.id,
      role: 'interpreter',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(toAdmin.status).toBe(400);
    const nobody = await give(admin.headers, {
      email: 'nobody@example.org',
      role: 'interpreter',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(nobody.status).toBe(404);
    expect((await t.req('/api/grants', { method: 'POST', body: {} })).status).toBe(401);
  });

  it('answers which of these records the caller may change, never from the shared cache', async () => {
    const list = await (await t.req('/api/agreements?limit=100')).json();
    const ids: string[] = list.items.map((a: { id: string }) => a.id);
    const hanoi = list.items
      .filter((a: { parties: { code: string }[] }) => a.parties.some((p) => p.code === 'VN-HANOI'))
      .map((a: { id: string }) => a.id);
    const editorOfHanoi = await t.signIn('editor', ['VN-HANOI']);
    const asked = `/api/permissions?type=agreement&action=update&ids=${ids.join(',')}`;
    const answer = await t.req(asked, { headers: editorOfHanoi.headers });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toContain('no-store');
    expect(((await answer.json()).ids as string[]).sort()).toEqual([...hanoi].sort());
    expect((await (await t.req(asked, { headers: admin.headers })).json()).ids.length).toBe(ids.length);
    expect((await (await t.req(asked)).json()).ids).toEqual([]);
    const many = Array.from({ length: 201 }, (_, i) => `id-${i}`).join(',');
    expect((await t.req(`/api/permissions?type=agreement&ids=${many}`)).status).toBe(400);
    expect((await t.req('/api/permissions?type=planet&ids=x')).status).toBe(400);
  });

  it('carries what the caller may do on each record of an answer, and nothing for a visitor', async () => {
    const hanoi = await t.signIn('editor', ['VN-HANOI']);
    const own = await (await t.req('/api/localities/VN-HANOI', { headers: hanoi.headers })).json();
    expect(own.actions).toEqual(['update']);
    const foreign = await t.req('/api/localities/JP-13', { headers: hanoi.headers });
    expect(foreign.headers.get('cache-control')).toContain('no-store');
    expect((await foreign.json()).actions).toEqual([]);
    const visitor = await (await t.req('/api/localities/VN-HANOI')).json();
    expect(visitor).not.toHaveProperty('actions');
    // The visitor's answer was cached: a signed-in read after it still gets its own actions.
    expect(
      (await (await t.req('/api/localities/VN-HANOI', { headers: admin.headers })).json()).actions,
    ).toEqual(['update', 'delete', 'grant']);
    // A signed-in read is not cached for the visitor who comes next.
    expect(await (await t.req('/api/localities/VN-HANOI')).json()).not.toHaveProperty('actions');

    const list = await (
      await t.req('/api/agreements?locality=VN-HANOI&limit=5', { headers: hanoi.headers })
    ).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const a of list.items) expect(a.actions).toEqual(['update', 'delete']);
    const others = await (
      await t.req('/api/agreements?locality=JP-01&limit=5', { headers: hanoi.headers })
    ).json();
    for (const a of others.items)
      expect(a.actions).toEqual(
        a.parties.some((p: { code: string }) => p.code === 'VN-HANOI') ? ['update', 'delete'] : [],
      );
    const profile = await (await t.req('/api/profiles/VN-HANOI', { headers: hanoi.headers })).json();
    expect(profile.actions).toEqual(['update']);
    const forum = await (await t.req('/api/forums/vjlcf-2025', { headers: hanoi.headers })).json();
    expect(forum.actions).toEqual([]);
  });
});
