import { z } from 'zod';
import { isSectorCode } from '../sectors.ts';

/** Longest offer or need accepted from a file: a paragraph, not a document. */
export const MAX_TEXT_LENGTH = 2000;
export const MAX_TEXTS = 50;
export const PROFILES_FORMAT = 'kizuna.profiles/1';
export const MATCHES_FORMAT = 'kizuna.matches/1';

const text = z
  .string()
  .refine((s) => s.trim().length > 0, 'empty text')
  .refine((s) => s.length <= MAX_TEXT_LENGTH, `text longer than ${MAX_TEXT_LENGTH} characters`);

const sectorCode = z.string().refine(isSectorCode, 'unknown sector code');

export const ProfileSchema = z
  .object({
    id: z.string().min(1, 'empty id').max(200, 'id longer than 200 characters'),
    country: z
      .string({ error: 'missing country' })
      .regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code such as VN or JP'),
    kind: z.enum(['locality', 'company', 'agency', 'university', 'association']),
    name: z.string().min(1, 'empty name'),
    offers: z.array(text).max(MAX_TEXTS),
    needs: z.array(text).max(MAX_TEXTS),
    sectors: z.array(sectorCode).default([]),
    /** Priority fields the party has named (sector codes): weaker evidence than a need. */
    priorities: z.array(sectorCode).default([]),
    partners: z.array(z.string()).default([]),
  })
  .refine((p) => p.offers.length + p.needs.length > 0, 'a profile needs at least one offer or need');

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

export const ProfilesFileSchema = z
  .object({
    format: z.literal(PROFILES_FORMAT, { error: `unknown format (expected "${PROFILES_FORMAT}")` }),
    profiles: z.array(ProfileSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.profiles.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `duplicate id "${p.id}"` });
      seen.add(p.id);
    });
  });

export type ProfilesFile = z.infer<typeof ProfilesFileSchema>;

export interface Problem {
  path: string;
  reason: string;
}

const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${String(k)}`), '$');

/**
 * Validates a parsed profiles document. Every problem is reported, each with a JSON path, so a
 * person can fix a file in one pass.
 * @example validateProfiles({ format: 'x' }).problems[0] // { path: '$.format', reason: 'unknown format ...' }
 */
export const validateProfiles = (
  data: unknown,
): { ok: true; profiles: Profile[] } | { ok: false; problems: Problem[] } => {
  const parsed = ProfilesFileSchema.safeParse(data);
  if (parsed.success) return { ok: true, profiles: parsed.data.profiles };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({ path: jsonPath(i.path), reason: i.message })),
  };
};
