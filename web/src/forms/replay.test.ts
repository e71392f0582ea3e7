import { describe, expect, it } from 'vitest';
import { replay } from './useEditor.ts';

describe('replay: the user’s draft on the latest version after a stale-edit refusal', () => {
  const base = { note: 'a', offers: ['x', 'y'], kind: 'mou' };
  it('keeps what the user changed and what the other changed elsewhere', () => {
    const draft = { ...base, note: 'mine' };
    const latest = { ...base, kind: 'protocol' };
    expect(replay(base, draft, latest)).toEqual({ note: 'mine', offers: ['x', 'y'], kind: 'protocol' });
  });
  it('merges lists item by item: the user’s edit, the other’s addition, and removals', () => {
    const draft = { ...base, offers: ['x2'] }; // changed x, removed y
    const latest = { ...base, offers: ['x', 'y', 'theirs'] };
    expect(replay(base, draft, latest).offers).toEqual(['x2', 'theirs']);
  });
  it('adds what the user appended after what the other appended', () => {
    const draft = { ...base, offers: ['x', 'y', 'mine'] };
    const latest = { ...base, offers: ['x', 'y', 'theirs'] };
    expect(replay(base, draft, latest).offers).toEqual(['x', 'y', 'theirs', 'mine']);
  });
});
