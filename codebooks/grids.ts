// Built-in grids a project can start from. Each is a codebook file in grids/, in the JSON exchange
// format, so it goes through the same checks as an imported codebook.
import { TresseError } from '../i18n/error.ts';
import { codebookFromJson } from './json.ts';
import type { GridCode, ImportedCode } from './tree.ts';
import sixThemes from './grids/six-themes.json' with { type: 'json' };
import empty from './grids/empty.json' with { type: 'json' };

export type { GridCode } from './tree.ts';

export interface GridInfo {
  id: string;
  name: { fr: string; en: string };
  description: { fr: string; en: string };
}

const GRIDS: ReadonlyArray<GridInfo & { codes: unknown }> = [sixThemes, empty];

export function listGrids(): GridInfo[] {
  return GRIDS.map(({ id, name, description }) => ({ id, name: { ...name }, description: { ...description } }));
}

export function loadGrid(id: string): GridCode[] {
  const grid = GRIDS.find((g) => g.id === id);
  if (!grid) throw new TresseError('codebook.unknownGrid', { name: id, available: GRIDS.map((g) => g.id).join(', ') });
  // Grids carry no guids: every project that starts from one gets fresh codes.
  const strip = (codes: ImportedCode[]): GridCode[] => codes.map(({ guid: _guid, children, ...rest }) => ({ ...rest, children: strip(children) }));
  return strip(codebookFromJson(grid));
}
