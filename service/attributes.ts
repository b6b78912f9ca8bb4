import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { AttributeDef, AttributeScope, AttributeType, AttributeValues } from '../model/types.ts';
import { newGuid, type ProjectContext } from './context.ts';

type AttrRow = Omit<AttributeDef, 'multi'> & { multi: number };
const toDef = (r: AttrRow): AttributeDef => ({ ...r, multi: r.multi === 1 });

export function listAttributes(db: Db, scope?: AttributeScope): AttributeDef[] {
  const rows = scope
    ? stmt(db, 'SELECT id, name, type, scope, multi FROM attributes WHERE scope = ? ORDER BY id').all(scope)
    : stmt(db, 'SELECT id, name, type, scope, multi FROM attributes ORDER BY scope, id').all();
  return (rows as AttrRow[]).map(toDef);
}

export function findAttribute(db: Db, scope: AttributeScope, name: string): AttributeDef | undefined {
  const row = stmt(db, 'SELECT id, name, type, scope, multi FROM attributes WHERE scope = ? AND name = ?').get(scope, name.trim()) as AttrRow | undefined;
  return row ? toDef(row) : undefined;
}

/** Declares an attribute, or returns the existing one; a different type for the same name is refused. */
export function defineAttribute(
  ctx: ProjectContext,
  def: { name: string; type: AttributeType; scope?: AttributeScope; multi?: boolean; guid?: string },
): AttributeDef {
  const scope = def.scope ?? 'case';
  const name = def.name.trim();
  if (!name) throw new TresseError('value.invalid', { field: 'attribute', value: def.name });
  return ctx.db.transaction(() => {
    const existing = findAttribute(ctx.db, scope, name);
    if (existing) {
      if (existing.type !== def.type) throw new TresseError(`attribute.typeConflict.${existing.type}`, { name, type: existing.type });
      if (def.multi && !existing.multi) stmt(ctx.db, 'UPDATE attributes SET multi = 1 WHERE id = ?').run(existing.id);
      return { ...existing, multi: existing.multi || !!def.multi };
    }
    // A GUID brought from another file is kept unless another attribute holds it (one REFI variable may become two, a case and a source attribute).
    const guidFree = def.guid !== undefined && stmt(ctx.db, 'SELECT 1 FROM attributes WHERE guid = ?').get(def.guid) === undefined;
    const info = stmt(ctx.db, 'INSERT INTO attributes (guid, name, scope, type, multi) VALUES (?, ?, ?, ?, ?)').run(
      guidFree ? def.guid : newGuid(),
      name,
      scope,
      def.type,
      def.multi ? 1 : 0,
    );
    return { id: Number(info.lastInsertRowid), name, scope, type: def.type, multi: !!def.multi };
  })();
}

/** Checks and converts one value to its stored form (booleans as 0/1, numbers as numbers, dates ISO). */
export function coerceValue(def: AttributeDef, value: unknown): string | number {
  const bad = () => new TresseError(`attribute.type.${def.type}`, { value: String(value), name: def.name, type: def.type });
  switch (def.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      if (!Number.isFinite(n) || String(value).trim() === '') throw bad();
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value ? 1 : 0;
      const v = String(value).trim().toLowerCase();
      if (['true', 'oui', 'yes', '1', 'vrai'].includes(v)) return 1;
      if (['false', 'non', 'no', '0', 'faux'].includes(v)) return 0;
      throw bad();
    }
    case 'date': {
      const v = String(value).trim();
      const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
      const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : v;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) throw bad();
      return iso;
    }
    case 'text': {
      const v = String(value).trim();
      if (!v) throw bad();
      return v;
    }
  }
}

function fromStored(def: Pick<AttributeDef, 'type'>, v: string | number): string | number | boolean {
  return def.type === 'boolean' ? v === 1 : v;
}

/**
 * Replaces the values of one attribute on a case or a source. An empty list makes it unknown;
 * several values need a multi-valued attribute.
 */
export function setAttributeValues(ctx: ProjectContext, target: { caseId: number } | { sourceId: number }, name: string, values: readonly unknown[]): void {
  const scope: AttributeScope = 'caseId' in target ? 'case' : 'source';
  ctx.db.transaction(() => {
    const def = findAttribute(ctx.db, scope, name);
    if (!def) throw new TresseError('attribute.notFound', { name });
    const stored = values.map((v) => coerceValue(def, v));
    if (stored.length > 1 && !def.multi) stmt(ctx.db, 'UPDATE attributes SET multi = 1 WHERE id = ?').run(def.id);
    const caseId = 'caseId' in target ? target.caseId : null;
    const sourceId = 'sourceId' in target ? target.sourceId : null;
    stmt(ctx.db, 'DELETE FROM attribute_values WHERE attribute_id = ? AND case_id IS ? AND source_id IS ?').run(def.id, caseId, sourceId);
    const ins = stmt(ctx.db, 'INSERT INTO attribute_values (attribute_id, case_id, source_id, value) VALUES (?, ?, ?, ?)');
    for (const v of new Set(stored)) ins.run(def.id, caseId, sourceId, v);
  })();
}

/** Values by attribute name for each case (or source) id. */
export function attributeValuesBy(db: Db, scope: AttributeScope): Map<number, AttributeValues> {
  const col = scope === 'case' ? 'case_id' : 'source_id';
  const rows = stmt(
    db,
    `SELECT v.${col} AS owner, a.name, a.type, v.value FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
     WHERE v.${col} IS NOT NULL ORDER BY v.id`,
  ).all() as { owner: number; name: string; type: AttributeType; value: string | number }[];
  const out = new Map<number, AttributeValues>();
  for (const r of rows) {
    let values = out.get(r.owner);
    if (!values) out.set(r.owner, (values = {}));
    (values[r.name] ??= []).push(fromStored(r, r.value));
  }
  return out;
}
