import { z } from 'zod';
import { SectorCode } from '../agreements/schemas.ts';
import { LocalitySummary } from '../localities/schemas.ts';
import {
  CallerActions,
  CountryCode,
  ListQuery,
  LocalizedName,
  LocalizedText,
  LongLocalizedText,
} from '../shared/schemas.ts';

/** Pure zod: shared by the server and the web app's forms. */
export const OrganizationKind = z.enum(['government', 'company', 'association', 'university', 'other']);

const Website = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .nullable();

export const OrganizationCreate = z
  .object({
    kind: OrganizationKind,
    name: LocalizedName,
    localityCode: z.string().trim().min(1).max(100),
    website: Website.default(null),
    sectors: z.array(SectorCode).max(40).default([]),
    description: LongLocalizedText.default({}),
  })
  .strict()
  .meta({ id: 'OrganizationCreate' });
export type OrganizationCreate = z.infer<typeof OrganizationCreate>;

export const OrganizationUpdate = z
  .object({
    kind: OrganizationKind.optional(),
    name: LocalizedName.optional(),
    localityCode: z.string().trim().min(1).max(100).optional(),
    website: Website.optional(),
    sectors: z.array(SectorCode).max(40).optional(),
    description: LongLocalizedText.optional(),
  })
  .strict()
  .meta({ id: 'OrganizationUpdate' });
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>;

export const Organization = z
  .object({
    id: z.string(),
    actions: CallerActions,
    kind: OrganizationKind,
    name: LocalizedText,
    localityCode: z.string(),
    locality: LocalitySummary,
    website: z.string().nullable(),
    sectors: z.array(z.string()),
    description: LongLocalizedText,
    synthetic: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof Organization>;

/** What a list on a page shows of an organisation; a locality's detail embeds these. */
export const OrganizationSummary = z
  .object({
    id: z.string(),
    kind: OrganizationKind,
    name: LocalizedText,
    locality: LocalitySummary,
    sectors: z.array(z.string()),
    synthetic: z.boolean(),
  })
  .meta({ id: 'OrganizationSummary' });
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const OrganizationQuery = ListQuery.extend({
  country: CountryCode.optional(),
  locality: z.string().max(100).optional(),
  kind: OrganizationKind.optional(),
  sector: z.string().max(60).optional(),
  synthetic: z.enum(['true', 'false']).optional(),
});
export type OrganizationQuery = z.infer<typeof OrganizationQuery>;
