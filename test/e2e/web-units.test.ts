// The web app's unit tests live beside their code (web/src/**/*.test.ts), which the root
// vitest.config.ts does not include; importing them here makes them part of `npm test`.
import '../../web/src/i18n/i18n.test.ts';
import '../../web/src/api/types.test.ts';
import '../../web/src/lib/highlight.test.ts';
