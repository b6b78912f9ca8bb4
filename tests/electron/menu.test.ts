import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuAction } from '../../service/contract/bridge.ts';

vi.mock('electron', () => ({}));
const { menuTemplate } = await import('../../electron/menu.ts');

const labels = (items: MenuItemConstructorOptions[] | undefined) => (items ?? []).map((i) => i.label).filter(Boolean);
const submenu = (item: MenuItemConstructorOptions | undefined) => item?.submenu as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);

function build(overrides: Partial<Parameters<typeof menuTemplate>[0]> = {}) {
  const sent: MenuAction[] = [];
  const template = menuTemplate({
    lang: 'fr',
    recent: [],
    devTools: false,
    platform: 'linux',
    send: (a) => void sent.push(a),
    ...overrides,
  });
  return { template, sent };
}

describe('application menu', () => {
  it('is in French by default', () => {
    const { template } = build();
    expect(labels(template)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(labels(submenu(template[0]))).toEqual(['Nouveau projet…', 'Ouvrir…', 'Projets récents', 'Importer des sources…', 'Quitter']);
    expect(labels(submenu(template[1]))).toEqual(expect.arrayContaining(['Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller']));
    const language = submenu(find(submenu(template[2]), 'Langue'));
    expect(labels(language)).toEqual(['Français', 'English']);
    expect(language.find((i) => i.label === 'Français')?.checked).toBe(true);
  });

  it('speaks English when the language is English', () => {
    const { template } = build({ lang: 'en' });
    expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(submenu(template[0]))).toContain('Import sources…');
  });

  it('offers reload and developer tools in a development build only', () => {
    const production = submenu(build({ devTools: false }).template[2]);
    expect(production.map((i) => i.role)).not.toContain('toggleDevTools');
    expect(production.map((i) => i.role)).not.toContain('reload');
    const dev = submenu(build({ devTools: true }).template[2]);
    expect(find(dev, 'Outils de développement')?.role).toBe('toggleDevTools');
    expect(find(dev, 'Recharger')?.role).toBe('reload');
  });

  it('sends the page an action for each item that needs it', () => {
    const { template, sent } = build({ recent: [{ path: '/d/these.tresse', name: 'Thèse', openedAt: '2026-11-01T10:00:00Z' }] });
    const file = submenu(template[0]);
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();
    click(find(file, 'Nouveau projet…'));
    click(find(file, 'Ouvrir…'));
    click(find(file, 'Importer des sources…'));
    click(submenu(find(file, 'Projets récents'))[0]);
    click(submenu(find(submenu(template[2]), 'Langue')).find((i) => i.label === 'English'));
    click(find(submenu(template[3]), 'Méthode : définitions et références'));
    expect(sent).toEqual([
      { action: 'newProject' },
      { action: 'openProject' },
      { action: 'importSources' },
      { action: 'openRecent', path: '/d/these.tresse' },
      { action: 'setLang', lang: 'en' },
      { action: 'showMethod' },
    ]);
    expect(find(file, 'Quitter')?.role).toBe('quit');
  });

  it('says when there is no recent project', () => {
    const recent = submenu(find(submenu(build().template[0]), 'Projets récents'));
    expect(recent).toEqual([{ label: 'Aucun projet récent', enabled: false }]);
  });

  it('starts with the application menu on macOS only', () => {
    expect(build({ platform: 'darwin' }).template[0]).toEqual({ role: 'appMenu' });
    expect(build({ platform: 'win32' }).template[0]?.label).toBe('Fichier');
  });
});
