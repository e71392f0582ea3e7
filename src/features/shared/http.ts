import type { z } from 'zod';
import type { Ctx } from '../../http/context.ts';
import { etag } from '../../http/context.ts';
import { toCsv } from './csv.ts';
import { allItems, collect } from './export.ts';
import type { Page } from './pagination.ts';
import { Problem } from './schemas.ts';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** The error answers every route may give, documented once. */
export const readErrors = { 400: problem('Invalid request'), 404: problem('Not found') } as const;
export const writeErrors = {
  ...readErrors,
  401: problem('Not signed in'),
  403: problem('Not allowed'),
  409: problem('Conflict'),
  412: problem('Stale If-Match: someone else changed the record'),
  422: problem('Unknown reference'),
  428: problem('If-Match missing'),
} as const;

/** Answers a list as JSON, or with `format=csv`, the whole filtered list as a CSV download. */
export async function listOrCsv<T>(
  c: Ctx,
  query: { format: 'json' | 'csv'; limit: number; cursor?: string },
  fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
  csv: { columns: { header: string; value: (row: T) => unknown }[]; filename: string },
): Promise<Response> {
  if (query.format === 'csv') {
    const rows = await collect(allItems((cursor) => fetchPage(cursor, 200)));
    return c.body(toCsv(csv.columns, rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.filename}.csv"`,
    });
  }
  return c.json((await fetchPage(query.cursor, query.limit)) as never, 200);
}

export const withEtag = (c: Ctx, version: number) => c.header('ETag', etag(version));
