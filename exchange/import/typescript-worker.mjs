// Runs a TypeScript worker script (workerData.script) through tsx, when Tresse runs from its
// sources (tests, npm run bench, the browser mode started with tsx): Node 20 applies neither
// `--import tsx` nor the parent's loader hooks to a worker thread. The built bundles start their
// JavaScript worker directly and never load this file.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.script, import.meta.url);
