import type { Namespace } from '../../i18n/namespaces.ts';

/** The locality pages' texts, loaded with them. */
export const localitiesTexts: Namespace = {
  name: 'localities',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
