import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';

const nul = (where: string) =>
  new AppError('validation.invalid', `the ${where} contains a NUL character, which no field accepts`, [
    {
      path: where === 'URL' ? '(url)' : '(body)',
      message: 'contains NUL (\\u0000)',
      code: 'invalid_character',
    },
  ]);

// An escaped NUL in JSON text: `\u0000` not itself preceded by an escaping backslash.
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;

/**
 * PostgreSQL cannot store NUL in text, and SQLite would: refuse it in the URL and in JSON
 * bodies up front, so that both engines answer the same 400 instead of one of them a 500.
 */
/** GET and HEAD: methods whose body means nothing, so nothing reads or limits it. */
export const bodyless = (method: string): boolean => method === 'GET' || method === 'HEAD';

export const refuseNul = createMiddleware(async (c, next) => {
  if (/%00/.test(c.req.url)) throw nul('URL');
  // A GET or HEAD body is never read (nor limited): see the body limit in app.ts.
  if (
    !bodyless(c.req.method) &&
    /json/i.test(c.req.header('content-type') ?? '') &&
    JSON_NUL.test(await c.req.text())
  )
    throw nul('body');
  await next();
});

/** A database refusing a character of a text value: the client's input, not a server fault. */
export function unstorableText(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== '22021' && code !== '22P05') return null;
  return new AppError('validation.invalid', 'a text value contains a character that cannot be stored');
}
