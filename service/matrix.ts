// One entry point per matrix type: read what the type needs from the project, then let
// analysis/matrix compute it (counts, then syntheses and verdicts for the triangulation
// matrices, presence for the crosstab, pairs for co-occurrence).
import type { Db } from '../db/open.ts';
import { TresseError } from '../i18n/error.ts';
import type { Lang } from '../i18n/lang.ts';
import { cellsOf, foldCells, sourcePassages, type SourcePassages } from '../analysis/matrix/aggregate.ts';
import { annotate, type AnnotationScope } from '../analysis/matrix/annotations.ts';
import { columnPlan, type ColumnPlan } from '../analysis/matrix/columns.ts';
import { cooccurrenceMatrix } from '../analysis/matrix/cooccurrence.ts';
import { agreementOf, coderNotes, coderScope } from '../analysis/matrix/coder-scope.ts';
import { columnsWithMaterial, countsMatrix } from '../analysis/matrix/counts.ts';
import { kindNotes, type KindColumn } from '../analysis/matrix/kind-columns.ts';
import { label } from '../analysis/matrix/labels.ts';
import { filterNotes } from '../analysis/matrix/notes.ts';
import type { CodingColumns } from '../analysis/matrix/passages.ts';
import type { SourceFacts } from '../analysis/matrix/sources.ts';
import { asParticipantGrid, participantPlan } from '../analysis/matrix/participant.ts';
import { codeTree, rowItems } from '../analysis/matrix/rows.ts';
import type { CoderScope, ColumnSpec, Matrix, MatrixFilter, MatrixRequest, RowItem, RowMode } from '../analysis/matrix/types.ts';
import { usageTree, type UsageNode } from '../analysis/matrix/usage.ts';
import { loadSyntheses, loadVerdicts } from './annotations.ts';
import { cooccurrencePairs } from './cooccurrence-pairs.ts';
import { kindColumns } from './kind-columns.ts';
import {
  attributeValues,
  caseById,
  codeRows,
  coderNames,
  codingCoders,
  codingRanges,
  eligibleOf,
  groupCodings,
  hasAttribute,
  loadSourceFacts,
  setsOfFilter,
} from './matrix-queries.ts';
import { listQuestions } from './questions.ts';
import { getSet, listSets, setMemberIds } from './sets.ts';

/**
 * `shared`: what the counted matrices of one analysis grid read alike (sharedCounts), for a
 * request with the same filter and rows; without it the matrix reads what it needs itself.
 */
export function buildMatrix(db: Db, req: MatrixRequest, lang: Lang = 'fr', shared?: SharedCounts): Matrix {
  switch (req.type) {
    case 'triangulation': {
      const columns = req.columns ?? { by: 'kind' };
      const kinds = kindColumns(db);
      const m = counted(db, req, columns, kinds, lang, {}, undefined, shared);
      if (columns.by === 'kind') m.notes.unshift(...kindNotes(kinds, lang));
      m.notes.push(label('note.passages', lang));
      return annotated(db, codersFirst(m, lang), { matrix: 'triangulation', caseId: null });
    }
    case 'participant':
      return participantGrid(db, req, lang, shared);
    case 'code-source':
      return counted(db, req, { by: 'source' }, [], lang, {}, undefined, shared);
    case 'code-attribute':
      if (req.columns?.by !== 'attribute') throw new TresseError('matrix.attributeRequired', {});
      return counted(db, req, req.columns, [], lang, { attribute: req.columns.name }, undefined, shared);
    case 'frequencies':
      return counted(db, req, { by: 'total' }, [], lang, {}, undefined, shared);
    case 'cooccurrence':
      return cooccurrence(db, req.rows ?? 'codes', req.filter ?? {}, lang, shared);
  }
}

/** A column spec from what a user typed: "kind", "sets" (every set of sources) or an attribute name (cases first, then sources). */
export function columnSpecFrom(db: Db, name: string | undefined): ColumnSpec {
  if (!name || name === 'kind' || name === 'type') return { by: 'kind' };
  if (name === 'sets' || name === 'ensembles') {
    const sets = listSets(db, 'sources');
    if (sets.length === 0) throw new TresseError('set.notFound', { ref: name });
    return { by: 'sets', setIds: sets.map((s) => s.id) };
  }
  for (const scope of ['case', 'source'] as const) {
    if (hasAttribute(db, scope, name.trim())) return { by: 'attribute', scope, name: name.trim() };
  }
  throw new TresseError('attribute.notFound', { name });
}

