// The project as a ProjectSnapshot (exchange/refi/snapshot.ts): what the REFI-QDA writer takes and
// what a teammate's project is merged from. Fields REFI-QDA cannot carry (abbreviation, inclusion
// and exclusion criteria, valence, segment kind, speaker turns) ride along as optional extras, so a
// merge of one Tresse project into another loses nothing; the REFI writer simply ignores them.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { DEFAULT_CODE_COLOR } from '../exchange/refi/snapshot.ts';
import type {
  ProjectSnapshot,
  SnapshotCode,
  SnapshotCoding,
  SnapshotDone,
  SnapshotMemo,
  SnapshotMemoTarget,
  SnapshotSource,
} from '../exchange/refi/snapshot.ts';
import type { AttributeType, Coding, SegmentKind, StructureSegment, Valence } from '../model/types.ts';
import { attributeValuesBy } from './attributes.ts';
import { listCases } from './cases.ts';
import { listCodes } from './codebook.ts';
import { listCoders } from './coders.ts';
import { exchangeFacts } from './exchange-kept.ts';
import { listSets } from './sets.ts';
import { getSource } from './sources.ts';

export interface RichCode extends SnapshotCode {
  inclusion?: string;
  exclusion?: string;
  example?: string;
}

export interface RichCoding extends SnapshotCoding {
  valence?: Valence | null;
  segmentKind?: SegmentKind;
}

export interface RichSource extends SnapshotSource {
  structure?: StructureSegment[];
  fileName?: string | null;
  format?: string;
}

export interface RichSnapshot extends ProjectSnapshot {
  codes: RichCode[];
  codings: RichCoding[];
  sources: RichSource[];
}

