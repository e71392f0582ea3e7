import type { Namespace } from '../../i18n/namespaces.ts';

/** The follow-through pages' texts, loaded with them. */
export const followThroughTexts: Namespace = {
  name: 'followthrough',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
