import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaksOf, holdEveryMeeting, minimiseBreaks, TABLE_FORMS } from './breaks.ts';
import { construct } from './greedy.ts';
import { buildModel, type Model } from './model.ts';
import { makeRng } from './rng.ts';
import { State } from './state.ts';
import type { Problem } from './types.ts';

const problem = (days: string[], fairness: number | null = null): Problem => ({
  slots: days.map((day, i) => ({ id: `s${i + 1}`, day })),
  tables: 2,
  fairness,
  participants: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
  meetings: [
    { id: 'ab', participants: ['a', 'b'], required: true },
    { id: 'ac', participants: ['a', 'c'], required: true },
    { id: 'ad', participants: ['a', 'd'], required: true, allowedSlots: ['s1', 's4'] },
  ],
});

const options = {
  conflicts: 1000,
  totalConflicts: 1_000_000,
  deadline: Number.POSITIVE_INFINITY,
  now: () => 0,
};
const total = (md: Model, slots: Int32Array) => breaksOf(md, slots).reduce((a, b) => a + b, 0);

/** Every rule of a complete slot assignment, checked by brute force (no tables numbers needed). */
function valid(md: Model, slots: Int32Array): boolean {
  const used = new Set<string>();
  const perSlot = new Int32Array(md.S);
  for (let m = 0; m < md.M; m++) {
    const s = slots[m];
    if (!md.candMask[m * md.S + s]) return false;
    for (const p of [md.ma[m], md.mb[m]]) {
      if (used.has(`${p}/${s}`)) return false;
      used.add(`${p}/${s}`);
    }
    if (++perSlot[s] > md.tables[s]) return false;
    for (const a of md.after[m]) if (slots[a] >= s) return false;
  }
  if (md.fairness !== null) {
    const b = breaksOf(md, slots).filter((_, p) => md.meetingsOf[p].length > 0);
    if (Math.max(...b) - Math.min(...b) > md.fairness) return false;
  }
  return true;
}

type Found = { breaks: number; slots: Int32Array };

/** The valid assignments with the fewest and the most breaks (a start to improve from), or null when none is valid. */
function bruteForce(md: Model): { fewest: Found; most: Found } | null {
  let found: { fewest: Found; most: Found } | null = null;
  const slots = new Int32Array(md.M);
  const walk = (m: number) => {
    if (m === md.M) {
      if (!valid(md, slots)) return;
      const b = total(md, slots);
      const here = () => ({ breaks: b, slots: Int32Array.from(slots) });
      if (!found) found = { fewest: here(), most: here() };
      else if (b < found.fewest.breaks) found.fewest = here();
      else if (b > found.most.breaks) found.most = here();
      return;
    }
    for (const s of md.cand[m]) {
      slots[m] = s;
      walk(m + 1);
    }
  };
  walk(0);
  return found;
}

