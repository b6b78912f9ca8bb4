// State shared by the parts of a project import: what has been read so far and what went missing.
import type { AttributeType } from '../../model/types.ts';
import { isNfc } from '../../text/normalise.ts';
import { QdpxArchive } from './read-archive.ts';
import { derivedGuid, normaliseGuid } from './guid.ts';
import type { SnapshotMemoTarget, SnapshotUser } from './snapshot.ts';
import type { KnownReading, Vendor } from './vendor.ts';
import { decodeText } from './text-decode.ts';
import { readValue, type AttrValue } from './values.ts';
import { warning, type ImportWarning } from './warnings.ts';
import { attr, child, children, type XmlElement } from './xml.ts';

export const FALLBACK_USER: SnapshotUser = { guid: derivedGuid('tresse-refi-unknown-user'), name: 'REFI-QDA' };

export class ReadContext {
  readonly warnings: ImportWarning[] = [];
  readonly users: SnapshotUser[] = [];
  readonly userGuids = new Set<string>();
  readonly codeGuids = new Set<string>();
  readonly sourceGuids = new Set<string>();
  readonly codingGuids = new Set<string>();
  readonly variables = new Map<string, { name: string; type: AttributeType }>();
  /** Note GUID -> what it is attached to; the first attachment found wins. */
  readonly noteTargets = new Map<string, SnapshotMemoTarget>();
  /** Note GUID -> its further attachments (a note may be referenced from several elements). */
  readonly noteAlsoOn = new Map<string, SnapshotMemoTarget[]>();
  /** Notes attached to something that was not imported. */
  readonly detachedNotes = new Set<string>();
  /** PlainTextSelection GUID -> GUID of its first imported coding (links point at selections). */
  readonly selectionCoding = new Map<string, string>();
  /** Variable GUIDs that carry the source kind (see SOURCE_KIND_VARIABLE). */
  readonly kindVariables = new Set<string>();
  readonly variableUse = new Map<string, { cases: number; sources: number }>();
  unknownVariableValues = 0;
  codingsWithoutUser = 0;
  /** Codings without an author credited to the project's creatingUserGUID. */
  codingsCreditedToCreator = 0;
  /** Users credited with something but not declared in <Users>. */
  readonly undeclaredUsers: string[] = [];
  /** Names of the texts (sources, notes) the reader changed in form, for the import report. */
  readonly adaptedTexts = { crlf: [] as string[], decomposed: [] as string[], utf16: [] as string[] };
  projectCreator: string | null = null;
  /** The program that wrote the file, how it counts positions as far as known, its name for the report (vendor.ts). */
  vendor: Vendor = 'unknown';
  known: KnownReading = {};
  program = '?';

  constructor(
    readonly archive: QdpxArchive,
    private readonly files: Map<string, Uint8Array>,
  ) {}

  /** The GUID of an element, normalised; one derived from `seed` when the element has none. */
  guidOf(el: XmlElement, seed: string): string {
    const raw = attr(el, 'guid');
    return raw && raw.trim() !== '' ? normaliseGuid(raw) : derivedGuid(`refi-import:${seed}`);
  }

  /** False (with a warning naming the element left out, when it has a name) when `guid` was already taken by an element of the same kind. */
  claim(seen: Set<string>, kind: string, guid: string, name?: string): boolean {
    if (seen.has(guid)) {
      this.warnings.push(name === undefined ? warning('refi.duplicateGuid', { kind, guid }) : warning('refi.duplicateGuidNamed', { kind, guid, name }));
      return false;
    }
    seen.add(guid);
    return true;
  }

  /** The first attachment found is the memo's target; the others are kept as its `alsoOn`. */
  attachNote(noteGuid: string, target: SnapshotMemoTarget): void {
    const first = this.noteTargets.get(noteGuid);
    if (!first) {
      this.noteTargets.set(noteGuid, target);
      return;
    }
    const same = (t: SnapshotMemoTarget) => t.kind === target.kind && t.guid === target.guid;
    const also = this.noteAlsoOn.get(noteGuid) ?? [];
    if (!same(first) && !also.some(same)) this.noteAlsoOn.set(noteGuid, [...also, target]);
  }

