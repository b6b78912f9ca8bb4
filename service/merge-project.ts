// Merges a teammate's project (a snapshot of their .tresse, or a .qdpx from any REFI-QDA tool) into
// mine, in one transaction:
// - codes go through the codebook merge (compare, plan with the user's decisions, apply); their
//   codings follow the plan's guidMap;
// - a source is recognised by the hash of its normalised text, so an interview both of us imported
//   is never duplicated, whatever its name or identifier;
// - coders are matched by GUID, then by name, and created when new: every coding keeps its coder;
// - cases are matched by name, then GUID; attribute values by attribute name (mine win a conflict);
// - a coding already present (same GUID, or same source, code, coder and range) is not added again,
//   nor a memo already present (same GUID, or same target, title and text): merging the same file
//   twice changes nothing.
import type { Decision } from '../codebooks/merge.ts';
import { stmt } from '../db/statements.ts';
import type { SnapshotMemoTarget } from '../exchange/refi/snapshot.ts';
import type { MemoTarget } from '../model/types.ts';
import { hashText } from '../text/hash.ts';
import { normaliseText } from '../text/normalise.ts';
import { NormalisationMap } from '../text/offsets.ts';
import { applyCodebookMerge, type CodebookMergeResult } from './codebook-merge.ts';
import { ensureCoder } from './coders.ts';
import { insertCoding } from './codings.ts';
import { newGuid, type ProjectContext } from './context.ts';
import { saveMemo } from './memos.ts';
import { AttributeMerger } from './merge-attributes.ts';
import { mergeWarning, type TeamWarning } from './merge-warnings.ts';
import type { RichSnapshot, RichSource } from './refi-snapshot.ts';
import { addParsedSource, findSourceByHash } from './sources.ts';

export interface MergeReport {
  codebook: Omit<CodebookMergeResult, 'diff' | 'plan'>;
  coders: { added: string[] };
  sources: { added: number; matched: number };
  cases: { added: number; matched: number };
  attributeValues: { added: number };
  codings: { added: number; duplicates: number; skipped: number };
  memos: { added: number; duplicates: number };
  warnings: TeamWarning[];
}

interface PlacedSource {
  id: number;
  length: number;
  /** Set when their text was not normalised: their positions are mapped through it. */
  map: NormalisationMap | null;
}

const exists = (ctx: ProjectContext, table: 'sources' | 'cases' | 'codings' | 'memos', guid: string) =>
  stmt(ctx.db, `SELECT 1 FROM ${table} WHERE guid = ?`).get(guid) !== undefined;

