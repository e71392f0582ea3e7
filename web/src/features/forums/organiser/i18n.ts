import type { Namespace } from '../../../i18n/namespaces.ts';

/** The organiser's pages' texts (`forumOrganiser`), loaded with those pages only. */
export const organiserTexts: Namespace = {
  name: 'forumOrganiser',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
