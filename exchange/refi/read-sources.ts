// Sources of a REFI-QDA project: text sources with their selections and codings, PDFs through their
// plain-text representation, and everything Tresse cannot hold reported, never dropped silently.
import { SOURCE_KINDS, type SourceKind } from '../../model/types.ts';
import { codePointLength } from '../../text/offsets.ts';
import { normaliseGuid } from './guid.ts';
import { mapSelections, type RawSelection } from './positions.ts';
import { selectionGuid as selectionGuidOf } from './selections.ts';
import type { ReadContext } from './read-context.ts';
import { DEFAULT_SOURCE_KIND, type SnapshotCoding, type SnapshotSource } from './snapshot.ts';
import { nameList, warning } from './warnings.ts';
import { attr, child, childText, children, label, type XmlElement } from './xml.ts';

function countDescendants(el: XmlElement, name: string): number {
  let n = 0;
  for (const c of el.children) n += (c.name === name ? 1 : 0) + countDescendants(c, name);
  return n;
}

function sourceKind(raw: string | null): SourceKind {
  return raw !== null && (SOURCE_KINDS as readonly string[]).includes(raw) ? (raw as SourceKind) : DEFAULT_SOURCE_KIND;
}

function integer(raw: string | undefined): number {
  return raw !== undefined && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
}

export interface ReadSources {
  sources: SnapshotSource[];
  codings: SnapshotCoding[];
}

/** Sources whose positions were read otherwise than the standard, by reading: one line in the report each. */
type Departures = Map<string, { found: boolean; astral: 1 | 2; crlf: 1 | 2; names: string[] }>;

/**
 * One text source. `el` holds the text and selections (a TextSource, or a PDF's Representation);
 * `owner` holds identity and variables (the same element, or the PDFSource).
 */
function readText(ctx: ReadContext, el: XmlElement, owner: XmlElement, index: number, out: ReadSources, departures: Departures): void {
  const guid = ctx.guidOf(owner, `source:${index}`);
  const name = label(attr(owner, 'name') ?? attr(el, 'name')) ?? guid;
  const raw = ctx.text(el, name);
  if (raw === null) {
    const path = attr(el, 'plainTextPath') ?? '';
    ctx.warnings.push(warning('refi.sourceMissing', { name, path, codings: countDescendants(owner, 'Coding') }));
    ctx.detachAllNotesUnder(owner);
    return;
  }
  if (!ctx.claim(ctx.sourceGuids, 'source', guid, name)) return;

  const selections = children(el, 'PlainTextSelection');
  const mapped = mapSelections(
    raw,
    selections.map((s): RawSelection => ({ start: integer(attr(s, 'startPosition')), end: integer(attr(s, 'endPosition')), name: attr(s, 'name') })),
    ctx.known,
  );
  if (mapped.doubt === 'line-ends') ctx.warnings.push(warning('refi.lineEndingsGuessed', { name }));
  if (mapped.doubt === 'units') ctx.warnings.push(warning('refi.positionUnitsGuessed', { name }));
  if (mapped.departs) {
    const { astral, crlf } = mapped.reading;
    const found = ctx.known.astral !== astral || ctx.known.crlf !== crlf;
    const key = `${found}:${astral}:${crlf}`;
    const d = departures.get(key) ?? { found, astral, crlf, names: [] };
    d.names.push(name);
    departures.set(key, d);
  }
  const { attributes, kind } = ctx.values(owner, 'sources');
  out.sources.push({
    guid,
    name,
    kind: sourceKind(kind),
    text: mapped.text,
    attributes,
    ...(attr(owner, 'creatingUser') ? { creatingUserGuid: ctx.coder(attr(owner, 'creatingUser')) } : {}),
    ...(attr(owner, 'creationDateTime') ? { createdAt: attr(owner, 'creationDateTime')! } : {}),
  });
  for (const n of ctx.noteRefsOf(owner)) ctx.attachNote(n, { kind: 'source', guid });

  let outside = 0;
  const pastEnd: { start: number; end: number }[] = [];
  let uncoded = 0;
  let unknownCode = 0;
  const addCodings = (holder: XmlElement, range: { start: number; end: number }, selection: { el: XmlElement; guid: string } | null): string[] => {
    const added: string[] = [];
    children(holder, 'Coding').forEach((c, k) => {
      const ref = child(c, 'CodeRef');
      const codeGuid = normaliseGuid((ref && attr(ref, 'targetGUID')) ?? '');
      if (!ctx.codeGuids.has(codeGuid)) {
        unknownCode++;
        return;
      }
      const codingGuid = ctx.guidOf(c, `coding:${guid}:${range.start}:${range.end}:${k}`);
      if (!ctx.claim(ctx.codingGuids, 'coding', codingGuid)) return;
      const createdAt = attr(c, 'creationDateTime') ?? (selection ? attr(selection.el, 'creationDateTime') : undefined);
      const description = selection ? label(childText(selection.el, 'Description')) : undefined;
      out.codings.push({
        guid: codingGuid,
        sourceGuid: guid,
        codeGuid,
        start: range.start,
        end: range.end,
        coderGuid: ctx.coder(attr(c, 'creatingUser'), selection ? attr(selection.el, 'creatingUser') : undefined, attr(owner, 'creatingUser')),
        ...(createdAt ? { createdAt } : {}),
        memo: description === undefined || description === '' ? null : description,
        // Tresse's own selections (derived from their coding's GUID) need not be remembered.
        ...(selection && selection.guid !== selectionGuidOf(codingGuid) ? { selectionGuid: selection.guid } : {}),
      });
      for (const n of ctx.noteRefsOf(c)) ctx.attachNote(n, { kind: 'coding', guid: codingGuid });
      added.push(codingGuid);
    });
    return added;
  };

  selections.forEach((s, i) => {
    const range = mapped.ranges[i];
    const codings = children(s, 'Coding').length;
    if (codings === 0) uncoded++;
    else if (!range) {
      const start = integer(attr(s, 'startPosition'));
      const end = integer(attr(s, 'endPosition'));
      if (start >= 0 && start < end && end > mapped.countedLength) pastEnd.push({ start, end });
      else outside++;
    }
    const selectionGuid = ctx.guidOf(s, `selection:${guid}:${i}`);
    const added = range ? addCodings(s, range, { el: s, guid: selectionGuid }) : [];
    const first = added[0];
    if (first) {
      ctx.selectionCoding.set(selectionGuid, first);
      for (const n of ctx.noteRefsOf(s)) ctx.attachNote(n, { kind: 'coding', guid: first });
    } else {
      for (const n of ctx.noteRefsOf(s)) ctx.detachedNotes.add(n);
    }
  });
  // A Coding directly on the source codes all of it.
  const length = codePointLength(mapped.text);
  if (length > 0) addCodings(el, { start: 0, end: length }, null);

  if (pastEnd.length > 0) {
    const { start, end } = pastEnd[0]!;
    ctx.warnings.push(warning('refi.selectionPastEnd', { name, count: pastEnd.length, length: mapped.countedLength, start, end }));
  }
  if (outside > 0) ctx.warnings.push(warning('refi.selectionOutOfRange', { name, count: outside }));
  if (uncoded > 0) ctx.warnings.push(warning('refi.selectionWithoutCode', { name, count: uncoded }));
  if (unknownCode > 0) ctx.warnings.push(warning('refi.codingUnknownCode', { name, count: unknownCode }));
}