export function mergeSnapshot(ctx: ProjectContext, theirs: RichSnapshot, decisions: readonly Decision[] = []): MergeReport {
  return ctx.db.transaction(() => {
    const warnings: TeamWarning[] = [];
    const { diff: _diff, plan, ...codebook } = applyCodebookMerge(ctx, theirs.codes, decisions);
    const report: MergeReport = {
      codebook,
      coders: { added: [] },
      sources: { added: 0, matched: 0 },
      cases: { added: 0, matched: 0 },
      attributeValues: { added: 0 },
      codings: { added: 0, duplicates: 0, skipped: 0 },
      memos: { added: 0, duplicates: 0 },
      warnings,
    };
    const attributes = new AttributeMerger(ctx, theirs.variables, warnings);
    const codingsPerSource = new Map<string, number>();
    for (const k of theirs.codings) codingsPerSource.set(k.sourceGuid, (codingsPerSource.get(k.sourceGuid) ?? 0) + 1);

    const sources = new Map<string, PlacedSource>();
    for (const s of theirs.sources) {
      const placed = placeSource(ctx, s, report, warnings, codingsPerSource.get(s.guid) ?? 0);
      if (!placed) continue;
      sources.set(s.guid, placed);
      attributes.merge({ sourceId: placed.id }, s.name, s.attributes);
    }

    const cases = new Map<string, number>();
    for (const c of theirs.cases) {
      const mine =
        (stmt(ctx.db, 'SELECT id, description FROM cases WHERE name = ?').get(c.name) as { id: number; description: string } | undefined) ??
        (stmt(ctx.db, 'SELECT id, description FROM cases WHERE guid = ?').get(c.guid) as { id: number; description: string } | undefined);
      let caseId: number;
      if (mine) {
        caseId = mine.id;
        report.cases.matched++;
        if (!mine.description && c.description) stmt(ctx.db, 'UPDATE cases SET description = ? WHERE id = ?').run(c.description, caseId);
      } else {
        const guid = exists(ctx, 'cases', c.guid) ? newGuid() : c.guid;
        caseId = Number(stmt(ctx.db, 'INSERT INTO cases (guid, name, description) VALUES (?, ?, ?)').run(guid, c.name, c.description ?? '').lastInsertRowid);
        report.cases.added++;
      }
      cases.set(c.guid, caseId);
      const link = stmt(ctx.db, 'INSERT OR IGNORE INTO case_sources (case_id, source_id) VALUES (?, ?)');
      for (const g of c.sourceGuids) {
        const s = sources.get(g);
        if (s) link.run(caseId, s.id);
      }
      attributes.merge({ caseId }, c.name, c.attributes);
    }
    report.attributeValues.added = attributes.valuesAdded;

    const coderOf = coderResolver(ctx, theirs, report);
    const codings = new Map<string, number>();
    const skipped = { unknownSource: 0, unknownCode: 0, ignored: new Map<string, number>(), notCodable: new Map<string, number>(), outOfRange: new Map<string, number>() };
    const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
    const theirCodeName = new Map(theirs.codes.map((c) => [c.guid, c.name]));
    const sourceName = new Map(theirs.sources.map((s) => [s.guid, s.name]));
    for (const k of theirs.codings) {
      const src = sources.get(k.sourceGuid);
      if (!src) {
        // Sources left out with a warning already counted their codings.
        if (!theirs.sources.some((s) => s.guid === k.sourceGuid)) skipped.unknownSource++;
        report.codings.skipped++;
        continue;
      }
      const mapped = plan.guidMap[k.codeGuid];
      if (mapped === undefined) skipped.unknownCode++;
      else if (mapped === null) bump(skipped.ignored, theirCodeName.get(k.codeGuid) ?? k.codeGuid);
      if (!mapped) {
        report.codings.skipped++;
        continue;
      }
      const code = stmt(ctx.db, 'SELECT id, name, codable FROM codes WHERE guid = ?').get(mapped) as { id: number; name: string; codable: number };
      if (code.codable !== 1) {
        bump(skipped.notCodable, code.name);
        report.codings.skipped++;
        continue;
      }
      const start = src.map ? src.map.toNormalised(k.start) : k.start;
      const end = src.map ? src.map.toNormalised(k.end) : k.end;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= src.length)) {
        bump(skipped.outOfRange, sourceName.get(k.sourceGuid) ?? k.sourceGuid);
        report.codings.skipped++;
        continue;
      }
      const coderId = coderOf(k.coderGuid);
      const same = (stmt(ctx.db, 'SELECT id FROM codings WHERE guid = ?').get(k.guid) ??
        stmt(ctx.db, 'SELECT id FROM codings WHERE source_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?').get(
          src.id, code.id, coderId, start, end,
        )) as { id: number } | undefined;
      if (same) {
        codings.set(k.guid, same.id);
        report.codings.duplicates++;
        continue;
      }
      const coding = insertCoding(ctx, {
        sourceId: src.id,
        codeId: code.id,
        start,
        end,
        coderId,
        valence: k.valence ?? null,
        memo: k.memo ?? null,
        ...(k.segmentKind ? { segmentKind: k.segmentKind } : {}),
        ...(k.createdAt ? { createdAt: k.createdAt } : {}),
        ...(exists(ctx, 'codings', k.guid) ? {} : { guid: k.guid }),
      });
      codings.set(k.guid, coding.id);
      report.codings.added++;
    }
    if (skipped.unknownSource > 0) warnings.push(mergeWarning('merge.codingsUnknownSource', { count: skipped.unknownSource }));
    if (skipped.unknownCode > 0) warnings.push(mergeWarning('merge.codingsUnknownCode', { count: skipped.unknownCode }));
    if (skipped.ignored.size > 0) {
      const count = [...skipped.ignored.values()].reduce((a, b) => a + b, 0);
      warnings.push(mergeWarning('merge.codingsIgnoredCode', { count, names: [...skipped.ignored.keys()].join(', ') }));
    }
    for (const [name, count] of skipped.notCodable) warnings.push(mergeWarning('merge.codingsNotCodable', { count, name }));
    for (const [name, count] of skipped.outOfRange) warnings.push(mergeWarning('merge.codingsOutOfRange', { count, name }));

    const codeId = (guid: string) => {
      const mapped = plan.guidMap[guid];
      return mapped ? (stmt(ctx.db, 'SELECT id FROM codes WHERE guid = ?').get(mapped) as { id: number }).id : undefined;
    };
    const targetOf = (t: SnapshotMemoTarget | undefined): MemoTarget | undefined => {
      if (!t || t.kind === 'project') return { kind: 'project' };
      const id =
        t.kind === 'source' ? sources.get(t.guid)?.id
        : t.kind === 'case' ? cases.get(t.guid)
        : t.kind === 'code' ? codeId(t.guid)
        : codings.get(t.guid);
      return id === undefined ? undefined : { kind: t.kind, id };
    };
    for (const m of theirs.memos) {
      let target = targetOf(m.target);
      if (!target) {
        warnings.push(mergeWarning('merge.memoDetached', { name: m.name }));
        target = { kind: 'project' };
      }
      if (exists(ctx, 'memos', m.guid) || sameMemo(ctx, target, m.name, m.text)) {
        report.memos.duplicates++;
        continue;
      }
      saveMemo(ctx, { target, title: m.name, text: m.text, guid: m.guid });
      report.memos.added++;
    }
    return report;
  })();
}

