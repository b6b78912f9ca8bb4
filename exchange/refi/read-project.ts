// Reads a .qdpx as real tools write it (see read-archive.ts for the layout, positions.ts for CRLF).
// A hostile or broken archive throws a TresseError and returns nothing; what can be read but not
// held by Tresse comes back as warnings alongside the snapshot.
import { TresseError } from '../../i18n/error.ts';
import { memoLinkGuid, normaliseGuid } from './guid.ts';
import { notKept } from './not-kept.ts';
import { readAdaptations } from './read-adaptations.ts';
import { QdpxArchive } from './read-archive.ts';
import { parseCodeElements } from './read-codebook.ts';
import { ReadContext } from './read-context.ts';
import { readSets } from './read-sets.ts';
import { readSources } from './read-sources.ts';
import {
  DONE_SET,
  SOURCE_KIND_VARIABLE,
  type ProjectSnapshot,
  type SnapshotCase,
  type SnapshotDone,
  type SnapshotLink,
  type SnapshotMemo,
  type SnapshotMemoTarget,
  type SnapshotVariable,
} from './snapshot.ts';
import { decodeText } from './text-decode.ts';
import { detectVendor, knownReading, programName, type Vendor } from './vendor.ts';
import { attributeTypeFromRefi } from './values.ts';
import { nameList, warning, type ImportWarning } from './warnings.ts';
import { xmlTooLarge } from '../xml-guard.ts';
import { attr, child, childText, children, label, parseXml, REFI_XML_LIMITS, type XmlElement } from './xml.ts';
import type { ArchiveLimits } from '../archive/limits.ts';

export interface ReadProjectOptions {
  /** For messages. */
  fileName?: string;
  limits?: ArchiveLimits;
}

export interface ReadProjectResult {
  snapshot: ProjectSnapshot;
  warnings: ImportWarning[];
  /**
   * What was changed in form without loss (GUID case, line ends, NFC...): not warnings, since
   * nothing is lost, but the exchange report lists them (read-adaptations.ts).
   */
  adaptations: ImportWarning[];
  /** The namespace the project file declares (urn:QDA-XML:project:1.0 for REFI-QDA 1.x). */
  namespace: string;
  /** The program that wrote the file, as far as it shows (vendor.ts). */
  vendor: Vendor;
  /** What was read but will not be written back by an export (not-kept.ts), for the import report. */
  notKept: ImportWarning[];
}

const KNOWN_NAMESPACE = /^urn:QDA-XML:project:/i;
const HANDLED = new Set(['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef']);

function textPaths(el: XmlElement, out: Set<string>): void {
  const p = attr(el, 'plainTextPath');
  if (p) out.add(p);
  for (const c of el.children) textPaths(c, out);
}

function readUsers(ctx: ReadContext, root: XmlElement): void {
  const users = child(root, 'Users');
  (users ? children(users, 'User') : []).forEach((u, i) => {
    const guid = ctx.guidOf(u, `user:${i}`);
    if (ctx.claim(ctx.userGuids, 'user', guid)) ctx.users.push({ guid, name: label(attr(u, 'name') ?? attr(u, 'id')) ?? guid, kept: true });
  });
}

function readVariables(ctx: ReadContext, root: XmlElement): string[] {
  const list = child(root, 'Variables');
  const order: string[] = [];
  const seen = new Set<string>();
  (list ? children(list, 'Variable') : []).forEach((v, i) => {
    const guid = ctx.guidOf(v, `variable:${i}`);
    if (!ctx.claim(seen, 'variable', guid)) return;
    const name = label(attr(v, 'name')) ?? guid;
    ctx.variables.set(guid, { name, type: attributeTypeFromRefi(attr(v, 'typeOfVariable')) });
    if (guid === SOURCE_KIND_VARIABLE.guid || name.toLowerCase() === SOURCE_KIND_VARIABLE.name.toLowerCase()) ctx.kindVariables.add(guid);
    else order.push(guid);
  });
  return order;
}

function readCases(ctx: ReadContext, root: XmlElement): SnapshotCase[] {
  const list = child(root, 'Cases');
  const out: SnapshotCase[] = [];
  const seen = new Set<string>();
  (list ? children(list, 'Case') : []).forEach((c, i) => {
    const guid = ctx.guidOf(c, `case:${i}`);
    if (!ctx.claim(seen, 'case', guid)) return;
    const name = label(attr(c, 'name')) ?? '';
    const sourceGuids = children(c, 'SourceRef')
      .map((r) => normaliseGuid(attr(r, 'targetGUID') ?? ''))
      .filter((g) => ctx.sourceGuids.has(g));
    const other = children(c, 'CodeRef').length + children(c, 'SelectionRef').length;
    if (other > 0) ctx.warnings.push(warning('refi.caseRefsSkipped', { name, count: other }));
    const description = label(childText(c, 'Description'));
    out.push({
      guid,
      name,
      description: description ?? '',
      ...(description === '' ? { emptyDescription: true } : {}),
      attributes: ctx.values(c, 'cases').attributes,
      sourceGuids: [...new Set(sourceGuids)],
    });
    // Not in the schema, but harmless to honour.
    for (const n of ctx.noteRefsOf(c)) ctx.attachNote(n, { kind: 'case', guid });
  });
  return out;
}