/** Each code's own codings under the filters, as the codebook tree (what the sunburst is sized by). */
export function codebookUsage(db: Db, filter: MatrixFilter = {}): UsageNode[] {
  const eligible = eligibleOf(db, loadSourceFacts(db), filter);
  const own = new Map<number, number>();
  for (const g of groupCodings(db, filter)) {
    if (!eligible || eligible.has(g.sourceId)) own.set(g.codeId, (own.get(g.codeId) ?? 0) + g.count);
  }
  return usageTree(codeTree(codeRows(db)), own);
}

function rowsOf(db: Db, mode: RowMode, own = false) {
  return rowItems(codeTree(codeRows(db)), mode, mode === 'questions' ? listQuestions(db) : [], own);
}

const notesOf = (db: Db, filter: MatrixFilter, lang: Lang) => {
  const sets = setsOfFilter(db, filter);
  return filterNotes(filter, coderNames(db, filter.coderIds ?? []), lang, {
    ...(sets.sources ? { sources: sets.sources.name } : {}),
    ...(sets.codes ? { codes: sets.codes.name } : {}),
  });
};

/**
 * What every counted matrix over the same filter and rows reads alike: the sources, the rows, whose
 * codings count, and each source's passages per row (with ids and valences), computed from one
 * read of the codings. The analysis grid's matrices (the triangulation, a grid per case, the
 * frequencies) then differ only in their columns: one pass over the codings instead of one per
 * matrix, which was most of the time of a full-grid export on a large project.
 */
export interface SharedCounts {
  filter: MatrixFilter;
  rowMode: RowMode;
  facts: Map<number, SourceFacts>;
  eligible: Set<number> | null;
  kept: SourceFacts[];
  items: RowItem[];
  coders: CoderScope;
  filterNotes: string[];
  /** The codings read, with ids, coders and valences: the co-occurrences' pairs are swept from them. */
  ranges: CodingColumns;
  passages: SourcePassages[];
  /** The first excerpt ids each cell keeps (FoldOptions.idsPerCell): an export quoting that many per cell. */
  idsPerCell?: number;
}

export function sharedCounts(db: Db, filter: MatrixFilter, rowMode: RowMode, lang: Lang = 'fr', idsPerCell?: number): SharedCounts {
  const facts = loadSourceFacts(db);
  const eligible = eligibleOf(db, facts, filter);
  const kept = [...facts.values()].filter((s) => !eligible || eligible.has(s.id));
  const items = rowsOf(db, rowMode);
  const coders = coderScope(filter, codingCoders(db), coderNames(db, filter.coderIds ?? []));
  const agreement = agreementOf(coders);
  const ranges = codingRanges(db, filter, undefined, { ids: true, coders: true, valences: true });
  const passages = sourcePassages(ranges, items, eligible, agreement, (id) => facts.has(id));
  return {
    filter,
    rowMode,
    facts,
    eligible,
    kept,
    items,
    coders,
    filterNotes: notesOf(db, filter, lang),
    ranges,
    passages,
    ...(idsPerCell !== undefined ? { idsPerCell } : {}),
  };
}

