import { z } from 'zod';
import { Agreement, AgreementSummary } from '../agreements/schemas.ts';
import { Locality, LocalitySummary } from '../localities/schemas.ts';
import { Organization, OrganizationSummary } from '../organizations/schemas.ts';

// The answers of the pages that gather several features (pure zod: the web app infers its
// page types from them, type-only, so nothing of the server reaches the bundle).

/** How many agreements and organisations a locality's page embeds; the list endpoints continue. */
export const DETAIL_ITEMS = 10;

const nextCursor = (list: string) =>
  z
    .string()
    .nullable()
    .describe(`continues the list with GET ${list}?locality={code}&cursor=…; null when all are here`);

export const LocalityDetail = Locality.extend({
  parent: LocalitySummary.nullable(),
  children: z.array(LocalitySummary),
  partners: z.array(z.object({ locality: LocalitySummary, agreements: z.number().int() })),
  agreements: z.array(AgreementSummary).describe(`the newest agreements (up to ${DETAIL_ITEMS})`),
  agreementsTotal: z.number().int(),
  agreementsNextCursor: nextCursor('/api/agreements'),
  organizations: z
    .array(OrganizationSummary)
    .describe(`the first organisations by name (up to ${DETAIL_ITEMS})`),
  organizationsTotal: z.number().int(),
  organizationsNextCursor: nextCursor('/api/organizations'),
}).meta({ id: 'LocalityDetail' });

export const OrganizationDetail = Organization.extend({ agreements: z.array(Agreement) }).meta({
  id: 'OrganizationDetail',
});

export const Stats = z
  .object({
    agreements: z.number().int(),
    localities: z.number().int(),
    organizations: z.number().int(),
    byField: z.array(z.object({ code: z.string(), count: z.number().int() })),
    byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
    recent: z.array(Agreement),
  })
  .meta({ id: 'Stats' });

export const Sectors = z
  .object({
    items: z.array(
      z.object({ code: z.string(), label: z.object({ vi: z.string(), ja: z.string(), en: z.string() }) }),
    ),
  })
  .meta({ id: 'Sectors' });
