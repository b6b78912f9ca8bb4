// Which build of better-sqlite3's native addon the main process loads. The packaged app ships the
// Electron build as resources/native/better_sqlite3.node (electron-builder.yml extraResources; the
// Node build in node_modules cannot load in Electron and is not packed). In development
// node_modules holds the Node build (for tests and the command line), so scripts/start.mjs
// fetches or builds an Electron copy into .native/ and passes its path in TRESSE_NATIVE_BINDING.
import { join } from 'node:path';

export const NATIVE_BINDING_ENV = 'TRESSE_NATIVE_BINDING';

export type NativeBindingChoice = { ok: true; path: string | undefined } | { ok: false; problem: { fr: string; en: string } };

export function chooseNativeBinding(o: {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath?: string;
}): NativeBindingChoice {
  if (o.isPackaged) {
    const shipped = join(o.resourcesPath ?? '', 'native', 'better_sqlite3.node');
    if (o.resourcesPath && o.exists(shipped)) return { ok: true, path: shipped };
    return {
      ok: false,
      problem: {
        fr: `Cette installation de Tresse est incomplète : la version de SQLite pour Electron manque (${shipped}). Réinstallez Tresse.`,
        en: `This installation of Tresse is incomplete: the Electron build of SQLite is missing (${shipped}). Reinstall Tresse.`,
      },
    };
  }
  const path = o.env[NATIVE_BINDING_ENV];
  if (!path) {
    return {
      ok: false,
      problem: {
        fr: 'Tresse doit être lancé avec « npm start » en développement : cette commande prépare la version de SQLite pour Electron.',
        en: 'In development, start Tresse with "npm start": it prepares the Electron build of SQLite.',
      },
    };
  }
  if (!o.exists(path)) {
    return {
      ok: false,
      problem: {
        fr: `La version de SQLite pour Electron est introuvable : ${path}. Relancez « npm start ».`,
        en: `The Electron build of SQLite is missing: ${path}. Run "npm start" again.`,
      },
    };
  }
  return { ok: true, path };
}