/** `kinds` is the project's kind mapping, needed by kind columns only. */
function counted(
  db: Db,
  req: MatrixRequest,
  columns: ColumnSpec,
  kinds: readonly KindColumn[],
  lang: Lang,
  titleParams: Record<string, string> = {},
  adjust?: (plan: ColumnPlan) => ColumnPlan,
  shared?: SharedCounts,
): Matrix {
  const filter = req.filter ?? {};
  const rowMode = req.rows ?? 'codes';
  if (shared && (shared.filter !== filter || shared.rowMode !== rowMode || req.rowKeys)) throw new Error('shared counts of another filter or rows');
  const facts = shared?.facts ?? loadSourceFacts(db);
  const eligible = shared ? shared.eligible : eligibleOf(db, facts, filter);
  const kept = shared?.kept ?? [...facts.values()].filter((s) => !eligible || eligible.has(s.id));
  const attribute = columns.by === 'attribute' ? attributeValues(db, columns.scope, columns.name) : null;
  const sets = columns.by === 'sets' ? columns.setIds.map((id) => ({ ...getSet(db, id), memberIds: setMemberIds(db, id, 'sources') })) : undefined;
  let plan = columnPlan(columns, kept, { kindColumns: kinds, attribute, ...(sets ? { sets } : {}) }, lang);
  if (adjust) plan = adjust(plan);
  let items = shared?.items ?? rowsOf(db, rowMode);
  if (req.rowKeys) items = items.filter((r) => req.rowKeys!.includes(r.key));
  const codeIds = req.rowKeys ? [...new Set(items.flatMap((r) => r.codeIds))] : undefined;
  const coders = shared?.coders ?? coderScope(filter, codingCoders(db), coderNames(db, filter.coderIds ?? []));
  const agreement = agreementOf(coders);
  const options = {
    agreement,
    withIds: req.excerptIds !== false,
    withValences: !!req.valences,
    ...(shared?.idsPerCell !== undefined ? { idsPerCell: shared.idsPerCell } : {}),
  };
  const cells = shared
    ? cellsOf(shared.passages, items.length, plan, facts, options)
    : foldCells(
        codingRanges(db, filter, codeIds, { ids: req.excerptIds !== false || agreement !== null, coders: agreement !== null, valences: !!req.valences }),
        items,
        plan,
        facts,
        eligible,
        options,
      );
  const material = columnsWithMaterial(plan, kept);
  return countsMatrix(
    { type: req.type, rowMode, items, plan, cells, material, coders, filter, filterNotes: shared?.filterNotes ?? notesOf(db, filter, lang), titleParams },
    lang,
  );
}

/** Whose codings a grid counts changes every number in it: its note comes first, the header line of every export. */
function codersFirst(m: Matrix, lang: Lang): Matrix {
  const lead = m.coders ? coderNotes(m.coders, lang) : [];
  m.notes = [...lead, ...m.notes.filter((n) => !lead.includes(n))];
  return m;
}

function annotated(db: Db, m: Matrix, scope: AnnotationScope): Matrix {
  return annotate(m, loadSyntheses(db, scope), loadVerdicts(db, scope, m.dimension));
}

/** Interviews of the case against the corpus' meetings and documents; the interview column comes first. */
function participantGrid(db: Db, req: MatrixRequest, lang: Lang, shared?: SharedCounts): Matrix {
  if (req.caseId === undefined) throw new TresseError('matrix.caseRequired', {});
  const c = caseById(db, req.caseId);
  if (!c) throw new TresseError('case.notFound', { ref: String(req.caseId) });
  const kinds = kindColumns(db);
  const m = asParticipantGrid(
    counted(db, req, { by: 'kind' }, kinds, lang, { case: c.name }, (plan) => participantPlan(plan, c.id), shared),
    c,
    lang,
  );
  m.notes.unshift(...kindNotes(kinds, lang));
  m.notes.push(label('note.passages', lang));
  return annotated(db, codersFirst(m, lang), { matrix: 'participant', caseId: c.id });
}

/** Square matrix over the rows; with code rows, each code holds only its own codings. */
function cooccurrence(db: Db, mode: RowMode, filter: MatrixFilter, lang: Lang, shared?: SharedCounts): Matrix {
  if (shared && shared.filter !== filter) throw new Error('shared counts of another filter');
  const facts = shared?.facts ?? loadSourceFacts(db);
  const eligible = shared ? shared.eligible : eligibleOf(db, facts, filter);
  const items = rowsOf(db, mode, mode === 'codes');
  const { overlaps, sameTurn } = cooccurrencePairs(db, filter, shared?.ranges);
  const filterNotes = shared?.filterNotes ?? notesOf(db, filter, lang);
  return cooccurrenceMatrix({ mode, items, overlaps, sameTurn, facts, eligible, filter, filterNotes }, lang);
}
