/**
 * Whether a GET of `path` may be a page of the web app (which then shows its own "not found" for
 * an unknown one) rather than clearly something else: the API, a dotfile or dot folder (`/.env`,
 * `/.git/config`), or a file with an extension (`/wp-login.php`, `/backup.zip`). Those answer a
 * 404 problem, so that a scanner gets no 200 for every guess and a missing asset is not HTML.
 */
export function isPage(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/')) return false;
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.') || s.startsWith('%2e') || s.startsWith('%2E'))) return false;
  const last = segments.at(-1) ?? '';
  return !/\.[A-Za-z0-9]{1,8}$/.test(last);
}
