// Entry of the bound's worker thread: loader hooks are per thread, so tsx is registered here
// before the TypeScript worker is imported (as breaks-worker.js does).
import { register } from 'tsx/esm/api';

register();
await import('./bound-worker.ts');
