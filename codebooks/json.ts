// Tresse's own codebook file: a nested tree, readable and hand-editable, also used for the built-in grids.
//   { "format": "tresse-codebook", "version": 1, "codes": [ { guid, name, abbrev, color, definition,
//     inclusion, exclusion, example, codable, children: [...] } ] }
// On import only `name` is required; a missing colour is inherited from the parent.
import { jsonErrorPlace } from '../i18n/json-error.ts';
import type { Code } from '../model/types.ts';
import { DEFAULT_COLOR, MAX_CODE_DEPTH, TEXT_FIELDS, checkTree, formatError, isColor, isGuid, tooDeepError, treeFromFlat, type ImportedCode } from './tree.ts';

export const JSON_FORMAT = 'tresse-codebook';
export const JSON_VERSION = 1;

export function exportCodebookJson(codes: readonly Code[], meta: { name?: string } = {}): string {
  const file = { format: JSON_FORMAT, version: JSON_VERSION, ...meta, codes: treeFromFlat(codes) };
  return JSON.stringify(file, null, 2) + '\n';
}

const fail = (detail: string, extra: Record<string, string | number> = {}) => formatError('JSON', detail, extra);

export function parseCodebookJson(text: string): ImportedCode[] {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    // The engine's message is English and changes between versions: only the place is kept.
    const place = jsonErrorPlace(body, e);
    const detail =
      place === 'end'
        ? 'JSON incomplet (le fichier s’arrête avant la fin)'
        : place
          ? `JSON invalide (ligne ${place.line}, colonne ${place.column})`
          : 'JSON invalide';
    throw fail(detail, { reason: 'syntax' });
  }
  return codebookFromJson(data);
}

/** The same checks for a file already parsed (the built-in grids are bundled as JSON modules). */
export function codebookFromJson(data: unknown): ImportedCode[] {
  if (!isObject(data)) throw fail('le fichier doit contenir un objet { "format", "version", "codes" }', { reason: 'shape' });
  if (data.format !== undefined && data.format !== JSON_FORMAT) {
    throw fail(`format « ${String(data.format)} » inconnu (attendu : « ${JSON_FORMAT} »)`, { reason: 'format' });
  }
  if (data.version !== undefined && !(typeof data.version === 'number' && data.version <= JSON_VERSION)) {
    throw fail(`version ${String(data.version)} non prise en charge (cette version de Tresse lit jusqu’à la version ${JSON_VERSION})`, { reason: 'version' });
  }
  if (!Array.isArray(data.codes)) throw fail('la liste « codes » est absente', { reason: 'shape' });
  const roots = data.codes.map((c, i) => readCode(c, `codes[${i}]`, null, 1));
  const places = new Map<ImportedCode, string>();
  const remember = (list: ImportedCode[], at: string) =>
    list.forEach((c, i) => {
      places.set(c, `${at}[${i}]`);
      remember(c.children, `${at}[${i}].children`);
    });
  remember(roots, 'codes');
  checkTree('JSON', roots, (code) => `${places.get(code)} (« ${code.name} »)`);
  return roots;
}

function readCode(raw: unknown, at: string, parentColor: string | null, depth: number): ImportedCode {
  if (depth > MAX_CODE_DEPTH) throw tooDeepError('JSON');
  if (!isObject(raw)) throw fail(`${at} : un code doit être un objet`, { reason: 'shape', at });
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (name === '') throw fail(`${at} : le nom du code est absent ou vide`, { reason: 'name', at });
  const where = `${at} (« ${name} »)`;
  const str = (key: string): string => {
    const v = raw[key];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') throw fail(`${where} : « ${key} » doit être du texte`, { reason: 'type', at });
    return v;
  };
  const guid = str('guid').trim();
  if (guid !== '' && !isGuid(guid)) throw fail(`${where} : identifiant « ${guid} » invalide (attendu : un UUID)`, { reason: 'guid', at });
  const color = str('color').trim() || parentColor || DEFAULT_COLOR;
  if (!isColor(color)) throw fail(`${where} : couleur « ${color} » invalide (attendu : #rrggbb)`, { reason: 'color', at });
  if (raw.codable !== undefined && typeof raw.codable !== 'boolean') {
    throw fail(`${where} : « codable » doit valoir true ou false`, { reason: 'type', at });
  }
  if (raw.children !== undefined && !Array.isArray(raw.children)) throw fail(`${where} : « children » doit être une liste`, { reason: 'type', at });
  const abbrev = str('abbrev').trim();
  const lower = color.toLowerCase();
  const code: ImportedCode = {
    guid: guid === '' ? null : guid,
    name,
    abbrev: abbrev === '' ? null : abbrev,
    color: lower,
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    codable: raw.codable !== false,
    children: ((raw.children as unknown[] | undefined) ?? []).map((c, i) => readCode(c, `${at}.children[${i}]`, lower, depth + 1)),
  };
  for (const field of TEXT_FIELDS) code[field] = str(field);
  return code;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
