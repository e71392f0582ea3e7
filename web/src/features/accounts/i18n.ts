import type { Namespace } from '../../i18n/namespaces.ts';

/** The sign-in and account pages' texts (password, API tokens), loaded with them. */
export const accountsTexts: Namespace = {
  name: 'accounts',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
