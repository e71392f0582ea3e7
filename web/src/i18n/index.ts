import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../api/types.ts';
import type { Catalog, Namespace } from './namespaces.ts';

export const LANGS: readonly Lang[] = ['vi', 'ja', 'en'];
const STORAGE_KEY = 'kizuna.lang';

/** The remembered choice, else the first of the browser's languages we have, else English. */
export function detectLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: follow the browser every time
  }
}

/**
 * The shared texts (navigation, filters, error messages…) of one language, each language a chunk
 * of its own: a reader downloads only the language shown, and another when they switch to it.
 */
const SHARED: Record<Lang, () => Promise<{ default: Catalog }>> = {
  vi: () => import('./vi.json'),
  ja: () => import('./ja.json'),
  en: () => import('./en.json'),
};

async function ensureShared(lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  i18next.addResourceBundle(lang, 'translation', (await SHARED[lang]()).default, true, false);
}

/**
 * Starts i18next in the reader's language once its shared texts are here, together with the
 * feature texts of the first page (`first`), fetched at the same time rather than one after
 * the other.
 */
export async function initI18n(first: Namespace[] = []): Promise<void> {
  const lng = detectLang(readStored(), navigator.languages ?? [navigator.language]);
  const [shared, ...own] = await Promise.all([SHARED[lng](), ...first.map((ns) => ns.load(lng))]);
  await i18next.use(initReactI18next).init({
    resources: { [lng]: { translation: shared.default } },
    lng,
    fallbackLng: false,
    defaultNS: 'translation',
    // A feature's namespace (i18n/namespaces.ts) falls back to the shared texts (nav, filters…).
    fallbackNS: 'translation',
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  first.forEach((ns, i) => {
    i18next.addResourceBundle(lng, ns.name, own[i], true, false);
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // the choice then lasts for this page only
  }
  // The shared texts of the new language first, so that nothing shows its keys meanwhile.
  void ensureShared(lang).then(() => i18next.changeLanguage(lang));
}
