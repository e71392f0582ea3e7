import type { Namespace } from '../../i18n/namespaces.ts';

/** The partners page's texts, loaded with it. */
export const partnersTexts: Namespace = {
  name: 'partners',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
