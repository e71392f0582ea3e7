import { useLang } from '../i18n/format.ts';
import { Link, useRouter } from '../router.tsx';

// The server pages by opaque cursor, so "previous" needs the cursor that led to the page
// before. We remember the cursors seen in this tab, keyed by the list's filters and page number.
const seen = new Map<string, string>();

export const PAGE_SIZE = 25;

/** Pagination for a cursor list whose page number and cursor live in the URL (`page`, `cursor`). */
export function Pager({
  total,
  nextCursor,
  shown,
}: {
  total: number;
  nextCursor: string | null;
  shown: number;
}) {
  const { t, num } = useLang();
  const { path, search } = useRouter();
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const filters = new URLSearchParams(search);
  filters.delete('page');
  filters.delete('cursor');
  const key = (p: number) => `${path}?${filters}#${p}`;
  const cursor = search.get('cursor');
  if (cursor) seen.set(key(page), cursor);
  const href = (p: number, c: string | null) => {
    const q = new URLSearchParams(filters);
    if (p > 1 && c) {
      q.set('page', String(p));
      q.set('cursor', c);
    }
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = (page - 1) * PAGE_SIZE + shown;
  const prevCursor = page > 2 ? seen.get(key(page - 1)) : null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <span>{t('pager.range', { from: num(from), to: num(to), total: num(total) })}</span>
      {page > 1 && (
        <Link to={page === 2 || !prevCursor ? href(1, null) : href(page - 1, prevCursor)} rel="prev">
          {page === 2 || !prevCursor ? t('pager.first') : t('pager.previous')}
        </Link>
      )}
      {nextCursor && (
        <Link to={href(page + 1, nextCursor)} rel="next">
          {t('pager.next')}
        </Link>
      )}
    </nav>
  );
}
