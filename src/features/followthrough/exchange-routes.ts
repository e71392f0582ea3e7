import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../../http/context.ts';

/** The cycle's files: the exchange CSV (both ways) and IATI activity XML. */
export function exchangeRoutes(_deps: Deps) {
  return new OpenAPIHono<AppEnv>();
}
