// Codebook as a spreadsheet: one row per code, parents before children.
// Columns: guid, parent, abbrev, path, name, color, codable, definition, inclusion, exclusion, example.
// `parent` is the parent's guid (empty for a top-level code): it is what links rows, because names may
// contain " / ". `path` (names from the root joined by " / ") is there for people reading the sheet.
// On import, a row is placed under, in order of preference: the row whose guid, or path, or (unique) name
// is in its `parent` cell; else the row whose path is its own path minus " / <name>"; else at the top.
// Headers may be in English or French, in any order; unknown columns are ignored. Cells the writer
// guarded against spreadsheet formulas (a leading apostrophe) come back as they were.
import type { Lang } from '../i18n/lang.ts';
import type { Code } from '../model/types.ts';
import { readCsv, type CsvRecord } from './csv-format.ts';
import { writeCsv } from './csv-writer.ts';
import { unguardFormula } from './formula-guard.ts';
import {
  DEFAULT_COLOR,
  MAX_CODE_DEPTH,
  TEXT_FIELDS,
  checkTree,
  formatError,
  isColor,
  isGuid,
  tooDeepError,
  treeFromFlat,
  walk,
  type ImportedCode,
} from './tree.ts';

export const CSV_COLUMNS = ['guid', 'parent', 'abbrev', 'path', 'name', 'color', 'codable', 'definition', 'inclusion', 'exclusion', 'example'] as const;
type Column = (typeof CSV_COLUMNS)[number];
export const PATH_SEPARATOR = ' / ';

const ALIASES: Record<string, Column> = {
  identifiant: 'guid',
  id: 'guid',
  uuid: 'guid',
  abreviation: 'abbrev',
  sigle: 'abbrev',
  chemin: 'path',
  nom: 'name',
  couleur: 'color',
  colour: 'color',
  codable: 'codable',
  applicable: 'codable',
  exemple: 'example',
  critere_d_inclusion: 'inclusion',
  criteres_d_inclusion: 'inclusion',
  critere_d_exclusion: 'exclusion',
  criteres_d_exclusion: 'exclusion',
};

export function exportCodebookCsv(codes: readonly Code[], lang: Lang): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const parents = new Map<ImportedCode, string>();
  for (const { code, path } of walk(treeFromFlat(codes))) {
    for (const child of code.children) parents.set(child, code.guid ?? '');
    rows.push([
      code.guid ?? '',
      parents.get(code) ?? '',
      code.abbrev ?? '',
      path.join(PATH_SEPARATOR),
      code.name,
      code.color,
      String(code.codable),
      code.definition,
      code.inclusion,
      code.exclusion,
      code.example,
    ]);
  }
  return writeCsv(rows, lang);
}

interface Row {
  line: number;
  cells: Partial<Record<Column, string>>;
  code: ImportedCode;
  explicitColor: boolean;
}

const fail = (line: number, detail: string, reason: string) => formatError('CSV', `ligne ${line} : ${detail}`, { line, reason });