/** Links from a note to something imported attach the note (and are kept); other links are reported. */
function readLinks(ctx: ReadContext, root: XmlElement, noteGuids: Set<string>, caseGuids: Set<string>): SnapshotLink[] {
  const list = child(root, 'Links');
  const kept: SnapshotLink[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  (list ? children(list, 'Link') : []).forEach((l, i) => {
    const origin = normaliseGuid(attr(l, 'originGUID') ?? '');
    const target = normaliseGuid(attr(l, 'targetGUID') ?? '');
    const [note, other] = noteGuids.has(origin) ? [origin, target] : noteGuids.has(target) ? [target, origin] : [null, null];
    if (note === null || other === null) {
      skipped++;
      return;
    }
    const attached: SnapshotMemoTarget | null = ctx.sourceGuids.has(other)
      ? { kind: 'source', guid: other }
      : caseGuids.has(other)
        ? { kind: 'case', guid: other }
        : ctx.codeGuids.has(other)
          ? { kind: 'code', guid: other }
          : ctx.codingGuids.has(other)
            ? { kind: 'coding', guid: other }
            : ctx.selectionCoding.has(other)
              ? { kind: 'coding', guid: ctx.selectionCoding.get(other)! }
              : null;
    if (attached === null) {
      skipped++;
      return;
    }
    ctx.attachNote(note, attached);
    const guid = ctx.guidOf(l, `link:${i}`);
    if (!ctx.claim(seen, 'link', guid)) return;
    // The writer makes these again from the memo's attachments.
    if (guid === memoLinkGuid(note, other, true) || guid === memoLinkGuid(note, other, false)) return;
    const name = label(attr(l, 'name'));
    const direction = attr(l, 'direction');
    kept.push({ guid, ...(name !== undefined ? { name } : {}), ...(direction !== undefined ? { direction } : {}), originGuid: origin, targetGuid: target });
  });
  if (skipped > 0) ctx.warnings.push(warning('refi.linksSkipped', { count: skipped }));
  return kept;
}

function readNotes(ctx: ReadContext, root: XmlElement): SnapshotMemo[] {
  const list = child(root, 'Notes');
  const out: SnapshotMemo[] = [];
  const seen = new Set<string>();
  (list ? children(list, 'Note') : []).forEach((n, i) => {
    const guid = ctx.guidOf(n, `note:${i}`);
    if (!ctx.claim(seen, 'note', guid)) return;
    const name = label(attr(n, 'name')) ?? '';
    const description = label(childText(n, 'Description'));
    let body = ctx.text(n, name);
    if (body === null) {
      if (attr(n, 'plainTextPath')) ctx.warnings.push(warning('refi.sourceMissing', { name, path: attr(n, 'plainTextPath')!, codings: 0 }));
      body = '';
    }
    const text = [description, body].filter((t) => t !== undefined && t !== '').join('\n\n');
    out.push({
      guid,
      name,
      text: text
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .normalize('NFC'),
    });
  });
  return out;
}

/**
 * Tresse's "coding done" sets (DONE_SET): a set whose GUID is derived from a user's, holding that
 * user's marked sources. Returns the marks and the sets taken, which readSets leaves alone.
 */
function readDoneSets(ctx: ReadContext, root: XmlElement): { done: SnapshotDone[]; taken: Set<XmlElement> } {
  const byGuid = new Map(ctx.users.map((u) => [DONE_SET.guidOf(u.guid), u.guid]));
  const done: SnapshotDone[] = [];
  const taken = new Set<XmlElement>();
  const sets = child(root, 'Sets');
  for (const set of sets ? children(sets, 'Set') : []) {
    const guid = attr(set, 'guid');
    const userGuid = guid === undefined ? undefined : byGuid.get(normaliseGuid(guid));
    if (userGuid === undefined) continue;
    const sourceGuids = children(set, 'MemberSource')
      .map((m) => normaliseGuid(attr(m, 'targetGUID') ?? ''))
      .filter((g) => ctx.sourceGuids.has(g));
    done.push({ userGuid, sourceGuids: [...new Set(sourceGuids)] });
    taken.add(set);
  }
  return { done, taken };
}

function summarise(ctx: ReadContext, root: XmlElement): void {
  const graphs = child(root, 'Graphs')?.children ?? [];
  if (graphs.length > 0)
    ctx.warnings.push(warning('refi.graphsSkipped', { count: graphs.length, names: nameList(graphs.map((s) => label(attr(s, 'name')) ?? '?')) }));
  const unknown = new Map<string, number>();
  for (const c of root.children) if (!HANDLED.has(c.name)) unknown.set(c.name, (unknown.get(c.name) ?? 0) + 1);
  for (const [element, count] of unknown) ctx.warnings.push(warning('refi.unsupportedElement', { element, count }));
}

function readParsed(root: XmlElement, ctx: ReadContext, fileName: string): ProjectSnapshot {
  if (!KNOWN_NAMESPACE.test(root.ns)) ctx.warnings.push(warning('refi.namespace', { found: root.ns === '' ? '(none)' : root.ns }));
  const creator = attr(root, 'creatingUserGUID');
  ctx.projectCreator = creator ? normaliseGuid(creator) : null;
  readUsers(ctx, root);
  const noteRefs: { noteGuid: string; codeGuid: string }[] = [];
  const codebook = child(root, 'CodeBook');
  const codesEl = codebook ? child(codebook, 'Codes') : undefined;
  const codes = codesEl ? parseCodeElements(codesEl, { warnings: ctx.warnings, noteRefs }) : [];
  for (const c of codes) ctx.codeGuids.add(c.guid);
  for (const r of noteRefs) ctx.attachNote(r.noteGuid, { kind: 'code', guid: r.codeGuid });
  const variableOrder = readVariables(ctx, root);
  const { sources, codings } = readSources(ctx, child(root, 'Sources'));
  const cases = readCases(ctx, root);
  for (const n of ctx.noteRefsOf(root)) ctx.attachNote(n, { kind: 'project' });
  const memos = readNotes(ctx, root);
  const links = readLinks(ctx, root, new Set(memos.map((m) => m.guid)), new Set(cases.map((c) => c.guid)));
  const description = label(childText(root, 'Description'));
  if (description)
    memos.push({ guid: ctx.guidOf(child(root, 'Description')!, 'project-description'), name: 'Description', text: description, target: { kind: 'project' } });
  for (const m of memos) {
    const target = ctx.noteTargets.get(m.guid);
    const alsoOn = ctx.noteAlsoOn.get(m.guid);
    if (alsoOn) m.alsoOn = alsoOn;
    if (target) m.target = target;
    else if (ctx.detachedNotes.has(m.guid)) ctx.warnings.push(warning('refi.memoDetached', { name: m.name }));
  }
  if (ctx.unknownVariableValues > 0) ctx.warnings.push(warning('refi.unknownVariable', { count: ctx.unknownVariableValues }));
  if (ctx.codingsWithoutUser > 0) ctx.warnings.push(warning('refi.codingsWithoutUser', { count: ctx.codingsWithoutUser, user: 'REFI-QDA' }));
  const { done, taken } = readDoneSets(ctx, root);
  const sets = readSets(ctx, root, taken);
  summarise(ctx, root);

  const variables: SnapshotVariable[] = variableOrder.map((guid) => {
    const v = ctx.variables.get(guid)!;
    const use = ctx.variableUse.get(guid);
    return { guid, name: v.name, type: v.type, scope: use && use.sources > 0 && use.cases === 0 ? 'source' : 'case' };
  });
  const name = label(attr(root, 'name')) ?? fileName.replace(/\.qdpx$/i, '');
  const origin = attr(root, 'origin');
  return {
    name,
    ...(origin !== undefined ? { origin } : {}),
    ...(ctx.projectCreator ? { creatingUserGuid: ctx.projectCreator } : {}),
    users: ctx.users,
    codes,
    sources,
    codings,
    cases,
    variables,
    memos,
    ...(links.length > 0 ? { links } : {}),
    ...(done.length > 0 ? { done } : {}),
    ...(sets.length > 0 ? { sets } : {}),
  };
}

export function readProject(bytes: Uint8Array, options: ReadProjectOptions = {}): ReadProjectResult {
  const fileName = options.fileName ?? 'project.qdpx';
  const archive = new QdpxArchive(bytes, fileName, options.limits);
  const where = `${fileName} (${archive.projectEntry})`;
  if ((archive.zip.sizeOf(archive.projectEntry) ?? 0) > REFI_XML_LIMITS.maxChars) throw xmlTooLarge(where, REFI_XML_LIMITS);
  const qdeBytes = archive.zip.read(archive.projectEntry) ?? new Uint8Array();
  const qde = decodeText(qdeBytes).text;
  const root = parseXml(qde, where);
  if (root.name !== 'Project') {
    throw new TresseError('refi.wrongRoot', { file: archive.projectEntry, expected: 'project (.qde)', found: root.name });
  }
  const paths = new Set<string>();
  textPaths(root, paths);
  const wanted = [...paths].map((p) => archive.resolve(p)).filter((s): s is string => s !== null);
  const ctx = new ReadContext(archive, archive.zip.extract(wanted));
  const origin = attr(root, 'origin');
  ctx.vendor = detectVendor(origin, qde);
  ctx.known = knownReading(origin, ctx.vendor);
  ctx.program = programName(origin, ctx.vendor);
  try {
    const snapshot = readParsed(root, ctx, fileName);
    return { snapshot, warnings: ctx.warnings, adaptations: readAdaptations(ctx, root), namespace: root.ns, vendor: ctx.vendor, notKept: notKept(root) };
  } catch (e) {
    // The file parsed as XML but holds something no reader anticipated: still the file's fault.
    if (e instanceof TresseError) throw e;
    throw new TresseError('refi.unexpectedContent', { file: where });
  }
}
