// npm test: type-check, build what users run when the build is missing or older than its sources
// (the smoke tests load the built desktop app and command line), run every test, and end with a
// plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { newestMtime } from './freshness.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const SOURCES = ['renderer', 'electron', 'service', 'db', 'model', 'text', 'i18n', 'exchange', 'analysis', 'codebooks', 'cli', 'server', 'scripts', 'index.html', 'vite.config.ts', 'package.json'];
const OUTPUTS = ['dist/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist-electron/import-worker.cjs', 'dist-node/tresse.mjs', 'dist-node/server.mjs', 'dist-node/import-worker.mjs'];

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
const status = run('npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2),
]);
try {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\n0 passed, 1 failed');
}
process.exit(status);
