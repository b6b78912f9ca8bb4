// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodePicker, type PickChoice, type PickExtras } from '../../../renderer/coding/CodePicker.tsx';
import { CodeSearch } from '../../../renderer/coding/code-search.ts';
import type { CodeWithCount } from '../../../service/codebook.ts';
import { mount, type Mounted, press, type } from '../transcript/render.ts';

let nextId = 1;
function code(name: string, abbrev: string | null, extra: Partial<CodeWithCount> = {}): CodeWithCount {
  const id = nextId++;
  return {
    id,
    guid: `g${id}`,
    parentId: null,
    name,
    abbrev,
    color: '#56b4e9',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    codable: true,
    position: id,
    codingCount: 0,
    ...extra,
  };
}

const CL = code('Cadre légal et place des usagers', 'CL', { codable: false });
const CL1 = code("Secret professionnel et partage d'informations", 'CL1', {
  parentId: CL.id,
  definition: 'Secret partagé, RGPD, ce qui peut être dit en réunion',
});
const CL2 = code('Soins sans consentement', 'CL2', { parentId: CL.id });
const SC = code('Situations complexes et leurs apports', 'SC', { codable: false });
const SC1 = code('Impact sur le voisinage', 'SC1', { parentId: SC.id, definition: 'Plaintes, nuisances, sécurité de l’immeuble' });
const SC2 = code('Sécurité des intervenants', 'SC2', { parentId: SC.id });
const PA = code('Travail en partenariat', 'PA');
const CODES = [CL, CL1, CL2, SC, SC1, SC2, PA];

const anchor = { top: 100, bottom: 120, left: 50, right: 300, width: 250, height: 20, x: 50, y: 100 } as DOMRect;

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

async function open(recent: number[] = []) {
  const onPick = vi.fn<(c: PickChoice, e: PickExtras) => void>();
  const onCancel = vi.fn();
  mounted = await mount(<CodePicker codes={CODES} recentCodeIds={recent} onPick={onPick} onCancel={onCancel} anchor={anchor} />);
  const input = mounted.container.querySelector<HTMLInputElement>('[data-testid="code-picker-input"]')!;
  const options = () => [...mounted!.container.querySelectorAll<HTMLElement>('[role="option"]')];
  const activeOption = () => document.getElementById(input.getAttribute('aria-activedescendant')!)!;
  return { onPick, onCancel, input, options, activeOption };
}

describe('code search', () => {
  const search = new CodeSearch(CODES);
  it('ignores accents and case', () => {
    expect(search.search('securite').map((c) => c.abbrev)).toContain('SC2');
    expect(search.search('SÉCURITÉ').map((c) => c.abbrev)).toContain('SC2');
  });
  it('needs every word, in any order, anywhere in the name', () => {
    expect(search.search('secret partage')[0]!.abbrev).toBe('CL1');
    expect(search.search('partage secret')[0]!.abbrev).toBe('CL1');
    expect(search.search('secret voisinage')).toEqual([]);
  });
  it('tolerates a typo and finds abbreviations and definitions', () => {
    expect(search.search('partenarait').map((c) => c.abbrev)).toEqual(['PA']);
    expect(search.search('sc1')[0]!.abbrev).toBe('SC1');
    expect(search.search('nuisances').map((c) => c.abbrev)).toEqual(['SC1']);
  });
});

describe('CodePicker', () => {
  it('opens as a dialog with the focus in the search field and recent codes on top', async () => {
    const { input, options, activeOption } = await open([SC1.id, CL2.id]);
    const dialog = mounted!.container.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Coder le passage');
    expect(document.activeElement).toBe(input);
    expect(
      options()
        .slice(0, 2)
        .map((o) => o.dataset.codeId),
    ).toEqual([String(SC1.id), String(CL2.id)]);
    expect(activeOption().dataset.codeId).toBe(String(SC1.id));
  });

  it('codes with the keyboard: type, arrow down past a category, Enter', async () => {
    const { input, onPick, activeOption } = await open();
    await type(input, 'securite');
    expect(activeOption().textContent).toContain('Sécurité des intervenants');
    await press(input, 'ArrowDown');
    expect(activeOption().textContent).toContain('Impact sur le voisinage');
    await press(input, 'Enter');
    expect(onPick).toHaveBeenCalledWith({ codeId: SC1.id }, { valence: null, memo: '' });
  });

  it('never lands on or picks a code that is not codable', async () => {
    const { input, onPick, activeOption, options } = await open();
    // Empty query: the tree starts with the category CL, which is skipped.
    expect(options()[0]!.getAttribute('aria-disabled')).toBe('true');
    expect(activeOption().dataset.codeId).toBe(String(CL1.id));
    await press(input, 'ArrowUp');
    expect(activeOption().dataset.codeId).toBe(String(CL1.id));
    await act(async () => options()[0]!.click());
    expect(onPick).not.toHaveBeenCalled();
  });

  it('offers to create the typed code as the last option when no code has that name', async () => {
    const { input, onPick, options } = await open();
    await type(input, 'Précarité');
    expect(options().at(-1)!.textContent).toBe('Créer le code « Précarité »');
    for (let i = 0; i < options().length; i++) await press(input, 'ArrowDown');
    await press(input, 'Enter');
    expect(onPick).toHaveBeenCalledWith({ newCodeName: 'Précarité', parentId: null }, { valence: null, memo: '' });
  });

  it('creates under a parent written before a slash, and not a duplicate name', async () => {
    const { input, options } = await open();
    await type(input, 'CL/Représentation des usagers');
    expect(options().at(-1)!.textContent).toBe('Créer le code « Représentation des usagers » sous « Cadre légal et place des usagers »');
    await type(input, 'soins sans consentement');
    expect(options().some((o) => o.textContent!.startsWith('Créer'))).toBe(false);
  });

  it('reaches the valence and memo with Tab and passes them with the code', async () => {
    const { input, onPick } = await open();
    const dialog = mounted!.container.querySelector('[role="dialog"]')!;
    const tabOrder = [...dialog.querySelectorAll<HTMLElement>('input, button, textarea, [tabindex]')];
    expect(tabOrder.map((el) => el.dataset.testid ?? el.dataset.valence ?? el.textContent)).toEqual([
      'code-picker-input',
      '+',
      '-',
      'code-picker-memo',
      'Annuler',
    ]);
    await type(input, 'secret');
    const minus = mounted!.container.querySelector<HTMLButtonElement>('[data-valence="-"]')!;
    await act(async () => minus.click());
    expect(minus.getAttribute('aria-pressed')).toBe('true');
    const memo = mounted!.container.querySelector<HTMLTextAreaElement>('[data-testid="code-picker-memo"]')!;
    await type(memo, '  vécu comme violent  ');
    await press(memo, 'Enter');
    expect(onPick).toHaveBeenCalledWith({ codeId: CL1.id }, { valence: '-', memo: 'vécu comme violent' });
  });

  it('cancels with Escape', async () => {
    const { input, onCancel, onPick } = await open();
    await press(input, 'Escape');
    expect(onCancel).toHaveBeenCalled();
    expect(onPick).not.toHaveBeenCalled();
  });
});
