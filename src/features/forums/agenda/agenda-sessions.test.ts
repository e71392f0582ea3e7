import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionInfo, SessionKind } from '../../../domain/forum/model.ts';
import { agendaSessions } from './agenda.ts';

const KINDS: SessionKind[] = ['plenary', 'thematic', 'exhibition', 'meetings', 'ceremony', 'visit', 'break'];
const ME = 'me';

const session = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  kind: fc.constantFrom(...KINDS),
  hour: fc.integer({ min: 0, max: 23 }),
  speakers: fc.subarray([ME, 'someone']),
});

const sessions = fc.uniqueArray(session, { selector: (s) => s.id, maxLength: 20 }).map((xs) =>
  xs.map(
    (x): SessionInfo => ({
      id: x.id,
      kind: x.kind,
      title: { en: x.id },
      themes: [],
      roomId: null,
      start: `2027-05-10T${String(x.hour).padStart(2, '0')}:00:00Z`,
      end: `2027-05-10T${String(x.hour).padStart(2, '0')}:30:00Z`,
      precision: 'exact',
      interpretation: [],
      speakerIds: x.speakers,
    }),
  ),
);

describe("a member's agenda", () => {
  it('holds exactly their talks, and (registered) their choices and every plenary and ceremony, in time order', () => {
    fc.assert(
      fc.property(sessions, fc.boolean(), fc.func(fc.boolean()), (all, registered, picks) => {
        const chosen = new Set(all.filter((s) => picks(s.id)).map((s) => s.id));
        const got = agendaSessions(all, { personId: ME, chosen, registered });
        const expected = all.filter(
          (s) =>
            s.speakerIds.includes(ME) ||
            (registered && (chosen.has(s.id) || s.kind === 'plenary' || s.kind === 'ceremony')),
        );
        expect(new Set(got.map((s) => s.id))).toEqual(new Set(expected.map((s) => s.id)));
        expect(got).toHaveLength(expected.length);
        for (let i = 1; i < got.length; i++) expect(got[i - 1]!.start <= got[i]!.start).toBe(true);
        // A delegation not (or no longer) registered keeps only what the person speaks in.
        if (!registered) expect(got.every((s) => s.speakerIds.includes(ME))).toBe(true);
      }),
    );
  });
});
