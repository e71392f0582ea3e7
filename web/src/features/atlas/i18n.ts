import type { Namespace } from '../../i18n/namespaces.ts';

/** The home page's, the map's and the network's texts, loaded with them. */
export const atlasTexts: Namespace = {
  name: 'atlas',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
