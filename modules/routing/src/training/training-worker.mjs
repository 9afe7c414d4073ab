// Entry of the routing training worker thread. Node 20 ignores module loaders given to a Worker
// through execArgv (nodejs/node#47747), so the thread registers tsx itself, as bin/zemstvo.js
// does for the CLI, and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./training-worker.ts');
