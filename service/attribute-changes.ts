// Renaming, retyping and deleting an attribute, each in one transaction. Renaming carries the
// matrix syntheses and verdicts keyed by the attribute's name along, so a researcher's writing
// stays on its column. Retyping converts every value it can; the values that do not read as the
// new type are listed first (preview), then cleared when the user confirms: the change is of the
// attribute, and a researcher fixes or re-enters the few odd values rather than keep the old type.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AttributeDef, AttributeType } from '../model/types.ts';
import { coerceValue } from './attributes.ts';
import type { ProjectContext } from './context.ts';

type AttrRow = Omit<AttributeDef, 'multi'> & { multi: number };

export function getAttribute(db: Db, id: number): AttributeDef {
  const row = stmt(db, 'SELECT id, name, type, scope, multi FROM attributes WHERE id = ?').get(id) as AttrRow | undefined;
  if (!row) throw new TresseError('attribute.idNotFound', { id });
  return { ...row, multi: row.multi === 1 };
}

export function renameAttribute(ctx: ProjectContext, id: number, newName: string): AttributeDef {
  const name = newName.trim();
  if (!name) throw new TresseError('attribute.nameEmpty');
  return ctx.db.transaction(() => {
    const def = getAttribute(ctx.db, id);
    if (def.name === name) return def;
    // "Secteur" beside "secteur" would be two columns no one can tell apart.
    const others = stmt(ctx.db, 'SELECT name FROM attributes WHERE scope = ? AND id <> ?').all(def.scope, id) as { name: string }[];
    if (others.some((o) => o.name.toLocaleLowerCase() === name.toLocaleLowerCase())) throw new TresseError('attribute.nameTaken', { name });
    stmt(ctx.db, 'UPDATE attributes SET name = ? WHERE id = ?').run(name, id);
    const [from, to] = [`${def.scope}:${def.name}`, `${def.scope}:${name}`];
    stmt(ctx.db, `UPDATE matrix_syntheses SET column_key = ? || substr(column_key, ?) WHERE substr(column_key, 1, ?) = ?`).run(
      `${to}=`,
      from.length + 2,
      from.length + 1,
      `${from}=`,
    );
    stmt(ctx.db, 'UPDATE row_verdicts SET dimension = ? WHERE dimension = ?').run(to, from);
    return { ...def, name };
  })();
}

export interface UnconvertibleValue {
  /** The case's or the source's name. */
  owner: string;
  caseId: number | null;
  sourceId: number | null;
  value: string;
}

export interface AttributeRetype {
  attribute: AttributeDef;
  /** Values that read as the new type (kept, converted). */
  converted: number;
  /** Values that do not (cleared when the change is made). */
  unconvertible: UnconvertibleValue[];
  /** False for a preview: nothing was written. */
  applied: boolean;
}

const YES_NO: Record<Lang, [string, string]> = { fr: ['oui', 'non'], en: ['yes', 'no'] };

/** A stored value as the new type would read it: a yes/no becomes a word in text, 1 or 0 as a number. */
function asInput(from: AttributeType, to: AttributeType, stored: string | number, lang: Lang): string | number {
  if (from !== 'boolean') return stored;
  if (to === 'text') return YES_NO[lang][stored === 1 ? 0 : 1];
  return stored === 1 ? 1 : 0;
}

function shown(from: AttributeType, stored: string | number, lang: Lang): string {
  return from === 'boolean' ? YES_NO[lang][stored === 1 ? 0 : 1] : String(stored);
}

export function retypeAttribute(ctx: ProjectContext, id: number, type: AttributeType, options: { preview: boolean; lang: Lang }): AttributeRetype {
  return ctx.db.transaction(() => {
    const def = getAttribute(ctx.db, id);
    const target: AttributeDef = { ...def, type };
    const rows = stmt(
      ctx.db,
      `SELECT v.id, v.case_id AS caseId, v.source_id AS sourceId, v.value, coalesce(c.name, s.name) AS owner
       FROM attribute_values v LEFT JOIN cases c ON c.id = v.case_id LEFT JOIN sources s ON s.id = v.source_id
       WHERE v.attribute_id = ? ORDER BY owner COLLATE NOCASE, v.id`,
    ).all(id) as { id: number; caseId: number | null; sourceId: number | null; value: string | number; owner: string }[];
    const changes: { id: number; value: string | number | null }[] = [];
    const unconvertible: UnconvertibleValue[] = [];
    for (const r of rows) {
      try {
        changes.push({ id: r.id, value: def.type === type ? r.value : coerceValue(target, asInput(def.type, type, r.value, options.lang)) });
      } catch (e) {
        if (!(e instanceof TresseError)) throw e;
        changes.push({ id: r.id, value: null });
        unconvertible.push({ owner: r.owner, caseId: r.caseId, sourceId: r.sourceId, value: shown(def.type, r.value, options.lang) });
      }
    }
    const result = { attribute: target, converted: rows.length - unconvertible.length, unconvertible, applied: !options.preview };
    if (options.preview || def.type === type) return { ...result, attribute: options.preview ? def : target };
    stmt(ctx.db, 'UPDATE attributes SET type = ? WHERE id = ?').run(type, id);
    const update = stmt(ctx.db, 'UPDATE attribute_values SET value = ? WHERE id = ?');
    const remove = stmt(ctx.db, 'DELETE FROM attribute_values WHERE id = ?');
    for (const c of changes) {
      if (c.value === null) remove.run(c.id);
      else update.run(c.value, c.id);
    }
    // "oui" and "vrai" on one case are one value once they are both yes.
    stmt(
      ctx.db,
      `DELETE FROM attribute_values WHERE attribute_id = ? AND id NOT IN
       (SELECT min(id) FROM attribute_values WHERE attribute_id = ? GROUP BY case_id, source_id, value)`,
    ).run(id, id);
    return result;
  })();
}

export interface DeletedAttribute {
  attribute: AttributeDef;
  /** Values removed with it. */
  values: number;
}

export function deleteAttribute(ctx: ProjectContext, id: number): DeletedAttribute {
  return ctx.db.transaction(() => {
    const def = getAttribute(ctx.db, id);
    const { n } = stmt(ctx.db, 'SELECT count(*) AS n FROM attribute_values WHERE attribute_id = ?').get(id) as { n: number };
    stmt(ctx.db, 'DELETE FROM attribute_values WHERE attribute_id = ?').run(id);
    stmt(ctx.db, 'DELETE FROM attributes WHERE id = ?').run(id);
    return { attribute: def, values: n };
  })();
}