function placeSource(ctx: ProjectContext, s: RichSource, report: MergeReport, warnings: TeamWarning[], codings: number): PlacedSource | undefined {
  const text = normaliseText(s.text);
  if (!text.trim()) {
    warnings.push(mergeWarning('merge.sourceEmpty', { name: s.name, codings }));
    return undefined;
  }
  const map = text === s.text ? null : new NormalisationMap(s.text);
  const found = findSourceByHash(ctx.db, hashText(text));
  if (found) {
    report.sources.matched++;
    return { id: found.id, length: found.length, map };
  }
  const guidTaken = exists(ctx, 'sources', s.guid);
  if (guidTaken) warnings.push(mergeWarning('merge.sourceGuidTaken', { name: s.name }));
  const added = addParsedSource(
    ctx,
    { text, format: s.format ?? 'refi-qda', encoding: null, structure: map ? [] : (s.structure ?? []), notes: [] },
    { name: s.name, kind: s.kind, fileName: s.fileName ?? null, ...(guidTaken ? {} : { guid: s.guid }) },
  );
  report.sources.added++;
  return { id: added.id, length: added.length, map };
}

/** Their user GUID -> my coder id: same GUID, else same name, else a new coder (created on first use). */
function coderResolver(ctx: ProjectContext, theirs: RichSnapshot, report: MergeReport): (guid: string) => number {
  const names = new Map(theirs.users.map((u) => [u.guid, u.name]));
  const cache = new Map<string, number>();
  return (guid) => {
    const hit = cache.get(guid);
    if (hit !== undefined) return hit;
    const name = names.get(guid) ?? 'REFI-QDA';
    let row = (stmt(ctx.db, 'SELECT id FROM coders WHERE guid = ?').get(guid) ??
      stmt(ctx.db, 'SELECT id FROM coders WHERE name = ?').get(name)) as { id: number } | undefined;
    if (!row) {
      row = { id: ensureCoder(ctx.db, name, guid).id };
      report.coders.added.push(name);
    }
    cache.set(guid, row.id);
    return row.id;
  };
}

function sameMemo(ctx: ProjectContext, target: MemoTarget, title: string, text: string): boolean {
  const col = { project: null, source: 'source_id', case: 'case_id', code: 'code_id', coding: 'coding_id' }[target.kind];
  const where = col
    ? `${col} = ?`
    : 'source_id IS NULL AND case_id IS NULL AND code_id IS NULL AND coding_id IS NULL';
  const params: unknown[] = 'id' in target ? [target.id] : [];
  return stmt(ctx.db, `SELECT 1 FROM memos WHERE ${where} AND title = ? AND text = ?`).get(...params, title, text) !== undefined;
}
