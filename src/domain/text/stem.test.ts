import { describe, expect, it } from 'vitest';
import { stemEnglish } from './stem.ts';

describe('stemEnglish', () => {
  it('gives inflected forms one stem', () => {
    const same = (...words: string[]) => expect(new Set(words.map(stemEnglish)).size).toBe(1);
    same('caregiver', 'caregivers', 'caregiving');
    same('processing', 'processed', 'process');
    same('technology', 'technologies');
    same('farming', 'farmers', 'farm');
    same('manufacturing', 'manufacturers', 'manufacture');
    same('recycling', 'recycled', 'recycle');
    same('nursing', 'nurses', 'nurse');
  });

  it('keeps different words apart and short words unchanged', () => {
    expect(stemEnglish('water')).not.toBe(stemEnglish('waste'));
    expect(stemEnglish('port')).toBe('port');
    expect(stemEnglish('grouper')).not.toBe(stemEnglish('groups'));
    expect(stemEnglish('hospitality')).not.toBe(stemEnglish('hospitals'));
    expect(stemEnglish('machining')).not.toBe(stemEnglish('machines'));
    expect(stemEnglish('machined')).toBe(stemEnglish('machining'));
    expect(stemEnglish('it')).toBe('it');
    expect(stemEnglish('Ünïcode')).toBe('Ünïcode');
  });
});
