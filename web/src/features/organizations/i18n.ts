import type { Namespace } from '../../i18n/namespaces.ts';

/** The organisation pages' texts, loaded with them. */
export const organizationsTexts: Namespace = {
  name: 'organizations',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
