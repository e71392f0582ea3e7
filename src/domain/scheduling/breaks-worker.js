// Entry of the breaks worker thread: loader hooks are per thread, so tsx is registered here
// before the TypeScript worker is imported (as bin/kizuna.js does for the main thread).
import { register } from 'tsx/esm/api';

register();
await import('./breaks-worker.ts');
