import { describe, expect, it } from 'vitest';
import { AgreementKind, AgreementStatus } from '../../../src/features/agreements/schemas.ts';
import { LocalityKind } from '../../../src/features/localities/schemas.ts';
import { OrganizationKind } from '../../../src/features/organizations/schemas.ts';
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
