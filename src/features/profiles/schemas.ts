import { z } from 'zod';
import { SectorCode } from '../agreements/schemas.ts';
import { CallerActions, CountryCode, LocalizedText, TranslationStatus } from '../shared/schemas.ts';

/** Pure zod: shared by the server and the web app's profile form. */
const Text = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');

export const ProfileLang = z.enum(['vi', 'ja', 'en']);

/** The offers and needs in another language, item for item, and whether the translation is official. */
export const ProfileTranslation = z
  .object({
    offers: z.array(Text).max(20).default([]),
    needs: z.array(Text).max(20).default([]),
    status: TranslationStatus,
  })
  .strict()
  .meta({ id: 'ProfileTranslation' });

export const ProfileTranslations = z
  .object({
    vi: ProfileTranslation.optional(),
    ja: ProfileTranslation.optional(),
    en: ProfileTranslation.optional(),
  })
  .strict()
  .meta({ id: 'ProfileTranslations' });

export const ProfileInput = z
  .object({
    offers: z.array(Text).max(20).default([]),
    needs: z.array(Text).max(20).default([]),
    priorities: z.array(SectorCode).max(5).default([]),
    /** The language the offers and needs are written in. */
    lang: ProfileLang.nullable().default(null),
    /** The same offers and needs in other languages (replaced with the profile: send them again). */
    translations: ProfileTranslations.default({}),
  })
  .strict()
  .refine((p) => p.offers.length + p.needs.length > 0, {
    message: 'give at least one offer or need',
    path: ['offers'],
  })
  .superRefine((p, ctx) => {
    for (const [lang, t] of Object.entries(p.translations)) {
      if (!t) continue;
      if (lang === p.lang)
        ctx.addIssue({
          code: 'custom',
          path: ['translations', lang],
          message: 'is the language of the original',
        });
      for (const side of ['offers', 'needs'] as const)
        if (t[side].length !== p[side].length)
          ctx.addIssue({
            code: 'custom',
            path: ['translations', lang, side],
            message: `must have as many items as the original ${side} (${p[side].length})`,
          });
    }
  })
  .meta({ id: 'ProfileInput' });
export type ProfileInput = z.infer<typeof ProfileInput>;

export const ProfileOwner = z
  .object({
    id: z.string(),
    type: z.enum(['locality', 'organization']),
    name: LocalizedText,
    country: CountryCode,
    kind: z.string(),
  })
  .meta({ id: 'ProfileOwner' });

/** What Kizuna understood of one offer or need: the language it is written in and the sectors the matcher recognised in it. */
export const TextUnderstood = z
  .object({
    lang: z.enum(['vi', 'ja', 'en']),
    sectors: z.array(z.string()),
  })
  .meta({ id: 'TextUnderstood' });

export const Profile = z
  .object({
    id: z.string(),
    actions: CallerActions,
    owner: ProfileOwner,
    offers: z.array(z.string()),
    needs: z.array(z.string()),
    /** Parallel to `offers` and `needs`: each text's language and the sectors recognised in it. */
    understood: z.object({ offers: z.array(TextUnderstood), needs: z.array(TextUnderstood) }),
    /** The language the offers and needs were written in, when known. */
    lang: ProfileLang.nullable(),
    /** The offers and needs in other languages, marked official or unofficial (the starting profiles: unofficial). */
    translations: z.object({
      vi: z
        .object({ offers: z.array(z.string()), needs: z.array(z.string()), status: TranslationStatus })
        .optional(),
      ja: z
        .object({ offers: z.array(z.string()), needs: z.array(z.string()), status: TranslationStatus })
        .optional(),
      en: z
        .object({ offers: z.array(z.string()), needs: z.array(z.string()), status: TranslationStatus })
        .optional(),
    }),
    /** Why a starting profile says what it says, in other languages (translations, unofficial). */
    basisTranslations: z.object({
      vi: z.string().optional(),
      ja: z.string().optional(),
      en: z.string().optional(),
    }),
    priorities: z.array(z.string()),
    sectors: z.array(z.string()),
    starter: z.boolean(),
    basis: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof Profile>;

export const MatchReason = z
  .object({
    direction: z.enum(['offer-to-need', 'need-to-offer', 'shared-sector']),
    from: z.string().optional(),
    offer: z.number().int().optional(),
    need: z.number().int().optional(),
    sector: z.string(),
    basis: z.enum(['concept', 'sector', 'shared-sector']).meta({
      description:
        'How the link was made: the same concept named on both sides, different concepts of one sector (a broader signal), or only a shared sector',
    }),
    concepts: z.array(z.string()).optional().meta({ description: 'Ids of the concepts both texts name' }),
    evidence: z.array(z.string()),
  })
  .meta({ id: 'MatchReason' });

export const MatchQuery = z.object({
  for: z.string().min(1).max(100),
  top: z.coerce.number().int().min(1).max(50).default(10),
  sector: z.string().max(60).optional(),
  country: CountryCode.optional(),
  includePartners: z.enum(['true', 'false']).default('false'),
});

export const Matches = z
  .object({
    profile: Profile,
    partners: z.array(
      z.object({
        id: z.string(),
        score: z.number(),
        reasons: z.array(MatchReason),
        /** Already a party to an agreement with the profile (listed only with includePartners). */
        existingPartner: z.boolean(),
        profile: Profile,
      }),
    ),
  })
  .meta({ id: 'Matches' });
