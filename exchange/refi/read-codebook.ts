// Codes from REFI-QDA XML: a .qdc codebook, or the CodeBook of a project.
import { TresseError } from '../../i18n/error.ts';
import { decodeText } from './text-decode.ts';
import { derivedGuid, normaliseGuid } from './guid.ts';
import { DEFAULT_CODE_COLOR, type SnapshotCode } from './snapshot.ts';
import { nameList, warning, type ImportWarning } from './warnings.ts';
import { exportColor } from './write-codebook.ts';
import { attr, child, childText, children, label, parseXml, type XmlElement } from './xml.ts';

export function importColor(raw: string | undefined): string {
  const c = (raw ?? '').trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  return DEFAULT_CODE_COLOR;
}

export function parseBoolean(raw: string | undefined, fallback: boolean): boolean {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return fallback;
}

export interface CodeReadContext {
  warnings: ImportWarning[];
  /** Note GUID -> code GUID, for notes a project attaches to codes. */
  noteRefs?: { noteGuid: string; codeGuid: string }[];
}

/** Codes under a <Codes> (or <Code>) element, parents before children, in document order. */
export function parseCodeElements(parent: XmlElement, ctx: CodeReadContext): SnapshotCode[] {
  const out: SnapshotCode[] = [];
  const seen = new Set<string>();
  const walk = (el: XmlElement, parentGuid: string | null, path: string): void => {
    children(el, 'Code').forEach((c, i) => {
      const raw = attr(c, 'guid');
      const guid = raw && raw.trim() !== '' ? normaliseGuid(raw) : derivedGuid(`code:${path}/${i}`);
      if (seen.has(guid)) {
        ctx.warnings.push(warning('refi.duplicateGuidNamed', { kind: 'code', guid, name: label(attr(c, 'name')) ?? '' }));
        return;
      }
      seen.add(guid);
      const description = label(childText(c, 'Description'));
      const color = attr(c, 'color');
      out.push({
        guid,
        parentGuid,
        name: label(attr(c, 'name')) ?? '',
        color: importColor(color),
        ...(exportColor(color ?? '') === undefined ? { noColor: true } : {}),
        definition: description ?? '',
        ...(description === '' ? { emptyDescription: true } : {}),
        codable: parseBoolean(attr(c, 'isCodable'), true),
      });
      for (const ref of children(c, 'NoteRef')) {
        const target = attr(ref, 'targetGUID');
        if (target) ctx.noteRefs?.push({ noteGuid: normaliseGuid(target), codeGuid: guid });
      }
      walk(c, guid, `${path}/${i}`);
    });
  };
  walk(parent, null, '');
  return out;
}

/** Reads a .qdc codebook (text, or bytes in UTF-8 or UTF-16 with a BOM), with what it left out. */
export function readCodebookWithWarnings(xml: string | Uint8Array, fileName = 'codebook.qdc'): { codes: SnapshotCode[]; warnings: ImportWarning[] } {
  const text = typeof xml === 'string' ? xml.replace(/^\uFEFF/, '') : decodeText(xml).text;
  const root = parseXml(text, fileName);
  if (root.name !== 'CodeBook') {
    throw new TresseError('refi.wrongRoot', { file: fileName, expected: 'codebook (.qdc)', found: root.name });
  }
  const warnings: ImportWarning[] = [];
  const codesEl = child(root, 'Codes');
  const codes = codesEl ? parseCodeElements(codesEl, { warnings }) : [];
  const sets = child(root, 'Sets')?.children ?? [];
  if (sets.length > 0) warnings.push(warning('refi.setsSkipped', { count: sets.length, names: nameList(sets.map((s) => label(attr(s, 'name')) ?? '?')) }));
  return { codes, warnings };
}

export function readCodebook(xml: string | Uint8Array, fileName = 'codebook.qdc'): SnapshotCode[] {
  return readCodebookWithWarnings(xml, fileName).codes;
}