export function readSources(ctx: ReadContext, sourcesEl: XmlElement | undefined): ReadSources {
  const out: ReadSources = { sources: [], codings: [] };
  const departures: Departures = new Map();
  const unknown = new Map<string, number>();
  (sourcesEl?.children ?? []).forEach((el, index) => {
    const name = label(attr(el, 'name')) ?? ctx.guidOf(el, `source:${index}`);
    switch (el.name) {
      case 'TextSource':
        readText(ctx, el, el, index, out, departures);
        break;
      case 'PDFSource': {
        const representation = child(el, 'Representation');
        if (representation) {
          const areaCodings = countDescendants(el, 'Coding') - countDescendants(representation, 'Coding');
          readText(ctx, representation, el, index, out, departures);
          if (ctx.sourceGuids.has(ctx.guidOf(el, `source:${index}`))) {
            ctx.warnings.push(warning('refi.pdfAsText', { name, codings: areaCodings }));
          }
          break;
        }
        ctx.warnings.push(warning('refi.sourceUnsupported', { name, type: 'PDF', codings: countDescendants(el, 'Coding') }));
        ctx.detachAllNotesUnder(el);
        break;
      }
      case 'PictureSource':
      case 'AudioSource':
      case 'VideoSource': {
        const type = el.name.replace('Source', '').toLowerCase();
        ctx.warnings.push(warning('refi.sourceUnsupported', { name, type, codings: countDescendants(el, 'Coding') }));
        ctx.detachAllNotesUnder(el);
        break;
      }
      default:
        unknown.set(el.name, (unknown.get(el.name) ?? 0) + 1);
    }
  });
  for (const { found, astral, crlf, names } of departures.values()) {
    const params = { count: names.length, names: nameList(names), astral, crlf };
    ctx.warnings.push(found ? warning('refi.positionReadingFound', params) : warning('refi.positionReading', { ...params, program: ctx.program }));
  }
  for (const [element, count] of unknown) ctx.warnings.push(warning('refi.unsupportedElement', { element, count }));
  return out;
}
