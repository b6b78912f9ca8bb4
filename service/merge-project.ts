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
//   twice changes nothing;
// - sets are matched by GUID, then by kind and name, and gain the members that came over (merge-sets.ts).
import type { Decision } from '../codebooks/merge.ts';
import { stmt } from '../db/statements.ts';
import type { SnapshotMemoTarget } from '../exchange/refi/snapshot.ts';
import type { MemoTarget } from '../model/types.ts';
import { hashText } from '../text/hash.ts';
import { normaliseText } from '../text/normalise.ts';
import { NormalisationMap } from '../text/offsets.ts';
import { applyCodebookMerge, type CodebookMergeResult } from './codebook-merge.ts';
import { newGuid, nowIso, type ProjectContext } from './context.ts';
import { saveMemo } from './memos.ts';
import { AttributeMerger } from './merge-attributes.ts';
import { keepExchangeFacts, keepUser } from './exchange-kept.ts';
import { coderResolver, mergeCodings, type CodingCounts, type PlacedSource } from './merge-codings.ts';
import { mergeWarning, type TeamWarning } from './merge-warnings.ts';
import type { RichSnapshot, RichSource } from './refi-snapshot.ts';
import { mergeSets, type SetCounts } from './merge-sets.ts';
import { addParsedSource, findSourceByHash } from './sources.ts';

export interface MergeReport {
  codebook: Omit<CodebookMergeResult, 'diff' | 'plan'>;
  coders: { added: string[] };
  sources: { added: number; matched: number };
  cases: { added: number; matched: number };
  attributeValues: { added: number };
  codings: CodingCounts;
  memos: { added: number; duplicates: number };
  /** "Coding done" marks brought over (one already there is not counted). */
  doneMarks: { added: number };
  /** Sets of sources and of codes: added, matched (by GUID, then kind and name), members added. */
  sets: SetCounts;
  warnings: TeamWarning[];
}

const exists = (ctx: ProjectContext, table: 'sources' | 'cases' | 'memos', guid: string) =>
  stmt(ctx.db, `SELECT 1 FROM ${table} WHERE guid = ?`).get(guid) !== undefined;

const guidOf = (ctx: ProjectContext, table: 'sources' | 'cases' | 'codings' | 'coders', id: number) =>
  (stmt(ctx.db, `SELECT guid FROM ${table} WHERE id = ?`).get(id) as { guid: string } | undefined)?.guid;

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
      doneMarks: { added: 0 },
      sets: { added: 0, matched: 0, membersAdded: 0 },
      warnings,
    };
    const attributes = new AttributeMerger(ctx, theirs.variables, warnings);
    // Users a file declares come over even when they coded nothing (exchange-kept.ts).
    const codersAdded: string[] = [];
    const coderOf = coderResolver(ctx, theirs, codersAdded);
    for (const u of theirs.users) if (u.kept) keepUser(ctx.db, guidOf(ctx, 'coders', coderOf(u.guid))!);
    const sources = mergeSources(ctx, theirs, report, attributes);
    const cases = mergeCases(ctx, theirs, report, attributes, sources);
    attributes.declareUnused();
    report.attributeValues.added = attributes.valuesAdded;
    const codings = mergeCodings(ctx, theirs, sources, plan.guidMap, warnings);
    report.codings = codings.counts;
    report.coders.added = [...codersAdded, ...codings.codersAdded];
    report.doneMarks.added = mergeDoneMarks(ctx, theirs, sources, report.coders.added);
    report.sets = mergeSets(ctx, theirs, sources, plan.guidMap);

    const codeId = (guid: string) => {
      const mapped = plan.guidMap[guid];
      return mapped ? (stmt(ctx.db, 'SELECT id FROM codes WHERE guid = ?').get(mapped) as { id: number }).id : undefined;
    };
    const targetOf = (t: SnapshotMemoTarget | undefined): MemoTarget | undefined => {
      if (!t || t.kind === 'project') return { kind: 'project' };
      const id =
        t.kind === 'source' ? sources.get(t.guid)?.id : t.kind === 'case' ? cases.get(t.guid) : t.kind === 'code' ? codeId(t.guid) : codings.ids.get(t.guid);
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
    const mineOf = (table: 'sources' | 'cases' | 'codings', id: number | undefined) => (id === undefined ? undefined : guidOf(ctx, table, id));
    keepExchangeFacts(ctx, theirs, {
      source: (g) => mineOf('sources', sources.get(g)?.id),
      case: (g) => mineOf('cases', cases.get(g)),
      code: (g) => plan.guidMap[g] ?? undefined,
      coding: (g) => mineOf('codings', codings.ids.get(g)),
      memo: (g) => (exists(ctx, 'memos', g) ? g : undefined),
    });
    return report;
  })();
}

