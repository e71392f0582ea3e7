/** News: inputs and answers (pure zod, shared with the web app). */
import { z } from 'zod';
import { TRANSLATION_STATUSES } from '../../domain/feeds/atom.ts';

export const NewsLang = z.enum(['vi', 'ja', 'en']);
export type NewsLang = z.infer<typeof NewsLang>;
export const NewsStatus = z.enum(TRANSLATION_STATUSES);

/** One language's version of a news item: its title, its HTML text (sanitised when stored) and how it came to be. */
export const NewsText = z
  .object({
    title: z.string().trim().min(1).max(300),
    body: z.string().max(100_000),
    status: NewsStatus,
  })
  .strict()
  .meta({ id: 'NewsText' });
export type NewsText = z.infer<typeof NewsText>;

export const NewsTexts = z
  .object({ vi: NewsText.optional(), ja: NewsText.optional(), en: NewsText.optional() })
  .strict()
  .meta({ id: 'NewsTexts' });
export type NewsTexts = z.infer<typeof NewsTexts>;

const Ref = z.string().min(1).max(120).nullable().optional();

export const NewsInput = z
  .object({
    texts: NewsTexts,
    forumId: Ref,
    cycleId: Ref,
    projectId: Ref,
    publishedAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'Defaults to now' }),
  })
  .strict()
  .meta({ id: 'NewsInput' });
export type NewsInput = z.infer<typeof NewsInput>;

export const NewsUpdate = NewsInput.partial().strict().meta({ id: 'NewsUpdate' });
export type NewsUpdate = z.infer<typeof NewsUpdate>;

export const NewsItem = z
  .object({
    id: z.string(),
    texts: NewsTexts,
    languages: z.array(NewsLang),
    forumId: z.string().nullable(),
    cycleId: z.string().nullable(),
    projectId: z.string().nullable(),
    publishedAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'NewsItem' });
export type NewsItem = z.infer<typeof NewsItem>;

export const NewsList = z
  .object({ items: z.array(NewsItem), total: z.number().int(), nextCursor: z.string().nullable() })
  .meta({ id: 'NewsList' });

export const NewsQuery = z.object({
  lang: NewsLang.optional().meta({ description: 'Only items with a version in this language' }),
  forumId: z.string().max(120).optional(),
  cycleId: z.string().max(120).optional(),
  projectId: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const FeedQuery = z.object({ lang: NewsLang });
