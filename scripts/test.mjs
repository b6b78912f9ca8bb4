// npm test: type-check, build what users run when the build is missing or older than its sources
// (the smoke tests load the built desktop app and command line), run every tier of tests (the
// vitest projects of vitest.config.ts: unit and unit-isolated first, then e2e, crash, build and
// fuzz), and end with a plain "N passed, N failed" line. Arguments go to vitest: `--project e2e`
// runs one tier (the test:* scripts). `npm run test:fast` is vitest alone on the unit tiers: no
// type check, no build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { newestMtime } from './freshness.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const SOURCES = [
  'renderer',
  'electron',
  'service',
  'db',
  'model',
  'text',
  'i18n',
  'exchange',
  'analysis',
  'codebooks',
  'cli',
  'server',
  'scripts',
  'index.html',
  'vite.config.ts',
  'package.json',
];
const OUTPUTS = [
  'dist/index.html',
  'dist-electron/main.cjs',
  'dist-electron/preload.cjs',
  'dist-electron/import-worker.cjs',
  'dist-node/tresse.mjs',
  'dist-node/server.mjs',
  'dist-node/import-worker.mjs',
];

/** Modification time of the oldest output; 0 when one is missing. */
function oldestOutput() {
  return Math.min(...OUTPUTS.map((p) => statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0));
}

if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  console.error('Type check failed.');
  process.exit(1);
}
if (oldestOutput() < newestMtime(SOURCES)) {
  console.log('Build (npm run build): the smoke tests load what users run.');
  if (run('npm', ['run', 'build']) !== 0) {
    console.error('Build failed.');
    process.exit(1);
  }
}
mkdirSync('test-results', { recursive: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2)]);
try {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  // A file that fails before its tests (a missing Chromium, an import error) counts as one failure,
  // so the line never reads "0 failed" for a failed run.
  const broken = r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'));
  for (const f of broken) console.log(`Failed before its tests: ${relative(process.cwd(), f.name)}: ${(f.message ?? '').split('\n')[0]}`);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests + broken.length} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\n0 passed, 1 failed');
}
process.exit(status);
