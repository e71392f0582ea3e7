import { z } from 'zod';

export const Role = z.enum(['admin', 'editor']);
export type Role = z.infer<typeof Role>;

/** Scopes are locality codes (VN-…, JP-…) or organisation ids. */
export const Scope = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/, 'must be a locality code or an organisation id');

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    scopes: z.array(z.string()),
    mustChangePassword: z.boolean(),
    disabled: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }));

export const SignIn = z
  .object({ email: z.string().trim().toLowerCase().min(1).max(254), password: z.string().min(1).max(1000) })
  .strict();

export const PasswordChange = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().min(12, 'must be at least 12 characters').max(1000),
  })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: 'must differ from the current password',
    path: ['newPassword'],
  });

export const UserCreate = z
  .object({ email: Email, role: Role, scopes: z.array(Scope).max(100).default([]) })
  .strict()
  .refine((v) => v.role === 'admin' || v.scopes.length > 0, {
    message: 'an editor needs at least one scope',
    path: ['scopes'],
  });

export const UserUpdate = z
  .object({
    role: Role.optional(),
    scopes: z.array(Scope).max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

/** What a token may do: `read` only GET and HEAD, `write` whatever its account may. */
export const TokenScope = z.enum(['read', 'write']);
export type TokenScope = z.infer<typeof TokenScope>;

export const TokenCreate = z
  .object({
    name: z.string().trim().min(1).max(100),
    scope: TokenScope.default('write'),
    /** Shorter than the server's lifetime for tokens (KIZUNA_TOKEN_DAYS, 90 by default), never longer. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: TokenScope,
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
