// Whether a build is older than what it was built from. Dependency-free and cheap: bin/tresse.mjs
// asks at every call.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when a dist-node/ bundle is missing or older than a source it was built from (the list
 * scripts/build-node.mjs writes in dist-node/sources.json, paths relative to `root`).
 */
export function nodeBundleStale(root, bundle) {
  let built;
  let sources;
  try {
    built = statSync(bundle).mtimeMs;
    sources = JSON.parse(readFileSync(join(root, 'dist-node', 'sources.json'), 'utf8'));
  } catch {
    return true;
  }
  for (const source of sources) {
    try {
      if (statSync(join(root, source)).mtimeMs > built) return true;
    } catch {
      return true; // a source was moved or deleted: the sources changed
    }
  }
  return false;
}

/** Latest modification time under `paths` (files or folders), skipping node_modules; 0 for none. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') visit(join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}
