// One entry point per matrix type: counts, then what each type adds (syntheses and verdicts for
// the triangulation matrices, presence for the crosstab, pairs for co-occurrence).
import type { Db } from '../../db/open.ts';
import { stmt } from '../../db/statements.ts';
import { TresseError } from '../../i18n/error.ts';
import type { Lang } from '../../i18n/lang.ts';
import { loadSyntheses, loadVerdicts, synthesisOf, type AnnotationScope } from './annotations.ts';
import type { ColumnPlan } from './columns.ts';
import { buildCooccurrence } from './cooccurrence.ts';
import { countMatrix, silentColumns } from './counts.ts';
import { columnOfKind, kindColumns } from './kind-columns.ts';
import { label } from './labels.ts';
import { filterNotes } from './notes.ts';
import type { ColumnSpec, Matrix, MatrixRequest, MatrixType } from './types.ts';

export function buildMatrix(db: Db, req: MatrixRequest, lang: Lang = 'fr'): Matrix {
  switch (req.type) {
    case 'triangulation': {
      const columns = req.columns ?? { by: 'kind' };
      const m = counted(db, req, columns, lang);
      if (columns.by === 'kind') m.notes.unshift(...kindNotes(db, lang));
      return annotate(db, m, { matrix: 'triangulation', caseId: null });
    }
    case 'participant':
      return participantGrid(db, req, lang);
    case 'code-source':
      return counted(db, req, { by: 'source' }, lang);
    case 'code-attribute':
      if (req.columns?.by !== 'attribute') throw new TresseError('matrix.attributeRequired', {});
      return counted(db, req, req.columns, lang, { attribute: req.columns.name });
    case 'frequencies':
      return counted(db, req, { by: 'total' }, lang);
    case 'cooccurrence':
      return buildCooccurrence(db, req.rows ?? 'codes', req.filter ?? {}, lang);
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

function counted(
  db: Db,
  req: MatrixRequest,
  columns: ColumnSpec,
  lang: Lang,
  titleParams: Record<string, string> = {},
  adjust?: (plan: ColumnPlan) => ColumnPlan,
): Matrix {
  const filter = req.filter ?? {};
  const rowMode = req.rows ?? 'codes';
  const counts = countMatrix(
    db,
    { rows: rowMode, columns, filter, rowKeys: req.rowKeys, excerptIds: req.excerptIds, valences: req.valences, adjust },
    lang,
  );
  const type: MatrixType = req.type;
  return {
    type,
    title: label(`title.${type}` as 'title.code-source', lang, titleParams),
    rowMode,
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

function kindNotes(db: Db, lang: Lang): string[] {
  const col = columnOfKind(kindColumns(db), 'synthesis');
  return col ? [label('note.synthesisKind', lang, { column: col.label })] : [];
}

/** Interviews of the case against the corpus' meetings and documents; the interview column comes first. */
function participantGrid(db: Db, req: MatrixRequest, lang: Lang): Matrix {
  if (req.caseId === undefined) throw new TresseError('matrix.caseRequired', {});
  const c = stmt(db, 'SELECT id, name FROM cases WHERE id = ?').get(req.caseId) as { id: number; name: string } | undefined;
  if (!c) throw new TresseError('case.notFound', { ref: String(req.caseId) });
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
  const m = counted(db, req, { by: 'kind' }, lang, { case: c.name }, adjust);
  m.caseId = c.id;
  m.caseName = c.name;
  const own = m.columns.find((col) => col.caseOnly);
  if (own) m.notes.unshift(label('note.participant', lang, { column: own.label, case: c.name }));
  m.notes.unshift(...kindNotes(db, lang));
  return annotate(db, m, { matrix: 'participant', caseId: c.id });
}