  noteRefsOf(el: XmlElement): string[] {
    return children(el, 'NoteRef')
      .map((r) => attr(r, 'targetGUID'))
      .filter((g): g is string => !!g)
      .map(normaliseGuid);
  }

  /** Every note referenced anywhere under `el`, for elements that are not imported. */
  detachAllNotesUnder(el: XmlElement): void {
    const walk = (e: XmlElement): void => {
      for (const c of e.children) {
        if (c.name === 'NoteRef') {
          const t = attr(c, 'targetGUID');
          if (t) this.detachedNotes.add(normaliseGuid(t));
        } else walk(c);
      }
    };
    walk(el);
  }

  /** The user something is credited to: known, else declared on the fly, else the fallback user. */
  coder(...candidates: (string | undefined)[]): string {
    for (const c of candidates) {
      if (!c || c.trim() === '') continue;
      const guid = normaliseGuid(c);
      if (!this.userGuids.has(guid)) {
        this.userGuids.add(guid);
        this.users.push({ guid, name: guid });
        this.undeclaredUsers.push(guid);
      }
      return guid;
    }
    if (this.projectCreator) {
      this.codingsCreditedToCreator++;
      return this.coder(this.projectCreator);
    }
    this.codingsWithoutUser++;
    if (!this.userGuids.has(FALLBACK_USER.guid)) {
      this.userGuids.add(FALLBACK_USER.guid);
      this.users.push({ ...FALLBACK_USER });
    }
    return FALLBACK_USER.guid;
  }

  /**
   * Text of a TextSource-like element: inline PlainTextContent, or the file its plainTextPath names.
   * Null when the file is not in the archive.
   */
  text(el: XmlElement, name: string): string | null {
    const inline = child(el, 'PlainTextContent');
    if (inline) return this.noteForm(name, inline.text);
    const path = attr(el, 'plainTextPath');
    const stored = path ? this.archive.resolve(path) : null;
    const bytes = stored ? this.files.get(stored) : undefined;
    if (!bytes) return null;
    const decoded = decodeText(bytes);
    if (decoded.encoding === 'windows-1252') this.warnings.push(warning('refi.sourceEncoding', { name, encoding: 'Windows-1252' }));
    if (decoded.encoding.startsWith('utf-16')) this.adaptedTexts.utf16.push(name);
    return this.noteForm(name, decoded.text);
  }

  private noteForm(name: string, text: string): string {
    if (text.includes('\r')) this.adaptedTexts.crlf.push(name);
    if (!isNfc(text)) this.adaptedTexts.decomposed.push(name);
    return text;
  }

  /** Attribute values of an element's VariableValue children, by variable name. */
  values(el: XmlElement, holder: 'cases' | 'sources'): { attributes: Record<string, AttrValue[]>; kind: string | null } {
    const attributes: Record<string, AttrValue[]> = {};
    let kind: string | null = null;
    for (const vv of children(el, 'VariableValue')) {
      const ref = child(vv, 'VariableRef');
      const target = ref ? attr(ref, 'targetGUID') : undefined;
      const guid = target ? normaliseGuid(target) : '';
      const variable = this.variables.get(guid);
      if (!variable) {
        this.unknownVariableValues++;
        continue;
      }
      // The schema lets a VariableValue hold no value: the value is unknown, which Tresse shows as absent.
      const valueEl = vv.children.find((c) => readValue(c.name, c.text) !== undefined);
      if (!valueEl) continue;
      const value = readValue(valueEl.name, valueEl.text)!;
      if (this.kindVariables.has(guid)) {
        kind = String(value);
        continue;
      }
      (attributes[variable.name] ??= []).push(value);
      const use = this.variableUse.get(guid) ?? { cases: 0, sources: 0 };
      use[holder]++;
      this.variableUse.set(guid, use);
    }
    return { attributes, kind };
  }
}
