import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: or postgres://')
    .default('file:./data/kizuna.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when the server runs behind an HTTPS proxy: cookies get `Secure`, X-Forwarded-* are trusted. */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** 0 turns the read cache off (to measure the uncached path). */
  KIZUNA_CACHE: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /** A secret that opens /metrics to a scraper (`Authorization: Bearer …`); admins may read it anyway. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a new API token lives unless its creator asks for less, in days. */
  KIZUNA_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Skip the web build at start (API-only deployments, tests). */
  KIZUNA_NO_WEB: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Where mail goes out: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`.
   * Unset: mail is kept in the outbox, and admins read it in the web app.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The address the public reaches this server at: the links in mail (invitations, agendas) start with it. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(:\d+)?$/, 'must be an http(s) origin such as https://kizuna.example.org')
    .default('http://localhost:3000'),
  /** The sender of every mail. */
  MAIL_FROM: z.string().min(3).max(200).default('Kizuna <no-reply@kizuna.localhost>'),
  /** Where uploaded files are kept (default: a `files` folder beside the SQLite database, or ./data/files). */
  FILES_DIR: z.string().min(1).optional(),
  /** The largest upload accepted, in bytes (default 10 MB); JSON bodies keep their own 1 MB limit. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** 0: this server runs no background jobs (another one sharing the PostgreSQL database does). */
  KIZUNA_JOBS: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
});

/** The files folder: FILES_DIR, or `files` beside the SQLite database, or ./data/files for PostgreSQL. */
export function filesDir(config: Pick<Config, 'FILES_DIR' | 'DATABASE_URL'>): string {
  if (config.FILES_DIR) return resolve(config.FILES_DIR);
  if (config.DATABASE_URL.startsWith('file:'))
    return join(dirname(resolve(config.DATABASE_URL.slice(5))), 'files');
  return resolve('data', 'files');
}

export type Config = z.infer<typeof Env>;

/** Reads the environment; a bad value is an error naming the variable and the reason. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
