// Preloaded (node --require) into a built program under test: appends to the file named by
// TRESSE_WORKER_LOG a line "started URL" for every worker thread the program starts and
// "ready URL" when that worker first answers, so a test can tell that imports go through the
// bundle's own worker file. Node's built-in module is patched before the bundle loads it.
const { appendFileSync } = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const { pathToFileURL } = require('node:url');
const threads = require('node:worker_threads');

const log = process.env.TRESSE_WORKER_LOG;
const Worker = threads.Worker;
threads.Worker = class RecordedWorker extends Worker {
  constructor(script, options) {
    super(script, options);
    const url = script instanceof URL ? script.href : pathToFileURL(String(script)).href;
    appendFileSync(log, `started ${url}\n`);
    this.once('message', () => appendFileSync(log, `ready ${url}\n`));
  }
};
syncBuiltinESMExports();