export function snapshotProject(db: Db): RichSnapshot {
  const project = stmt(db, 'SELECT name FROM project WHERE id = 1').get() as { name: string };
  const kept = exchangeFacts(db);
  const coders = listCoders(db);
  const coderGuid = new Map(coders.map((c) => [c.id, c.guid]));
  const codes = listCodes(db);
  const codeGuid = new Map(codes.map((c) => [c.id, c.guid]));
  const sourceRows = stmt(db, 'SELECT id, guid FROM sources ORDER BY id').all() as { id: number; guid: string }[];
  const sourceGuid = new Map(sourceRows.map((s) => [s.id, s.guid]));
  const sourceValues = attributeValuesBy(db, 'source');

  const sources: RichSource[] = sourceRows.map(({ id }) => {
    const s = getSource(db, id);
    const importer = coders.find((c) => c.name === s.origin.importedBy);
    return {
      guid: s.guid,
      name: s.name,
      kind: s.kind,
      text: s.text,
      attributes: sourceValues.get(id) ?? {},
      ...(importer ? { creatingUserGuid: importer.guid } : {}),
      createdAt: s.origin.importedAt,
      structure: s.structure,
      fileName: s.origin.fileName,
      format: s.origin.format,
    };
  });

  // A coding's first untitled memo travels as the coding's own memo (REFI: the selection's
  // description, which is how it came in); a titled one is a note of its own.
  const codingRows = stmt(
    db,
    `SELECT k.id, k.guid, k.source_id AS sourceId, k.code_id AS codeId, k.coder_id AS coderId, k.start, k.end,
       k.created_at AS createdAt, k.valence, k.segment_kind AS segmentKind, k.selection_guid AS selectionGuid,
       (SELECT m.id FROM memos m WHERE m.coding_id = k.id AND m.title = '' ORDER BY m.id LIMIT 1) AS memoId,
       (SELECT m.text FROM memos m WHERE m.coding_id = k.id AND m.title = '' ORDER BY m.id LIMIT 1) AS memo
     FROM codings k ORDER BY k.source_id, k.start, k.end, k.id`,
  ).all() as (Coding & { memoId: number | null; selectionGuid: string | null })[];
  const codingGuid = new Map(codingRows.map((k) => [k.id, k.guid]));
  const carried = new Set(codingRows.map((k) => k.memoId).filter((id): id is number => id !== null));
  const codings: RichCoding[] = codingRows.map((k) => ({
    guid: k.guid,
    sourceGuid: sourceGuid.get(k.sourceId)!,
    codeGuid: codeGuid.get(k.codeId)!,
    start: k.start,
    end: k.end,
    coderGuid: coderGuid.get(k.coderId)!,
    createdAt: k.createdAt,
    memo: k.memo,
    ...(k.selectionGuid !== null ? { selectionGuid: k.selectionGuid } : {}),
    valence: k.valence,
    segmentKind: k.segmentKind,
  }));

  const cases = listCases(db);
  const caseGuid = new Map(cases.map((c) => [c.id, c.guid]));
  const kindOf = new Map<string, SnapshotMemoTarget>();
  for (const [kind, guids] of [
    ['source', sourceGuid],
    ['case', caseGuid],
    ['code', codeGuid],
    ['coding', codingGuid],
  ] as const)
    for (const guid of guids.values()) kindOf.set(guid, { kind, guid });
  const memoRows = stmt(
    db,
    'SELECT id, guid, title, text, source_id AS sourceId, case_id AS caseId, code_id AS codeId, coding_id AS codingId FROM memos ORDER BY id',
  ).all() as {
    id: number;
    guid: string;
    title: string;
    text: string;
    sourceId: number | null;
    caseId: number | null;
    codeId: number | null;
    codingId: number | null;
  }[];
  const memos: SnapshotMemo[] = memoRows
    .filter((m) => !carried.has(m.id))
    .map((m) => {
      const target: SnapshotMemoTarget =
        m.sourceId !== null
          ? { kind: 'source', guid: sourceGuid.get(m.sourceId)! }
          : m.caseId !== null
            ? { kind: 'case', guid: caseGuid.get(m.caseId)! }
            : m.codeId !== null
              ? { kind: 'code', guid: codeGuid.get(m.codeId)! }
              : m.codingId !== null
                ? { kind: 'coding', guid: codingGuid.get(m.codingId)! }
                : { kind: 'project' };
      const alsoOn = (kept.alsoOn.get(m.guid) ?? []).map((guid) => kindOf.get(guid)).filter((t) => t !== undefined);
      const free = target.kind === 'project' && kept.freeNote.has(m.guid);
      return { guid: m.guid, name: m.title, text: m.text, ...(free ? {} : { target }), ...(alsoOn.length > 0 ? { alsoOn } : {}) };
    });

  const variables = (
    stmt(db, 'SELECT guid, name, type, scope FROM attributes ORDER BY scope, id').all() as {
      guid: string;
      name: string;
      type: AttributeType;
      scope: 'case' | 'source';
    }[]
  ).map((v) => ({ ...v }));

  return {
    name: project.name,
    origin: 'Tresse',
    users: coders.map((c) => ({ guid: c.guid, name: c.name, ...(kept.users.has(c.guid) ? { kept: true } : {}) })),
    codes: codes.map((c) => ({
      guid: c.guid,
      parentGuid: c.parentId === null ? null : codeGuid.get(c.parentId)!,
      name: c.name,
      color: c.color,
      // A colour or a description given in Tresse since replaces what the file said.
      ...(kept.noColor.has(c.guid) && c.color === DEFAULT_CODE_COLOR ? { noColor: true } : {}),
      definition: c.definition,
      ...(kept.emptyDescription.has(c.guid) && c.definition === '' ? { emptyDescription: true } : {}),
      codable: c.codable,
      abbrev: c.abbrev,
      inclusion: c.inclusion,
      exclusion: c.exclusion,
      example: c.example,
    })),
    sources,
    codings,
    cases: cases.map((c) => ({
      guid: c.guid,
      name: c.name,
      description: c.description,
      ...(kept.emptyDescription.has(c.guid) && c.description === '' ? { emptyDescription: true } : {}),
      attributes: c.attributes,
      sourceGuids: c.sourceIds.map((id) => sourceGuid.get(id)!),
    })),
    variables,
    memos,
    ...(kept.links.length > 0 ? { links: kept.links } : {}),
    done: doneOf(db, sourceGuid),
    sets: listSets(db).map((set) => ({
      guid: set.guid,
      name: set.name,
      description: set.description,
      kind: set.kind,
      memberGuids: set.memberIds.map((id) => (set.kind === 'sources' ? sourceGuid : codeGuid).get(id)!),
    })),
  };
}

/** Each coder's "coding done" marks, by GUID. */
function doneOf(db: Db, sourceGuid: ReadonlyMap<number, string>): SnapshotDone[] {
  const byCoder = new Map<string, string[]>();
  for (const m of stmt(
    db,
    'SELECT c.guid AS coder, d.source_id AS sourceId FROM source_done d JOIN coders c ON c.id = d.coder_id ORDER BY c.name, d.source_id',
  ).all() as {
    coder: string;
    sourceId: number;
  }[]) {
    const list = byCoder.get(m.coder) ?? [];
    list.push(sourceGuid.get(m.sourceId)!);
    byCoder.set(m.coder, list);
  }
  return [...byCoder].map(([userGuid, sourceGuids]) => ({ userGuid, sourceGuids }));
}
