/**
 * The exhibition's forms and answers: halls, booths on a grid of cells, products with photos,
 * badges and check-in. Pure zod, shared with the web app. Every list and text has a limit.
 */
import { z } from 'zod';
import { Texts } from '../schemas.ts';

/** At most this many halls, booths per forum, products per delegation, photos per product. */
export const LIMITS = { halls: 20, booths: 2000, products: 30, photos: 8, grid: 200 } as const;

const Cell = z.number().int().min(0).max(LIMITS.grid);
const Span = z.number().int().min(1).max(LIMITS.grid);
const Code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, spaces, dots, dashes');

export const HallInput = z
  .object({
    name: Texts,
    columns: Span.meta({ description: 'Width of the grid, in cells' }),
    rows: Span.meta({ description: 'Depth of the grid, in cells' }),
  })
  .strict()
  .meta({ id: 'HallInput' });

export const BoothInput = z
  .object({
    hallId: z.string().min(1).max(160),
    code: Code,
    x: Cell,
    y: Cell,
    w: Span,
    h: Span,
  })
  .strict()
  .meta({ id: 'BoothInput' });
export const BoothUpdate = BoothInput.partial().strict().meta({ id: 'BoothUpdate' });

export const BoothAssignment = z
  .object({
    delegationId: z.string().min(1).max(160).nullable().meta({ description: 'null frees the booth' }),
    additional: z
      .boolean()
      .default(false)
      .meta({ description: 'The organiser gives this delegation one more booth than the one it has' }),
  })
  .strict()
  .meta({ id: 'BoothAssignment' });

export const Hall = z
  .object({ id: z.string(), name: Texts, columns: z.number().int(), rows: z.number().int() })
  .meta({ id: 'Hall' });

export const Booth = z
  .object({
    id: z.string(),
    hallId: z.string(),
    code: z.string(),
    x: z.number().int(),
    y: z.number().int(),
    w: z.number().int(),
    h: z.number().int(),
    delegationId: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Booth' });

const SectorCode = z.string().min(1).max(40);

export const ProductInput = z
  .object({
    name: Texts.refine((t) => Boolean(t.vi || t.ja || t.en), 'a name in at least one language'),
    description: Texts.optional(),
    sector: SectorCode.nullable().optional().meta({ description: 'A sector code of the taxonomy' }),
    ocopStars: z
      .number()
      .int()
      .min(1)
      .max(5)
      .nullable()
      .optional()
      .meta({ description: "Vietnam's OCOP rating (1–5 stars), where the product has one" }),
    gi: Texts.nullable()
      .optional()
      .meta({ description: 'The registered Geographical Indication, where the product has one' }),
    offers: z
      .array(z.number().int().min(0).max(99))
      .max(10)
      .optional()
      .meta({ description: "Which offers of the party's partner profile it illustrates (their positions)" }),
  })
  .strict()
  .meta({ id: 'ProductInput' });
export const ProductUpdate = ProductInput.partial().strict().meta({ id: 'ProductUpdate' });

export const Photo = z
  .object({
    id: z.string(),
    url: z.string(),
    thumbUrl: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
  })
  .meta({ id: 'ProductPhoto' });

export const Product = z
  .object({
    id: z.string(),
    delegationId: z.string(),
    name: Texts,
    description: Texts,
    sector: z.string().nullable(),
    ocopStars: z.number().int().nullable(),
    gi: Texts.nullable(),
    offers: z.array(z.object({ index: z.number().int(), text: z.string() })),
    photos: z.array(Photo),
    version: z.number().int(),
  })
  .meta({ id: 'Product' });

export const Exhibitor = z
  .object({
    delegationId: z.string(),
    party: z.object({ type: z.enum(['locality', 'organization']), id: z.string(), name: Texts }),
    booths: z.array(z.string()),
    products: z.array(Product),
  })
  .meta({ id: 'Exhibitor' });

export const Exhibition = z
  .object({
    forumId: z.string(),
    halls: z.array(Hall),
    booths: z.array(Booth.extend({ exhibitor: Texts.nullable() })),
    exhibitors: z.array(Exhibitor),
  })
  .meta({ id: 'Exhibition' });

export const CheckinInput = z
  .object({ code: z.string().trim().min(1).max(64) })
  .strict()
  .meta({ id: 'CheckinInput' });

export const Checkin = z
  .object({
    personId: z.string(),
    name: z.object({ native: z.string().nullable(), latin: z.string().nullable() }),
    kind: z.enum(['member', 'speaker']),
    delegation: z.object({ id: z.string(), party: Texts }).nullable(),
    position: Texts,
    dietary: z.string().nullable(),
    accessibility: z.string().nullable(),
    checkedInAt: z.string(),
    already: z.boolean().meta({ description: 'true: this person had checked in before (at checkedInAt)' }),
  })
  .meta({ id: 'Checkin' });

export const BadgeQuery = z.object({
  lang: z.enum(['vi', 'ja', 'en']).default('en'),
  delegationId: z.string().min(1).max(160).optional(),
  personId: z.string().min(1).max(160).optional(),
});
