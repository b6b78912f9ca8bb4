import { readdirSync, readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// Test tiers (vitest projects). `unit` and `unit-isolated` are everything that runs in-process on
// the sources, in seconds: `npm run test:fast`. The slow tiers start browsers, kill processes, build or pack what
// users run, or grind through fuzz corpora; `npm test` runs them all, unit first. A new test file
// lands in `unit` unless it matches a slow tier below.
const SLOW = {
  // Real Chromium against the browser-mode server; fails (never skips) without Chromium.
  e2e: ['tests/e2e/**/*.test.ts', 'tests/server/browser-page.test.ts'],
  // Real processes killed mid-write or racing for the project lock.
  crash: ['tests/crash/**/*.test.ts', 'tests/db/lock.test.ts', 'tests/service/confidentiality/lock.test.ts'],
  // What users run: the built desktop app and command line, the package, the import worker bundle.
  build: ['tests/build/**/*.test.ts', 'tests/cli/built-cli.test.ts', 'tests/exchange/import/worker.test.ts', 'tests/exchange/import/pdf-damaged.test.ts'],
  // Many generated inputs: hostile files through every front end, the seeded fuzz and property
  // suites, and sources at the largest sizes users have.
  fuzz: [
    'tests/hostile/**/*.test.ts',
    'tests/exchange/fuzz-*.test.ts',
    'tests/exchange/refi/fuzz.test.ts',
    'tests/exchange/refi/hostile.test.ts',
    'tests/**/*.property.test.ts',
    'tests/exchange/import/properties.test.ts',
    'tests/renderer/transcript/scale.test.tsx',
  ],
};

// Every tier compares bytes as bytes; the e2e tier first checks that Chromium is there.
const SETUP = ['tests/helpers/byte-equality.ts'];

// Unit files that replace a module with vi.mock run each in a fresh module registry: in a shared
// one, the stand-in would reach the next file that imports the real module (it did, for electron).
const MOCKING = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.test\.tsx?$/.test(f) && /\bvi\.(mock|doMock)\(/.test(readFileSync(`tests/${f}`, 'utf8')))
  .map((f) => `tests/${f.replaceAll('\\', '/')}`);

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here and in CI: parallel files, but not more workers than cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...Object.values(SLOW).flat(), ...MOCKING],
          // Files share a worker's loaded modules instead of importing the whole tree again each
          // time: less than half the CPU time. A test must therefore leave no state behind (restore
          // the spies, timers and environment variables it changes).
          isolate: false,
          setupFiles: SETUP,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: MOCKING,
          exclude: [...configDefaults.exclude, ...Object.values(SLOW).flat()],
          setupFiles: SETUP,
          sequence: { groupOrder: 0 },
        },
      },
      ...Object.entries(SLOW).map(([name, include]) => ({
        extends: true as const,
        test: {
          name,
          include,
          setupFiles: name === 'e2e' ? ['tests/helpers/require-chromium.ts', ...SETUP] : SETUP,
          sequence: { groupOrder: 1 },
        },
      })),
    ],
  },
});
