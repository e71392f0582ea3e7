import { z } from 'zod';

/** Pure zod schemas shared by the server and the web app. Import nothing but zod here. */

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const LocalizedText = z
  .object({ vi: text(500).optional(), ja: text(500).optional(), en: text(500).optional() })
  .strict()
  .meta({ id: 'LocalizedText', description: 'A text per language; any may be absent.' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A name needs at least one language. */
export const LocalizedName = LocalizedText.refine((v) => Boolean(v.vi || v.ja || v.en), {
  message: 'give the name in at least one of vi, ja, en',
});

export const LongLocalizedText = z
  .object({
    vi: z.string().max(5000).optional(),
    ja: z.string().max(5000).optional(),
    en: z.string().max(5000).optional(),
  })
  .strict();

/** Whether a language of a text is an official or an unofficial translation; a language not marked is the original. */
export const TranslationStatus = z.enum(['official', 'unofficial']);
export type TranslationStatus = z.infer<typeof TranslationStatus>;
export const TranslationMarks = z
  .object({
    vi: TranslationStatus.optional(),
    ja: TranslationStatus.optional(),
    en: TranslationStatus.optional(),
  })
  .strict()
  .meta({
    id: 'TranslationMarks',
    description:
      'The languages of a text that are translations (official or unofficial); the others are originals.',
  });
export type TranslationMarks = z.infer<typeof TranslationMarks>;

/** A short text per language that says which of its languages are translations. */
export const MarkedText = LocalizedText.extend({ translation: TranslationMarks.optional() })
  .strict()
  .meta({ id: 'MarkedText', description: 'A text per language; `translation` marks the translated ones.' });
export type MarkedText = z.infer<typeof MarkedText>;

/** A long text per language, with its translations marked. */
export const MarkedLongText = LongLocalizedText.extend({ translation: TranslationMarks.optional() })
  .strict()
  .meta({ id: 'MarkedLongText' });

export const Source = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2000)
      .nullable(),
    /** The researcher's note on the source, in the language it was written in (English for the reference data). */
    note: z.string().max(4000).nullable().default(null),
    /** What the source says, for the public, in each language (translations marked). */
    summary: MarkedLongText.optional(),
  })
  .strict()
  .meta({ id: 'Source', description: 'Where a fact comes from.' });
export type Source = z.infer<typeof Source>;

export const CountryCode = z.enum(['VN', 'JP']);

/**
 * What the signed-in caller may do with a record (`update`, `delete`, …), added to answers by
 * `http/actions.ts`; absent for a visitor. The web app shows Edit and Delete only when listed.
 */
export const CallerActions = z
  .array(z.enum(['update', 'delete', 'grant', 'interpret']))
  .optional()
  .meta({ description: 'What the signed-in caller may do with this record; absent for a visitor' });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() }).meta({ id });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** ISO 8601 date of reduced precision: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    if (m === undefined) return y >= 1800 && y <= 2200;
    if (m < 1 || m > 12) return false;
    if (d === undefined) return true;
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a real date');

export const datePrecision = (s: string | null | undefined): 'year' | 'month' | 'day' | null =>
  !s ? null : s.length === 4 ? 'year' : s.length === 7 ? 'month' : 'day';
