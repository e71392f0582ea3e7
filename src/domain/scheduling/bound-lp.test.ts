import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solver, weightBound } from './bound.ts';
import { blockBound, slotBlocks } from './bound-lp.ts';
import { buildModel } from './model.ts';
import { bruteForce, problemArb } from './testing.ts';

// The day LP (blockBound with blocks of a day) is reported as the weight bound on larger
// problems: it must never be below the best schedule, and aggregating slots can only loosen the
// time-indexed LP, never tighten it.

describe('blockBound', () => {
  it('is never below the best schedule, for any block size', async () => {
    const highs = await solver();
    await fc.assert(
      fc.property(problemArb(4, 6), fc.integer({ min: 1, max: 5 }), (problem, size) => {
        const best = bruteForce(problem);
        const md = buildModel(problem);
        const value = blockBound(highs, md, size, 10);
        // No schedule holds every required meeting: the LP may say so (null) or not.
        if (best === null) return;
        expect(value).not.toBeNull();
        expect(value!).toBeGreaterThanOrEqual(best.weight - 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('is at least the time-indexed LP, and equals it without precedence when a block is one slot', async () => {
    const highs = await solver();
    await fc.assert(
      fc.asyncProperty(problemArb(6, 12), async (problem) => {
        const md = buildModel(problem);
        const lp = await weightBound(md, 10);
        if (lp.method !== 'lp') return;
        const day = blockBound(highs, md, md.S, 10);
        const slot = blockBound(highs, md, 1, 10);
        expect(day).not.toBeNull();
        expect(slot).not.toBeNull();
        // weightBound rounds down integral weights; the block LPs are raw LP values.
        expect(day!).toBeGreaterThanOrEqual(slot! - 1e-6);
        expect(Math.floor(slot! + 1e-6)).toBeGreaterThanOrEqual(lp.weight);
        if (md.after.every((a) => a.length === 0)) expect(Math.floor(slot! + 1e-6)).toBe(lp.weight);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts the slots into blocks within a day', () => {
    const md = buildModel({
      slots: ['a', 'b', 'c', 'd', 'e'].map((id, k) => ({ id, day: k < 3 ? 'd1' : 'd2' })),
      tables: 1,
      participants: [],
      meetings: [],
    });
    expect(Array.from(slotBlocks(md, 2).blockOf)).toEqual([0, 0, 1, 2, 2]);
    expect(slotBlocks(md, md.S)).toEqual({ blockOf: Int32Array.from([0, 0, 0, 1, 1]), blocks: 2 });
  });
});
