import { describe, expect, it } from 'vitest';
import { breaksOf, minimiseBreaks } from './breaks.ts';
import { buildModel } from './model.ts';
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

describe('minimiseBreaks', () => {
  it('closes a gap and proves that none is left', async () => {
    const md = buildModel(problem(['x', 'x', 'x', 'x']));
    // a meets in s1, s3 and s4: one break.
    const start = Int32Array.from([0, 2, 3]);
    expect(Array.from(breaksOf(md, start))).toEqual([1, 0, 0, 0]);
    const r = await minimiseBreaks(md, start, { nodes: 100, timeLimitS: 10 });
    expect(r?.breaks).toBe(0);
    expect(r?.proven).toBe(true);
    expect(Array.from(breaksOf(md, r!.slots))).toEqual([0, 0, 0, 0]);
  });

  it('moves only the free meetings, and does not count a gap across days', async () => {
    const md = buildModel(problem(['x', 'x', 'x', 'x']));
    // a meets in s1 (ab), s3 (ac) and s4 (ad); only ad may move, and its other slot s1 is a's.
    const start = Int32Array.from([0, 2, 3]);
    const r = await minimiseBreaks(md, start, {
      nodes: 100,
      timeLimitS: 10,
      free: Uint8Array.from([0, 0, 1]),
    });
    expect(r?.breaks).toBe(1);
    expect(r?.proven).toBe(false);
    const twoDays = buildModel(problem(['x', 'x', 'y', 'y']));
    expect(Array.from(breaksOf(twoDays, Int32Array.from([0, 2, 3])))).toEqual([0, 0, 0, 0]);
  });

  it('keeps the fairness rule', async () => {
    const md = buildModel(problem(['x', 'x', 'x', 'x'], 0));
    const r = await minimiseBreaks(md, Int32Array.from([1, 2, 3]), { nodes: 100, timeLimitS: 10 });
    expect(r?.breaks).toBe(0);
  });
});
