import { describe, expect, it } from 'vitest';
import { type LabelledSet, measureSet, namedSet, ownSet } from './sets.ts';

/**
 * The engine's quality floor: recall@5 and MRR on the labelled sets.
 * Switching off a scoring term (the concept bonus, a discount, the two-way weighting) or losing
 * a part of the lexicon takes a figure below its floor, so this test fails. The floors sit a
 * little under the measured figures (BENCHMARKS.md, "Partner matching"), not at the targets.
 */
const holdout = ownSet('holdout');
/** Written blind, measured once untuned, developed on since (README.md in each folder). */
const blindA = namedSet('blind-a');
const blindB = namedSet('blind-b');
const blindC = namedSet('blind-c');
const dev = ownSet('dev');
const pooled: LabelledSet = {
  name: 'dev + held-out pooled',
  profiles: [...dev.profiles, ...holdout.profiles],
  truth: { ...dev.truth, ...holdout.truth },
};

describe('matcher quality on the labelled sets', () => {
  it('held-out set: recall@5 ≥ 0.95, MRR ≥ 0.93', () => {
    const f = measureSet(holdout);
    expect(f.profiles).toBe(24);
    expect(f.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(f.mrr).toBeGreaterThanOrEqual(0.93);
  });

  it('dev and held-out pooled (about 36 candidates each): recall@5 ≥ 0.80, MRR ≥ 0.80', () => {
    const f = measureSet(pooled);
    expect(f.profiles).toBe(68);
    expect(f.recallAt5).toBeGreaterThanOrEqual(0.8);
    expect(f.mrr).toBeGreaterThanOrEqual(0.8);
  });

  it('blind set A (160 profiles, 293 pairs): recall@5 ≥ 0.74, MRR ≥ 0.84', () => {
    const f = measureSet(blindA);
    expect(f.profiles).toBe(160);
    expect(f.recallAt5).toBeGreaterThanOrEqual(0.74);
    expect(f.mrr).toBeGreaterThanOrEqual(0.84);
  });

  it('blind set B (164 profiles, 237 pairs): recall@5 ≥ 0.76, MRR ≥ 0.82', () => {
    const f = measureSet(blindB);
    expect(f.profiles).toBe(164);
    expect(f.recallAt5).toBeGreaterThanOrEqual(0.76);
    expect(f.mrr).toBeGreaterThanOrEqual(0.82);
  });

  // Measured once, untuned (2026-12-07): 0.758 / 0.742. The floor keeps what was measured, less a
  // margin; the set is not to be tuned on (its figure is the blind one in BENCHMARKS.md).
  it('blind set C (170 profiles, 166 pairs): recall@5 ≥ 0.74, MRR ≥ 0.72', () => {
    const f = measureSet(blindC);
    expect(f.profiles).toBe(170);
    expect(f.recallAt5).toBeGreaterThanOrEqual(0.74);
    expect(f.mrr).toBeGreaterThanOrEqual(0.72);
  });
});
