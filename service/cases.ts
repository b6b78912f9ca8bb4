import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Case } from '../model/types.ts';
import { attributeValuesBy } from './attributes.ts';
import { newGuid, type ProjectContext } from './context.ts';
import { getSourceSummary } from './sources.ts';

interface CaseRow {
  id: number;
  guid: string;
  name: string;
  description: string;
  sourceIds: string | null;
}

const CASE_SQL = `SELECT id, guid, name, description,
  (SELECT group_concat(source_id) FROM case_sources WHERE case_id = cases.id) AS sourceIds FROM cases`;

export function listCases(db: Db): Case[] {
  const values = attributeValuesBy(db, 'case');
  return (stmt(db, `${CASE_SQL} ORDER BY name`).all() as CaseRow[]).map((r) => toCase(r, values));
}

export function getCase(db: Db, id: number): Case {
  const row = stmt(db, `${CASE_SQL} WHERE id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new TresseError('case.notFound', { ref: String(id) });
  return toCase(row, attributeValuesBy(db, 'case'));
}

function toCase(r: CaseRow, values: Map<number, Case['attributes']>): Case {
  return {
    id: r.id,
    guid: r.guid,
    name: r.name,
    description: r.description,
    attributes: values.get(r.id) ?? {},
    sourceIds: r.sourceIds
      ? r.sourceIds
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
  };
}

/** A case from its number, GUID or name. */
export function resolveCase(db: Db, ref: string): Case {
  const t = ref.trim();
  const row = stmt(db, 'SELECT id FROM cases WHERE name = ? COLLATE NOCASE OR guid = ? COLLATE NOCASE').get(t, t.replace(/[{}]/g, '')) as
    { id: number } | undefined;
  if (row) return getCase(db, row.id);
  if (/^\d+$/.test(t) && stmt(db, 'SELECT 1 FROM cases WHERE id = ?').get(Number(t))) return getCase(db, Number(t));
  throw new TresseError('case.notFound', { ref });
}

export function createCase(ctx: ProjectContext, input: { name: string; description?: string; guid?: string }): Case {
  const name = input.name.trim();
  if (!name) throw new TresseError('value.invalid', { field: 'name', value: input.name });
  return ctx.db.transaction(() => {
    if (stmt(ctx.db, 'SELECT 1 FROM cases WHERE name = ?').get(name)) throw new TresseError('case.exists', { name });
    const info = stmt(ctx.db, 'INSERT INTO cases (guid, name, description) VALUES (?, ?, ?)').run(input.guid ?? newGuid(), name, input.description ?? '');
    return getCase(ctx.db, Number(info.lastInsertRowid));
  })();
}

export function updateCase(ctx: ProjectContext, id: number, changes: { name?: string; description?: string }): Case {
  return ctx.db.transaction(() => {
    const c = getCase(ctx.db, id);
    const name = changes.name?.trim() ?? c.name;
    if (!name) throw new TresseError('value.invalid', { field: 'name', value: changes.name ?? '' });
    if (name !== c.name && stmt(ctx.db, 'SELECT 1 FROM cases WHERE name = ?').get(name)) {
      throw new TresseError('case.exists', { name });
    }
    stmt(ctx.db, 'UPDATE cases SET name = ?, description = ? WHERE id = ?').run(name, changes.description ?? c.description, id);
    return getCase(ctx.db, id);
  })();
}

export function deleteCase(ctx: ProjectContext, id: number): void {
  ctx.db.transaction(() => {
    getCase(ctx.db, id);
    stmt(ctx.db, 'DELETE FROM cases WHERE id = ?').run(id);
  })();
}

export function linkSource(ctx: ProjectContext, caseId: number, sourceId: number): void {
  ctx.db.transaction(() => {
    getCase(ctx.db, caseId);
    getSourceSummary(ctx.db, sourceId);
    stmt(ctx.db, 'INSERT OR IGNORE INTO case_sources (case_id, source_id) VALUES (?, ?)').run(caseId, sourceId);
  })();
}

export function unlinkSource(ctx: ProjectContext, caseId: number, sourceId: number): void {
  stmt(ctx.db, 'DELETE FROM case_sources WHERE case_id = ? AND source_id = ?').run(caseId, sourceId);
}
