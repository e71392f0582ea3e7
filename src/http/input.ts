import { createMiddleware } from 'hono/factory';
import { AppError, type FieldError } from '../errors.ts';
import { illFormed, TextCheck } from './text.ts';

/** GET and HEAD: methods whose body means nothing, so nothing reads or limits it. */
export const bodyless = (method: string): boolean => method === 'GET' || method === 'HEAD';

const refuse = (where: string, errors: FieldError[]) =>
  new AppError(
    'validation.invalid',
    `the ${where} holds text that is not well-formed: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    errors,
  );

/**
 * Text must be well-formed before anything reads it: UTF-8 bytes that decode, no lone surrogate
 * (a `\ud800` escape in JSON), no NUL. PostgreSQL refuses NUL and invalid UTF-8 and SQLite would
 * store them, and a decoder would silently put U+FFFD in place of bad bytes; refusing them up
 * front, with the field named, makes both engines answer the same 400 and stores nothing altered.
 * Checked: the path, each query parameter, and JSON bodies (every string, keys included).
 */
export const wellFormedInput = createMiddleware(async (c, next) => {
  const url = c.req.url;
  // A parsed URL is ASCII, non-ASCII and controls percent-encoded: without a % there is nothing to check.
  if (url.includes('%')) {
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const queryAt = url.indexOf('?', start);
    const errors = checkUrl(
      url.slice(start, queryAt < 0 ? undefined : queryAt),
      queryAt < 0 ? '' : url.slice(queryAt + 1),
    );
    if (errors.length) throw refuse('URL', errors);
  }
  // A GET or HEAD body is never read (nor limited): see the body limit in app.ts.
  const type = c.req.header('content-type') ?? '';
  if (!bodyless(c.req.method) && /json/i.test(type)) {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
    if (charset && !/^utf-?8$/i.test(charset))
      throw new AppError('request.unsupported_media_type', `JSON bodies must be UTF-8, not ${charset}`, [
        { path: '(body)', message: `charset ${charset} is not UTF-8`, code: 'invalid_encoding' },
      ]);
    const bodyErrors = checkJsonBody(new Uint8Array(await c.req.arrayBuffer()));
    if (bodyErrors.length) throw refuse('body', bodyErrors);
  }
  await next();
});

function checkUrl(path: string, query: string): FieldError[] {
  const errors: FieldError[] = [];
  const pathProblem = illFormed(TextCheck.percentDecoded(path));
  if (pathProblem) errors.push({ path: '(path)', message: pathProblem, code: 'invalid_character' });
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const name = TextCheck.percentDecoded(rawName.replace(/\+/g, ' '));
    const value = TextCheck.percentDecoded(eq < 0 ? '' : pair.slice(eq + 1).replace(/\+/g, ' '));
    const shown = illFormed(name) ? '(name)' : name.text;
    const problem = illFormed(name) ?? illFormed(value);
    if (problem) errors.push({ path: `query.${shown}`, message: problem, code: 'invalid_character' });
    if (errors.length >= 20) break;
  }
  return errors;
}

/** The ill-formed strings of a JSON body, by field path (the body's JSON syntax is the route's to judge). */
function checkJsonBody(bytes: Uint8Array): FieldError[] {
  const decoded = TextCheck.utf8(bytes);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch {
    return decoded.valid ? [] : [{ path: '(body)', message: 'is not valid UTF-8', code: 'invalid_encoding' }];
  }
  const errors: FieldError[] = [];
  const visit = (v: unknown, path: string[]) => {
    if (errors.length >= 20) return;
    if (typeof v === 'string') {
      const problem = illFormed({ text: v, valid: true });
      if (problem)
        errors.push({ path: path.join('.') || '(root)', message: problem, code: 'invalid_character' });
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(item, [...path, String(i)]);
    } else if (v && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) {
        const keyProblem = illFormed({ text: k, valid: true });
        if (keyProblem)
          errors.push({ path: [...path, '(key)'].join('.'), message: keyProblem, code: 'invalid_character' });
        else visit(item, [...path, k]);
      }
  };
  visit(value, []);
  return errors;
}

/** A database refusing a character of a text value: the client's input, not a server fault. */
export function unstorableText(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== '22021' && code !== '22P05') return null;
  return new AppError('validation.invalid', 'a text value contains a character that cannot be stored');
}
