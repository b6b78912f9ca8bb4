// The per-participant grid: the case's interviews against the corpus' meetings and documents.
import type { Lang } from '../../i18n/lang.ts';
import type { ColumnPlan } from './columns.ts';
import { label } from './labels.ts';
import type { Matrix } from './types.ts';

/** The kind plan with the interview column first and narrowed to the case's own sources. */
export function participantPlan(plan: ColumnPlan, caseId: number): ColumnPlan {
  const own = plan.columns.findIndex((col) => col.kinds?.includes('interview'));
  if (own < 0) return plan;
  const order = [own, ...plan.columns.map((_, i) => i).filter((i) => i !== own)];
  return {
    ...plan,
    columns: order.map((i) => (i === own ? { ...plan.columns[i]!, caseOnly: true } : plan.columns[i]!)),
    place: (s) =>
      plan
        .place(s)
        .filter((p) => p.column !== own || s.caseIds.includes(caseId))
        .map((p) => ({ column: order.indexOf(p.column), caseIds: p.column === own ? [caseId] : p.caseIds })),
  };
}

/** The counted grid as the case's: its id and name, and a note saying which column is the case's. */
export function asParticipantGrid(m: Matrix, c: { id: number; name: string }, lang: Lang): Matrix {
  m.caseId = c.id;
  m.caseName = c.name;
  const own = m.columns.find((col) => col.caseOnly);
  if (own) m.notes.unshift(label('note.participant', lang, { column: own.label, case: c.name }));
  return m;
}
