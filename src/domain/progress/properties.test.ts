import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUp } from './rollup.ts';
import {
  MILESTONE_STATUSES,
  type MilestoneInput,
  type MilestoneReport,
  projectProgress,
  SIDES,
  type SideReport,
  sideProgress,
} from './rule.ts';

const report: fc.Arbitrary<MilestoneReport> = fc.record({
  status: fc.constantFrom(...MILESTONE_STATUSES),
  progress: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
});

/** A project: milestones with weights, and for each side either no report or a sparse report. */
const project = fc
  .array(
    fc.record({
      weight: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.01, max: 1000, noNaN: true })),
      cancelled: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      vn: fc.option(report, { nil: undefined }),
      jp: fc.option(report, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .chain((rows) =>
    fc.record({
      rows: fc.constant(rows),
      vnReported: fc.boolean(),
      jpReported: fc.boolean(),
    }),
  )
  .map(({ rows, vnReported, jpReported }) => {
    const milestones: MilestoneInput[] = rows.map((r, i) => ({
      id: `m${i}`,
      weight: r.weight,
      cancelled: r.cancelled,
    }));
    const sideReport = (side: 'vn' | 'jp'): SideReport =>
      Object.fromEntries(rows.flatMap((r, i) => (r[side] ? [[`m${i}`, r[side]]] : [])));
    const reports: Partial<Record<'vn' | 'jp', SideReport>> = {};
    if (vnReported) reports.vn = sideReport('vn');
    if (jpReported) reports.jp = sideReport('jp');
    return { milestones, reports };
  });

const inRange = (p: number | null) => p === null || (p >= 0 && p <= 100);

describe('progress rule invariants', () => {
  it('every figure is in [0, 100] and coverage counts the milestones that count and have data', () => {
    fc.assert(
      fc.property(project, ({ milestones, reports }) => {
        const f = projectProgress(milestones, reports);
        expect(inRange(f.progress)).toBe(true);
        for (const side of SIDES) {
          const s = f.sides[side];
          if (!s) continue;
          expect(inRange(s.progress)).toBe(true);
          const rep = reports[side]!;
          const counted = milestones.filter((m) => !m.cancelled && rep[m.id]?.status !== 'cancelled');
          expect(s.coverage.milestones).toBe(counted.length);
          expect(s.coverage.withData).toBe(counted.filter((m) => rep[m.id]).length);
          expect(s.progress === null).toBe(counted.length === 0);
        }
        expect(f.coverage.withData).toBeLessThanOrEqual(f.coverage.milestones);
        expect(f.coverage.milestones).toBeLessThanOrEqual(milestones.length);
      }),
    );
  });

  it('marking a milestone met never lowers that side’s progress', () => {
    fc.assert(
      fc.property(project, fc.nat(), fc.constantFrom(...SIDES), ({ milestones, reports }, pick, side) => {
        const rep = reports[side] ?? {};
        const target = milestones[pick % milestones.length];
        const before = sideProgress(side, milestones, rep);
        const after = sideProgress(side, milestones, { ...rep, [target.id]: { status: 'met', progress: 0 } });
        if (target.cancelled) expect(after.progress).toBe(before.progress);
        else if (before.progress !== null)
          expect(after.progress!).toBeGreaterThanOrEqual(before.progress - 1e-9);
        else expect(after.progress).toBe(100); // it was the only counted milestone's absence
      }),
    );
  });

  it('cancelling a milestone never changes the others’ values; the rest is their weighted mean', () => {
    fc.assert(
      fc.property(project, fc.nat(), fc.constantFrom(...SIDES), ({ milestones, reports }, pick, side) => {
        const rep = reports[side] ?? {};
        const target = milestones[pick % milestones.length];
        const before = sideProgress(side, milestones, rep);
        const after = sideProgress(side, milestones, {
          ...rep,
          [target.id]: { status: 'cancelled', progress: 0 },
        });
        after.milestones.forEach((m, i) => {
          if (m.id !== target.id) expect(m).toEqual(before.milestones[i]);
          else expect(m.counted).toBe(false);
        });
        const rest = before.milestones.filter((m) => m.counted && m.id !== target.id);
        if (!rest.length) expect(after.progress).toBeNull();
        else {
          const total = rest.reduce((s, m) => s + (m.counted ? m.weight : 0), 0);
          const mean = rest.reduce((s, m) => s + (m.counted ? m.value * m.weight : 0), 0) / total;
          expect(after.progress!).toBeCloseTo(mean, 6);
        }
        // The record's own cancellation does the same on both sides.
        const onRecord = milestones.map((m) => (m.id === target.id ? { ...m, cancelled: true } : m));
        expect(sideProgress(side, onRecord, rep).progress).toBe(after.progress);
      }),
    );
  });

  it('the joint figure is never above either side’s when disputed, and between them when agreed', () => {
    fc.assert(
      fc.property(project, ({ milestones, reports }) => {
        const f = projectProgress(milestones, reports);
        const vn = f.sides.vn?.progress ?? null;
        const jp = f.sides.jp?.progress ?? null;
        if (f.state === 'disputed') {
          for (const p of [vn, jp]) if (p !== null) expect(f.progress!).toBeLessThanOrEqual(p);
        }
        if (f.state === 'agreed' && vn !== null && jp !== null) {
          expect(Math.abs(vn - jp)).toBeLessThanOrEqual(15);
          expect(f.progress!).toBeGreaterThanOrEqual(Math.min(vn, jp));
          expect(f.progress!).toBeLessThanOrEqual(Math.max(vn, jp));
        }
        expect(f.state === 'missing').toBe(!reports.vn && !reports.jp);
        expect(f.state === 'oneSided').toBe(!reports.vn !== !reports.jp);
        if (f.state !== 'disputed') expect(f.differences).toEqual([]);
        else if (f.differences.length === 0) expect(Math.abs(vn! - jp!)).toBeGreaterThan(15);
      }),
    );
  });

  it('a side’s figure does not depend on the other side or on the order of milestones', () => {
    fc.assert(
      fc.property(project, ({ milestones, reports }) => {
        const f = projectProgress(milestones, reports);
        const g = projectProgress([...milestones].reverse(), { vn: reports.vn });
        const [a, b] = [g.sides.vn?.progress ?? null, f.sides.vn?.progress ?? null];
        if (a === null || b === null) expect(a).toBe(b);
        else expect(a).toBeCloseTo(b, 9);
        const h = projectProgress([...milestones].reverse(), reports);
        expect(h.state).toBe(f.state);
        if (f.progress === null) expect(h.progress).toBeNull();
        else expect(h.progress!).toBeCloseTo(f.progress, 9);
      }),
    );
  });

  it('a roll-up stays within its projects’ figures and counts every project once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(project, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 8,
        }),
        (items) => {
          const figures = items.map(([p, weight, cancelled]) => ({
            weight,
            cancelled: cancelled === 0,
            figure: projectProgress(p.milestones, p.reports),
          }));
          const r = rollUp(figures);
          expect(inRange(r.progress)).toBe(true);
          const counted = figures.filter(
            (f) =>
              !f.cancelled &&
              (f.figure.state === 'missing' ? f.figure.coverage.milestones > 0 : f.figure.progress !== null),
          );
          expect(r.coverage.projects).toBe(counted.length);
          expect(Object.values(r.coverage.states).reduce((a, b) => a + b, 0)).toBe(counted.length);
          expect(r.coverage.milestones).toBe(counted.reduce((s, f) => s + f.figure.coverage.milestones, 0));
          expect(r.coverage.withData).toBe(counted.reduce((s, f) => s + f.figure.coverage.withData, 0));
          const values = counted.map((f) => f.figure.progress ?? 0);
          if (values.length) {
            expect(r.progress!).toBeGreaterThanOrEqual(Math.min(...values));
            expect(r.progress!).toBeLessThanOrEqual(Math.max(...values));
          } else expect(r.progress).toBeNull();
        },
      ),
    );
  });
});
