// One entry point per matrix type: counts, then what each type adds (syntheses and verdicts for
// the triangulation matrices, presence for the crosstab, pairs for co-occurrence).
import type { Db } from '../../db/open.ts';
import { stmt } from '../../db/statements.ts';
import { TresseError } from '../../i18n/error.ts';
import type { Lang } from '../../i18n/lang.ts';
import { loadSyntheses, loadVerdicts, synthesisOf, type AnnotationScope } from './annotations.ts';
import type { ColumnPlan } from './columns.ts';
import { buildCooccurrence } from './cooccurrence.ts';
import { countMatrix, silentColumns, type Counts } from './counts.ts';
import { columnOfKind, kindColumns } from './kind-columns.ts';
import { label } from './labels.ts';
import { filterNotes } from './notes.ts';
import type { ColumnSpec, Matrix, MatrixFilter, MatrixRequest, MatrixType, RowMode } from './types.ts';

export function buildMatrix(db: Db, req: MatrixRequest, lang: Lang = 'fr'): Matrix {
  const filter = req.filter ?? {};
  switch (req.type) {
    case 'triangulation':
      return triangulation(db, req.rows ?? 'codes', req.columns ?? { by: 'kind' }, filter, lang, req.rowKeys);
    case 'participant':
      return participantGrid(db, req.caseId, req.rows ?? 'codes', filter, lang, req.rowKeys);
    case 'code-source':
      return plain(db, 'code-source', countMatrix(db, { rows: req.rows ?? 'codes', columns: { by: 'source' }, filter, rowKeys: req.rowKeys }, lang), filter, req, lang);
    case 'code-attribute': {
      if (req.columns?.by !== 'attribute') throw new TresseError('matrix.attributeRequired', {});
      const counts = countMatrix(db, { rows: req.rows ?? 'codes', columns: req.columns, filter, rowKeys: req.rowKeys }, lang);
      return plain(db, 'code-attribute', counts, filter, req, lang, { attribute: req.columns.name });
    }
    case 'frequencies':
      return plain(db, 'frequencies', countMatrix(db, { rows: req.rows ?? 'codes', columns: { by: 'total' }, filter, rowKeys: req.rowKeys }, lang), filter, req, lang);
    case 'cooccurrence':
      return buildCooccurrence(db, req.rows ?? 'codes', filter, lang);
  }
}

/** A column spec from what a user typed: "kind" or an attribute name (cases first, then sources). */
export function columnSpecFrom(db: Db, name: string | undefined): ColumnSpec {
  if (!name || name === 'kind' || name === 'type') return { by: 'kind' };
  for (const scope of ['case', 'source'] as const) {
    if (stmt(db, 'SELECT 1 FROM attributes WHERE scope = ? AND name = ?').get(scope, name.trim())) {
      return { by: 'attribute', scope, name: name.trim() };
    }
  }
  throw new TresseError('attribute.notFound', { name });
}

function plain(
  db: Db,
  type: MatrixType,
  counts: Counts,
  filter: MatrixFilter,
  req: MatrixRequest,
  lang: Lang,
  params: Record<string, string> = {},
): Matrix {
  return {
    type,
    title: label(`title.${type}` as 'title.code-source', lang, params),
    rowMode: req.rows ?? 'codes',
    dimension: counts.dimension,
    columns: counts.columns,
    rows: counts.items.map((item, i) => ({ ...item, cells: counts.cells[i]!, silent: silentColumns(counts.columns, counts.cells[i]!) })),
    filter,
    notes: [...(counts.multi ? [label('note.multiValued', lang)] : []), ...filterNotes(db, filter, lang)],
  };
}

function annotate(db: Db, m: Matrix, scope: AnnotationScope): Matrix {
  const syntheses = loadSyntheses(db, scope);
  const verdicts = loadVerdicts(db, scope, m.dimension);
  for (const row of m.rows) {
    row.cells.forEach((cell, i) => {
      const text = synthesisOf(syntheses, row.key, m.columns[i]!.key);
      if (text) cell.synthesis = text;
    });
    row.verdict = verdicts.get(row.key) ?? null;
  }
  return m;
}

function triangulation(db: Db, rows: RowMode, columns: ColumnSpec, filter: MatrixFilter, lang: Lang, rowKeys?: string[]): Matrix {
  const counts = countMatrix(db, { rows, columns, filter, rowKeys }, lang);
  const m = plain(db, 'triangulation', counts, filter, { type: 'triangulation', rows }, lang);
  if (columns.by === 'kind') m.notes.unshift(...kindNotes(db, lang));
  return annotate(db, m, { matrix: 'triangulation', caseId: null });
}

function kindNotes(db: Db, lang: Lang): string[] {
  const col = columnOfKind(kindColumns(db), 'synthesis');
  return col ? [label('note.synthesisKind', lang, { column: col.label })] : [];
}

/** Interviews of the case against the corpus' meetings and documents; the interview column comes first. */
function participantGrid(
  db: Db,
  caseId: number | undefined,
  rows: RowMode,
  filter: MatrixFilter,
  lang: Lang,
  rowKeys?: string[],
): Matrix {
  if (caseId === undefined) throw new TresseError('matrix.caseRequired', {});
  const c = stmt(db, 'SELECT id, name FROM cases WHERE id = ?').get(caseId) as { id: number; name: string } | undefined;
  if (!c) throw new TresseError('case.notFound', { ref: String(caseId) });
  const adjust = (plan: ColumnPlan): ColumnPlan => {
    const own = plan.columns.findIndex((col) => col.kinds?.includes('interview'));
    if (own < 0) return plan;
    const order = [own, ...plan.columns.map((_, i) => i).filter((i) => i !== own)];
    return {
      ...plan,
      columns: order.map((i) => (i === own ? { ...plan.columns[i]!, caseOnly: true } : plan.columns[i]!)),
      place: (s) =>
        plan
          .place(s)
          .filter((p) => p.column !== own || s.caseIds.includes(c.id))
          .map((p) => ({ column: order.indexOf(p.column), caseIds: p.column === own ? [c.id] : p.caseIds })),
    };
  };
  const counts = countMatrix(db, { rows, columns: { by: 'kind' }, filter, adjust, rowKeys }, lang);
  const m = plain(db, 'participant', counts, filter, { type: 'participant', rows }, lang, { case: c.name });
  m.caseId = c.id;
  m.caseName = c.name;
  const own = m.columns.find((col) => col.caseOnly);
  if (own) m.notes.unshift(label('note.participant', lang, { column: own.label, case: c.name }));
  m.notes.unshift(...kindNotes(db, lang));
  return annotate(db, m, { matrix: 'participant', caseId: c.id });
}
