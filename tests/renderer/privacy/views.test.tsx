// @vitest-environment jsdom
// The confidentiality views in jsdom against a stand-in for the API (the desktop bridge), checking
// what they send: only the ticked matches, a restore only after confirmation, a correction that
// removes codings only once the user confirmed the list.
import { act, createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiMethod } from '../../../service/contract/index.ts';
import type { Source } from '../../../model/types.ts';
import { flush, mount, type } from '../transcript/render.ts';
import { withCache } from '../with-cache.ts';

type Answer = (arg: unknown) => unknown;
const answers = new Map<ApiMethod, Answer>();
const calls: Array<[ApiMethod, unknown]> = [];

beforeAll(() => {
  // The client picks the desktop bridge when the preload put one on the window.
  (globalThis as { tresse?: unknown }).tresse = {
    call: async (m: ApiMethod, arg: unknown) => {
      calls.push([m, arg]);
      const answer = answers.get(m);
      return answer ? { ok: true, value: answer(arg) } : { ok: false, error: { code: 'test', message: `no answer for ${m}`, params: {} } };
    },
  };
  vi.resetModules();
});
afterAll(() => {
  delete (globalThis as { tresse?: unknown }).tresse;
});

const callsOf = (m: ApiMethod) => calls.filter(([name]) => name === m).map(([, arg]) => arg);

