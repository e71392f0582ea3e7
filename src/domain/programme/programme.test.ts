import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ForumDays, findConflicts, overlaps, type TimedSession } from './conflicts.ts';
import { diffProgramme, peopleToTell, type ReleaseSession } from './releases.ts';

const DAYS: ForumDays = { zone: 'Asia/Ho_Chi_Minh', firstDay: '2025-11-25', lastDay: '2025-11-26' };
const at = (hhmm: string, day = '2025-11-25') => new Date(`${day}T${hhmm}:00+07:00`);

function session(id: string, from: string, to: string, over: Partial<TimedSession> = {}): TimedSession {
  return { id, start: at(from), end: at(to), roomId: 'hall-a', speakerIds: [], ...over };
}

describe('programme conflicts', () => {
  it('names two sessions in one room at once, and allows back-to-back', () => {
    const c = findConflicts(
      [session('a', '09:00', '10:00'), session('b', '09:30', '10:30'), session('c', '10:30', '11:00')],
      DAYS,
    );
    expect(c).toEqual([{ code: 'programme.room_overlap', roomId: 'hall-a', sessionIds: ['a', 'b'] }]);
  });

  it('names a speaker in two places at once', () => {
    const c = findConflicts(
      [
        session('a', '09:00', '10:00', { roomId: 'r1', speakerIds: ['p1', 'p2'] }),
        session('b', '09:45', '10:15', { roomId: 'r2', speakerIds: ['p2'] }),
      ],
      DAYS,
    );
    expect(c).toEqual([{ code: 'programme.speaker_overlap', speakerId: 'p2', sessionIds: ['a', 'b'] }]);
  });

  it('names a session outside the forum days in the forum zone', () => {
    // 23:30 on the 26th in Vietnam is the 27th in Japan, but the forum's days are Vietnam's.
    const late = session('late', '23:00', '23:30', {
      start: at('23:00', '2025-11-26'),
      end: at('23:30', '2025-11-26'),
    });
    const early = session('early', '08:00', '09:00', {
      start: at('08:00', '2025-11-24'),
      end: at('09:00', '2025-11-24'),
    });
    expect(findConflicts([late], DAYS)).toEqual([]);
    expect(findConflicts([early], DAYS)).toEqual([{ code: 'programme.outside_days', sessionId: 'early' }]);
  });

  it('names a session that ends before it starts, and ignores cancelled sessions', () => {
    expect(findConflicts([session('x', '10:00', '09:00')], DAYS)).toEqual([
      { code: 'programme.end_before_start', sessionId: 'x' },
    ]);
    expect(
      findConflicts(
        [session('a', '09:00', '10:00'), session('b', '09:00', '10:00', { cancelled: true })],
        DAYS,
      ),
    ).toEqual([]);
  });

  it('does not invent overlaps for sessions known only by part of the day', () => {
    const c = findConflicts(
      [
        session('a', '13:00', '17:00', { precision: 'part-of-day' }),
        session('b', '13:00', '17:00', { precision: 'part-of-day' }),
      ],
      DAYS,
    );
    expect(c).toEqual([]);
  });

  it('finds exactly the overlapping pairs a brute-force check finds (rooms and speakers)', () => {
    const arb = fc.array(
      fc.record({
        startMin: fc.integer({ min: 0, max: 600 }),
        length: fc.integer({ min: 1, max: 180 }),
        room: fc.constantFrom('r1', 'r2', 'r3', null),
        speakers: fc.subarray(['p1', 'p2', 'p3', 'p4']),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const base = at('08:00').getTime();
        const sessions = rows.map((r, i) => ({
          id: `s${String(i).padStart(2, '0')}`,
          start: new Date(base + r.startMin * 60_000),
          end: new Date(base + (r.startMin + r.length) * 60_000),
          roomId: r.room,
          speakerIds: r.speakers,
        }));
        const expected = new Set<string>();
        for (let i = 0; i < sessions.length; i++) {
          for (let j = i + 1; j < sessions.length; j++) {
            const a = sessions[i];
            const b = sessions[j];
            if (!overlaps(a, b)) continue;
            if (a.roomId && a.roomId === b.roomId) expected.add(`room|${a.roomId}|${a.id}|${b.id}`);
            for (const p of a.speakerIds)
              if (b.speakerIds.includes(p)) expected.add(`speaker|${p}|${a.id}|${b.id}`);
          }
        }
        const found = findConflicts(sessions, DAYS).map((c) =>
          c.code === 'programme.room_overlap'
            ? `room|${c.roomId}|${c.sessionIds.join('|')}`
            : c.code === 'programme.speaker_overlap'
              ? `speaker|${c.speakerId}|${c.sessionIds.join('|')}`
              : c.code,
        );
        expect(new Set(found)).toEqual(expected);
        expect(found.length).toBe(expected.size);
      }),
      { numRuns: 300 },
    );
  });
});

