import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../api/types.ts';
import en from '../i18n/en.json' with { type: 'json' };
import ja from '../i18n/ja.json' with { type: 'json' };
import type { Catalog } from '../i18n/namespaces.ts';
import vi from '../i18n/vi.json' with { type: 'json' };
import { buildPath, matchRoute, patterns, type RouteNode } from './routes.ts';
import { ROUTES } from './tree.ts';

const Page = () => null;
const Other = () => null;
const Layout = ({ children }: { children: unknown }) => children as null;

describe('the route tree', () => {
  it('has a page for every path the app linked to before it was grouped by feature', () => {
    const paths = [
      '/',
      '/agreements',
      '/agreements/new',
      '/agreements/:id/edit',
      '/agreements/:id',
      '/localities',
      '/localities/:code',
      '/organizations',
      '/organizations/new',
      '/organizations/:id/edit',
      '/organizations/:id',
      '/forums',
      '/forums/:id',
      '/forums/new',
      '/forums/:id/organise',
      '/forums/mine',
      '/forums/:id/delegations/:delegationId',
      '/forums/:id/agenda/:personId',
      '/invitations/:token',
      '/follow-through',
      '/follow-through/:id',
      '/follow-through/projects/:id',
      '/forums/:id/ceremony',
      '/forums/:id/exhibition',
      '/forums/:id/exhibition/floor',
      '/forums/:id/exhibition/delegations/:delegationId',
      '/forums/:id/checkin',
      '/news',
      '/news/:id',
      '/map',
      '/network',
      '/partners',
      '/profiles/:id/edit',
      '/signin',
      '/account',
      '/account/tokens',
      '/admin/audit',
      '/admin/users',
      '/admin/outbox',
      '/admin/jobs',
    ];
    expect(patterns(ROUTES).sort()).toEqual([...paths].sort());
  });

  it('prefers a fixed segment to a parameter: /agreements/new is the form, not a record called "new"', () => {
    const m = matchRoute(ROUTES, '/agreements/new');
    expect(m?.params).toEqual({});
    expect(m?.chain.at(-1)?.title).toBe('edit.newAgreement');
    expect(matchRoute(ROUTES, '/agreements/new/edit')?.params).toEqual({ id: 'new' });
  });

  it('wraps admin pages in the admin guard and record edit pages in a "may update" rule', () => {
    const admin = matchRoute(ROUTES, '/admin/users');
    expect(admin?.chain.some((n) => n.guard)).toBe(true);
    const edit = matchRoute(ROUTES, '/organizations/org-1/edit');
    expect(edit?.chain.at(-1)?.may?.action).toBe('update');
    expect(edit?.chain.at(-1)?.may?.record(edit.params)).toBe('/api/organizations/org-1');
    const organise = matchRoute(ROUTES, '/forums/f-1/organise');
    expect(organise?.chain.at(-1)?.may?.record(organise.params)).toBe('/api/forums/f-1');
    expect(matchRoute(ROUTES, '/forums/new')?.chain.some((n) => n.guard)).toBe(true);
    // Reading pages have neither.
    expect(matchRoute(ROUTES, '/organizations/org-1')?.chain.some((n) => n.guard || n.may)).toBe(false);
  });

  it('finds nothing for unknown paths, extra segments and malformed escapes', () => {
    expect(matchRoute(ROUTES, '/nowhere')).toBeNull();
    expect(matchRoute(ROUTES, '/agreements/a/b/c')).toBeNull();
    expect(matchRoute(ROUTES, '/agreements/%E0%A4%A')).toBeNull();
  });
});

describe('matching', () => {
  const tree: RouteNode = {
    path: '',
    children: [
      { path: 'x/:a', page: Page },
      { path: 'x/:a/y/:b', page: Other },
    ],
  };

  it('gives back the params a path was built from, whatever they contain', () => {
    const segment = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' });
    fc.assert(
      fc.property(segment, segment, (a, b) => {
        const one = matchRoute(tree, buildPath('/x/:a', { a }));
        expect(one?.params).toEqual({ a });
        expect(one?.chain.at(-1)?.page).toBe(Page);
        const two = matchRoute(tree, buildPath('/x/:a/y/:b', { a, b }));
        expect(two?.params).toEqual({ a, b });
        expect(two?.chain.at(-1)?.page).toBe(Other);
      }),
    );
  });

  it('lets a group node own the pages below it (layout and guard on the chain)', () => {
    const grouped: RouteNode = {
      path: '',
      children: [{ path: 'g', layout: Layout, children: [{ path: '', page: Page }] }],
    };
    const m = matchRoute(grouped, '/g');
    expect(m?.chain.map((n) => n.path)).toEqual(['', 'g', '']);
    expect(m?.chain[1].layout).toBe(Layout);
    expect(matchRoute(grouped, '/g/h')).toBeNull();
  });

  it('titles every page with a text of the shared catalog or of the namespaces its route loads, in each language', async () => {
    const shared: Record<Lang, Catalog> = { vi, ja, en };
    const at = (tree: Catalog, key: string) =>
      key
        .split('.')
        .reduce<Catalog | string | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);
    const missing: string[] = [];
    for (const pattern of patterns(ROUTES)) {
      const m = matchRoute(ROUTES, pattern.replace(/:[a-z]+/gi, 'x-1'));
      const key = m ? [...m.chain].reverse().find((n) => n.title)?.title : undefined;
      if (!m || !key) {
        missing.push(`${pattern}: no title`);
        continue;
      }
      for (const lang of ['vi', 'ja', 'en'] as const) {
        const own = await Promise.all(m.chain.flatMap((n) => n.ns ?? []).map((ns) => ns.load(lang)));
        if (![...own, shared[lang]].some((c) => typeof at(c, key) === 'string'))
          missing.push(`${pattern} ${lang}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
