// Bootstrap of a work-pool thread: registers tsx in the thread (the main thread's loader hooks do not reach it),
// then hands the TypeScript worker's task function to the pool.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./work-worker.ts');
export default worker.default;
