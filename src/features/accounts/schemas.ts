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

/**
 * The records a role may be held on, and the roles each takes: an editor of a locality or an
 * organisation; the organiser of a forum (its programme, rooms, people, releases) or an
 * interpreter at it.
 */
export const GRANT_ROLES = {
  locality: ['editor'],
  organization: ['editor'],
  forum: ['organiser', 'interpreter'],
  delegation: ['head'],
} as const;
export const RecordType = z.enum(['locality', 'organization', 'forum', 'delegation']);
export type RecordType = z.infer<typeof RecordType>;
export const GrantRole = z.enum(['editor', 'organiser', 'interpreter', 'head']);
export type GrantRole = z.infer<typeof GrantRole>;

export const Grant = z
  .object({
    id: z.string(),
    role: GrantRole,
    recordType: RecordType,
    recordId: z.string(),
    grantedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Grant' });
export type Grant = z.infer<typeof Grant>;

const GrantFields = z.object({
  role: GrantRole,
  recordType: RecordType,
  recordId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'must be a record id'),
});

const roleFitsRecord = (v: { role: GrantRole; recordType: RecordType }, ctx: z.RefinementCtx) => {
  if (!(GRANT_ROLES[v.recordType] as readonly string[]).includes(v.role))
    ctx.addIssue({
      code: 'custom',
      path: ['role'],
      message: `a ${v.recordType} takes the roles ${GRANT_ROLES[v.recordType].join(', ')}`,
    });
};

export const GrantCreate = GrantFields.strict().superRefine(roleFitsRecord);

/** A grant to give: to an account named by id (admins) or by its address (a forum's organisers). */
export const GrantGive = GrantFields.extend({
  userId: z.string().min(1).max(100).optional(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: 'must be an email address' }))
    .optional(),
})
  .strict()
  .superRefine(roleFitsRecord)
  .refine((v) => (v.userId === undefined) !== (v.email === undefined), {
    message: 'name the account by userId or by email, one of them',
    path: ['userId'],
  });

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    /** The localities and organisations this account edits: its `editor` grants' records. */
    scopes: z.array(z.string()),
    /** Every role the account holds on a record. */
    grants: z.array(Grant),
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
  .object({
    email: Email,
    role: Role,
    scopes: z.array(Scope).max(100).default([]),
    /** Roles on forums (organiser, interpreter), beside the editor scopes. */
    grants: z.array(GrantCreate).max(100).default([]),
  })
  .strict()
  .refine((v) => v.role === 'admin' || v.scopes.length > 0 || v.grants.length > 0, {
    message: 'an editor needs at least one scope or grant',
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
