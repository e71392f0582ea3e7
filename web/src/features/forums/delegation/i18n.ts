import type { Namespace } from '../../../i18n/namespaces.ts';

/** The texts of the head of delegation's pages and of the member's agenda, loaded with them. */
export const delegationTexts: Namespace = {
  name: 'forumDelegation',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
