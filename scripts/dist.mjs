// `npm run dist`: desktop packages for this system through electron-builder (electron-builder.yml).
//   npm run dist                        this system's targets (Linux: AppImage and deb; Windows: NSIS; macOS: dmg)
//   npm run dist -- --linux AppImage    arguments go to electron-builder as they are (--dir: unpacked folder)
// Steps: build what users run (`npm run build`), make sure better-sqlite3's addon built for
// Electron exists in .native/ (fetched or compiled once, as `npm start` does), then package with it.
// The addon is built for the machine that packages, so each system's installer is made on that
// system (in CI: one runner per OS).
// Dependency-free on purpose: node: modules only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNativeBinding, nativeBindingPath } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function say(fr, en) {
  console.log(`${fr}\n${en}`);
}

function fail(fr, en) {
  console.error(`${fr}\n${en}`);
  process.exit(1);
}

/** electron-builder's platform flags, with the Node platform each one needs. */
const PLATFORM_FLAGS = [
  { flags: ['--linux', '-l'], platform: 'linux', fr: 'Linux', en: 'Linux' },
  { flags: ['--win', '--windows', '-w'], platform: 'win32', fr: 'Windows', en: 'Windows' },
  { flags: ['--mac', '--macos', '-m', '-o'], platform: 'darwin', fr: 'macOS', en: 'macOS' },
];
const ARCH_FLAGS = ['--x64', '--ia32', '--armv7l', '--arm64', '--universal'];

for (const { flags, platform, fr, en } of PLATFORM_FLAGS) {
  if (platform !== process.platform && args.some((a) => flags.includes(a))) {
    fail(
      `Le paquet pour ${fr} se construit sur ${fr} : la version de SQLite pour Electron qu’il contient est celle de la machine qui l’emballe.`,
      `The ${en} package is built on ${en}: the Electron build of SQLite it ships is the packaging machine's own.`,
    );
  }
}
const otherArch = args.find((a) => ARCH_FLAGS.includes(a) && a !== `--${process.arch}`);
if (otherArch) {
  fail(
    `Architecture ${otherArch.slice(2)} : le paquet se construit sur une machine de cette architecture (ici ${process.arch}).`,
    `Architecture ${otherArch.slice(2)}: the package is built on a machine of that architecture (this one is ${process.arch}).`,
  );
}

say('Construction de l’application (npm run build)…', 'Building the app (npm run build)…');
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) fail('La construction a échoué (voir ci-dessus).', 'The build failed (see above).');

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const addon = nativeBindingPath(electronVersion);
if (!ensureNativeBinding(electronVersion, { say }) || !existsSync(addon)) {
  fail(
    `SQLite pour Electron ${electronVersion} n’a pu être ni téléchargé ni compilé. Il faut une connexion au serveur de ` +
      `téléchargement de better-sqlite3, ou un compilateur C++ avec Python (build-essential, Visual Studio Build Tools, Xcode). ` +
      `Ou bien placez le fichier vous-même ici : ${addon}`,
    `SQLite for Electron ${electronVersion} could neither be downloaded nor compiled. It needs a connection to better-sqlite3's ` +
      `download server, or a C++ compiler with Python (build-essential, Visual Studio Build Tools, Xcode). ` +
      `Or put the file there yourself: ${addon}`,
  );
}

say('Emballage (electron-builder)…', 'Packaging (electron-builder)…');
const builder = spawnSync(
  process.execPath,
  [fileURLToPath(import.meta.resolve('electron-builder/cli.js')), '--config', 'electron-builder.yml', ...args],
  // electron-builder.yml ships this file as resources/native/better_sqlite3.node; it reads the
  // path relative to the project folder.
  { cwd: root, stdio: 'inherit', env: { ...process.env, TRESSE_ELECTRON_ADDON: relative(root, addon) } },
);
process.exit(builder.status ?? 1);
