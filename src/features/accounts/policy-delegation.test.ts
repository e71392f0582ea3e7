import { describe, expect, it } from 'vitest';
import { actionsOn, can, canGrant, type Principal } from './policy.ts';
import type { Grant } from './schemas.ts';

const grant = (role: Grant['role'], recordType: Grant['recordType'], recordId: string): Grant => ({
  id: `u:${role}:${recordType}:${recordId}`,
  role,
  recordType,
  recordId,
  grantedBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const who = (...grants: Grant[]): Principal => ({ role: 'editor', grants });
const d1 = { type: 'delegation' as const, id: 'f1.d-1', forumId: 'f1' };

describe('who may change a delegation', () => {
  it('lets its head and the organisers of its forum update it, and nobody else', () => {
    expect(can(who(grant('head', 'delegation', 'f1.d-1')), 'update', d1)).toBe(true);
    expect(can(who(grant('organiser', 'forum', 'f1')), 'update', d1)).toBe(true);
    expect(can(who(grant('head', 'delegation', 'f1.d-2')), 'update', d1)).toBe(false);
    expect(can(who(grant('organiser', 'forum', 'f2')), 'update', d1)).toBe(false);
    expect(can(who(grant('interpreter', 'forum', 'f1')), 'update', d1)).toBe(false);
    expect(can(who(grant('editor', 'locality', 'f1.d-1')), 'update', d1)).toBe(false);
    expect(can({ role: 'admin', grants: [] }, 'update', d1)).toBe(true);
    expect(can({ ...who(grant('head', 'delegation', 'f1.d-1')), disabled: true }, 'update', d1)).toBe(false);
  });

  it('gives a head no other action, and no right to name heads; the organiser may', () => {
    const head = who(grant('head', 'delegation', 'f1.d-1'));
    expect(actionsOn(head, d1)).toEqual(['update']);
    for (const a of ['delete', 'grant', 'interpret'] as const) expect(can(head, a, d1)).toBe(false);
    expect(canGrant(head, d1)).toBe(false);
    expect(canGrant(who(grant('organiser', 'forum', 'f1')), d1)).toBe(true);
    expect(canGrant(who(grant('organiser', 'forum', 'f2')), d1)).toBe(false);
    // A head does not edit the forum itself.
    expect(can(head, 'update', { type: 'forum', id: 'f1' })).toBe(false);
  });
});
