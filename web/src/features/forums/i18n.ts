/**
 * The forum pages' texts, loaded with the pages (not with the home page): registered as the
 * i18next namespace `forums` when this module is first imported.
 */
import i18next from 'i18next';
import { FORUM_CATALOGS } from './catalogs.ts';

for (const [lng, catalog] of Object.entries(FORUM_CATALOGS)) {
  if (!i18next.hasResourceBundle(lng, 'forums')) i18next.addResourceBundle(lng, 'forums', catalog);
}