function mergeSources(ctx: ProjectContext, theirs: RichSnapshot, report: MergeReport, attributes: AttributeMerger): Map<string, PlacedSource> {
  const codingsPerSource = new Map<string, number>();
  for (const k of theirs.codings) codingsPerSource.set(k.sourceGuid, (codingsPerSource.get(k.sourceGuid) ?? 0) + 1);
  const sources = new Map<string, PlacedSource>();
  for (const s of theirs.sources) {
    const placed = placeSource(ctx, s, report, codingsPerSource.get(s.guid) ?? 0);
    if (!placed) continue;
    sources.set(s.guid, placed);
    attributes.merge({ sourceId: placed.id }, s.name, s.attributes);
  }
  return sources;
}

/** Cases by name, then GUID; their description fills an empty one of mine; links follow the sources. */
function mergeCases(
  ctx: ProjectContext,
  theirs: RichSnapshot,
  report: MergeReport,
  attributes: AttributeMerger,
  sources: ReadonlyMap<string, PlacedSource>,
): Map<string, number> {
  const cases = new Map<string, number>();
  const link = stmt(ctx.db, 'INSERT OR IGNORE INTO case_sources (case_id, source_id) VALUES (?, ?)');
  for (const c of theirs.cases) {
    type Row = { id: number; description: string } | undefined;
    const mine =
      (stmt(ctx.db, 'SELECT id, description FROM cases WHERE name = ?').get(c.name) as Row) ??
      (stmt(ctx.db, 'SELECT id, description FROM cases WHERE guid = ?').get(c.guid) as Row);
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
    for (const g of c.sourceGuids) {
      const s = sources.get(g);
      if (s) link.run(caseId, s.id);
    }
    attributes.merge({ caseId }, c.name, c.attributes);
  }
  return cases;
}

function placeSource(ctx: ProjectContext, s: RichSource, report: MergeReport, codings: number): PlacedSource | undefined {
  const text = normaliseText(s.text);
  if (!text.trim()) {
    report.warnings.push(mergeWarning('merge.sourceEmpty', { name: s.name, codings }));
    return undefined;
  }
  const map = text === s.text ? null : new NormalisationMap(s.text);
  const found = findSourceByHash(ctx.db, hashText(text));
  if (found) {
    report.sources.matched++;
    return { id: found.id, length: found.length, map };
  }
  const guidTaken = exists(ctx, 'sources', s.guid);
  if (guidTaken) report.warnings.push(mergeWarning('merge.sourceGuidTaken', { name: s.name }));
  // Who added it: their user when a coder of mine by now (never one created just for that).
  const creator = s.creatingUserGuid ? (stmt(ctx.db, 'SELECT id FROM coders WHERE guid = ?').get(s.creatingUserGuid) as { id: number } | undefined) : undefined;
  const added = addParsedSource(
    ctx,
    { text, format: s.format ?? 'refi-qda', encoding: null, structure: map ? [] : (s.structure ?? []), notes: [] },
    {
      name: s.name,
      kind: s.kind,
      fileName: s.fileName ?? null,
      ...(guidTaken ? {} : { guid: s.guid }),
      ...(creator ? { importedBy: creator.id } : {}),
      ...(s.createdAt ? { importedAt: s.createdAt } : {}),
    },
  );
  report.sources.added++;
  return { id: added.id, length: added.length, map };
}

function sameMemo(ctx: ProjectContext, target: MemoTarget, title: string, text: string): boolean {
  const col = { project: null, source: 'source_id', case: 'case_id', code: 'code_id', coding: 'coding_id' }[target.kind];
  const where = col ? `${col} = ?` : 'source_id IS NULL AND case_id IS NULL AND code_id IS NULL AND coding_id IS NULL';
  const params: unknown[] = 'id' in target ? [target.id] : [];
  return stmt(ctx.db, `SELECT 1 FROM memos WHERE ${where} AND title = ? AND text = ?`).get(...params, title, text) !== undefined;
}

/** Their "coding done" marks on the sources that came over (or were already mine), for their coders. */
function mergeDoneMarks(ctx: ProjectContext, theirs: RichSnapshot, sources: ReadonlyMap<string, PlacedSource>, codersAdded: string[]): number {
  const coderOf = coderResolver(ctx, theirs, codersAdded);
  let added = 0;
  for (const d of theirs.done ?? []) {
    const placed = d.sourceGuids.map((g) => sources.get(g)).filter((s) => s !== undefined);
    if (placed.length === 0) continue;
    const coderId = coderOf(d.userGuid);
    for (const s of placed)
      added += stmt(ctx.db, 'INSERT OR IGNORE INTO source_done (source_id, coder_id, marked_at) VALUES (?, ?, ?)').run(s.id, coderId, nowIso()).changes;
  }
  return added;
}
