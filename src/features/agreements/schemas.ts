import { z } from 'zod';
import { SECTOR_CODES } from '../../domain/sectors.ts';
import {
  CallerActions,
  CountryCode,
  ListQuery,
  LocalizedText,
  MarkedText,
  PartialDate,
  Source,
} from '../shared/schemas.ts';

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
/** A status stated by a source or an editor; null lets Kizuna derive it from the end date and renewals. */
export const StatedStatus = AgreementStatus.nullable();
export const SectorCode = z.enum(SECTOR_CODES as [string, ...string[]], {
  error: 'is not a sector code of the taxonomy',
});

export const PartyRef = z
  .object({
    type: z.enum(['locality', 'organization']),
    code: z.string().trim().min(1).max(100),
    /** How the source names this party, when it is more precise than the record (a department). */
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();

export const Party = PartyRef.extend({
  name: LocalizedText,
  country: CountryCode,
  note: z.string().nullable(),
}).meta({ id: 'Party' });

const partiesRule = (parties: { type: string; code: string }[]) =>
  new Set(parties.map((p) => `${p.type}:${p.code}`)).size === parties.length;

// The writable fields without defaults: an update must leave out what it does not change
// (a default inside .optional() would silently reset the stored value).
const field = {
  title: MarkedText,
  kind: AgreementKind,
  kindDetail: z.string().trim().max(500).nullable(),
  fields: z.array(SectorCode).max(40),
  signedOn: PartialDate.nullable(),
  validUntil: PartialDate.nullable(),
  status: StatedStatus,
  renewsId: z.string().max(100).nullable(),
  supersedesId: z.string().max(100).nullable(),
  parties: z
    .array(PartyRef)
    .min(2, 'an agreement has at least two parties')
    .max(20)
    .refine(partiesRule, 'a party is listed twice'),
  sources: z.array(Source).max(20),
  note: z.string().trim().max(4000).nullable(),
};

const datesRule = (v: { signedOn?: string | null; validUntil?: string | null }) =>
  !v.signedOn || !v.validUntil || v.validUntil >= v.signedOn;

export const AgreementCreate = z
  .object({
    ...field,
    title: field.title.default({}),
    kindDetail: field.kindDetail.default(null),
    fields: field.fields.default([]),
    signedOn: field.signedOn.default(null),
    validUntil: field.validUntil.default(null),
    status: field.status.default(null),
    renewsId: field.renewsId.default(null),
    supersedesId: field.supersedesId.default(null),
    sources: field.sources.default([]),
    note: field.note.default(null),
  })
  .strict()
  .refine(datesRule, { message: 'must not be before the signing date', path: ['validUntil'] })
  .meta({ id: 'AgreementCreate' });
export type AgreementCreate = z.infer<typeof AgreementCreate>;

export const AgreementUpdate = z
  .object({
    title: field.title.optional(),
    kind: field.kind.optional(),
    kindDetail: field.kindDetail.optional(),
    fields: field.fields.optional(),
    signedOn: field.signedOn.optional(),
    validUntil: field.validUntil.optional(),
    status: field.status.optional(),
    renewsId: field.renewsId.optional(),
    supersedesId: field.supersedesId.optional(),
    parties: field.parties.optional(),
    sources: field.sources.optional(),
    note: field.note.optional(),
  })
  .strict()
  .refine(datesRule, { message: 'must not be before the signing date', path: ['validUntil'] })
  .meta({ id: 'AgreementUpdate' });
export type AgreementUpdate = z.infer<typeof AgreementUpdate>;

export const Agreement = z
  .object({
    id: z.string(),
    actions: CallerActions,
    title: MarkedText,
    kind: AgreementKind,
    kindDetail: z.string().nullable(),
    fields: z.array(z.string()),
    fieldsReported: z.string().nullable(),
    signedOn: z.string().nullable(),
    signedPrecision: z.enum(['year', 'month', 'day']).nullable(),
    validUntil: z.string().nullable(),
    /** Derived: renewed by a later agreement, else as stated, else expired after validUntil, else in force. */
    status: AgreementStatus,
    /** What a source or an editor stated; null when the status is derived. */
    statusStated: StatedStatus,
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

/** `GET /api/agreements/{id}`: the agreement with the one it renews and those that renew it. */
export const AgreementDetail = Agreement.extend({
  renews: Agreement.nullable(),
  renewedBy: z.array(Agreement),
}).meta({ id: 'AgreementDetail' });

/**
 * What a list on a page shows of an agreement: no sources, notes or history. A locality's
 * detail embeds these; `/api/agreements` gives the full records.
 */
export const AgreementSummary = z
  .object({
    id: z.string(),
    title: MarkedText,
    kind: AgreementKind,
    fields: z.array(z.string()),
    signedOn: z.string().nullable(),
    signedPrecision: z.enum(['year', 'month', 'day']).nullable(),
    status: AgreementStatus,
    parties: z.array(
      z
        .object({
          type: z.enum(['locality', 'organization']),
          code: z.string(),
          name: LocalizedText,
          country: CountryCode,
        })
        .meta({ id: 'PartySummary' }),
    ),
    synthetic: z.boolean(),
  })
  .meta({ id: 'AgreementSummary' });
export type AgreementSummary = z.infer<typeof AgreementSummary>;

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
