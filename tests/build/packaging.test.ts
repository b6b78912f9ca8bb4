// What the desktop package holds: electron-builder runs for real on electron-builder.yml (Linux,
// unpacked folder) with a stand-in Electron distribution, then the packed app.asar is read back and
// its runtime packages are run from an unpacked copy of it. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll, extractFile, getRawHeader } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PICTURE_FONTS } from '../../analysis/pictures/png.ts';
import { ELECTRON_DEFAULT_WIRE, FUSE_OFF, FUSE_ON, writeFakeElectronDist } from './fake-electron-dist.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['dist/index.html', 'dist-electron/main.cjs', 'dist-electron/import-worker.cjs', 'dist-electron/preload.cjs'];
const PROBE = fileURLToPath(new URL('./packed-runtime-probe.mjs', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/** The hardened release: what each fuse must read in the packaged executable. */
const HARDENED: Record<number, number> = {
  [FuseV1Options.RunAsNode]: FUSE_OFF,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FUSE_OFF,
  [FuseV1Options.EnableNodeCliInspectArguments]: FUSE_OFF,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FUSE_ON,
  [FuseV1Options.OnlyLoadAppFromAsar]: FUSE_ON,
  [FuseV1Options.EnableCookieEncryption]: FUSE_ON,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FUSE_OFF,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FUSE_OFF,
};

type Entry = { unpacked: boolean };
type HeaderNode = { files?: Record<string, HeaderNode>; unpacked?: boolean; link?: string };

/** Every file in an asar archive, by path with forward slashes. */
function asarFiles(archive: string): Map<string, Entry> {
  const files = new Map<string, Entry>();
  const walk = (node: HeaderNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else files.set(path, { unpacked: child.unpacked === true });
    }
  };
  walk(getRawHeader(archive).header as HeaderNode, '');
  return files;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'));
}

/** The package a path inside node_modules belongs to (the innermost node_modules), else null. */
function packageOfPath(path: string): string | null {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(path);
  return m?.[1] ?? null;
}

/** Package name of an import specifier: "pdfjs-dist/legacy/build/pdf.mjs" -> "pdfjs-dist". */
function packageOfSpecifier(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** The npm packages a CommonJS bundle leaves to the runtime: require(), import() and resolve() of bare names. */
function bundleSpecifiers(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\b(?:require|import|\.resolve)\(\s*"([^"]+)"\s*\)/g)) {
    const spec = m[1] ?? '';
    if (spec && !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:') && spec !== 'electron') found.add(spec);
  }
  return [...found].sort();
}

type Probe = { resolved: Record<string, string>; sqlite: string | null; inkPixels: number; pdfText: string; files: string[] };

let work = '';
let appOut = '';
let asarPath = '';
let packed = new Map<string, Entry>();
let app = '';
let probe: Probe;
let probeFailure = '';
let specifiers: string[] = [];
let runtimePackages: string[] = [];
let standInAddon: Buffer;
let standInWire: Record<string, unknown>;

describe.runIf(process.platform === 'linux')('the desktop package (electron-builder.yml)', () => {
  beforeAll(async () => {
    const missing = BUILT.filter((f) => !existsSync(join(root, f)));
    if (missing.length > 0) {
      throw new Error(`The packaging test packs the built app: run \`npm run build\` first (missing: ${missing.join(', ')}).`);
    }
    runtimePackages = ((await import(join(root, 'scripts/runtime-packages.mjs'))) as { RUNTIME_PACKAGES: string[] }).RUNTIME_PACKAGES;
    // The import worker sits beside main.cjs and loads its packages (pdf.js) from the same place.
    specifiers = bundleSpecifiers(['main.cjs', 'import-worker.cjs'].map((f) => readFileSync(join(root, 'dist-electron', f), 'utf8')).join('\n'));

    work = mkdtempSync(join(tmpdir(), 'tresse-packaging-'));
    const electronDist = join(work, 'electron-dist');
    const standInExe = writeFakeElectronDist(electronDist);
    standInWire = await getCurrentFuseWire(standInExe);
    mkdirSync(join(work, 'native'));
    standInAddon = Buffer.from(`stand-in Electron build of better-sqlite3 ${process.pid}\n`);
    writeFileSync(join(work, 'native', 'better_sqlite3.node'), standInAddon);

    const output = join(work, 'release');
    const started = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/electron-builder/cli.js'),
        '--config',
        'electron-builder.yml',
        '--linux',
        'dir',
        `-c.directories.output=${output}`,
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${electronVersion}`,
      ],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 170_000,
        env: { ...process.env, TRESSE_ELECTRON_ADDON: relative(root, join(work, 'native', 'better_sqlite3.node')) },
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`electron-builder failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
    console.log(`electron-builder --linux dir: ${seconds.toFixed(1)} s`);

    appOut = join(output, 'linux-unpacked');
    asarPath = join(appOut, 'resources', 'app.asar');
    packed = asarFiles(asarPath);

    // The runtime packages run from an unpacked copy of the archive, nowhere else.
    app = join(work, 'app');
    extractAll(asarPath, app);
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Le secret partage protege la personne', { x: 50, y: 700, font, size: 14 });
    writeFileSync(join(work, 'entretien.pdf'), await doc.save());
    const job = {
      addon: join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      pdf: join(work, 'entretien.pdf'),
      fonts: [...PICTURE_FONTS],
      specifiers,
      log: join(work, 'esm-loads.txt'),
    };
    writeFileSync(join(work, 'job.json'), JSON.stringify(job));
    const ran = spawnSync(process.execPath, [PROBE, app, join(work, 'job.json')], { encoding: 'utf8', timeout: 120_000 });
    // Kept for the tests that need it, so that the other checks still report.
    probeFailure = ran.status === 0 ? '' : `The packed runtime packages failed to run from the package:\n${ran.stderr}`;
    if (!probeFailure) probe = JSON.parse(ran.stdout) as Probe;
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs the bundled main process, its import worker and the preload as built, and names the bundle as the entry', () => {
    for (const file of ['dist-electron/main.cjs', 'dist-electron/import-worker.cjs', 'dist-electron/preload.cjs']) {
      expect(packed.has(file), file).toBe(true);
      expect(extractFile(asarPath, file).equals(readFileSync(join(root, file))), `${file} is the built one`).toBe(true);
    }
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(manifest.main).toBe('dist-electron/main.cjs');
  });

  it('packs the built page, every asset it references and everything vite built', () => {
    const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
    const referenced = [...html.matchAll(/\b(?:src|href)="\.\/([^"]+)"/g)].map((m) => `dist/${m[1]}`);
    expect(
      referenced.some((f) => f.endsWith('.js')),
      'index.html loads a script',
    ).toBe(true);
    for (const css of referenced.filter((f) => f.endsWith('.css'))) {
      const text = readFileSync(join(root, css), 'utf8');
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        const url = m[1] ?? '';
        if (!url.startsWith('data:') && !url.startsWith('#')) referenced.push(`dist/assets/${url.replace(/^\.\//, '')}`);
      }
    }
    const built = filesUnder(join(root, 'dist')).map((f) => `dist/${f}`);
    const missing = [...new Set(['dist/index.html', ...referenced, ...built])].filter((f) => !packed.has(f));
    expect(missing).toEqual([]);
  });

  it('packs the demo corpus the app opens on first start', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'demo/manifest.json'), 'utf8')) as { sources: { file: string }[] };
    const needed = ['demo/manifest.json', ...manifest.sources.map((s) => `demo/corpus/${s.file}`)];
    expect(manifest.sources.length).toBeGreaterThan(0);
    expect(needed.filter((f) => !packed.has(f))).toEqual([]);
  });

  it('packs every package the bundle leaves to the runtime, and they run from the package', () => {
    expect(probeFailure).toBe('');
    // The bundle may only leave the declared runtime packages to node_modules.
    expect(specifiers.map(packageOfSpecifier).filter((p) => !runtimePackages.includes(p))).toEqual([]);
    for (const p of runtimePackages) expect(packed.has(`node_modules/${p}/package.json`), p).toBe(true);
    // Each resolves inside the unpacked archive, from where the bundle sits.
    expect(Object.keys(probe.resolved).sort()).toEqual(specifiers);
    for (const [spec, file] of Object.entries(probe.resolved)) expect(file.startsWith(app + sep), `${spec} -> ${file}`).toBe(true);
    expect(relative(app, probe.resolved['better-sqlite3'] ?? '')).toBe(join('node_modules', 'better-sqlite3', 'lib', 'index.js'));
    // And they work: SQLite answers, resvg draws text with the shipped fonts, pdf.js reads a PDF.
    expect(probe.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(probe.inkPixels).toBeGreaterThan(100);
    expect(probe.pdfText).toContain('Le secret partage protege la personne');
    // Everything they loaded came from the package (so it is packed), never from the repository.
    const inside = probe.files.filter((f) => f.startsWith(app + sep)).map((f) => relative(app, f).split(sep).join('/'));
    const escaped = probe.files.filter(
      (f) =>
        !f.startsWith(app + sep) &&
        f.includes(`${sep}node_modules${sep}`) &&
        f !== realpathSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')),
    );
    expect(escaped).toEqual([]);
    expect(inside.filter((f) => !packed.has(f))).toEqual([]);
    // pdf.js loads its worker by path and reads font metrics for PDFs that do not embed their fonts.
    expect(inside).toContain('node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
    expect(inside.some((f) => f.startsWith('node_modules/pdfjs-dist/standard_fonts/'))).toBe(true);
    expect(packed.has('node_modules/pdfjs-dist/cmaps/UniJIS-UTF16-H.bcmap')).toBe(true);
  });

  it('ships the picture fonts unpacked beside the archive, and no other DejaVu face', () => {
    const faces = [...packed.keys()].filter((f) => f.startsWith('node_modules/dejavu-fonts-ttf/') && f.endsWith('.ttf'));
    expect(faces.sort()).toEqual(PICTURE_FONTS.map((f) => `node_modules/${f}`).sort());
    for (const face of faces) {
      expect(packed.get(face)?.unpacked, face).toBe(true);
      expect(existsSync(join(`${asarPath}.unpacked`, face)), face).toBe(true);
    }
  });

  it('unpacks every native addon and ships the Electron build of SQLite in resources/native', () => {
    const addons = [...packed.keys()].filter((f) => f.endsWith('.node'));
    expect(
      addons.some((f) => /^node_modules\/@resvg\/resvg-js-[^/]+\/[^/]+\.node$/.test(f)),
      addons.join(', '),
    ).toBe(true);
    for (const addon of addons) {
      expect(packed.get(addon)?.unpacked, addon).toBe(true);
      expect(existsSync(join(`${asarPath}.unpacked`, addon)), addon).toBe(true);
    }
    // Node's build of better-sqlite3 cannot load in Electron: only the Electron build ships.
    expect(addons.filter((f) => f.includes('better-sqlite3'))).toEqual([]);
    expect(readFileSync(join(appOut, 'resources', 'native', 'better_sqlite3.node')).equals(standInAddon)).toBe(true);
  });

  it('leaves out the sources, tests, source maps, install-time helpers and development packages', () => {
    const paths = [...packed.keys()];
    const topLevel = new Set(paths.map((f) => f.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['demo', 'dist', 'dist-electron', 'node_modules', 'package.json']);
    expect(paths.filter((f) => /\.(?:ts|tsx|mts|cts|map)$/.test(f))).toEqual([]);
    const packages = new Set(paths.map(packageOfPath).filter((p): p is string => p !== null));
    const dev = Object.keys(pkg.devDependencies).filter((p) => packages.has(p));
    expect(dev).toEqual([]);
    for (const p of ['react', 'zod', 'prebuild-install']) expect(packages.has(p), p).toBe(false);
    expect(probeFailure).toBe('');
    // Every packed package is a runtime package or something one of them loaded.
    const loaded = new Set(probe.files.filter((f) => f.startsWith(app + sep)).map((f) => packageOfPath(relative(app, f).split(sep).join('/'))));
    expect([...packages].filter((p) => !runtimePackages.includes(p) && !loaded.has(p))).toEqual([]);
  });

  it('hardens the packaged executable with Electron fuses', async () => {
    const wire = await getCurrentFuseWire(join(appOut, 'tresse'));
    // The stand-in started with Electron's defaults, so every flip below happened at packaging.
    expect(Object.keys(HARDENED).some((i) => standInWire[i] !== HARDENED[Number(i)])).toBe(true);
    expect(ELECTRON_DEFAULT_WIRE.length).toBe(Object.keys(HARDENED).length);
    const word = (state: unknown) => (state === FUSE_ON ? 'on' : state === FUSE_OFF ? 'off' : `state ${String(state)}`);
    const read = Object.fromEntries(Object.keys(HARDENED).map((i) => [FuseV1Options[Number(i)], word(wire[i as unknown as FuseV1Options])]));
    const expected = Object.fromEntries(Object.entries(HARDENED).map(([i, v]) => [FuseV1Options[Number(i)], word(v)]));
    expect(read).toEqual(expected);
  });
});
