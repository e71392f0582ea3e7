import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { buildAccount, problemCode } from '../../../test/support/factories.ts';
import { AppError } from '../../errors.ts';
import { assertGrantRecordsExist, recordRefOf } from './grants.ts';
import { recordRefs } from './records.ts';

// The rules of giving and taking roles (`grants.ts`) one by one: which records a list names that
// do not exist, the record a missing one is judged as, and each refusal with its code and field.
const FORUM = 'vjlcf-2025';

describe.each(ENGINES)('giving and taking roles on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  beforeAll(async () => {
    t = await testApp(engine, { seed: true });
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  const give = (headers: Record<string, string>, body: unknown) =>
    t.req('/api/grants', { method: 'POST', headers, body });

  it('names every record of a list that does not exist, each at its own index, and only those', async () => {
    const list = [
      { role: 'editor', recordType: 'locality', recordId: 'VN-HANOI' },
      { role: 'editor', recordType: 'organization', recordId: 'no-such-org' },
      { role: 'organiser', recordType: 'forum', recordId: FORUM },
      { role: 'head', recordType: 'delegation', recordId: 'no-such-delegation' },
      { role: 'editor', recordType: 'locality', recordId: 'XX-NOPE' },
    ] as never[];
    const err = await assertGrantRecordsExist(t.db.db, list).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('reference.unknown');
    expect(e.errors).toEqual([
      { path: 'grants.4.recordId', message: 'no locality XX-NOPE', code: 'unknown_reference' },
      { path: 'grants.1.recordId', message: 'no organization no-such-org', code: 'unknown_reference' },
      { path: 'grants.3.recordId', message: 'no delegation no-such-delegation', code: 'unknown_reference' },
    ]);
    expect(e.message).toBe(
      'grants.4.recordId: no locality XX-NOPE; grants.1.recordId: no organization no-such-org; grants.3.recordId: no delegation no-such-delegation',
    );
    // Records that exist, and no records at all, pass.
    await expect(assertGrantRecordsExist(t.db.db, [list[0]!, list[2]!], 'scopes')).resolves.toBeUndefined();
    await expect(assertGrantRecordsExist(t.db.db, [])).resolves.toBeUndefined();
    // The path prefix is the caller's.
    const other = (await assertGrantRecordsExist(t.db.db, [list[1]!], 'grant').catch(
      (x: unknown) => x,
    )) as AppError;
    expect(other.errors?.map((x) => x.path)).toEqual(['grant.0.recordId']);
  });

  it('judges a record as it is read everywhere, and a missing one as a record with no parent', async () => {
    const org = await t.db.db
      .selectFrom('organizations')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const real = (await recordRefs(t.db.db, 'organization', [org.id])).get(org.id);
    expect(real).toBeDefined();
    expect(await recordRefOf(t.db.db, { recordType: 'organization', recordId: org.id })).toEqual(real);
    expect(await recordRefOf(t.db.db, { recordType: 'forum', recordId: 'nope' })).toEqual({
      type: 'forum',
      id: 'nope',
    });
    expect(await recordRefOf(t.db.db, { recordType: 'delegation', recordId: 'nope' })).toEqual({
      type: 'delegation',
      id: 'nope',
      forumId: '',
    });
    expect(await recordRefOf(t.db.db, { recordType: 'locality', recordId: 'XX-NOPE' })).toEqual({
      type: 'locality',
      code: 'XX-NOPE',
      parentCode: null,
    });
    expect(await recordRefOf(t.db.db, { recordType: 'organization', recordId: 'nope' })).toEqual({
      type: 'organization',
      id: 'nope',
      localityCode: '',
    });
  });

  it('refuses an unknown account, a disabled one and a role given twice, each by its code', async () => {
    const unknown = await give(admin.headers, {
      userId: 'no-such-user',
      role: 'interpreter',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(unknown.status).toBe(404);

    const off = await buildAccount(t, 'editor', ['VN-HANOI']);
    await t.db.db.updateTable('users').set({ disabled: 1 }).where('id', '=', off.id).execute();
    const toDisabled = await give(admin.headers, {
      userId: off.id,
      role: 'interpreter',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(toDisabled.status).toBe(400);
    expect((await toDisabled.json()).errors).toEqual([
      { path: 'userId', message: 'the account is disabled', code: 'disabled' },
    ]);

    const on = await buildAccount(t, 'editor', ['VN-HANOI']);
    const body = { userId: on.id, role: 'interpreter', recordType: 'forum', recordId: FORUM };
    expect((await give(admin.headers, body)).status).toBe(201);
    const twice = await give(admin.headers, body);
    expect(twice.status).toBe(409);
    expect(await problemCode(twice)).toBe('grant.exists');
  });

  it('lets an organiser step down only while another organiser stays; an admin may take the last', async () => {
    const first = await t.signIn('editor', ['VN-HANOI']);
    const second = await buildAccount(t, 'editor', ['VN-HANOI']);
    const named = await give(admin.headers, {
      userId: first.id,
      role: 'organiser',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(named.status).toBe(201);
    const own = (await named.json()).id as string;
    const fromOther = await give(first.headers, {
      userId: second.id,
      role: 'organiser',
      recordType: 'forum',
      recordId: FORUM,
    });
    expect(fromOther.status).toBe(201);
    const theirs = (await fromOther.json()).id as string;

    // Two organisers: the second steps down (taken by the first), leaving the first alone.
    expect(
      (await t.req(`/api/grants/${encodeURIComponent(theirs)}`, { method: 'DELETE', headers: first.headers }))
        .status,
    ).toBe(204);
    const audit = await t.db.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity_id', '=', theirs)
      .orderBy('id')
      .execute();
    expect(audit.at(-1)?.action).toBe('delete');
    expect(JSON.parse(audit.at(-1)?.before ?? 'null')).toEqual({
      account: second.email,
      role: 'organiser',
      recordType: 'forum',
      recordId: FORUM,
    });
    // The last organiser may not take themself away …
    const last = await t.req(`/api/grants/${encodeURIComponent(own)}`, {
      method: 'DELETE',
      headers: first.headers,
    });
    expect(last.status).toBe(409);
    expect(await problemCode(last)).toBe('grant.last_organiser');
    const still = await t.req(`/api/grants?recordType=forum&recordId=${FORUM}`, { headers: admin.headers });
    expect(((await still.json()).items as { id: string }[]).map((g) => g.id)).toContain(own);
    // … an admin may.
    expect(
      (await t.req(`/api/grants/${encodeURIComponent(own)}`, { method: 'DELETE', headers: admin.headers }))
        .status,
    ).toBe(204);
    const gone = await t.req(`/api/grants/${encodeURIComponent(own)}`, {
      method: 'DELETE',
      headers: admin.headers,
    });
    expect(gone.status).toBe(404);
  });
});
