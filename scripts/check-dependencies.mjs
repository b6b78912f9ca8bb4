// Second half of `npm run check:deps` (knip, before it, finds unused and undeclared packages):
// package.json "dependencies" must be exactly the packages the built outputs load from
// node_modules at run time (scripts/runtime-packages.mjs); everything else is bundled and belongs
// in devDependencies. Exits 1 with the reason otherwise.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProductionDependencies, RUNTIME_PACKAGES } from './runtime-packages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  checkProductionDependencies(root);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
console.log(`Production dependencies are the runtime packages: ${[...RUNTIME_PACKAGES].sort().join(', ')}`);
