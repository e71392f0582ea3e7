import i18next from 'i18next';
import { useEffect, useState } from 'react';
import type { Lang } from '../api/types.ts';

export type Catalog = { [key: string]: string | Catalog };

/**
 * A feature's texts as an i18next namespace, loaded with its pages and only in the language
 * being shown (each language a chunk of its own), so that the home page carries none of them.
 * A key the namespace lacks is looked up in the shared catalog (`fallbackNS`).
 */
export interface Namespace {
  name: string;
  load: (lang: Lang) => Promise<Catalog>;
}

const pending = new Map<string, Promise<void>>();

export function ensureNamespace(ns: Namespace, lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, ns.name)) return Promise.resolve();
  const key = `${ns.name}:${lang}`;
  let p = pending.get(key);
  if (!p) {
    p = ns.load(lang).then((catalog) => {
      i18next.addResourceBundle(lang, ns.name, catalog, true, false);
    });
    p.catch(() => pending.delete(key)); // a failed chunk may be asked for again
    pending.set(key, p);
  }
  return p;
}

const currentLang = () => (i18next.resolvedLanguage ?? i18next.language ?? 'en') as Lang;

/** Whether the namespaces are loaded in the language shown; loads them (again on a language change). */
export function useNamespaces(list: Namespace[]): boolean {
  const loaded = () => list.every((ns) => i18next.hasResourceBundle(currentLang(), ns.name));
  const [, setTick] = useState(0);
  const names = list.map((n) => n.name).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names say which namespaces
  useEffect(() => {
    let live = true;
    const load = (lang: Lang) =>
      void Promise.all(list.map((ns) => ensureNamespace(ns, lang))).then(() => live && setTick((n) => n + 1));
    load(currentLang());
    const onChange = (lng: string) => load(lng as Lang);
    i18next.on('languageChanged', onChange);
    return () => {
      live = false;
      i18next.off('languageChanged', onChange);
    };
  }, [names]);
  return loaded();
}
