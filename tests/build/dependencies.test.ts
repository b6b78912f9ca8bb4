// The dependency policy (scripts/runtime-packages.mjs): package.json "dependencies" are exactly the
// packages the built outputs load at run time. The build and `npm run check:deps` rely on these
// two checks; here they are shown to refuse the drifts that broke the desktop build before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

interface Metafile {
  outputs: Record<string, { imports?: { path: string; kind?: string; external?: boolean }[] }>;
}
interface RuntimeChecks {
  RUNTIME_PACKAGES: readonly string[];
  checkExternals(root: string, label: string, metafile: Metafile): string[];
  checkProductionDependencies(root: string): void;
}

const repo = join(import.meta.dirname, '..', '..');
const checks = (await import(pathToFileURL(join(repo, 'scripts', 'runtime-packages.mjs')).href)) as RuntimeChecks;
const { RUNTIME_PACKAGES, checkExternals, checkProductionDependencies } = checks;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder holding only a package.json with these production dependencies. */
function projectWith(dependencies: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tresse-deps-'));
  dirs.push(dir);
  const pkg = { name: 'p', dependencies: Object.fromEntries(dependencies.map((d) => [d, '1.0.0'])), devDependencies: { zod: '4.0.0' } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  return dir;
}

/** An esbuild metafile whose one output leaves these import paths to the runtime. */
function bundleLeaving(paths: string[]): Metafile {
  return { outputs: { 'dist-electron/main.cjs': { imports: paths.map((path) => ({ path, kind: 'require-call', external: true })) } } };
}

describe('production dependencies', () => {
  it('are, in this repository, exactly the runtime packages', () => {
    expect(() => checkProductionDependencies(repo)).not.toThrow();
  });

  it('refuse a bundled package declared as a production dependency', () => {
    const dir = projectWith([...RUNTIME_PACKAGES, 'fuse.js']);
    expect(() => checkProductionDependencies(dir)).toThrow(/move to devDependencies: fuse\.js/);
  });

  it('refuse a runtime package left out of them', () => {
    const dir = projectWith(RUNTIME_PACKAGES.filter((p) => p !== 'better-sqlite3'));
    expect(() => checkProductionDependencies(dir)).toThrow(/missing: better-sqlite3/);
  });
});

describe('what a bundle leaves to node_modules', () => {
  const dir = projectWith([...RUNTIME_PACKAGES]);

  it('may be the runtime packages (by any subpath), electron and Node built-ins', () => {
    const metafile = bundleLeaving(['electron', 'node:fs', 'pdfjs-dist/legacy/build/pdf.mjs', 'better-sqlite3', './chunk.cjs']);
    expect(checkExternals(dir, 'Main', metafile)).toEqual(['better-sqlite3', 'pdfjs-dist']);
  });

  it('may not be a package that is only a devDependency', () => {
    const metafile = bundleLeaving(['better-sqlite3', 'd3-scale', 'zod']);
    expect(() => checkExternals(dir, 'Main', metafile)).toThrow(/Main needs packages that are not production dependencies: d3-scale, zod/);
  });

  it('may not be a production dependency that the runtime list does not name', () => {
    const declared = projectWith([...RUNTIME_PACKAGES, 'docx']);
    expect(() => checkExternals(declared, 'Main', bundleLeaving(['docx']))).toThrow(/does not name: docx/);
  });
});
