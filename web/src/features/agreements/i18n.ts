import type { Namespace } from '../../i18n/namespaces.ts';

/** The agreement pages' texts, loaded with them. */
export const agreementsTexts: Namespace = {
  name: 'agreements',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