export function parseCodebookCsv(text: string): ImportedCode[] {
  const { records } = readCsv(text);
  const header = records.shift();
  if (!header) throw formatError('CSV', 'le fichier est vide', { reason: 'empty' });
  const columns = readHeader(header);
  const rows = records.map((r) => readRow({ line: r.line, fields: r.fields.map(unguardFormula) }, columns));
  const roots = link(rows);
  inheritColors(roots, rows);
  const lines = new Map(rows.map((r) => [r.code, r.line]));
  checkTree('CSV', roots, (code) => `ligne ${lines.get(code)} (« ${code.name} »)`);
  return roots;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-'’]+/g, '_');

function readHeader(header: CsvRecord): (Column | null)[] {
  const columns = header.fields.map((h) => {
    const key = fold(h);
    return (CSV_COLUMNS as readonly string[]).includes(key) ? (key as Column) : (ALIASES[key] ?? null);
  });
  const seen = new Set<Column>();
  for (const c of columns) {
    if (c === null) continue;
    if (seen.has(c)) throw fail(header.line, `la colonne « ${c} » apparaît deux fois`, 'column');
    seen.add(c);
  }
  if (!seen.has('name') && !seen.has('path')) throw fail(header.line, 'colonne « name » (ou « path ») manquante', 'column');
  return columns;
}

function readRow({ line, fields }: CsvRecord, columns: (Column | null)[]): Row {
  const extra = fields.slice(columns.length).filter((f) => f.trim() !== '');
  if (extra.length > 0)
    throw fail(line, `${fields.length} champs pour ${columns.length} colonnes (séparateur dans un texte non entouré de guillemets ?)`, 'fields');
  const cells: Partial<Record<Column, string>> = {};
  columns.forEach((c, i) => {
    if (c !== null) cells[c] = fields[i] ?? '';
  });
  const trimmed = (c: Column) => (cells[c] ?? '').trim();
  const name = trimmed('name') || (trimmed('path').split(PATH_SEPARATOR).pop() ?? '').trim();
  if (name === '') throw fail(line, 'nom du code absent', 'name');
  const guid = trimmed('guid');
  if (guid !== '' && !isGuid(guid)) throw fail(line, `identifiant « ${guid} » invalide (attendu : un UUID)`, 'guid');
  const color = trimmed('color');
  if (color !== '' && !isColor(color)) throw fail(line, `couleur « ${color} » invalide (attendu : #rrggbb)`, 'color');
  const abbrev = trimmed('abbrev');
  const code: ImportedCode = {
    guid: guid === '' ? null : guid,
    name,
    abbrev: abbrev === '' ? null : abbrev,
    color: color.toLowerCase(),
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    codable: readCodable(trimmed('codable'), line),
    children: [],
  };
  for (const f of TEXT_FIELDS) code[f] = cells[f] ?? '';
  return { line, cells, code, explicitColor: color !== '' };
}

function readCodable(value: string, line: number): boolean {
  const v = fold(value);
  if (['', 'true', 'vrai', 'oui', 'yes', '1', 'x'].includes(v)) return true;
  if (['false', 'faux', 'non', 'no', '0'].includes(v)) return false;
  throw fail(line, `« codable » vaut « ${value} » (attendu : true/false, oui/non)`, 'codable');
}

function link(rows: Row[]): ImportedCode[] {
  const byGuid = new Map<string, Row>();
  const byPath = new Map<string, Row>();
  const byName = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.code.guid) byGuid.set(r.code.guid.toLowerCase(), r);
    const path = (r.cells.path ?? '').trim();
    if (path !== '') {
      if (byPath.has(path)) throw fail(r.line, `le chemin « ${path} » figure déjà ligne ${byPath.get(path)!.line}`, 'path');
      byPath.set(path, r);
    }
    byName.set(r.code.name, [...(byName.get(r.code.name) ?? []), r]);
  }
  const parentOf = new Map<Row, Row | null>();
  for (const r of rows) {
    const ref = (r.cells.parent ?? '').trim();
    let parent: Row | null = null;
    if (ref !== '') {
      const named = byName.get(ref);
      parent = byGuid.get(ref.toLowerCase()) ?? byPath.get(ref) ?? (named?.length === 1 ? named[0]! : null);
      if (!parent) throw fail(r.line, `parent « ${ref} » introuvable${named ? ' (plusieurs codes portent ce nom)' : ''}`, 'parent');
    } else {
      const path = (r.cells.path ?? '').trim();
      if (path !== '' && path !== r.code.name) {
        if (!path.endsWith(PATH_SEPARATOR + r.code.name)) throw fail(r.line, `le chemin « ${path} » ne se termine pas par le nom « ${r.code.name} »`, 'path');
        const up = path.slice(0, -(PATH_SEPARATOR.length + r.code.name.length));
        parent = byPath.get(up) ?? null;
        if (!parent) throw fail(r.line, `parent « ${up} » introuvable`, 'parent');
      }
    }
    parentOf.set(r, parent);
  }
  for (const r of rows) {
    // A set beside the list: a chain thousands of rows long was checked in cubic time (hours).
    const chain = [r];
    const seen = new Set(chain);
    for (let p = parentOf.get(r); p; p = parentOf.get(p)) {
      if (p === r) throw fail(r.line, `cycle de parents : ${[...chain, r].map((x) => `« ${x.code.name} »`).join(' → ')}`, 'cycle');
      if (seen.has(p)) break; // a cycle further up: reported on one of its own rows
      if (chain.length >= MAX_CODE_DEPTH) throw tooDeepError('CSV');
      chain.push(p);
      seen.add(p);
    }
  }
  const roots: ImportedCode[] = [];
  for (const r of rows) (parentOf.get(r)?.code.children ?? roots).push(r.code);
  return roots;
}

function inheritColors(roots: ImportedCode[], rows: Row[]): void {
  const explicit = new Set(rows.filter((r) => r.explicitColor).map((r) => r.code));
  const fill = (codes: ImportedCode[], color: string) => {
    for (const c of codes) {
      if (!explicit.has(c)) c.color = color;
      fill(c.children, c.color);
    }
  };
  fill(roots, DEFAULT_COLOR);
}
