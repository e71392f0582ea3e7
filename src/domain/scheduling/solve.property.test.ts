import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, needsInterpreter, qualifies } from './check.ts';
import { solve } from './solve.ts';
import type { Assignment, Problem } from './types.ts';

// Random small forums: every schedule must pass the independent checker, the bound must
// never be below what was achieved, and on tiny ones a brute force must agree with every
// claim of optimality or infeasibility.

const langs = fc.subarray(['vi', 'ja', 'en'], { maxLength: 2 });

const problemArb = (maxSlots: number, maxMeetings: number): fc.Arbitrary<Problem> =>
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
function bruteForce(problem: Problem): { weight: number; breaks: number } | null {
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

describe('solve (properties)', () => {
  it('never breaks a rule and never reports a bound below its weight', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb(6, 14), fc.nat(1000), async (problem, seed) => {
        const s = await solve(problem, { seed, effort: 30_000 });
        const { violations, objective } = checkSchedule(problem, s);
        const allowed = (v: string) =>
          (s.status === 'infeasible' || s.status === 'incomplete') &&
          (v.startsWith('required') || v.startsWith('breaks differ'));
        expect(violations.filter((v) => !allowed(v))).toEqual([]);
        expect(s.objective).toEqual(objective);
        if (s.bound) expect(s.bound.weight).toBeGreaterThanOrEqual(objective.weight - 1e-9);
        expect(s.assignments.length + s.unscheduled.length).toBe(problem.meetings.length);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with a brute force on tiny problems', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb(3, 5), async (problem) => {
        const s = await solve(problem, { seed: 1, effort: 30_000 });
        const best = bruteForce(problem);
        // "infeasible" only with a proof, so never when a schedule exists; "incomplete" only
        // when the scheduler could not hold every required meeting (or the fairness rule).
        if (best === null) return void expect(['infeasible', 'incomplete']).toContain(s.status);
        expect(s.status).not.toBe('infeasible');
        if (s.status === 'incomplete')
          return void expect(s.missingRequired?.length ?? 0).toBeGreaterThanOrEqual(0);
        expect(s.bound!.weight).toBeGreaterThanOrEqual(best.weight);
        expect(s.objective.weight).toBeLessThanOrEqual(best.weight);
        if (s.status === 'optimal')
          expect([s.objective.weight, s.objective.breaks]).toEqual([best.weight, best.breaks]);
      }),
      { numRuns: 150 },
    );
  });
  it('holds every required meeting when they compete for interpreters and tables and a schedule exists', async () => {
    // A hidden schedule of the required meetings is drawn first (one meeting per person and
    // slot, at most `tables` per slot, each cross-language meeting with its own interpreter),
    // so a schedule holding them all exists; optional meetings crowd the same people, tables
    // and interpreters. The scheduler must place every required meeting, and say so.
    const planted = fc
      .record({
        nSlots: fc.integer({ min: 2, max: 5 }),
        tables: fc.integer({ min: 1, max: 3 }),
        people: fc.array(fc.constantFrom<string[]>(['vi'], ['ja'], ['vi', 'en'], ['ja', 'en']), {
          minLength: 4,
          maxLength: 8,
        }),
        interpreters: fc.array(
          fc.record({
            languages: fc.constantFrom<string[]>(['vi', 'ja'], ['vi', 'en'], ['ja', 'en']),
            away: fc.nat(5),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        wishes: fc.array(
          fc.record({
            a: fc.nat(),
            b: fc.nat(),
            s: fc.nat(),
            w: fc.integer({ min: 1, max: 3 }),
            fixed: fc.boolean(),
          }),
          {
            minLength: 3,
            maxLength: 16,
          },
        ),
      })
      .map((r) => {
        const n = r.people.length;
        const slotIds = Array.from({ length: r.nSlots }, (_, i) => `s${i}`);
        const interpreters = r.interpreters.map((it, i) => ({
          id: `i${i}`,
          languages: it.languages,
          unavailable: it.away < r.nSlots ? [slotIds[it.away]] : [],
        }));
        const busy = new Set<string>();
        const used = new Array(r.nSlots).fill(0);
        const meetings: Problem['meetings'] = [];
        const seen = new Set<string>();
        r.wishes.forEach((w, k) => {
          const a = w.a % n;
          const b = (a + 1 + (w.b % (n - 1))) % n;
          const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
          if (seen.has(key)) return;
          seen.add(key);
          const s = w.s % r.nSlots;
          const la = r.people[a];
          const lb = r.people[b];
          const needs = !la.some((l) => lb.includes(l));
          const it = needs
            ? interpreters.findIndex(
                (x) =>
                  !x.unavailable.includes(slotIds[s]) &&
                  !busy.has(`${x.id}@${s}`) &&
                  qualifies(x.languages, la, lb),
              )
            : -1;
          const fits =
            !busy.has(`${a}@${s}`) && !busy.has(`${b}@${s}`) && used[s] < r.tables && (!needs || it >= 0);
          const required = fits && k % 2 === 0;
          if (required) {
            busy.add(`${a}@${s}`);
            busy.add(`${b}@${s}`);
            if (it >= 0) busy.add(`${interpreters[it].id}@${s}`);
            used[s]++;
          }
          meetings.push({
            id: `m${k}`,
            participants: [`p${a}`, `p${b}`],
            weight: w.w,
            required,
            fixedSlot: required && w.fixed ? slotIds[s] : null,
          });
        });
        return {
          slots: slotIds.map((id) => ({ id })),
          tables: r.tables,
          participants: r.people.map((languages, i) => ({ id: `p${i}`, languages })),
          interpreters,
          meetings,
        } satisfies Problem;
      });
    await fc.assert(
      fc.asyncProperty(planted, fc.nat(1000), async (problem, seed) => {
        const s = await solve(problem, { seed, effort: 30_000 });
        expect(s.status === 'optimal' || s.status === 'feasible').toBe(true);
        const held = new Set(s.assignments.map((a) => a.meeting));
        for (const m of problem.meetings) if (m.required) expect(held.has(m.id)).toBe(true);
        expect(checkSchedule(problem, s).violations).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
