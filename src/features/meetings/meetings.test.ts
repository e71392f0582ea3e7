import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/db.ts';
import { problemCode, problemPaths } from '../../../test/support/factories.ts';
import { buildForum, type Json, post } from '../../../test/support/forums.ts';
import { kizuna } from '../../../test/support/process.ts';
import { startSmtp } from '../../../test/support/smtp.ts';
import { problemSchema } from '../../domain/scheduling/types.ts';
import { validateProblem } from '../../domain/scheduling/validate.ts';
import { systemClock } from '../../platform/clock.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { meetingsScheduleJob } from './runs.ts';

type H = Record<string, string>;
const schedules = new Map<string, unknown>();

describe.each(ENGINES)('meetings on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    t = await testApp(engine);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  const runJobs = () =>
    new JobRunner({
      db: t.db,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      jobs: [meetingsScheduleJob],
    }).runDue();

  /** A forum with four registered delegations (two per country), each with one member, and two heads. */
  async function setup() {
    const forum = await buildForum(t);
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    const parties = [
      ['VN-HANOI', 'vi'],
      ['VN-QUANG-NINH', 'vi'],
      ['JP-25', 'ja'],
      ['JP-01', 'ja'],
    ] as const;
    const email = (p: string) => `contact-${p.toLowerCase()}-${stamp}@example.org`;
    const inv = await post(t, `/api/forums/${forum.id}/invitations`, forum.organiser, {
      csv: `party,email,language\n${parties.map(([p, l]) => `${p},${email(p)},${l}`).join('\n')}\n`,
    });
    expect(inv.res.status).toBe(201);
    const ids = Object.fromEntries(
      (inv.body.delegations as { id: string; party: string }[]).map((d) => [d.party, d.id]),
    ) as Record<string, string>;
    for (const [party, lang] of parties) {
      const url = `/api/forums/${forum.id}/delegations/${ids[party]}`;
      const m = await post(t, `${url}/members`, forum.organiser, {
        name: { family: { latin: 'Nguyen' }, given: { latin: party } },
        languages: [lang],
        language: lang,
      });
      expect(m.res.status).toBe(201);
      const d = await t.req(url, { headers: forum.organiser });
      const s = await t.req(`${url}/state`, {
        method: 'POST',
        headers: { ...forum.organiser, 'if-match': d.headers.get('etag')! },
        body: { action: 'submit' },
      });
      expect(s.status).toBe(200);
    }
    const head = async (party: string) => {
      const u = await t.signIn('editor');
      const g = await post(t, '/api/grants', forum.organiser, {
        email: u.email,
        role: 'head',
        recordType: 'delegation',
        recordId: ids[party],
      });
      expect(g.res.status).toBe(201);
      return u.headers;
    };
    return { forum, ids, email, hanoi: await head('VN-HANOI'), shiga: await head('JP-25') };
  }

  it('runs the whole path: partners, requests, setup, run, review, publish, repair, outcomes', async () => {
    const { forum, ids, email, hanoi, shiga } = await setup();
    const M = `/api/forums/${forum.id}/meetings`;
    const org = forum.organiser;

    // Partners: the other country only, with the matcher's ranking; another head's delegation is not ours.
    const partners = await t.req(`/api/forums/${forum.id}/delegations/${ids['VN-HANOI']}/partners`, {
      headers: hanoi,
    });
    expect(partners.status).toBe(200);
    const pb = (await partners.json()) as { items: { party: { partyId: string } }[] };
    expect(pb.items.map((i) => i.party.partyId).sort()).toEqual(['JP-01', 'JP-25']);
    expect(
      (await t.req(`/api/forums/${forum.id}/delegations/${ids['JP-25']}/partners`, { headers: hanoi }))
        .status,
    ).toBe(404);

    // Bad requests: to oneself, within one country.
    const req = (from: string, to: string, headers: H, extra: Json = {}) =>
      t.req(`${M}/requests`, {
        method: 'POST',
        headers,
        body: {
          fromDelegationId: ids[from],
          toDelegationId: ids[to],
          message: { text: 'Xin chào', lang: 'vi' },
          ...extra,
        },
      });
    const self = await req('VN-HANOI', 'VN-HANOI', hanoi);
    expect(self.status).toBe(400);
    expect(await problemPaths(self)).toEqual(['toDelegationId']);
    const same = await req('VN-HANOI', 'VN-QUANG-NINH', hanoi);
    expect(same.status).toBe(400);

    // The forum's limit of requests.
    const settings = { requestLimit: 2, crossCountryOnly: true, maxMeetings: null, seed: 7, timeLimitS: 20 };
    expect((await t.req(`${M}/settings`, { method: 'PUT', headers: org, body: settings })).status).toBe(200);
    const r1 = await req('VN-HANOI', 'JP-25', hanoi, { priority: 'must', topics: ['tourism'] });
    expect(r1.status).toBe(201);
    const r2 = await req('VN-HANOI', 'JP-01', hanoi);
    expect(r2.status).toBe(201);
    const dup = await req('VN-HANOI', 'JP-01', hanoi);
    expect(dup.status).toBe(409);
    const r3 = await req('VN-QUANG-NINH', 'JP-25', org);
    expect(r3.status).toBe(201);
    await t.req(`${M}/settings`, { method: 'PUT', headers: org, body: { ...settings, requestLimit: 1 } });
    const over = await req('VN-QUANG-NINH', 'JP-01', org);
    expect(over.status).toBe(422);
    expect(await problemCode(over)).toBe('meeting.request_limit');
    const [m1, m2, m3] = [
      (await r1.json()) as Json,
      (await r2.json()) as Json,
      (await r3.json()) as Json,
    ].map((b) => b.id as string);

    // Answers: only the delegation asked answers; Shiga's head accepts, the organiser answers for Hokkaido.
    const answer = (id: string, headers: H, body: Json) =>
      t.req(`${M}/requests/${id}/answer`, { method: 'POST', headers, body });
    expect((await answer(m1!, hanoi, { answer: 'accept' })).status).toBe(403);
    expect((await answer(m1!, shiga, { answer: 'accept' })).status).toBe(200);
    expect((await answer(m1!, shiga, { answer: 'decline' })).status).toBe(409);
    expect((await answer(m2!, org, { answer: 'accept' })).status).toBe(200);
    expect((await answer(m3!, shiga, { answer: 'accept' })).status).toBe(200);
    const seen = (await (await t.req(`${M}/requests`, { headers: hanoi })).json()) as { items: Json[] };
    expect(seen.items.map((i) => [i.id, i.state]).sort()).toEqual(
      [
        [m1, 'accepted'],
        [m2, 'accepted'],
      ].sort(),
    );

    // Mail: once each, in the recipient's language.
    await smtp.deliver(t.db);
    const toShiga = smtp.to(email('JP-25'));
    expect(toShiga.filter((m) => m.subject?.includes('面談の申し込み'))).toHaveLength(2);
    const toHanoi = smtp.to(email('VN-HANOI'));
    expect(toHanoi.filter((m) => m.subject?.includes('đã chấp nhận'))).toHaveLength(2);

    // Setup: one block of four 20-minute slots with two tables, one interpreter, Hokkaido arrives late.
    const block = await post(t, `${M}/blocks`, org, {
      startAt: '2027-05-10T09:00:00+07:00',
      slotMinutes: 20,
      slots: 4,
      tables: 2,
    });
    expect(block.res.status).toBe(201);
    const overlap = await post(t, `${M}/blocks`, org, {
      startAt: '2027-05-10T09:20:00+07:00',
      slotMinutes: 20,
      slots: 2,
      tables: 2,
    });
    expect(overlap.res.status).toBe(400);
    expect(
      (await post(t, `${M}/interpreters`, org, { name: 'Trần Mai', languages: ['vi', 'ja'] })).res.status,
    ).toBe(201);
    const presence = await t.req(`/api/forums/${forum.id}/delegations/${ids['JP-01']}/presence`, {
      method: 'PUT',
      headers: org,
      body: { arrivesAt: '2027-05-10T09:40:00+07:00', leavesAt: null },
    });
    expect(presence.status).toBe(200);

    // A fixed time must be a slot of the blocks.
    const badFix = await t.req(`${M}/requests/${m3}`, {
      method: 'PATCH',
      headers: org,
      body: { fixedSlot: '2027-05-10T08:00' },
    });
    expect(badFix.status).toBe(400);
    expect(await problemPaths(badFix)).toEqual(['fixedSlot']);

    // The problem: exactly the scheduler's format, built from the records.
    const pr = await t.req(`${M}/problem.json`, { headers: org });
    expect(pr.status).toBe(200);
    const problem = problemSchema.parse(await pr.json());
    expect(validateProblem(problem)).toEqual([]);
    expect(problem.slots.map((s) => s.id)).toEqual([
      '2027-05-10T09:00',
      '2027-05-10T09:20',
      '2027-05-10T09:40',
      '2027-05-10T10:00',
    ]);
    expect(problem.participants.find((p) => p.id === ids['JP-01'])!.unavailable).toEqual([
      '2027-05-10T09:00',
      '2027-05-10T09:20',
    ]);
    expect(problem.meetings.find((m) => m.id === m1)!.weight).toBe(3);
    // A draft forum is not there for a head: 404, as for any record one may not see.
    expect((await t.req(`${M}/problem.json`, { headers: hanoi })).status).toBe(404);

    // A run: a job with progress and a result that says how good it is.
    const run = await post(t, `${M}/runs`, org, {});
    expect(run.res.status).toBe(202);
    const runId = run.body.id as string;
    expect((await post(t, `${M}/runs`, org, {})).res.status).toBe(409);
    await runJobs();
    const done = (await (await t.req(`${M}/runs/${runId}`, { headers: org })).json()) as Json;
    expect(done.job).toMatchObject({ status: 'done', progress: 1 });
    expect(done.summary).toMatchObject({
      status: 'optimal',
      meetings: 3,
      weight: 5,
      quality: { label: 'optimal' },
    });
    const schedule = (await (await t.req(`${M}/runs/${runId}/schedule.json`, { headers: org })).json()) as {
      assignments: unknown[];
    };
    // Ids are generated per database: compare the schedules with the parties in their place.
    const name = new Map<string, string>([
      ...Object.entries(ids).map(([party, id]) => [id, party] as [string, string]),
      [m1!, 'HANOI>SHIGA'],
      [m2!, 'HANOI>HOKKAIDO'],
      [m3!, 'QUANGNINH>SHIGA'],
    ]);
    schedules.set(
      engine,
      (schedule.assignments as { meeting: string; slot: string; table: number; interpreter?: string }[]).map(
        (a) => ({
          ...a,
          meeting: name.get(a.meeting),
          interpreter: a.interpreter ? 'interpreter' : null,
        }),
      ),
    );

    // `kizuna schedule` on the downloaded file gives the same schedule.
    const dir = mkdtempSync(join(tmpdir(), 'kizuna-meetings-'));
    writeFileSync(
      join(dir, 'problem.json'),
      await (await t.req(`${M}/runs/${runId}/problem.json`, { headers: org })).text(),
    );
    const cli = await kizuna(
      [
        'schedule',
        '--input',
        join(dir, 'problem.json'),
        '--output',
        join(dir, 'out.json'),
        '--seed',
        '7',
        '--time-limit',
        '20',
      ],
      { ...process.env },
    );
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).assignments).toEqual(schedule.assignments);

    // Review: every view; a move that breaks a rule is refused with the reason, a good one is kept.
    const view = (v: string, stage = 'draft') =>
      t
        .req(`${M}/schedule?view=${v}&stage=${stage}`, { headers: org })
        .then((r) => r.json() as Promise<Json>);
    for (const v of ['slot', 'table', 'delegation', 'interpreter'])
      expect((await view(v)).violations).toEqual([]);
    const late = await post(t, `${M}/schedule/moves`, org, { meeting: m2, slot: '2027-05-10T09:00' });
    expect(late.res.status).toBe(422);
    expect(JSON.stringify(late.body)).toContain('unavailable');
    const byDelegation = (await view('delegation')) as {
      groups: { key: string; items: { meeting: string; slot: string; start: string }[] }[];
    };
    const m1Slot = byDelegation.groups
      .find((g) => g.key === ids['VN-HANOI'])!
      .items.find((i) => i.meeting === m1)!.slot;
    expect((await post(t, `${M}/schedule/locks`, org, { meeting: m1, locked: true })).res.status).toBe(200);
    const lockedMove = await post(t, `${M}/schedule/moves`, org, { meeting: m1, slot: null });
    expect(lockedMove.res.status).toBe(422);

    // Publish: the checker passes; every delegation with a meeting is told once.
    const pub = await post(t, `${M}/schedule/publish`, org, {});
    expect(pub.res.status).toBe(200);
    expect((pub.body.told as Json[]).map((x) => x.delegationId).sort()).toEqual(
      [ids['VN-HANOI'], ids['VN-QUANG-NINH'], ids['JP-25'], ids['JP-01']].sort(),
    );
    await smtp.deliver(t.db);
    expect(smtp.to(email('JP-25')).filter((m) => m.subject?.includes('個別面談の日程'))).toHaveLength(1);
    const mine = (await (
      await t.req(`/api/forums/${forum.id}/delegations/${ids['VN-HANOI']}/meetings`, { headers: hanoi })
    ).json()) as { items: Json[] };
    expect(mine.items).toHaveLength(2);

    // The member's calendar feed holds the meetings, at the slots' instants, in the member's language.
    const hd = `/api/forums/${forum.id}/delegations/${ids['JP-25']}`;
    const member = ((await (await t.req(hd, { headers: shiga })).json()) as { members: { id: string }[] })
      .members[0]!;
    const feed = (await post(t, `${hd}/members/${member.id}/calendar`, shiga, undefined)).body.url as string;
    const ics = await (await t.req(new URL(feed).pathname)).text();
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.uid.startsWith('meeting-'));
    expect(events.map((e) => e.uid).sort()).toEqual([`meeting-${m1}@kizuna`, `meeting-${m3}@kizuna`].sort());
    const shigaMeetings = byDelegation.groups.find((g) => g.key === ids['JP-25'])!.items;
    for (const e of events) {
      const m = shigaMeetings.find((x) => `meeting-${x.meeting}@kizuna` === e.uid)!;
      expect(e.startDate.toJSDate().toISOString()).toBe(new Date(m.start).toISOString());
      expect(e.summary).toMatch(/^個別面談：/);
      expect(e.description).toMatch(/\(\d\d:\d\d JST\)/);
    }

    // Repair: Hokkaido cancels; publishing the old schedule is refused, a repair moves nothing else.
    expect((await post(t, `${M}/requests/${m2}/cancel`, org, {})).res.status).toBe(200);
    const stale = await post(t, `${M}/schedule/publish`, org, {});
    expect(stale.res.status).toBe(422);
    const repair = await post(t, `${M}/repairs`, org, {});
    expect(repair.res.status).toBe(202);
    await runJobs();
    const repaired = (await (await t.req(`${M}/runs/${repair.body.id}`, { headers: org })).json()) as Json;
    expect(repaired.summary).toMatchObject({ meetings: 2 });
    const after = (await view('delegation')) as typeof byDelegation;
    expect(
      after.groups.find((g) => g.key === ids['VN-HANOI'])!.items.find((i) => i.meeting === m1)!.slot,
    ).toBe(m1Slot);
    const pub2 = await post(t, `${M}/schedule/publish`, org, {});
    expect(pub2.res.status).toBe(200);
    expect(pub2.body.changed).toEqual([m2]);
    expect((pub2.body.told as Json[]).map((x) => x.delegationId).sort()).toEqual(
      [ids['VN-HANOI'], ids['JP-01']].sort(),
    );

    // Outcomes: each side its own; the organiser reads both and exports them.
    const out = (delegation: string, headers: H, body: Json) =>
      t.req(`${M}/${m1}/outcome`, {
        method: 'PUT',
        headers,
        body: { delegationId: ids[delegation], ...body },
      });
    expect((await out('JP-25', hanoi, { held: true, nextStep: 'keep_talking' })).status).toBe(403);
    expect(
      (await out('VN-HANOI', hanoi, { held: true, nextStep: 'prepare_agreement', note: '=cmd' })).status,
    ).toBe(200);
    expect((await out('JP-25', shiga, { held: true, nextStep: 'keep_talking' })).status).toBe(200);
    const bytes = Buffer.from(await (await t.req(`${M}/outcomes.csv`, { headers: org })).arrayBuffer());
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFmeeting,slot,table')).toBe(true);
    expect(csv).toContain(`${m1},${m1Slot}`);
    expect(csv).toContain("'=cmd");
    expect(csv).toContain('prepare_agreement');

    // A run cancelled before it ends leaves the published schedule as it was; another may start.
    const published = await view('slot', 'published');
    const third = await post(t, `${M}/runs`, org, {});
    const cancelled = await post(t, `${M}/runs/${third.body.id}/cancel`, org, {});
    expect(cancelled.body.job).toMatchObject({ status: 'cancelled' });
    await runJobs();
    expect(await view('slot', 'published')).toEqual(published);
    expect((await post(t, `${M}/runs`, org, {})).res.status).toBe(202);
  }, 120_000);

  it('checks the schedule of every engine alike', () => {
    if (schedules.size === 2) expect(schedules.get('postgres')).toEqual(schedules.get('sqlite'));
  });
});
