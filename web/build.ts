import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = dirname(fileURLToPath(import.meta.url));
const distDir = resolve(webDir, 'dist');
const repoDir = resolve(webDir, '..');

// The browser bundle also compiles these server files (shared zod schemas, sector labels),
// so a change there must rebuild the app too.
const SHARED_SOURCES = [
  'src/domain/sectors.ts',
  'src/domain/calendar/zones.ts',
  'src/domain/text/normalize.ts',
  'src/features/localities/names.ts',
  'src/features/agreements/schemas.ts',
  'src/features/organizations/schemas.ts',
  'src/features/profiles/schemas.ts',
  'src/features/shared/schemas.ts',
  'src/features/shared/csv.ts',
  'src/features/accounts/schemas.ts',
  'src/features/forums/schemas.ts',
  'src/features/localities/schemas.ts',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function sourcesMtime(): number {
  let newest = newestMtime(webDir);
  for (const file of SHARED_SOURCES) {
    const path = join(repoDir, file);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// Old assets stay this long after a new build, for pages (and servers) still holding an old
// index.html: asset names carry a content hash, so old and new never collide.
const KEEP_OLD_ASSETS_MS = 24 * 60 * 60 * 1000;

/**
 * Moves a finished build into dist: the new hashed assets first, then index.html in one
 * rename, so that a reader sees either the old app or the new one, never a mix; then prunes
 * assets of builds older than a day.
 */
function install(tmp: string): void {
  const assets = join(distDir, 'assets');
  mkdirSync(assets, { recursive: true });
  const fresh = new Set(readdirSync(join(tmp, 'assets')));
  for (const name of fresh) renameSync(join(tmp, 'assets', name), join(assets, name));
  for (const name of readdirSync(tmp)) {
    if (name !== 'assets' && name !== 'index.html') renameSync(join(tmp, name), join(distDir, name));
  }
  renameSync(join(tmp, 'index.html'), join(distDir, 'index.html'));
  const now = Date.now();
  for (const name of readdirSync(assets)) {
    const path = join(assets, name);
    if (!fresh.has(name) && now - statSync(path).mtimeMs > KEEP_OLD_ASSETS_MS) rmSync(path, { force: true });
  }
}

/**
 * Builds the web app with Vite when `web/dist/index.html` is missing or older than any source,
 * and returns the absolute path of the built app. `kizuna serve` calls it at start, so
 * `npm start` needs no separate build command.
 */
export async function ensureWebBuilt(
  opts: { force?: boolean; log?: (msg: string) => void } = {},
): Promise<string> {
  const index = join(distDir, 'index.html');
  const stale = !existsSync(index) || statSync(index).mtimeMs < sourcesMtime();
  if (!opts.force && !stale) return distDir;
  const started = Date.now();
  opts.log?.('building the web app (web/dist)…');
  // Vite is loaded only when a build is needed: it is large and the usual start serves a built app.
  const { build } = await import('vite');
  // Build beside dist and move it in, so that two processes starting at once (test files,
  // several servers) never see or serve a half-written dist.
  const tmp = join(webDir, `.dist-${process.pid}-${Date.now()}`);
  // Vite and the React plugin decide "production" from NODE_ENV; a server started under
  // vitest (NODE_ENV=test) would otherwise ship React's development build, three times larger.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(webDir, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: tmp, emptyOutDir: true },
    });
    install(tmp);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(tmp, { recursive: true, force: true });
  }
  opts.log?.(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return distDir;
}
