import { z } from 'zod';
import { SECTOR_CODES } from '../../domain/sectors.ts';
import { CountryCode, ListQuery, LocalizedText, PartialDate, Source } from '../shared/schemas.ts';

/** Pure zod: shared by the server and the web app's forms. */
export const AgreementKind = z.enum([
  'friendship',
  'mou',
  'cooperation_agreement',
  'protocol',
  'joint_statement',
  'letter_of_intent',
  'other',
]);
export const AgreementStatus = z.enum(['in_force', 'expired', 'renewed', 'planned']);
export const SectorCode = z.enum(SECTOR_CODES as [string, ...string[]], {
  error: 'is not a sector code of the taxonomy',
});

export const PartyRef = z
  .object({
    type: z.enum(['locality', 'organization']),
    code: z.string().trim().min(1).max(100),
  })
  .strict();

export const Party = PartyRef.extend({
  name: LocalizedText,
  country: CountryCode,
  note: z.string().nullable(),
}).meta({ id: 'Party' });

const partiesRule = (parties: { type: string; code: string }[]) =>
  new Set(parties.map((p) => `${p.type}:${p.code}`)).size === parties.length;

const writable = {
  title: LocalizedText.default({}),
  kind: AgreementKind,
  kindDetail: z.string().trim().max(500).nullable().default(null),
  fields: z.array(SectorCode).max(40).default([]),
  signedOn: PartialDate.nullable().default(null),
  validUntil: PartialDate.nullable().default(null),
  status: AgreementStatus.default('in_force'),
  renewsId: z.string().max(100).nullable().default(null),
  supersedesId: z.string().max(100).nullable().default(null),
  parties: z
    .array(PartyRef)
    .min(2, 'an agreement has at least two parties')
    .max(20)
    .refine(partiesRule, 'a party is listed twice'),
  sources: z.array(Source).max(20).default([]),
  note: z.string().trim().max(4000).nullable().default(null),
};

const datesRule = (v: { signedOn?: string | null; validUntil?: string | null }) =>
  !v.signedOn || !v.validUntil || v.validUntil >= v.signedOn;

export const AgreementCreate = z
  .object(writable)
  .strict()
  .refine(datesRule, { message: 'must not be before the signing date', path: ['validUntil'] })
  .meta({ id: 'AgreementCreate' });
export type AgreementCreate = z.infer<typeof AgreementCreate>;

export const AgreementUpdate = z
  .object({
    title: LocalizedText.optional(),
    kind: AgreementKind.optional(),
    kindDetail: writable.kindDetail.optional(),
    fields: writable.fields.optional(),
    signedOn: PartialDate.nullable().optional(),
    validUntil: PartialDate.nullable().optional(),
    status: AgreementStatus.optional(),
    renewsId: writable.renewsId.optional(),
    supersedesId: writable.supersedesId.optional(),
    parties: writable.parties.optional(),
    sources: z.array(Source).max(20).optional(),
    note: writable.note.optional(),
  })
  .strict()
  .refine(datesRule, { message: 'must not be before the signing date', path: ['validUntil'] })
  .meta({ id: 'AgreementUpdate' });
export type AgreementUpdate = z.infer<typeof AgreementUpdate>;

export const Agreement = z
  .object({
    id: z.string(),
    title: LocalizedText,
    kind: AgreementKind,
    kindDetail: z.string().nullable(),
    fields: z.array(z.string()),
    fieldsReported: z.string().nullable(),
    signedOn: z.string().nullable(),
    signedPrecision: z.enum(['year', 'month', 'day']).nullable(),
    validUntil: z.string().nullable(),
    status: AgreementStatus,
    renewsId: z.string().nullable(),
    supersedesId: z.string().nullable(),
    parties: z.array(Party),
    sources: z.array(Source),
    note: z.string().nullable(),
    synthetic: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof Agreement>;

export const AgreementQuery = ListQuery.extend({
  country: CountryCode.optional(),
  locality: z.string().max(100).optional(),
  organization: z.string().max(100).optional(),
  kind: AgreementKind.optional(),
  field: z.string().max(60).optional(),
  status: AgreementStatus.optional(),
  yearFrom: z.coerce.number().int().min(1800).max(2200).optional(),
  yearTo: z.coerce.number().int().min(1800).max(2200).optional(),
});
export type AgreementQuery = z.infer<typeof AgreementQuery>;
