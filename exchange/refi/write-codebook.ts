// Codebook as REFI-QDA XML: a .qdc file on its own, or the CodeBook of a project (which may also
// attach notes to codes).
import { TresseError } from '../../i18n/error.ts';
import { guidForExport } from './guid.ts';
import type { SnapshotCode } from './snapshot.ts';
import { XmlOut } from './xml.ts';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** Lowercase #rrggbb or #rgb, or undefined when the value is not a colour the schema accepts. */
export function exportColor(color: string): string | undefined {
  const c = color.trim().toLowerCase();
  return /^#([0-9a-f]{6}|[0-9a-f]{3})$/.test(c) ? c : undefined;
}

/** Codes in tree order: each with its children, in array order. */
export function codeTree(codes: SnapshotCode[]): { roots: SnapshotCode[]; childrenOf: Map<string, SnapshotCode[]> } {
  const byGuid = new Map(codes.map((c) => [c.guid, c]));
  const childrenOf = new Map<string, SnapshotCode[]>();
  const roots: SnapshotCode[] = [];
  for (const c of codes) {
    if (c.parentGuid !== null && byGuid.has(c.parentGuid) && c.parentGuid !== c.guid) {
      const list = childrenOf.get(c.parentGuid) ?? [];
      list.push(c);
      childrenOf.set(c.parentGuid, list);
    } else {
      roots.push(c);
    }
  }
  // A cycle (a code under its own descendant) leaves codes unreachable: they become top-level.
  const reached = new Set<string>();
  const visit = (c: SnapshotCode): void => {
    if (reached.has(c.guid)) return;
    reached.add(c.guid);
    for (const k of childrenOf.get(c.guid) ?? []) visit(k);
  };
  roots.forEach(visit);
  for (const c of codes) {
    if (!reached.has(c.guid)) {
      roots.push(c);
      visit(c);
    }
  }
  return { roots, childrenOf };
}

/** Writes <Code> elements; `noteRefs` (project only) lists the notes attached to each code. */
export function writeCodeElements(out: XmlOut, codes: SnapshotCode[], noteRefs?: Map<string, string[]>): void {
  const { roots, childrenOf } = codeTree(codes);
  const written = new Set<string>();
  const write = (c: SnapshotCode): void => {
    if (written.has(c.guid)) return;
    written.add(c.guid);
    const attrs = { guid: guidForExport(c.guid), name: c.name, isCodable: c.codable, color: c.noColor ? undefined : exportColor(c.color) };
    const kids = (childrenOf.get(c.guid) ?? []).filter((k) => !written.has(k.guid));
    const notes = noteRefs?.get(c.guid) ?? [];
    const described = c.definition !== '' || c.emptyDescription === true;
    if (!described && kids.length === 0 && notes.length === 0) {
      out.empty('Code', attrs);
      return;
    }
    out.open('Code', attrs);
    if (described) out.text('Description', c.definition);
    for (const n of notes) out.empty('NoteRef', { targetGUID: guidForExport(n) });
    kids.forEach(write);
    out.close('Code');
  };
  roots.forEach(write);
}

/** A .qdc document. Throws when there is no code: the schema requires at least one. */
export function writeCodebook(codes: SnapshotCode[], origin = 'Tresse'): string {
  if (codes.length === 0) throw new TresseError('refi.emptyCodebook');
  const out = new XmlOut();
  out.open('CodeBook', { xmlns: CODEBOOK_NS, origin });
  out.open('Codes');
  writeCodeElements(out, codes);
  out.close('Codes');
  out.close('CodeBook');
  return out.toString();
}
