import type { Namespace } from '../../i18n/namespaces.ts';

/** The ceremony page's texts, loaded with it. */
export const ceremonyTexts: Namespace = {
  name: 'ceremony',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
