import type { Db } from '../db/open.ts';

// What a field that holds a name belongs to, so that the pseudonym review names it the way the
// user knows it (the case "P2", the memo "Suivi", a memo of the case "P2") rather than by a row
// number. Looked up only for rows that have a match.

export type PlaceOwnerKind = 'project' | 'source' | 'case' | 'code' | 'coding' | 'question';

export interface PlaceNames {
  /** The row's own name: a case's, source's or code's name, a memo's title, an attribute's name. */
  name?: string;
  /** Where the row belongs when its own name does not say: a memo's or attribute value's owner. */
  parent?: { kind: PlaceOwnerKind; name: string };
}

const one = (db: Db, sql: string, id: number) => db.prepare(sql).get(id) as Record<string, string | number | null> | undefined;

const codeLabel = (r: { abbrev?: unknown; name?: unknown } | undefined): string | undefined =>
  r?.name == null ? undefined : r.abbrev ? `${String(r.abbrev)} — ${String(r.name)}` : String(r.name);

function owner(db: Db, ids: { source_id?: unknown; case_id?: unknown; code_id?: unknown; coding_id?: unknown; question_id?: unknown }): PlaceNames['parent'] {
  const named = (kind: PlaceOwnerKind, name: unknown) => (name == null ? undefined : { kind, name: String(name) });
  if (ids.case_id != null) return named('case', one(db, 'SELECT name FROM cases WHERE id = ?', Number(ids.case_id))?.name);
  if (ids.source_id != null) return named('source', one(db, 'SELECT name FROM sources WHERE id = ?', Number(ids.source_id))?.name);
  if (ids.code_id != null) return named('code', codeLabel(one(db, 'SELECT abbrev, name FROM codes WHERE id = ?', Number(ids.code_id))));
  if (ids.question_id != null) {
    return named('question', one(db, 'SELECT name FROM research_questions WHERE id = ?', Number(ids.question_id))?.name);
  }
  if (ids.coding_id != null) {
    const r = one(
      db,
      `SELECT c.abbrev, c.name, s.name AS source FROM codings k JOIN codes c ON c.id = k.code_id
      JOIN sources s ON s.id = k.source_id WHERE k.id = ?`,
      Number(ids.coding_id),
    );
    return r && named('coding', `${codeLabel(r)}, ${String(r.source)}`);
  }
  return undefined;
}

export function placeNames(db: Db, table: string, rowId: number): PlaceNames {
  switch (table) {
    case 'project':
      return { name: String(one(db, 'SELECT name FROM project WHERE id = ?', rowId)?.name ?? '') };
    case 'sources':
      return { name: String(one(db, 'SELECT name FROM sources WHERE id = ?', rowId)?.name ?? '') };
    case 'cases':
      return { name: String(one(db, 'SELECT name FROM cases WHERE id = ?', rowId)?.name ?? '') };
    case 'codes':
      return { name: codeLabel(one(db, 'SELECT abbrev, name FROM codes WHERE id = ?', rowId)) };
    case 'attribute_values': {
      const r = one(
        db,
        `SELECT a.name, v.case_id, v.source_id FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
        WHERE v.id = ?`,
        rowId,
      );
      return r ? { name: String(r.name), parent: owner(db, r) } : {};
    }
    case 'memos': {
      const r = one(db, 'SELECT title, source_id, case_id, code_id, coding_id FROM memos WHERE id = ?', rowId);
      if (!r) return {};
      const title = String(r.title ?? '').trim();
      return { ...(title ? { name: title } : {}), parent: owner(db, r) ?? { kind: 'project', name: '' } };
    }
    case 'matrix_syntheses':
    case 'row_verdicts': {
      const r = one(db, `SELECT code_id, question_id, case_id FROM "${table}" WHERE id = ?`, rowId);
      if (!r) return {};
      const row = owner(db, { code_id: r.code_id, question_id: r.question_id });
      const inCase = r.case_id != null ? owner(db, { case_id: r.case_id }) : undefined;
      return { ...(row ? { name: row.name } : {}), ...(inCase ? { parent: inCase } : {}) };
    }
    case 'attributes':
      return { name: String(one(db, 'SELECT name FROM attributes WHERE id = ?', rowId)?.name ?? '') };
    case 'kind_columns':
      return { name: String(one(db, 'SELECT label FROM kind_columns WHERE rowid = ?', rowId)?.label ?? '') };
    case 'research_questions':
      return { name: String(one(db, 'SELECT name FROM research_questions WHERE id = ?', rowId)?.name ?? '') };
    default:
      return {};
  }
}
