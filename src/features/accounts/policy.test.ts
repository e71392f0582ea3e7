import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  assertCanEditAgreement,
  assertCanEditLocality,
  assertCanEditOrganization,
  withParent,
} from './policy.ts';
import type { User } from './schemas.ts';

const user = (role: 'admin' | 'editor', scopes: string[]): User => ({
  id: 'u-1',
  email: 'someone@example.org',
  role,
  scopes,
  grants: scopes.map((s) => ({
    id: `u-1:editor:${s}`,
    role: 'editor' as const,
    recordType: /^(VN|JP)-/.test(s) ? ('locality' as const) : ('organization' as const),
    recordId: s,
    grantedBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  })),
  disabled: false,
  mustChangePassword: false,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** The refusal thrown by `act`, or null when it is allowed. */
const refusal = (act: () => void): AppError | null => {
  try {
    act();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
};

describe('the editing policy', () => {
  it('lets an admin change anything, and an editor only what a scope names', () => {
    expect(refusal(() => assertCanEditLocality(user('admin', []), 'JP-13-X', 'JP-13'))).toBeNull();
    expect(refusal(() => assertCanEditLocality(user('editor', ['JP-13']), 'JP-13-X', 'JP-13'))).toBeNull();
    expect(refusal(() => assertCanEditLocality(user('editor', ['JP-13-X']), 'JP-13-X', 'JP-13'))).toBeNull();
    expect(refusal(() => assertCanEditLocality(user('editor', ['JP-14']), 'JP-13-X', 'JP-13'))?.code).toBe(
      'auth.forbidden',
    );
    expect(refusal(() => assertCanEditLocality(user('editor', []), 'VN-HUE', null))?.code).toBe(
      'auth.forbidden',
    );
  });

  it('names the record and the scopes in a refusal', () => {
    expect(
      refusal(() => assertCanEditLocality(user('editor', ['JP-14', 'VN-HUE']), 'JP-13-X', 'JP-13'))?.detail,
    ).toBe('your account (scopes: JP-14, VN-HUE) may not change locality JP-13-X');
    expect(
      refusal(() => assertCanEditOrganization(user('editor', []), { id: 'org-1', localityCode: 'VN-HUE' }))
        ?.detail,
    ).toBe('your account (scopes: none) may not change organisation org-1');
    expect(refusal(() => assertCanEditAgreement(user('editor', ['VN-HUE']), ['JP-13']))?.detail).toBe(
      'your account (scopes: VN-HUE) may not change an agreement none of whose parties is in your scope',
    );
  });

  it('scopes an organisation by itself, its locality and that locality’s prefecture', () => {
    const org = { id: 'org-1', localityCode: 'JP-27-SAKAI' };
    for (const scope of ['org-1', 'JP-27-SAKAI', 'JP-27'])
      expect(
        refusal(() => assertCanEditOrganization(user('editor', [scope]), org)),
        scope,
      ).toBeNull();
    expect(refusal(() => assertCanEditOrganization(user('editor', ['JP-28']), org))).not.toBeNull();
  });

  it('finds the prefecture only at the start of a city code', () => {
    expect(withParent('JP-27-SAKAI')).toEqual(['JP-27-SAKAI', 'JP-27']);
    expect(withParent('JP-27')).toEqual(['JP-27']);
    expect(withParent('VN-HUE')).toEqual(['VN-HUE']);
    expect(withParent('XJP-27-SAKAI')).toEqual(['XJP-27-SAKAI']);
  });
});
