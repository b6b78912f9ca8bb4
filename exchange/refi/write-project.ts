// A whole project as a REFI-QDA .qdpx: project.qde plus one UTF-8 text file per source in sources/.
// One PlainTextSelection per coding, so each coding keeps its own memo (the selection's Description).
// Memos become Notes: attached by NoteRef where the schema allows one (source, code, coding, project)
// and by a Link from the note for cases, whose schema type has no NoteRef.
import { writeZip, type ZipEntry } from '../zip-write.ts';
import type { AttributeType } from '../../model/types.ts';
import { derivedGuid, guidForExport } from './guid.ts';
import { SOURCE_KIND_VARIABLE, type ProjectSnapshot, type SnapshotMemo, type SnapshotVariable } from './snapshot.ts';
import { writeCodeElements } from './write-codebook.ts';
import { writeSets } from './write-sets.ts';
import { REFI_TYPE_OF, writeVariableValue, xsdDateTime, type AttrValue } from './values.ts';
import { XmlOut } from './xml.ts';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

export interface WriteProjectOptions {
  /** Modification time of the zip entries; defaults to now. */
  mtime?: Date;
}

/** Selection GUID of a coding: derived, so exporting twice gives the same file. */
export function selectionGuid(codingGuid: string): string {
  return derivedGuid(`tresse-selection:${codingGuid}`);
}

export function sourceFileName(sourceGuid: string): string {
  return `${guidForExport(sourceGuid)}.txt`;
}

interface VariableOut {
  guid: string;
  name: string;
  type: AttributeType;
  refiType: string;
}

/** Declared variables, plus one per attribute name no variable declares, plus the source kind. */
function variablesOf(s: ProjectSnapshot): Map<string, VariableOut> {
  const byName = new Map<string, VariableOut>();
  const values = new Map<string, AttrValue[]>();
  for (const holder of [...s.cases, ...s.sources]) {
    for (const [name, vs] of Object.entries(holder.attributes)) values.set(name, [...(values.get(name) ?? []), ...vs]);
  }
  const add = (v: Pick<SnapshotVariable, 'guid' | 'name' | 'type'>): void => {
    if (byName.has(v.name)) return;
    const vs = values.get(v.name) ?? [];
    const integral = v.type === 'number' && vs.every((x) => typeof x === 'number' && Number.isInteger(x));
    byName.set(v.name, { guid: guidForExport(v.guid), name: v.name, type: v.type, refiType: integral ? 'Integer' : REFI_TYPE_OF[v.type] });
  };
  s.variables.forEach(add);
  for (const name of values.keys()) add({ guid: derivedGuid(`tresse-variable:${name}`), name, type: 'text' });
  if (s.sources.length > 0) add({ ...SOURCE_KIND_VARIABLE, type: 'text' });
  return byName;
}

function writeValues(out: XmlOut, vars: Map<string, VariableOut>, attributes: Record<string, AttrValue[]>): void {
  for (const [name, vs] of Object.entries(attributes)) {
    const v = vars.get(name)!;
    for (const value of vs) writeVariableValue(out, v.guid, v.type, value);
  }
}