function button(root: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((b) =>
    typeof name === 'string' ? b.textContent === name || b.getAttribute('aria-label') === name : name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${String(name)}`);
  return found;
}

async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
  await flush(10);
}

const entry = {
  id: 1,
  realName: 'Marie-Claire Dupont',
  pseudonym: 'Louise Martin',
  caseId: null,
  caseName: null,
  createdAt: '2026-11-23T09:00:00Z',
  appliedAt: null,
};
const target = { kind: 'source' as const, sourceId: 3, name: 'entretien-P1' };
const preview = {
  matches: [
    {
      id: 's3:5-24',
      target,
      start: 5,
      end: 24,
      found: 'Marie-Claire Dupont',
      replacement: 'Louise Martin',
      entryId: 1,
      before: 'P1 : ',
      after: ' coordonne la cellule',
    },
    { id: 's3:60-66', target, start: 60, end: 66, found: 'Dupont', replacement: 'Martin', entryId: 1, before: 'mais la rue ', after: ' n’est pas' },
  ],
  ambiguous: [{ form: 'Marie', pseudonyms: ['Louise Martin', 'Anne Petit'] }],
};

describe('the pseudonym review', () => {
  it('shows every match ticked, sends only those left ticked, then warns about older backups', async () => {
    answers.set('previewPseudonyms', () => preview);
    answers.set('applyPseudonyms', () => ({
      replaced: 1,
      sources: 1,
      fields: 0,
      codings: { moved: 0, changed: 1 },
      realNamesForgotten: false,
      backups: { dir: '/home/camille/etude.tresse.backups', count: 3 },
    }));
    const { PseudonymReview } = await import('../../../renderer/panels/privacy/PseudonymReview.tsx');
    const changed = vi.fn(async () => {});
    const view = await mount(
      withCache(
        createElement(PseudonymReview, {
          entries: [entry],
          onChanged: changed,
          report: (e: unknown) => {
            throw e;
          },
        }),
      ),
    );
    await click(button(view.container, 'Prévisualiser'));
    const boxes = Array.from(view.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
    expect(boxes.map((b) => b.checked)).toEqual([true, true]);
    expect(view.container.textContent).toContain('la rue Dupont n’est pas');
    expect(view.container.textContent).toContain('« Marie » pourrait désigner plusieurs personnes (Louise Martin, Anne Petit)');
    await click(boxes[1]!);
    expect(view.container.textContent).toContain('2 occurrence(s) trouvée(s), 1 cochée(s).');
    await click(button(view.container, 'Appliquer 1 remplacement(s)'));
    expect(callsOf('applyPseudonyms')).toEqual([{ accept: ['s3:5-24'] }]);
    expect(changed).toHaveBeenCalledOnce();
    expect(view.container.textContent).toContain(
      '3 sauvegarde(s) de ce projet, dont celle que Tresse prend à chaque ouverture, ont été prises avant et contiennent encore les noms réels',
    );
    expect(view.container.textContent).toContain('/home/camille/etude.tresse.backups');
    await view.unmount();
  });
});

describe('restoring a backup', () => {
  it('asks first, and restores the chosen file only once confirmed', async () => {
    const backups = [
      { file: 'etude-2026-11-23T10-00-00-000Z.tresse', path: '/p/x', takenAt: '2026-11-23T10:00:00.000Z', size: 266_240 },
      { file: 'etude-2026-11-23T09-00-00-000Z.tresse', path: '/p/y', takenAt: '2026-11-23T09:00:00.000Z', size: 200_000 },
    ];
    answers.set('listBackups', () => ({ dir: '/home/camille/etude.tresse.backups', backups, everyMinutes: 10, keep: 10 }));
    answers.set('restoreBackup', () => ({ project: { path: '/home/camille/etude.tresse' }, previous: '/home/camille/etude.tresse.before-restore' }));
    const { BackupsTab } = await import('../../../renderer/panels/privacy/BackupsTab.tsx');
    const restored = vi.fn(async () => {});
    const view = await mount(
      withCache(
        createElement(BackupsTab, {
          projectPath: '/home/camille/etude.tresse',
          report: (e: unknown) => {
            throw e;
          },
          onRestored: restored,
        }),
      ),
    );
    await flush(10);
    expect(view.container.textContent).toContain('toutes les 10 minutes');
    expect(view.container.querySelectorAll('tbody tr')).toHaveLength(2);
    const restoreButtons = Array.from(view.container.querySelectorAll<HTMLButtonElement>('tbody button[aria-label^="Restaurer"]'));
    await click(restoreButtons[1]!);
    expect(callsOf('restoreBackup')).toEqual([]);
    const confirm = view.container.querySelector<HTMLElement>('[role=alertdialog]')!;
    expect(confirm.textContent).toContain('/home/camille/etude.tresse.before-restore');
    expect(document.activeElement?.textContent).toBe('Restaurer cette sauvegarde');
    await click(button(confirm, 'Annuler'));
    expect(view.container.querySelector('[role=alertdialog]')).toBeNull();
    await click(restoreButtons[1]!);
    await click(button(view.container, 'Restaurer cette sauvegarde'));
    expect(callsOf('restoreBackup')).toEqual([{ file: 'etude-2026-11-23T09-00-00-000Z.tresse' }]);
    expect(restored).toHaveBeenCalledOnce();
    await view.unmount();
  });
});

describe('deleting backups', () => {
  const dir = '/home/camille/etude.tresse.backups';
  const taken = (hour: string) => ({ file: `etude-2026-11-23T${hour}-00-00-000Z.tresse`, path: '/p/x', takenAt: `2026-11-23T${hour}:00:00.000Z`, size: 1024 });

  it('deletes one backup, then all of them, each only once confirmed, and shows the new list', async () => {
    let backups = [taken('11'), taken('10'), taken('09')];
    const list = () => ({ dir, backups, everyMinutes: 10, keep: 10 });
    answers.set('listBackups', list);
    answers.set('deleteBackup', (arg) => {
      backups = backups.filter((b) => b.file !== (arg as { file: string }).file);
      return list();
    });
    answers.set('deleteAllBackups', () => {
      backups = [];
      return list();
    });
    const { BackupsTab } = await import('../../../renderer/panels/privacy/BackupsTab.tsx');
    const view = await mount(
      withCache(
        createElement(BackupsTab, {
          projectPath: '/home/camille/etude.tresse',
          report: (e: unknown) => {
            throw e;
          },
          onRestored: async () => {},
        }),
      ),
    );
    await flush(10);
    const rows = () => Array.from(view.container.querySelectorAll('tbody tr')).map((r) => r.querySelector('.path')?.textContent);
    expect(rows()).toEqual(backups.map((b) => b.file));

    await click(button(view.container, /^Supprimer la sauvegarde du .*10:00/));
    const confirm = view.container.querySelector<HTMLElement>('[role=alertdialog]')!;
    expect(confirm.textContent).toContain('etude-2026-11-23T10-00-00-000Z.tresse');
    expect(confirm.textContent).toContain('sans retour possible');
    expect(document.activeElement?.textContent).toBe('Supprimer cette sauvegarde');
    await click(button(confirm, 'Annuler'));
    expect(callsOf('deleteBackup')).toEqual([]);
    await click(button(view.container, /^Supprimer la sauvegarde du .*10:00/));
    await click(button(view.container, 'Supprimer cette sauvegarde'));
    expect(callsOf('deleteBackup')).toEqual([{ file: 'etude-2026-11-23T10-00-00-000Z.tresse' }]);
    expect(rows()).toEqual(['etude-2026-11-23T11-00-00-000Z.tresse', 'etude-2026-11-23T09-00-00-000Z.tresse']);

    await click(button(view.container, 'Supprimer toutes les sauvegardes'));
    expect(callsOf('deleteAllBackups')).toEqual([]);
    expect(view.container.querySelector('[role=alertdialog]')!.textContent).toContain(dir);
    await click(button(view.container, 'Oui, tout supprimer'));
    expect(callsOf('deleteAllBackups')).toHaveLength(1);
    expect(view.container.textContent).toContain('2 sauvegarde(s) supprimée(s).');
    expect(view.container.textContent).toContain('Aucune sauvegarde pour l’instant.');
    expect(button(view.container, 'Supprimer toutes les sauvegardes').disabled).toBe(true);
    await view.unmount();
  });

  it('offers to delete the older backups right where pseudonymising warns about them', async () => {
    calls.length = 0;
    answers.set('previewPseudonyms', () => preview);
    answers.set('applyPseudonyms', () => ({
      replaced: 2,
      sources: 1,
      fields: 0,
      codings: { moved: 0, changed: 0 },
      realNamesForgotten: false,
      backups: { dir, count: 3 },
    }));
    answers.set('deleteAllBackups', () => ({ dir, backups: [], everyMinutes: 10, keep: 10 }));
    const { PseudonymReview } = await import('../../../renderer/panels/privacy/PseudonymReview.tsx');
    const view = await mount(
      withCache(
        createElement(PseudonymReview, {
          entries: [entry],
          onChanged: async () => {},
          report: (e: unknown) => {
            throw e;
          },
        }),
      ),
    );
    await click(button(view.container, 'Prévisualiser'));
    await click(button(view.container, 'Appliquer 2 remplacement(s)'));
    expect(view.container.textContent).toContain('Supprimez-les avant de confier ce dossier à quelqu’un.');
    await click(button(view.container, 'Supprimer les 3 sauvegarde(s) qui contiennent les noms réels…'));
    expect(callsOf('deleteAllBackups')).toEqual([]);
    expect(view.container.querySelector('[role=alertdialog]')!.textContent).toContain(dir);
    await click(button(view.container, 'Oui, tout supprimer'));
    expect(callsOf('deleteAllBackups')).toHaveLength(1);
    expect(view.container.textContent).toContain('Les sauvegardes prises avant ont été supprimées.');
    expect(view.container.textContent).not.toContain('contiennent encore les noms réels');
    // Forgetting the real names is still offered.
    expect(button(view.container, 'Oublier les noms réels')).toBeTruthy();
    await view.unmount();
  });
});

describe('correcting a coded source', () => {
  it('lists the codings a correction removes and saves only once they are confirmed', async () => {
    const source = { id: 3, name: 'entretien-P1', text: 'P1 : Louise Martin coordonne la cellule.' } as Source;
    const removed = {
      codingId: 9,
      codeId: 4,
      codeName: 'Secret professionnel',
      coderName: 'Camille',
      before: { start: 5, end: 39, text: 'Louise Martin coordonne la cellule' },
      after: null,
      hasMemo: true,
    };
    const effect = {
      sourceId: 3,
      sourceName: 'entretien-P1',
      changes: [{ start: 5, end: 39, oldText: 'Louise Martin coordonne la cellule', newText: '' }],
      oldLength: 40,
      newLength: 6,
      unchanged: 0,
      moved: [],
      changed: [],
      removed: [removed],
      structure: [],
    };
    answers.set('previewSourceEdit', () => effect);
    answers.set('applySourceEdit', () => effect);
    const { SourceEditor } = await import('../../../renderer/panels/privacy/SourceEditor.tsx');
    const saved = vi.fn();
    const view = await mount(
      withCache(
        createElement(SourceEditor, {
          source,
          onSaved: saved,
          onCancel: () => {},
          report: (e: unknown) => {
            throw e;
          },
        }),
      ),
    );
    const area = view.container.querySelector('textarea')!;
    expect(area.value).toBe(source.text);
    await type(area, 'P1 : .');
    // Saving unseen removals only shows them.
    await click(button(view.container, 'Enregistrer'));
    expect(callsOf('applySourceEdit')).toEqual([]);
    expect(view.container.textContent).toContain('Codages supprimés (tout leur texte disparaît)');
    expect(view.container.textContent).toContain('Secret professionnel (par Camille, avec un mémo) : « Louise Martin coordonne la cellule »');
    expect(button(view.container, 'Enregistrer').disabled).toBe(true);
    await click(view.container.querySelector<HTMLInputElement>('.edit-removed input[type=checkbox]')!);
    await click(button(view.container, 'Enregistrer'));
    expect(callsOf('applySourceEdit')).toEqual([{ sourceId: 3, text: 'P1 : .', confirmRemoval: true }]);
    expect(saved).toHaveBeenCalledWith(effect);
    await view.unmount();
  });
});

describe('the pseudonym table', () => {
  it('adds a person with their case, and imports a table file as the command line reads it', async () => {
    answers.set('savePseudonyms', () => [entry]);
    answers.set('importPseudonyms', () => [entry, { ...entry, id: 2, realName: 'Jean Bernard', pseudonym: 'Paul Petit' }]);
    // The table as the tab shows it: read from the project, read again after each change.
    const people: Array<typeof entry> = [];
    answers.set('listPseudonyms', () => [...people]);
    answers.set('savePseudonyms', (arg) => {
      const row = (arg as { entries: Array<{ realName: string; pseudonym: string }> }).entries[0]!;
      people.push({ ...entry, id: people.length + 1, realName: row.realName, pseudonym: row.pseudonym });
      return people;
    });
    const { PseudonymsTab } = await import('../../../renderer/panels/privacy/PseudonymsTab.tsx');
    const cases = [{ id: 2, guid: 'g2', name: 'P1', description: '', attributes: {}, sourceIds: [] }];
    const view = await mount(
      withCache(
        createElement(PseudonymsTab, {
          cases,
          onProjectChanged: async () => {},
          report: (e: unknown) => {
            throw e;
          },
        }),
      ),
    );
    await flush(10);
    expect(view.container.textContent).toContain('Aucune personne dans la table.');
    const input = (label: string) => {
      const l = Array.from(view.container.querySelectorAll('label')).find((x) => x.textContent === label)!;
      return document.getElementById(l.htmlFor) as HTMLInputElement & HTMLSelectElement;
    };
    expect(button(view.container, 'Ajouter').disabled).toBe(true);
    await type(input('Nom réel à remplacer'), '  Marie-Claire   Dupont ');
    await type(input('Pseudonyme'), 'Louise Martin');
    await act(async () => {
      const select = input('Cas');
      select.value = '2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button(view.container, 'Ajouter'));
    expect(callsOf('savePseudonyms')).toEqual([{ entries: [{ realName: 'Marie-Claire   Dupont', pseudonym: 'Louise Martin', caseId: 2 }] }]);
    expect(view.container.querySelector('tbody')?.textContent).toContain('Louise Martin');
    expect(input('Nom réel à remplacer').value).toBe('');

    const csv = 'nom réel;pseudonyme;cas\nMarie-Claire Dupont;Louise Martin;P1\nJean Bernard;Paul Petit;\n';
    const file = new File([csv], 'pseudonymes.csv', { type: 'text/csv' });
    const picker = view.container.querySelector<HTMLInputElement>('[data-testid=pseudonym-import-input]')!;
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    await act(async () => picker.dispatchEvent(new Event('change', { bubbles: true })));
    await flush(20);
    expect(callsOf('importPseudonyms')).toEqual([{ fileName: 'pseudonymes.csv', text: csv }]);
    expect(view.container.querySelector('[role=status]')?.textContent).toBe('2 personne(s) importée(s) de « pseudonymes.csv ».');
    await view.unmount();
  });
});
