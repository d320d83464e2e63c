// Bootstrap of the port-simulation worker thread: registers tsx in the worker (loader hooks of the main thread
// do not reach it), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./port-job-worker.ts');
