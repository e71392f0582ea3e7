import { type ReactNode, Suspense, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Loading } from '../components/common.tsx';
import { useLang } from '../i18n/format.ts';
import { useNamespaces } from '../i18n/namespaces.ts';
import { useRouter } from '../router.tsx';
import { MayDo } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { matchRoute } from './routes.ts';
import { ROUTES } from './tree.ts';

/** The page for the current path, inside the guards and layouts of the groups above it. */
export function Routes() {
  const { path } = useRouter();
  const { t } = useLang();
  const match = useMemo(() => matchRoute(ROUTES, path), [path]);
  const titleKey = match ? [...match.chain].reverse().find((n) => n.title)?.title : undefined;
  // The feature texts the pages below need (loaded in the shown language before they show); a
  // title may be one of them, so it is looked up there first, once they are here.
  const texts = useMemo(() => match?.chain.flatMap((n) => n.ns ?? []) ?? [], [match]);
  const textsReady = useNamespaces(texts);
  const ns = [...texts.map((n) => n.name), 'translation'];
  const title = !titleKey ? t('notFound.title') : textsReady ? t(titleKey, { ns }) : null;
  // After an in-app navigation, move focus to the new content, as a page load would, so that
  // keyboard and screen-reader users start at the top of what changed.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of path
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  // A layout effect, so that a page's own heading (PageTitle, a plain effect) comes after it.
  useLayoutEffect(() => {
    if (title !== null) document.title = `${title} · Kizuna`;
  }, [title]);
  if (!match) return <NotFoundPage />;
  const { chain, params } = match;
  const Page = chain[chain.length - 1].page;
  if (!Page) return <NotFoundPage />;
  let element: ReactNode = (
    <Suspense fallback={<Loading />}>
      <Page key={path} params={params} />
    </Suspense>
  );
  for (const node of [...chain].reverse()) {
    const { guard: Guard, layout: Layout, may } = node;
    if (may)
      element = (
        <MayDo may={may} params={params}>
          {element}
        </MayDo>
      );
    if (Guard) element = <Guard params={params}>{element}</Guard>;
    if (Layout) element = <Layout>{element}</Layout>;
  }
  // Not before the texts are here, so that the layouts' own texts are there when they first show.
  return textsReady ? element : <Loading />;
}
