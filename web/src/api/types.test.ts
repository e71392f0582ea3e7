import { describe, expect, it } from 'vitest';
import { AgreementKind, AgreementStatus } from '../../../src/features/agreements/schemas.ts';
import { LocalityKind } from '../../../src/features/localities/schemas.ts';
import { OrganizationKind } from '../../../src/features/organizations/schemas.ts';
import en from '../i18n/en.json' with { type: 'json' };
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, LOCALITY_KINDS, ORGANIZATION_KINDS } from './types.ts';

// The reading pages keep these lists as plain constants so the home page bundle does not pull
// in zod; this test keeps them equal to the server's enums.
describe('enum copies for the reading pages', () => {
  it('match the shared schemas', () => {
    expect([...AGREEMENT_KINDS]).toEqual(AgreementKind.options);
    expect([...AGREEMENT_STATUSES]).toEqual(AgreementStatus.options);
    expect([...ORGANIZATION_KINDS]).toEqual(OrganizationKind.options);
    expect([...LOCALITY_KINDS]).toEqual(LocalityKind.options);
  });
});

describe('labels for every enum value', () => {
  it('exist in the catalogs (which the i18n test keeps equal across languages)', () => {
    const catalog = en as unknown as Record<string, Record<string, string>>;
    const missing = [
      ...AgreementKind.options.map((k) => ['agreementKind', k]),
      ...AgreementStatus.options.map((k) => ['status', k]),
      ...OrganizationKind.options.map((k) => ['orgKind', k]),
      ...LocalityKind.options.map((k) => ['localityKind', k]),
      ...LocalityKind.options.map((k) => ['names', k]),
    ].filter(([group, key]) => !catalog[group]?.[key]);
    expect(missing).toEqual([]);
  });
});
