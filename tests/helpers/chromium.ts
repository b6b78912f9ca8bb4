// The Chromium that drives the browser tests. A missing browser fails them, never skips them: a CI
// run that silently tested no page would pass while the interface is broken.
import { accessSync, constants } from 'node:fs';

/** Debian's and Ubuntu's paths; TRESSE_CHROMIUM names another binary (and is then the only one tried). */
const DEFAULTS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of an executable Chromium, or an error saying how to get one. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.TRESSE_CHROMIUM;
  const candidates = chosen ? [chosen] : DEFAULTS;
  const found = candidates.find(executable);
  if (found) return found;
  throw new Error(
    [
      `Chromium is needed by the end-to-end tests and was not found (looked for ${candidates.join(', ')}${chosen ? ', from TRESSE_CHROMIUM' : ''}).`,
      'Install it (Debian/Ubuntu: sudo apt-get install chromium), or set TRESSE_CHROMIUM=/path/to/chromium.',
      'The other tiers run without it: npm run test:fast.',
    ].join('\n'),
  );
}

/** The flags every browser test launches Chromium with: no GPU, no network of its own, no first-run work. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
