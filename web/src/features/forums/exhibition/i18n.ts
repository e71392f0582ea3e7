/** The exhibition pages' texts, registered as the i18next namespace `exhibition` when first imported. */
import i18next from 'i18next';
import { EXHIBITION_CATALOGS } from './catalogs.ts';

for (const [lng, catalog] of Object.entries(EXHIBITION_CATALOGS)) {
  if (!i18next.hasResourceBundle(lng, 'exhibition')) i18next.addResourceBundle(lng, 'exhibition', catalog);
}
