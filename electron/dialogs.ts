// Native file dialogs behind the API's chooseProjectPath: a project is one .tresse file. Every
// path a dialog returns is handed to `remember`: those are the paths the page may then use
// (service/path-policy.ts, chosenPathsPolicy).
import type { BrowserWindow, Dialog } from 'electron';
import { join } from 'node:path';
import type { Lang } from '../i18n/lang.ts';

export async function chooseProjectPath(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  win: BrowserWindow,
  mode: 'open' | 'create',
  lang: Lang,
  documentsDir: string,
  remember: (path: string) => void = () => {},
): Promise<string | null> {
  const chosen = await showDialog(dialog, win, mode, lang, documentsDir);
  if (chosen !== null) remember(chosen);
  return chosen;
}

async function showDialog(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  win: BrowserWindow,
  mode: 'open' | 'create',
  lang: Lang,
  documentsDir: string,
): Promise<string | null> {
  const filters = [{ name: lang === 'fr' ? 'Projet Tresse' : 'Tresse project', extensions: ['tresse'] }];
  if (mode === 'open') {
    const r = await dialog.showOpenDialog(win, {
      title: lang === 'fr' ? 'Ouvrir un projet' : 'Open a project',
      properties: ['openFile'],
      filters,
    });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }
  const r = await dialog.showSaveDialog(win, {
    title: lang === 'fr' ? 'Nouveau projet' : 'New project',
    defaultPath: join(documentsDir, lang === 'fr' ? 'Nouveau projet.tresse' : 'New project.tresse'),
    buttonLabel: lang === 'fr' ? 'Créer' : 'Create',
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (r.canceled || !r.filePath) return null;
  return /\.tresse$/i.test(r.filePath) ? r.filePath : `${r.filePath}.tresse`;
}
