import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { chooseNativeBinding, NATIVE_BINDING_ENV } = await import('../../electron/native-binding.ts');
const { chooseProjectPath } = await import('../../electron/dialogs.ts');

describe('native addon choice', () => {
  it('uses the Electron build prepared by npm start', () => {
    const path = '/repo/.native/electron-45.4.1-linux-x64/better_sqlite3.node';
    expect(chooseNativeBinding({ isPackaged: false, env: { [NATIVE_BINDING_ENV]: path }, exists: (p) => p === path })).toEqual({ ok: true, path });
  });

  it('explains, in both languages, when it is missing in development', () => {
    const unset = chooseNativeBinding({ isPackaged: false, env: {}, exists: () => true });
    expect(unset.ok).toBe(false);
    if (!unset.ok) expect(unset.problem.fr).toContain('npm start');
    const gone = chooseNativeBinding({ isPackaged: false, env: { [NATIVE_BINDING_ENV]: '/nowhere.node' }, exists: () => false });
    if (gone.ok) throw new Error('expected a problem');
    expect(gone.problem.en).toContain('/nowhere.node');
  });

  it('loads the Electron build the package ships, and says the installation is incomplete without it', () => {
    const packaged = { isPackaged: true, env: { [NATIVE_BINDING_ENV]: '/x.node' }, resourcesPath: '/opt/Tresse/resources' };
    const missing = chooseNativeBinding({ ...packaged, exists: () => false });
    if (missing.ok) throw new Error('expected a problem');
    expect(missing.problem.fr).toContain('Réinstallez Tresse');
    expect(missing.problem.en).toContain('/opt/Tresse/resources/native/better_sqlite3.node');
    expect(chooseNativeBinding({ ...packaged, exists: (p) => p === '/opt/Tresse/resources/native/better_sqlite3.node' })).toEqual({
      ok: true,
      path: '/opt/Tresse/resources/native/better_sqlite3.node',
    });
  });
});

describe('project dialogs', () => {
  const win = {} as never;
  it('adds the .tresse extension to a new project and filters on it', async () => {
    const calls: unknown[] = [];
    const dialog = {
      showSaveDialog: async (_w: unknown, o: unknown) => (calls.push(o), { canceled: false, filePath: '/home/c/Mémoire' }),
      showOpenDialog: async () => ({ canceled: false, filePaths: [] }),
    };
    expect(await chooseProjectPath(dialog as never, win, 'create', 'fr', '/home/c/Documents')).toBe('/home/c/Mémoire.tresse');
    expect(calls[0]).toMatchObject({ filters: [{ name: 'Projet Tresse', extensions: ['tresse'] }], defaultPath: '/home/c/Documents/Nouveau projet.tresse' });
  });

  it('answers null when the user cancels', async () => {
    const dialog = {
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    };
    expect(await chooseProjectPath(dialog as never, win, 'open', 'fr', '/d')).toBeNull();
    expect(await chooseProjectPath(dialog as never, win, 'create', 'en', '/d')).toBeNull();
  });
});