describe('minimiseBreaks (SAT)', () => {
  it('closes a gap and proves that none is left', async () => {
    const md = buildModel(problem(['x', 'x', 'x', 'x']));
    // a meets in s1, s3 and s4: one break.
    const start = Int32Array.from([0, 2, 3]);
    expect(Array.from(breaksOf(md, start))).toEqual([1, 0, 0, 0]);
    const r = await minimiseBreaks(md, start, options);
    expect(r.breaks).toBe(0);
    expect(r.proven).toBe(true);
    expect(Array.from(breaksOf(md, r.slots))).toEqual([0, 0, 0, 0]);
    expect(valid(md, r.slots)).toBe(true);
  });

  it('does not count a gap across days', () => {
    const twoDays = buildModel(problem(['x', 'x', 'y', 'y']));
    expect(Array.from(breaksOf(twoDays, Int32Array.from([0, 2, 3])))).toEqual([0, 0, 0, 0]);
  });

  it('proves a break necessary when it is', async () => {
    // a must meet d in s1 and c in s3 (allowed slots), and b anywhere: s2 closes the gap, but
    // b is away in s2, so a keeps one break.
    const p = problem(['x', 'x', 'x', 'x']);
    p.participants[1].unavailable = ['s2'];
    p.meetings[1].allowedSlots = ['s3'];
    p.meetings[2].allowedSlots = ['s1'];
    const md = buildModel(p);
    const r = await minimiseBreaks(md, Int32Array.from([3, 2, 0]), options);
    expect(r.breaks).toBe(1);
    expect(r.proven).toBe(true);
  });

  it.each(TABLE_FORMS)(
    'keeps the table rule when it is what forces breaks (tables counted on %s)',
    async (form) => {
      // Six people in two rounds of three meetings: without the table rule, two slots hold every
      // meeting with no break; with two tables, two people must skip the middle slot (two breaks).
      const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
      const pairs = ['ab', 'cd', 'ef', 'ad', 'cf', 'eb'];
      const md = buildModel({
        slots: ['s1', 's2', 's3'].map((id) => ({ id })),
        tables: 2,
        fairness: 2,
        participants: ids.map((id) => ({ id })),
        meetings: pairs.map((p) => ({ id: p, participants: [p[0], p[1]], required: true })),
      });
      expect(bruteForce(md)?.fewest.breaks).toBe(2);
      // Every valid schedule has two breaks; the solver must prove that no valid one has fewer.
      const r = await minimiseBreaks(md, bruteForce(md)!.most.slots, { ...options, forms: [form] });
      expect(valid(md, r.slots)).toBe(true);
      expect(r.breaks).toBe(2);
      expect(r.proven).toBe(true);
    },
  );

  it('returns the same schedule with the second solver in a worker thread as in one thread', async () => {
    // Rounds start from shared bounds, so which solver finishes first must not matter. Budgets of
    // a few conflicts make many rounds, with steps from the first.
    const rng = makeRng(11);
    const ids = Array.from({ length: 9 }, (_, i) => `p${i}`);
    const seen = new Set<string>();
    const meetings: Problem['meetings'] = [];
    while (meetings.length < 16) {
      const a = Math.floor(rng() * ids.length);
      const b = Math.floor(rng() * ids.length);
      if (a === b || seen.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
      seen.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
      meetings.push({ id: `m${meetings.length}`, participants: [ids[a], ids[b]], required: true });
    }
    const md = buildModel({
      slots: Array.from({ length: 8 }, (_, i) => ({ id: `s${i}` })),
      tables: 3,
      fairness: 2,
      participants: ids.map((id) => ({ id })),
      meetings,
    });
    const st = construct(md, new State(md));
    expect(st.slotOf.every((s) => s >= 0)).toBe(true);
    const start = Int32Array.from(st.slotOf);
    expect(total(md, start)).toBeGreaterThan(0);
    const run = (threads: boolean) =>
      minimiseBreaks(md, start, { ...options, conflicts: 2, stepAfterDoublings: 0, threads });
    const [one, two] = [await run(false), await run(true)];
    expect(valid(md, two.slots)).toBe(true);
    expect(two.proven).toBe(true);
    expect(Array.from(two.slots)).toEqual(Array.from(one.slots));
    expect(two.breaks).toBe(one.breaks);
  });

  // Two shapes: few people with many meetings each (breaks, fairness), and more people on few
  // tables (the table rule binds, counted from either side).
  it.each([
    { name: 'many meetings each', slots: [3, 6], tables: [1, 3], people: [3, 4], pairs: 8, runs: 300 },
    { name: 'tables binding', slots: [3, 4], tables: [1, 2], people: [5, 6], pairs: 7, runs: 150 },
  ])(
    'finds the brute-force minimum on small random problems, within every rule, and says when none holds every meeting ($name)',
    async (shape) => {
      const instance = fc.record({
        slots: fc.integer({ min: shape.slots[0], max: shape.slots[1] }),
        days: fc.boolean(),
        tables: fc.integer({ min: shape.tables[0], max: shape.tables[1] }),
        fairness: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
        people: fc.integer({ min: shape.people[0], max: shape.people[1] }),
        pairs: fc.array(
          fc.tuple(
            fc.nat(shape.people[1] - 1),
            fc.nat(shape.people[1] - 1),
            fc.option(fc.nat(8), { nil: undefined }),
          ),
          { minLength: 3, maxLength: shape.pairs },
        ),
        away: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 4 }),
        precedence: fc.option(fc.tuple(fc.nat(5), fc.nat(5)), { nil: undefined }),
      });
      let solved = 0;
      let improved = 0;
      let impossible = 0;
      await fc.assert(
        fc.asyncProperty(instance, async (g) => {
          const ids = Array.from({ length: g.people }, (_, i) => `p${i}`);
          const slotIds = Array.from({ length: g.slots }, (_, i) => `s${i}`);
          const seen = new Set<string>();
          const meetings: Problem['meetings'] = [];
          for (const [a, b, fixed] of g.pairs) {
            const pa = a % g.people;
            const pb = b % g.people;
            const key = `${Math.min(pa, pb)}-${Math.max(pa, pb)}`;
            if (pa === pb || seen.has(key)) continue;
            seen.add(key);
            meetings.push({
              id: `m${meetings.length}`,
              participants: [ids[pa], ids[pb]],
              required: true,
              ...(fixed !== undefined && fixed < g.slots ? { fixedSlot: slotIds[fixed] } : {}),
            });
          }
          if (meetings.length === 0) return;
          if (g.precedence) {
            const [m, a] = g.precedence;
            if (m < meetings.length && a < meetings.length && m !== a) meetings[m].after = [meetings[a].id];
          }
          const p: Problem = {
            slots: slotIds.map((id, i) => ({ id, day: g.days && i >= g.slots / 2 ? 'd2' : 'd1' })),
            tables: g.tables,
            fairness: g.fairness,
            participants: ids.map((id, i) => ({
              id,
              unavailable: g.away
                .filter(([q, s]) => q % g.people === i && s < g.slots)
                .map(([, s]) => slotIds[s]),
            })),
            meetings,
          };
          const md = buildModel(p);
          const found = bruteForce(md);
          // Holding every meeting at all: SAT agrees with brute force both ways.
          const any = await holdEveryMeeting(md, {
            conflicts: 1_000_000,
            deadline: Number.POSITIVE_INFINITY,
            now: () => 0,
          });
          if (!found) {
            expect(any).toBe('impossible');
            impossible++;
            return;
          }
          expect(any).toBeInstanceOf(Int32Array);
          expect(valid(md, any as Int32Array)).toBe(true);
          // Each solver alone, with upper-bound steps from the first turn: from an optimal start
          // it must prove the minimum; from any other valid start, reach and prove it.
          solved++;
          const { fewest: exact, most } = found;
          const worse = most.slots;
          if (most.breaks > exact.breaks) improved++;
          for (const form of TABLE_FORMS) {
            const alone = { ...options, forms: [form], stepAfterDoublings: 0 };
            const r = await minimiseBreaks(md, exact.slots, alone);
            expect(valid(md, r.slots)).toBe(true);
            expect(r.breaks).toBe(exact.breaks);
            expect(r.proven).toBe(true);
            const again = await minimiseBreaks(md, worse, alone);
            expect(valid(md, again.slots)).toBe(true);
            expect(again.breaks).toBe(exact.breaks);
            expect(again.proven).toBe(true);
          }
        }),
        { numRuns: shape.runs, seed: 7 },
      );
      // The generator must reach the interesting cases: schedules to solve, and starts to improve.
      expect(solved).toBeGreaterThan(shape.runs / 3);
      expect(improved).toBeGreaterThan(shape.runs / 15);
      expect(impossible).toBeGreaterThan(shape.runs / 30);
    },
  );
});
