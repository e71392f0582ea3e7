import { z } from 'zod';
import {
  CallerActions,
  CountryCode,
  ListQuery,
  LocalizedName,
  LocalizedText,
  Source,
} from '../shared/schemas.ts';

export const LocalityKind = z.enum(['province', 'city', 'prefecture', 'municipality']);

export const LocalitySummary = z
  .object({ code: z.string(), country: CountryCode, kind: LocalityKind, name: LocalizedText })
  .meta({ id: 'LocalitySummary' });
export type LocalitySummary = z.infer<typeof LocalitySummary>;

export const Locality = LocalitySummary.extend({
  actions: CallerActions,
  parentCode: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** The English name of the administrative centre (kept for API clients); `adminCenterName` has every script. */
  adminCenter: z.string().nullable(),
  adminCenterName: LocalizedText,
  mergedFrom: z.array(z.string()),
  sources: z.array(Source),
  version: z.number().int(),
}).meta({ id: 'Locality' });
export type Locality = z.infer<typeof Locality>;

export const LocalityQuery = ListQuery.extend({
  country: CountryCode.optional(),
  kind: LocalityKind.optional(),
  parent: z.string().max(100).optional(),
});

const Lat = z.number().min(-90).max(90).nullable();
const Lon = z.number().min(-180).max(180).nullable();

/** Only localities below prefecture level are created through the API (cities, towns). */
export const LocalityCreate = z
  .object({
    code: z
      .string()
      .trim()
      .regex(
        /^JP-\d{2}-[A-Z0-9-]{2,40}$/,
        'must look like JP-27-SAKAI (parent prefecture code, then a name)',
      ),
    parentCode: z.string().regex(/^JP-\d{2}$/, 'must be a prefecture code like JP-27'),
    name: LocalizedName,
    adminCenter: z.string().trim().max(200).nullable().default(null),
    lat: Lat.default(null),
    lon: Lon.default(null),
    sources: z.array(Source).max(20).default([]),
  })
  .strict()
  .refine((v) => v.code.startsWith(`${v.parentCode}-`), {
    message: 'must start with the parent code',
    path: ['code'],
  })
  .meta({ id: 'LocalityCreate' });

export const LocalityUpdate = z
  .object({
    name: LocalizedName.optional(),
    adminCenter: z.string().trim().max(200).nullable().optional(),
    lat: Lat.optional(),
    lon: Lon.optional(),
    sources: z.array(Source).max(20).optional(),
  })
  .strict()
  .meta({ id: 'LocalityUpdate' });
