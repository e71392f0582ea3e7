import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Action, can, type Principal } from '../accounts/policy.ts';

const editor = (...localities: string[]): Principal => ({
  role: 'editor',
  grants: localities.map((l) => ({
    id: `u:editor:${l}`,
    role: 'editor' as const,
    recordType: 'locality' as const,
    recordId: l,
    grantedBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  })),
});
const organiser = (forum: string): Principal => ({
  role: 'editor',
  grants: [
    {
      id: `u:organiser:${forum}`,
      role: 'organiser',
      recordType: 'forum',
      recordId: forum,
      grantedBy: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
});
const admin: Principal = { role: 'admin', grants: [] };

describe('who may write follow-through records', () => {
  const sides = { vn: ['VN-HANOI'], jp: ['JP-27-SAKAI', 'JP-27'] };
  const project = { type: 'project' as const, partyKeys: [...sides.vn, ...sides.jp] };

  it('an editor of any party updates the project, but reports only for their own side', () => {
    for (const user of [editor('VN-HANOI'), editor('JP-27')]) expect(can(user, 'update', project)).toBe(true);
    expect(can(editor('JP-25'), 'update', project)).toBe(false);
    expect(can(editor('VN-HANOI'), 'update', { type: 'projectSide', side: 'vn', partyKeys: sides.vn })).toBe(
      true,
    );
    expect(can(editor('VN-HANOI'), 'update', { type: 'projectSide', side: 'jp', partyKeys: sides.jp })).toBe(
      false,
    );
    // The prefecture's editor reports for its city's side.
    expect(can(editor('JP-27'), 'update', { type: 'projectSide', side: 'jp', partyKeys: sides.jp })).toBe(
      true,
    );
    // Deleting a project is no one's but an admin's: a project never loses its id.
    expect(can(editor('VN-HANOI'), 'delete', project)).toBe(false);
    expect(can(admin, 'delete', project)).toBe(true);
  });

  it('a cycle is an admin’s, or its forum’s organisers’', () => {
    expect(can(organiser('f1'), 'update', { type: 'cycle', forumId: 'f1' })).toBe(true);
    expect(can(organiser('f1'), 'update', { type: 'cycle', forumId: 'f2' })).toBe(false);
    expect(can(organiser('f1'), 'update', { type: 'cycle', forumId: null })).toBe(false);
    expect(can(editor('VN-HANOI'), 'update', { type: 'cycle', forumId: null })).toBe(false);
    expect(can(admin, 'update', { type: 'cycle', forumId: null })).toBe(true);
  });

  it('no editor reports for a side none of whose keys they hold (property)', () => {
    const code = fc.constantFrom('VN-HANOI', 'VN-SON-LA', 'JP-25', 'JP-27', 'JP-27-SAKAI', 'org-1', 'org-2');
    fc.assert(
      fc.property(
        fc.array(code, { maxLength: 3 }),
        fc.array(code, { maxLength: 4 }),
        fc.constantFrom<Action>('update', 'delete', 'grant'),
        (held, keys, action) => {
          const user = editor(...held.filter((h) => h.includes('-') && !h.startsWith('org')));
          const allowed = can(user, action, { type: 'projectSide', side: 'vn', partyKeys: keys });
          const expected = action === 'update' && keys.some((k) => user.grants.some((g) => g.recordId === k));
          expect(allowed).toBe(expected);
        },
      ),
    );
    expect(can(null, 'update', project)).toBe(false);
    expect(can({ ...admin, disabled: true }, 'update', project)).toBe(false);
  });
});
