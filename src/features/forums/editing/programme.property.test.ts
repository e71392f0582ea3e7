import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { buildForum, post } from '../../../../test/support/forums.ts';
import { overlaps } from '../../../domain/programme/conflicts.ts';

/**
 * Whatever sessions an organiser tries to add, in whatever order, the programme the API keeps
 * never holds a room or a speaker twice at once nor a session outside the forum's days, and a
 * session is refused exactly when it would clash with one already kept (checked against a
 * brute-force oracle written here, independently of domain/programme).
 */
describe('the programme kept through the API (SQLite)', () => {
  let t: TestApp;
  let forum: Awaited<ReturnType<typeof buildForum>>;
  let rooms: string[];
  let speakers: string[];
  beforeAll(async () => {
    t = await testApp('sqlite', { seed: false });
    forum = await buildForum(t);
    const base = `/api/forums/${forum.id}`;
    rooms = [];
    speakers = [];
    for (const n of ['A', 'B'])
      rooms.push((await post(t, `${base}/rooms`, forum.organiser, { name: { en: n } })).body.id as string);
    for (const n of ['P', 'Q', 'R'])
      speakers.push(
        (await post(t, `${base}/speakers`, forum.organiser, { name: { latin: n } })).body.id as string,
      );
  });
  afterAll(() => t.close());

  it('never keeps a clash, and refuses exactly the sessions that would make one', async () => {
    const session = fc.record({
      // Minutes from 2027-05-09 23:00 (Hà Nội): some fall on the day before the forum.
      start: fc.integer({ min: 0, max: 60 * 30 }).map((m) => m - (m % 15)),
      length: fc.integer({ min: 1, max: 8 }).map((q) => q * 15),
      room: fc.constantFrom(0, 1, null),
      speakers: fc.subarray([0, 1, 2], { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(session, { minLength: 1, maxLength: 6 }), async (tries) => {
        await t.db.db.deleteFrom('forum_sessions').where('forum_id', '=', forum.id).execute();
        const kept: Array<{ start: Date; end: Date; room: string | null; speakers: string[] }> = [];
        const origin = Date.parse('2027-05-09T16:00:00.000Z');
        for (const s of tries) {
          const candidate = {
            start: new Date(origin + s.start * 60_000),
            end: new Date(origin + (s.start + s.length) * 60_000),
            room: s.room === null ? null : rooms[s.room]!,
            speakers: s.speakers.map((i) => speakers[i]!),
          };
          const firstDay = Date.parse('2027-05-09T17:00:00.000Z');
          const afterLast = Date.parse('2027-05-11T17:00:00.000Z');
          const outside = candidate.start.getTime() < firstDay || candidate.end.getTime() > afterLast;
          const clash = kept.some(
            (k) =>
              overlapsBrute(k, candidate) &&
              ((k.room !== null && k.room === candidate.room) ||
                k.speakers.some((p) => candidate.speakers.includes(p))),
          );
          const res = await t.req(`/api/forums/${forum.id}/sessions`, {
            method: 'POST',
            headers: forum.organiser,
            body: {
              kind: 'thematic',
              title: { en: 'S' },
              roomId: candidate.room,
              speakerIds: candidate.speakers,
              start: candidate.start.toISOString(),
              end: candidate.end.toISOString(),
            },
          });
          expect(res.status).toBe(outside || clash ? 422 : 201);
          if (res.status === 201) kept.push(candidate);
        }
        const draft = (await (
          await t.req(`/api/forums/${forum.id}/draft`, { headers: forum.organiser })
        ).json()) as {
          sessions: unknown[];
          conflicts: unknown[];
        };
        expect(draft.conflicts).toEqual([]);
        expect(draft.sessions).toHaveLength(kept.length);
        // The oracle agrees with the domain's own overlap on what was kept.
        for (const a of kept)
          for (const b of kept)
            if (a !== b && a.room && a.room === b.room) expect(overlaps(a, b)).toBe(false);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

const overlapsBrute = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => {
  for (let m = a.start.getTime(); m < a.end.getTime(); m += 60_000)
    if (m >= b.start.getTime() && m < b.end.getTime()) return true;
  return false;
};
