// Worker entry: worker threads start without the parent's loader hooks when the CLI registered tsx
// programmatically, so each worker registers it before importing the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