function rs(id: string, over: Partial<ReleaseSession> = {}): ReleaseSession {
  return {
    id,
    start: '2025-11-25T02:00:00Z',
    end: '2025-11-25T03:00:00Z',
    roomId: 'hall-a',
    content: { title: { vi: 'Phiên', ja: '会合' }, speakers: ['p1'] },
    ...over,
  };
}

describe('programme releases', () => {
  it('lists new, cancelled, moved, room and content changes', () => {
    const prev = [rs('a'), rs('b'), rs('c'), rs('d')];
    const next = [
      rs('a', { start: '2025-11-25T04:00:00Z', end: '2025-11-25T05:00:00Z', roomId: 'hall-b' }),
      rs('b', { cancelled: true }),
      rs('c', { content: { speakers: ['p1'], title: { ja: '会合', vi: 'Phiên mới' } } }),
      rs('d', { content: { speakers: ['p1'], title: { ja: '会合', vi: 'Phiên' } } }),
      rs('e'),
    ];
    expect(diffProgramme(prev, next)).toEqual([
      {
        type: 'moved',
        sessionId: 'a',
        from: { start: '2025-11-25T02:00:00Z', end: '2025-11-25T03:00:00Z' },
        to: { start: '2025-11-25T04:00:00Z', end: '2025-11-25T05:00:00Z' },
      },
      { type: 'room', sessionId: 'a', from: 'hall-a', to: 'hall-b' },
      { type: 'cancelled', sessionId: 'b' },
      { type: 'changed', sessionId: 'c', fields: ['title'] },
      { type: 'new', sessionId: 'e' },
    ]);
  });

  it('tells the people of changed sessions in either release, once each', () => {
    const people: Record<string, string[]> = { a: ['p1', 'p2'], c: ['p2', 'p3'] };
    const changes = diffProgramme([rs('a'), rs('c')], [rs('a', { roomId: 'x' }), rs('c', { roomId: 'y' })]);
    expect(
      peopleToTell(changes, (id, release) => (release === 'previous' ? (people[id] ?? []) : [])),
    ).toEqual(['p1', 'p2', 'p3']);
  });

  it('finds no change between a release and itself, and new ↔ cancelled reversed', () => {
    const arbRelease = fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        hour: fc.integer({ min: 0, max: 9 }),
        room: fc.constantFrom('r1', 'r2', null),
        title: fc.constantFrom('x', 'y'),
      }),
      { selector: (r) => r.id },
    );
    const toRelease = (rows: Array<{ id: string; hour: number; room: string | null; title: string }>) =>
      rows.map((r) =>
        rs(r.id, {
          start: `2025-11-25T0${r.hour}:00:00Z`,
          end: `2025-11-25T0${r.hour}:30:00Z`,
          roomId: r.room,
          content: { title: r.title },
        }),
      );
    fc.assert(
      fc.property(arbRelease, arbRelease, (x, y) => {
        const a = toRelease(x);
        const b = toRelease(y);
        expect(diffProgramme(a, a)).toEqual([]);
        const forward = diffProgramme(a, b);
        const back = diffProgramme(b, a);
        const ids = (cs: typeof forward, t: string) =>
          cs
            .filter((c) => c.type === t)
            .map((c) => c.sessionId)
            .sort();
        expect(ids(forward, 'new')).toEqual(ids(back, 'cancelled'));
        expect(ids(forward, 'moved')).toEqual(ids(back, 'moved'));
        expect(ids(forward, 'room')).toEqual(ids(back, 'room'));
      }),
    );
  });
});
