import type { Namespace } from '../../i18n/namespaces.ts';

/** The admin pages' own texts (accounts, audit log, jobs, outbox), loaded with them. */
export const adminTexts: Namespace = {
  name: 'admin',
  load: async (lang) => (await import(`./i18n/${lang}.json`)).default,
};
