import fc from 'fast-check';
import { checkSchedule, needsInterpreter, qualifies } from './check.ts';
import type { Assignment, Problem } from './types.ts';

// Test support (imported by tests only): random small forums for fast-check, and a brute force
// that finds the best weight, then the fewest breaks, over every valid schedule of a tiny one.

const langs = fc.subarray(['vi', 'ja', 'en'], { maxLength: 2 });

export const problemArb = (maxSlots: number, maxMeetings: number): fc.Arbitrary<Problem> =>
  fc
    .record({
      nSlots: fc.integer({ min: 1, max: maxSlots }),
      split: fc.boolean(),
      tables: fc.integer({ min: 0, max: 3 }),
      fairness: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      people: fc.array(
        fc.record({
          languages: langs,
          away: fc.array(fc.nat(6), { maxLength: 2 }),
          max: fc.option(fc.nat(3), { nil: null }),
        }),
        { minLength: 2, maxLength: 6 },
      ),
      interpreters: fc.array(fc.record({ languages: langs, away: fc.array(fc.nat(6), { maxLength: 2 }) }), {
        maxLength: 3,
      }),
      meetings: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          weight: fc.integer({ min: 0, max: 3 }),
          required: fc.boolean(),
          fixed: fc.option(fc.nat(6), { freq: 6, nil: null }),
          allowed: fc.option(fc.array(fc.nat(6), { minLength: 1, maxLength: 3 }), { freq: 4, nil: null }),
          after: fc.option(fc.nat(), { freq: 5, nil: null }),
        }),
        { maxLength: maxMeetings },
      ),
    })
    .map((r) => {
      const slotIds = Array.from({ length: r.nSlots }, (_, i) => `s${i}`);
      const slot = (k: number) => slotIds[k % r.nSlots];
      const pid = (k: number) => `p${k % r.people.length}`;
      const meetings = r.meetings
        .map((m, i) => ({ ...m, i, pa: pid(m.a), pb: pid(m.a + 1 + (m.b % (r.people.length - 1))) }))
        .map((m) => ({
          id: `m${m.i}`,
          participants: [m.pa, m.pb] as [string, string],
          weight: m.weight,
          required: m.required && m.i % 3 === 0,
          fixedSlot: m.fixed === null ? null : slot(m.fixed),
          allowedSlots: m.allowed === null ? null : [...new Set(m.allowed.map(slot))],
          after: m.after === null || m.i === 0 ? [] : [`m${m.after % m.i}`],
        }));
      return {
        slots: slotIds.map((id, i) => ({ id, day: r.split && i >= r.nSlots / 2 ? 'd2' : 'd1' })),
        tables: r.tables,
        fairness: r.fairness,
        participants: r.people.map((p, i) => ({
          id: `p${i}`,
          languages: p.languages,
          unavailable: [...new Set(p.away.map(slot))],
          maxMeetings: p.max,
        })),
        interpreters: r.interpreters.map((p, i) => ({
          id: `i${i}`,
          languages: p.languages,
          unavailable: [...new Set(p.away.map(slot))],
        })),
        meetings,
      };
    });

/** Tables and interpreters for a slot choice, by exhaustive matching; null when impossible. */
function complete(problem: Problem, choice: number[]): Assignment[] | null {
  const out: Assignment[] = [];
  const perSlot = new Map<number, number[]>();
  choice.forEach((s, m) => {
    if (s >= 0) perSlot.set(s, [...(perSlot.get(s) ?? []), m]);
  });
  for (const [s, ms] of perSlot) {
    const sid = problem.slots[s].id;
    const lang = (id: string) => problem.participants.find((p) => p.id === id)?.languages;
    const needing = ms.filter((m) =>
      needsInterpreter(lang(problem.meetings[m].participants[0]), lang(problem.meetings[m].participants[1])),
    );
    const options = needing.map((m) =>
      (problem.interpreters ?? [])
        .filter((it) => !it.unavailable?.includes(sid))
        .filter((it) =>
          qualifies(
            it.languages,
            lang(problem.meetings[m].participants[0])!,
            lang(problem.meetings[m].participants[1])!,
          ),
        )
        .map((it) => it.id),
    );
    const pick = (k: number, used: Set<string>): string[] | null => {
      if (k === needing.length) return [];
      for (const id of options[k]) {
        if (used.has(id)) continue;
        const rest = pick(k + 1, new Set([...used, id]));
        if (rest) return [id, ...rest];
      }
      return null;
    };
    const chosen = pick(0, new Set());
    if (!chosen) return null;
    ms.forEach((m, k) => {
      const a: Assignment = { meeting: problem.meetings[m].id, slot: sid, table: k + 1 };
      const j = needing.indexOf(m);
      if (j >= 0) a.interpreter = chosen[j];
      out.push(a);
    });
  }
  return out;
}

/** Best [weight, -breaks] over every valid schedule, or null when none exists. */
export function bruteForce(problem: Problem): { weight: number; breaks: number } | null {
  const M = problem.meetings.length;
  const S = problem.slots.length;
  let best: { weight: number; breaks: number } | null = null;
  const choice = new Array(M).fill(-1);
  const visit = (m: number): void => {
    if (m === M) {
      const assignments = complete(problem, choice);
      if (!assignments) return;
      const r = checkSchedule(problem, { assignments });
      if (r.violations.length) return;
      const o = r.objective;
      if (!best || o.weight > best.weight || (o.weight === best.weight && o.breaks < best.breaks)) {
        best = { weight: o.weight, breaks: o.breaks };
      }
      return;
    }
    for (let s = -1; s < S; s++) {
      choice[m] = s;
      visit(m + 1);
    }
  };
  visit(0);
  return best;
}
