import { z } from 'zod';
import { SectorCode } from '../agreements/schemas.ts';
import { CallerActions, CountryCode, LocalizedText } from '../shared/schemas.ts';

/** Pure zod: shared by the server and the web app's profile form. */
const Text = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');

export const ProfileInput = z
  .object({
    offers: z.array(Text).max(20).default([]),
    needs: z.array(Text).max(20).default([]),
    priorities: z.array(SectorCode).max(5).default([]),
  })
  .strict()
  .refine((p) => p.offers.length + p.needs.length > 0, {
    message: 'give at least one offer or need',
    path: ['offers'],
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