export function writeProjectXml(s: ProjectSnapshot): string {
  const g = guidForExport;
  const sourceGuids = new Set(s.sources.map((x) => x.guid));
  const codeGuids = new Set(s.codes.map((x) => x.guid));
  const caseGuids = new Set(s.cases.map((x) => x.guid));
  const codingGuids = new Set(s.codings.filter((c) => sourceGuids.has(c.sourceGuid) && codeGuids.has(c.codeGuid)).map((c) => c.guid));
  const exists: Record<string, (guid: string) => boolean> = {
    source: (x) => sourceGuids.has(x),
    code: (x) => codeGuids.has(x),
    case: (x) => caseGuids.has(x),
    coding: (x) => codingGuids.has(x),
  };
  const notesOn = new Map<string, string[]>();
  const projectNotes: string[] = [];
  const caseLinks: SnapshotMemo[] = [];
  for (const m of s.memos) {
    const t = m.target;
    if (!t) continue;
    if (t.kind === 'project') projectNotes.push(m.guid);
    else if (exists[t.kind]!(t.guid)) {
      if (t.kind === 'case') caseLinks.push(m);
      else notesOn.set(t.guid, [...(notesOn.get(t.guid) ?? []), m.guid]);
    }
  }
  const vars = variablesOf(s);
  const users = new Map(s.users.map((u) => [u.guid, u.name]));
  for (const c of s.codings) if (!users.has(c.coderGuid)) users.set(c.coderGuid, '');

  const out = new XmlOut();
  out.open('Project', {
    xmlns: PROJECT_NS,
    name: s.name,
    origin: s.origin ?? 'Tresse',
    creatingUserGUID: s.creatingUserGuid ? g(s.creatingUserGuid) : undefined,
  });
  if (users.size > 0) {
    out.open('Users');
    for (const [guid, name] of users) out.empty('User', { guid: g(guid), name: name === '' ? undefined : name });
    out.close('Users');
  }
  if (s.codes.length > 0) {
    out.open('CodeBook').open('Codes');
    writeCodeElements(out, s.codes, notesOn);
    out.close('Codes').close('CodeBook');
  }
  if (vars.size > 0) {
    out.open('Variables');
    for (const v of vars.values()) out.empty('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.refiType });
    out.close('Variables');
  }
  if (s.cases.length > 0) {
    out.open('Cases');
    for (const c of s.cases) {
      out.open('Case', { guid: g(c.guid), name: c.name });
      if (c.description) out.text('Description', c.description);
      writeValues(out, vars, c.attributes);
      for (const src of c.sourceGuids) if (sourceGuids.has(src)) out.empty('SourceRef', { targetGUID: g(src) });
      out.close('Case');
    }
    out.close('Cases');
  }
  if (s.sources.length > 0) {
    out.open('Sources');
    for (const src of s.sources) {
      out.open('TextSource', {
        guid: g(src.guid),
        name: src.name,
        plainTextPath: `internal://${sourceFileName(src.guid)}`,
        creatingUser: src.creatingUserGuid ? g(src.creatingUserGuid) : undefined,
        creationDateTime: xsdDateTime(src.createdAt),
      });
      for (const c of s.codings) {
        if (c.sourceGuid !== src.guid || !codingGuids.has(c.guid)) continue;
        const created = xsdDateTime(c.createdAt);
        out.open('PlainTextSelection', {
          guid: selectionGuid(c.guid),
          startPosition: c.start,
          endPosition: c.end,
          creatingUser: g(c.coderGuid),
          creationDateTime: created,
        });
        if (c.memo) out.text('Description', c.memo);
        out.open('Coding', { guid: g(c.guid), creatingUser: g(c.coderGuid), creationDateTime: created });
        out.empty('CodeRef', { targetGUID: g(c.codeGuid) });
        for (const n of notesOn.get(c.guid) ?? []) out.empty('NoteRef', { targetGUID: g(n) });
        out.close('Coding');
        out.close('PlainTextSelection');
      }
      for (const n of notesOn.get(src.guid) ?? []) out.empty('NoteRef', { targetGUID: g(n) });
      writeValues(out, vars, { ...src.attributes, [SOURCE_KIND_VARIABLE.name]: [src.kind] });
      out.close('TextSource');
    }
    out.close('Sources');
  }
  if (s.memos.length > 0) {
    out.open('Notes');
    for (const m of s.memos) {
      out.open('Note', { guid: g(m.guid), name: m.name });
      out.text('PlainTextContent', m.text);
      out.close('Note');
    }
    out.close('Notes');
  }
  if (caseLinks.length > 0) {
    out.open('Links');
    for (const m of caseLinks) {
      out.empty('Link', {
        guid: derivedGuid(`tresse-memo-link:${m.guid}`),
        name: 'Memo',
        direction: 'OneWay',
        originGUID: g(m.guid),
        targetGUID: g(m.target!.guid!),
      });
    }
    out.close('Links');
  }
  writeSets(out, s);
  for (const n of projectNotes) out.empty('NoteRef', { targetGUID: g(n) });
  out.close('Project');
  return out.toString();
}

export function writeProject(s: ProjectSnapshot, options: WriteProjectOptions = {}): Uint8Array {
  const mtime = options.mtime ?? new Date();
  const encoder = new TextEncoder();
  const entries: ZipEntry[] = [{ name: 'project.qde', data: encoder.encode(writeProjectXml(s)) }];
  for (const src of s.sources) entries.push({ name: `sources/${sourceFileName(src.guid)}`, data: encoder.encode(src.text) });
  // Deflate level 1: several times faster than 6 on a large project, for a file about 15 % larger.
  return writeZip(entries, mtime, 1);
}
