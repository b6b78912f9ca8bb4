// The application menu, French by default. Items that need the page (new project, open, import,
// language) send a MenuAction over 'tresse:menu'; the page shows the form or dialog that follows.
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../i18n/lang.ts';
import type { RecentProject } from '../service/workspace.ts';
import type { MenuAction } from '../service/contract/bridge.ts';

const LABELS = {
  file: { fr: 'Fichier', en: 'File' },
  newProject: { fr: 'Nouveau projet…', en: 'New project…' },
  open: { fr: 'Ouvrir…', en: 'Open…' },
  recent: { fr: 'Projets récents', en: 'Recent projects' },
  noRecent: { fr: 'Aucun projet récent', en: 'No recent project' },
  importSources: { fr: 'Importer des sources…', en: 'Import sources…' },
  quit: { fr: 'Quitter', en: 'Quit' },
  edit: { fr: 'Édition', en: 'Edit' },
  undo: { fr: 'Annuler', en: 'Undo' },
  redo: { fr: 'Rétablir', en: 'Redo' },
  cut: { fr: 'Couper', en: 'Cut' },
  copy: { fr: 'Copier', en: 'Copy' },
  paste: { fr: 'Coller', en: 'Paste' },
  selectAll: { fr: 'Tout sélectionner', en: 'Select all' },
  view: { fr: 'Affichage', en: 'View' },
  language: { fr: 'Langue', en: 'Language' },
  zoomIn: { fr: 'Zoom avant', en: 'Zoom in' },
  zoomOut: { fr: 'Zoom arrière', en: 'Zoom out' },
  resetZoom: { fr: 'Taille réelle', en: 'Actual size' },
  reload: { fr: 'Recharger', en: 'Reload' },
  devTools: { fr: 'Outils de développement', en: 'Developer tools' },
  help: { fr: 'Aide', en: 'Help' },
  method: { fr: 'Méthode : définitions et références', en: 'Method: definitions and references' },
} as const satisfies Record<string, Record<Lang, string>>;

export interface MenuOptions {
  lang: Lang;
  recent: readonly RecentProject[];
  /** Developer items (reload, developer tools) appear only in a `--dev` build (electron/build-flags.ts). */
  devTools: boolean;
  platform: NodeJS.Platform;
  send: (action: MenuAction) => void;
}

export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const t = (key: keyof typeof LABELS) => LABELS[key][o.lang];
  const recent: MenuItemConstructorOptions[] =
    o.recent.length === 0
      ? [{ label: t('noRecent'), enabled: false }]
      : o.recent.map((r) => ({ label: `${r.name} — ${r.path}`, click: () => o.send({ action: 'openRecent', path: r.path }) }));

  const file: MenuItemConstructorOptions = {
    label: t('file'),
    submenu: [
      { label: t('newProject'), accelerator: 'CmdOrCtrl+N', click: () => o.send({ action: 'newProject' }) },
      { label: t('open'), accelerator: 'CmdOrCtrl+O', click: () => o.send({ action: 'openProject' }) },
      { label: t('recent'), submenu: recent },
      { type: 'separator' },
      { label: t('importSources'), accelerator: 'CmdOrCtrl+I', click: () => o.send({ action: 'importSources' }) },
      { type: 'separator' },
      { label: t('quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('edit'),
    submenu: [
      // Not the 'undo' role: that would undo text only and swallow Ctrl+Z before the page sees it.
      // The keys stay with the page (its history, or a text field's own undo); a click is sent to it.
      { label: t('undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => o.send({ action: 'undo' }) },
      { label: t('redo'), accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => o.send({ action: 'redo' }) },
      { type: 'separator' },
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('view'),
    submenu: [
      {
        label: t('language'),
        submenu: [
          { label: 'Français', type: 'radio', checked: o.lang === 'fr', click: () => o.send({ action: 'setLang', lang: 'fr' }) },
          { label: 'English', type: 'radio', checked: o.lang === 'en', click: () => o.send({ action: 'setLang', lang: 'en' }) },
        ],
      },
      { type: 'separator' },
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      { label: t('resetZoom'), role: 'resetZoom' },
      ...(o.devTools
        ? ([
            { type: 'separator' },
            { label: t('reload'), role: 'reload' },
            { label: t('devTools'), role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };
  // On macOS the first menu is the application's own (About, Hide, Quit).
  const appMenu: MenuItemConstructorOptions[] = o.platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  // The Method page belongs to an open project's workbench; without one the page ignores the action.
  const help: MenuItemConstructorOptions = { label: t('help'), submenu: [{ label: t('method'), click: () => o.send({ action: 'showMethod' }) }] };
  return [...appMenu, file, edit, view, help];
}
