// A whole project as a REFI-QDA .qdpx: project.qde plus one UTF-8 text file per source in sources/.
// Codings become PlainTextSelections (selections.ts: a vendor's selection with several codings is
// written back whole). Memos become Notes: attached by NoteRef where the schema allows one (source,
// code, coding, project) and by a Link from the note for cases, whose schema type has no NoteRef;
// Links read from a file are written back as they were while both their ends are written.
// Written for a target program (vendor.ts), positions and line ends are those that program reads
// right; the origin names the target so that Tresse reads its own file back right too.
import { writeZip, ZipStream, type ZipEntry } from '../zip-write.ts';
import type { AttributeType } from '../../model/types.ts';
import { derivedGuid, guidForExport, memoLinkGuid } from './guid.ts';
import { selectionsOf } from './selections.ts';
import { DEFAULT_SOURCE_KIND, SOURCE_KIND_VARIABLE, type ProjectSnapshot, type SnapshotMemoTarget, type SnapshotVariable } from './snapshot.ts';
import { writeCodeElements } from './write-codebook.ts';
import { writeSets } from './write-sets.ts';
import { REFI_TYPE_OF, writeVariableValue, xsdDateTime, type AttrValue } from './values.ts';
import { detectVendor, exportOrigin, knownReading, targetReading, type ExportTarget } from './vendor.ts';
import { OffsetIndex } from '../../text/offsets.ts';
import { XmlOut } from './xml.ts';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

export interface WriteProjectOptions {
  /** Modification time of the zip entries; defaults to now. */
  mtime?: Date;
  /** The program the file is meant for; the standard file by default. */
  target?: ExportTarget;
}

/**
 * The origin written: the target's, or the snapshot's own unless a reader would take it for a
 * program that counts positions otherwise (NVivo for Windows) while they are written as the standard.
 */
function originOf(s: ProjectSnapshot, target: ExportTarget): string {
  if (target !== 'standard') return exportOrigin(target);
  if (s.origin === undefined) return exportOrigin('standard');
  return knownReading(s.origin, detectVendor(s.origin)).astral === 2 ? exportOrigin('standard') : s.origin;
}

export { selectionGuid } from './selections.ts';

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
  // Sources without it read as documents: a project of documents only (as other tools' are) needs none.
  if (s.sources.some((x) => x.kind !== DEFAULT_SOURCE_KIND)) add({ ...SOURCE_KIND_VARIABLE, type: 'text' });
  return byName;
}

function writeValues(out: XmlOut, vars: Map<string, VariableOut>, attributes: Record<string, AttrValue[]>): void {
  for (const [name, vs] of Object.entries(attributes)) {
    const v = vars.get(name)!;
    for (const value of vs) writeVariableValue(out, v.guid, v.type, value);
  }
}

export function writeProjectXml(s: ProjectSnapshot, options: Pick<WriteProjectOptions, 'target'> = {}): string {
  return projectXml(s, options.target ?? 'standard').toString();
}

