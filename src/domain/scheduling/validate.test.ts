import { describe, expect, it } from 'vitest';
import { smallForum } from './fixtures.ts';
import { parseProblemJson } from './validate.ts';

const reasons = (value: unknown) => {
  const parsed = parseProblemJson(JSON.stringify(value));
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.reason}`);
};

describe('parseProblemJson', () => {
  it('accepts the small forum', () => {
    expect(parseProblemJson(JSON.stringify(smallForum())).ok).toBe(true);
  });

  it('names unknown ids with their path', () => {
    const p = smallForum();
    p.meetings[0].participants = ['vn-hanoi', 'jp-nowhere'];
    p.participants[0].unavailable = ['25-9'];
    p.meetings[1].after = ['m-99'];
    expect(reasons(p)).toEqual([
      'participants[0].unavailable[0]: unknown slot id 25-9',
      'meetings[0].participants[1]: unknown participant id jp-nowhere',
      'meetings[1].after[0]: unknown meeting id m-99',
    ]);
  });

  it('rejects duplicates, self-meetings and negative weights', () => {
    const p = smallForum();
    p.participants.push({ id: 'vn-hanoi' });
    p.meetings[2].participants = ['jp-osaka', 'jp-osaka'];
    p.meetings[3].weight = -1;
    expect(reasons(p)).toEqual(['meetings[3].weight: weight must not be negative']);
    p.meetings[3].weight = 1;
    expect(reasons(p)).toEqual([
      'participants[5].id: duplicate id vn-hanoi',
      'meetings[2].participants: a meeting of participant jp-osaka with itself',
    ]);
  });

  it('rejects an empty slot list and slots out of order', () => {
    expect(reasons({ ...smallForum(), slots: [] })).toEqual(['slots: the slot list is empty']);
    const p = smallForum();
    [p.slots[1], p.slots[2]] = [p.slots[2], p.slots[1]];
    expect(reasons(p)).toEqual(['slots[2].start: slot 25-1 does not start after slot 25-2']);
  });

  it('rejects a day that resumes after another day', () => {
    const p = smallForum();
    p.slots = [
      { id: 'a', day: 'd1' },
      { id: 'b', day: 'd2' },
      { id: 'c', day: 'd1' },
    ];
    p.participants[1].unavailable = [];
    p.interpreters = [];
    expect(reasons(p)).toEqual(['slots[2].day: day d1 resumes after another day: slots out of order']);
  });

  it('reports invalid JSON', () => {
    const parsed = parseProblemJson('{"slots": [');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].reason).toMatch(/^not valid JSON/);
  });
});
