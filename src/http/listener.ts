import { createServer, type Server } from 'node:http';
import { getRequestListener, RequestError } from '@hono/node-server';
import { AppError, problemBody } from '../errors.ts';
import { SECURITY_HEADERS } from './security.ts';

type Fetch = Parameters<typeof getRequestListener>[0];

/**
 * The Node HTTP server for the app. A request the adapter cannot even turn into a URL (a
 * backslash in the path, a bad Host) never reaches the app; it answered an empty plain-text 400.
 * It gets a problem detail with the security headers like every other answer.
 */
export function httpServer(fetch: Fetch): Server {
  return createServer(
    getRequestListener(fetch, {
      errorHandler: (err) => {
        const bad = err instanceof RequestError;
        const problem = bad
          ? new AppError('validation.invalid', `the request cannot be read: ${err.message}`, [
              { path: '(url)', message: err.message, code: 'invalid_request' },
            ])
          : new AppError('internal', 'an unexpected error occurred');
        return new Response(JSON.stringify(problemBody(problem)), {
          status: problem.status,
          headers: { ...SECURITY_HEADERS, 'content-type': 'application/problem+json' },
        });
      },
    }),
  );
}