function projectXml(s: ProjectSnapshot, target: ExportTarget): XmlOut {
  const g = guidForExport;
  // Text is held with LF line ends, so CRLF counted as 1 leaves positions as they are; only UTF-16 units move them.
  const utf16 = targetReading(target).astral === 2;
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
  // Each source's codings in one pass, in the snapshot's order: a filter per source read every
  // coding of the project once for each of its sources.
  const codingsOf = new Map<string, typeof s.codings>(s.sources.map((src) => [src.guid, []]));
  for (const c of s.codings) if (codingGuids.has(c.guid)) codingsOf.get(c.sourceGuid)?.push(c);
  const selections = new Map<string, ReturnType<typeof selectionsOf>>();
  const selectionGuids = new Set<string>();
  for (const src of s.sources) selections.set(src.guid, selectionsOf(codingsOf.get(src.guid)!, selectionGuids));
  const memoGuids = new Set(s.memos.map((m) => m.guid));
  const written = (guid: string) =>
    memoGuids.has(guid) || sourceGuids.has(guid) || codeGuids.has(guid) || caseGuids.has(guid) || codingGuids.has(guid) || selectionGuids.has(guid);
  // A link read from a file stands for the attachment it made: no NoteRef or Link is added for it.
  const keptLinks = (s.links ?? []).filter((l) => written(l.originGuid) && written(l.targetGuid));
  const linked = new Set(keptLinks.flatMap((l) => [`${l.originGuid} ${l.targetGuid}`, `${l.targetGuid} ${l.originGuid}`]));
  const notesOn = new Map<string, string[]>();
  const projectNotes: string[] = [];
  const caseLinks: { note: string; target: string }[] = [];
  const attach = (note: string, t: SnapshotMemoTarget): void => {
    if (t.kind === 'project') projectNotes.push(note);
    else if (exists[t.kind]!(t.guid) && !linked.has(`${note} ${t.guid}`)) {
      if (t.kind === 'case') caseLinks.push({ note, target: t.guid });
      else notesOn.set(t.guid, [...(notesOn.get(t.guid) ?? []), note]);
    }
  };
  for (const m of s.memos) {
    if (m.target) attach(m.guid, m.target);
    for (const t of m.alsoOn ?? []) attach(m.guid, t);
  }
  const vars = variablesOf(s);
  const users = new Map(s.users.map((u) => [u.guid, u.name]));
  for (const c of s.codings) if (!users.has(c.coderGuid)) users.set(c.coderGuid, '');

  const out = new XmlOut();
  out.open('Project', {
    xmlns: PROJECT_NS,
    name: s.name,
    origin: originOf(s, target),
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
      if (c.description || c.emptyDescription) out.text('Description', c.description ?? '');
      writeValues(out, vars, c.attributes);
      for (const src of c.sourceGuids) if (sourceGuids.has(src)) out.empty('SourceRef', { targetGUID: g(src) });
      out.close('Case');
    }
    out.close('Cases');
  }
  if (s.sources.length > 0) {
    out.open('Sources');
    for (const src of s.sources) {
      const index = utf16 ? new OffsetIndex(src.text) : null;
      out.open('TextSource', {
        guid: g(src.guid),
        name: src.name,
        plainTextPath: `internal://${sourceFileName(src.guid)}`,
        creatingUser: src.creatingUserGuid ? g(src.creatingUserGuid) : undefined,
        creationDateTime: xsdDateTime(src.createdAt),
      });
      for (const sel of selections.get(src.guid)!) {
        const first = sel.codings[0]!;
        out.open('PlainTextSelection', {
          guid: g(sel.guid),
          startPosition: index ? index.toUtf16(sel.start) : sel.start,
          endPosition: index ? index.toUtf16(sel.end) : sel.end,
          creatingUser: g(first.coderGuid),
          creationDateTime: xsdDateTime(first.createdAt),
        });
        if (sel.memo) out.text('Description', sel.memo);
        for (const c of sel.codings) {
          out.open('Coding', { guid: g(c.guid), creatingUser: g(c.coderGuid), creationDateTime: xsdDateTime(c.createdAt) });
          out.empty('CodeRef', { targetGUID: g(c.codeGuid) });
          for (const n of notesOn.get(c.guid) ?? []) out.empty('NoteRef', { targetGUID: g(n) });
          out.close('Coding');
        }
        out.close('PlainTextSelection');
      }
      for (const n of notesOn.get(src.guid) ?? []) out.empty('NoteRef', { targetGUID: g(n) });
      writeValues(out, vars, vars.has(SOURCE_KIND_VARIABLE.name) ? { ...src.attributes, [SOURCE_KIND_VARIABLE.name]: [src.kind] } : src.attributes);
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
  if (caseLinks.length + keptLinks.length > 0) {
    out.open('Links');
    for (const l of keptLinks)
      out.empty('Link', { guid: g(l.guid), name: l.name, direction: l.direction, originGUID: g(l.originGuid), targetGUID: g(l.targetGuid) });
    for (const { note, target } of caseLinks) {
      out.empty('Link', {
        guid: memoLinkGuid(note, target, caseLinks.find((l) => l.note === note)!.target === target),
        name: 'Memo',
        direction: 'OneWay',
        originGUID: g(note),
        targetGUID: g(target),
      });
    }
    out.close('Links');
  }
  writeSets(out, s);
  for (const n of projectNotes) out.empty('NoteRef', { targetGUID: g(n) });
  out.close('Project');
  return out;
}

export function writeProject(s: ProjectSnapshot, options: WriteProjectOptions = {}): Uint8Array {
  const target = options.target ?? 'standard';
  const entries: ZipEntry[] = [{ name: 'project.qde', data: projectXml(s, target).bytes() }, ...sourceEntries(s, target)];
  return writeZip(entries, options.mtime ?? new Date(), LEVEL);
}

/**
 * The same file as writeProject, deflated on Node's thread pool: the sources while the project
 * file is written, then the project file, so that compression is mostly off the caller's thread.
 */
export async function writeProjectAsync(s: ProjectSnapshot, options: WriteProjectOptions = {}): Promise<Uint8Array> {
  const target = options.target ?? 'standard';
  const zip = new ZipStream(LEVEL, options.mtime ?? new Date());
  const project = zip.later();
  for (const entry of sourceEntries(s, target)) zip.add(entry);
  project({ name: 'project.qde', data: projectXml(s, target).bytes() });
  return zip.finish();
}

// Deflate level 1: several times faster than 6 on a large project, for a file about 15 % larger.
const LEVEL = 1;

function sourceEntries(s: ProjectSnapshot, target: ExportTarget): ZipEntry[] {
  // MAXQDA wants Windows line ends in the text files, positions counted as before (see vendor.ts).
  const crlf = targetReading(target).crlf === 1;
  return s.sources.map((src) => ({
    name: `sources/${sourceFileName(src.guid)}`,
    data: Buffer.from(crlf ? src.text.replace(/\n/g, '\r\n') : src.text, 'utf8'),
  }));
}
