import type { Namespace } from '../../i18n/namespaces.ts';

/** The account pages' texts (API tokens), loaded with them. */
export const accountsTexts: Namespace = {
  name: 'accounts',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
