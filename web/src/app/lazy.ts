import { type ComponentType, lazy } from 'react';
import type { Params } from './routes.ts';

type PageComponent = ComponentType<{ params: Params }>;

/** A page loaded on demand from the module's named export (its own chunk). */
export function lazyPage<K extends string>(
  load: () => Promise<{ [k in K]: PageComponent }>,
  name: K,
): PageComponent {
  return lazy(async () => {
    const page: PageComponent = (await load())[name];
    return { default: page };
  });
}
