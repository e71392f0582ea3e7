import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, qualifies } from './check.ts';
import { solve } from './solve.ts';
import { bruteForce, problemArb } from './testing.ts';
import type { Problem } from './types.ts';

// Random small forums: every schedule must pass the independent checker, the bound must
// never be below what was achieved, and on tiny ones a brute force must agree with every
// claim of optimality or infeasibility.

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
  }, 120_000);

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
