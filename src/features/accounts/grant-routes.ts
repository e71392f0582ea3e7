import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { type AppEnv, type Deps, requireUser, signedIn } from '../../http/context.ts';
import { json, jsonBody, readErrors, writeErrors } from '../shared/http.ts';
import { addGrant, listRecordGrants, removeGrant } from './grants.ts';
import { ACTIONS, type Action } from './policy.ts';
import { PermissionType, permittedIds } from './records.ts';
import { usersRepo } from './repository.ts';
import { Grant, GrantGive, RecordType } from './schemas.ts';

const tags = ['Accounts'];

const GrantHolder = z
  .object({
    id: z.string(),
    role: Grant.shape.role,
    userId: z.string(),
    email: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'GrantHolder' });

const PermissionsQuery = z.object({
  type: PermissionType,
  action: z.enum(ACTIONS as [Action, ...Action[]]).default('update'),
  /** Comma-separated ids, at most 200. */
  ids: z
    .string()
    .max(20_000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.string().min(1).max(200)).max(200, 'at most 200 ids')),
});

/**
 * Roles per record: who holds which role on a record, giving and taking roles, and "which of these
 * records may I act on" for pages that list many (answers are personal: never cached).
 */
export function grantRoutes({ db }: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/grants',
      tags,
      middleware: [signedIn] as const,
      summary: "The roles held on one record, with their holders (the record's admins and organisers)",
      request: { query: z.object({ recordType: RecordType, recordId: z.string().min(1).max(100) }) },
      responses: {
        200: json(z.object({ items: z.array(GrantHolder) }), 'Holders'),
        ...readErrors,
        ...writeErrors,
      },
    }),
    async (c) => c.json({ items: await listRecordGrants(db.db, c.req.valid('query'), requireUser(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/grants',
      tags,
      middleware: [signedIn] as const,
      summary: 'Give an account a role on one record (admins: any; a forum’s organisers: that forum’s roles)',
      request: { body: jsonBody(GrantGive) },
      responses: { 201: json(Grant, 'Given'), ...writeErrors },
    }),
    async (c) => {
      const by = requireUser(c);
      const { userId, email, ...input } = c.req.valid('json');
      const row = userId ? await usersRepo.byId(db.db, userId) : await usersRepo.byEmail(db.db, email!);
      if (!row)
        throw new AppError('not_found', `no account ${userId ?? email}`, [
          { path: userId ? 'userId' : 'email', message: 'no such account', code: 'unknown_reference' },
        ]);
      return c.json(await addGrant(db.db, { userId: row.id, input, by }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/grants/{id}',
      tags,
      middleware: [signedIn] as const,
      summary: 'Take a role back',
      request: { params: z.object({ id: z.string().min(1).max(400) }) },
      responses: { 204: { description: 'Taken back' }, ...writeErrors },
    }),
    async (c) => {
      await removeGrant(db.db, { id: c.req.valid('param').id, by: requireUser(c) });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/permissions',
      tags,
      summary: 'Which of these records the caller may act on (an empty list for a visitor)',
      request: { query: PermissionsQuery },
      responses: {
        200: json(
          z.object({ type: PermissionType, action: z.string(), ids: z.array(z.string()) }).meta({
            id: 'Permissions',
          }),
          'The ids the caller may act on',
        ),
        ...readErrors,
      },
    }),
    async (c) => {
      const { type, action, ids } = c.req.valid('query');
      const allowed = await permittedIds(db.db, c.get('user') ?? null, action, type, ids);
      return c.json({ type, action, ids: allowed }, 200, { 'cache-control': 'private, no-store' });
    },
  );

  return app;
}
