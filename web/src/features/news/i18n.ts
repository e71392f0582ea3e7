import type { Namespace } from '../../i18n/namespaces.ts';

/** The news pages' texts, loaded with them. */
export const newsTexts: Namespace = {
  name: 'news',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
