import type { ComponentType, ReactNode } from 'react';

export type Params = Record<string, string>;

/** What a guard decides from the signed-in state and the route's params. */
export type Guard = ComponentType<{ params: Params; children: ReactNode }>;

/** "May do X": the page is about one record, and shows only when its `actions` list `action`. */
export interface MayRule {
  action: string;
  /** The API path of the record whose `actions` decide. */
  record: (params: Params) => string;
  /** Asked instead when the record answers 404 (it does not exist yet). */
  owner?: (params: Params) => string;
}

/**
 * One node of the route tree. A feature exports its nodes (`features/<name>/routes.ts`); a node
 * with children groups them under its path, and its layout and guard wrap every page below it.
 */
export interface RouteNode {
  /** Segments below the parent's path: `agreements`, `:id/edit`, `` for the parent's own page. */
  path: string;
  page?: ComponentType<{ params: Params }>;
  /** The browser tab's title (an i18n key) until the page names itself. */
  title?: string;
  layout?: ComponentType<{ children: ReactNode }>;
  guard?: Guard;
  may?: MayRule;
  /** i18next namespaces the pages below need, loaded before they show. */
  ns?: string[];
  children?: RouteNode[];
}

/** The nodes from the root to a page, with the params gathered on the way. */
export interface RouteMatch {
  chain: RouteNode[];
  params: Params;
}

const segments = (path: string) => path.split('/').filter(Boolean);

function matchNode(node: RouteNode, have: string[], params: Params): RouteMatch | null {
  const want = segments(node.path);
  if (want.length > have.length) return null;
  const mine: Params = { ...params };
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(have[i]);
      } catch {
        return null; // a malformed escape names no record
      }
      mine[want[i].slice(1)] = value;
    } else if (want[i] !== have[i]) return null;
  }
  const rest = have.slice(want.length);
  if (rest.length === 0 && node.page) return { chain: [node], params: mine };
  // Static segments win over parameters at the same depth (`/agreements/new` before `:id`).
  const ordered = [...(node.children ?? [])].sort((a, b) => rank(a) - rank(b));
  for (const child of ordered) {
    const found = matchNode(child, rest, mine);
    if (found) return { chain: [node, ...found.chain], params: found.params };
  }
  return null;
}

const rank = (n: RouteNode) => (segments(n.path)[0]?.startsWith(':') ? 1 : 0);

/** The route that shows `path`, or null (not found). */
export function matchRoute(root: RouteNode, path: string): RouteMatch | null {
  return matchNode(root, segments(path), {});
}

/** Builds a path from a pattern and its params (each encoded as one segment). */
export function buildPath(pattern: string, params: Params): string {
  const out = segments(pattern).map((s) => (s.startsWith(':') ? encodeURIComponent(params[s.slice(1)]) : s));
  return `/${out.join('/')}`;
}

/** Every full pattern of the tree, in the order they are tried (for documentation and tests). */
export function patterns(node: RouteNode, prefix = ''): string[] {
  const here = [prefix, ...segments(node.path)].filter(Boolean).join('/');
  const self = node.page ? [`/${here}`] : [];
  return [...self, ...(node.children ?? []).flatMap((c) => patterns(c, here))];
}
