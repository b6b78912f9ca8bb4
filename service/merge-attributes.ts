// Attribute values from a teammate's project onto my cases and sources, matched by attribute name.
// A value I already have is never overwritten: a difference is reported and mine is kept.
import { isTresseError } from '../i18n/error.ts';
import type { SnapshotVariable } from '../exchange/refi/snapshot.ts';
import type { AttributeScope, AttributeType, AttributeValues } from '../model/types.ts';
import { attributeValuesBy, coerceValue, defineAttribute, findAttribute, setAttributeValues } from './attributes.ts';
import type { ProjectContext } from './context.ts';
import { mergeWarning, type TeamWarning } from './merge-warnings.ts';

export class AttributeMerger {
  private readonly mine: Record<AttributeScope, Map<number, AttributeValues>>;
  private readonly refusedTypes = new Set<string>();
  valuesAdded = 0;

  constructor(
    private readonly ctx: ProjectContext,
    private readonly variables: readonly SnapshotVariable[],
    private readonly warnings: TeamWarning[],
  ) {
    this.mine = { case: attributeValuesBy(ctx.db, 'case'), source: attributeValuesBy(ctx.db, 'source') };
  }

  /** Brings `theirs` onto one case or source; `owner` names it in messages. */
  merge(target: { caseId: number } | { sourceId: number }, owner: string, theirs: AttributeValues): void {
    const scope: AttributeScope = 'caseId' in target ? 'case' : 'source';
    const id = 'caseId' in target ? target.caseId : target.sourceId;
    const current = this.mine[scope].get(id) ?? {};
    for (const [name, values] of Object.entries(theirs)) {
      if (values.length === 0) continue;
      const def = this.attribute(scope, name, values);
      if (!def) continue;
      const valid: Array<string | number> = [];
      for (const v of values) {
        try {
          valid.push(coerceValue(def, v));
        } catch (e) {
          if (!isTresseError(e)) throw e;
          this.warnings.push(mergeWarning('merge.attributeValue', { owner, name, value: String(v), type: def.type }));
        }
      }
      if (valid.length === 0) continue;
      const have = current[name] ?? [];
      if (have.length === 0) {
        setAttributeValues(this.ctx, target, name, valid);
        current[name] = values;
        this.valuesAdded += valid.length;
        continue;
      }
      const mineKey = new Set(have.map((v) => String(coerceValue(def, v))));
      const same = mineKey.size === new Set(valid.map(String)).size && valid.every((v) => mineKey.has(String(v)));
      if (!same) {
        this.warnings.push(mergeWarning('merge.attributeConflict', { owner, name, mine: have.join('; '), theirs: values.join('; ') }));
      }
    }
    this.mine[scope].set(id, current);
  }

  private attribute(scope: AttributeScope, name: string, values: ReadonlyArray<string | number | boolean>) {
    const declared = this.variables.find((v) => v.name === name && v.scope === scope) ?? this.variables.find((v) => v.name === name);
    const existing = findAttribute(this.ctx.db, scope, name);
    // Without a declaration the values' own type is a guess: an existing attribute decides.
    const type: AttributeType = declared?.type ?? existing?.type ?? inferType(values);
    if (existing && existing.type !== type) {
      const key = `${scope}\u0000${name}`;
      if (!this.refusedTypes.has(key)) {
        this.refusedTypes.add(key);
        this.warnings.push(mergeWarning('merge.attributeType', { name, theirs: type, mine: existing.type }));
      }
      return undefined;
    }
    return existing ?? defineAttribute(this.ctx, { name, type, scope, multi: values.length > 1, ...(declared ? { guid: declared.guid } : {}) });
  }

  /** Their variables no one has a value for yet: declared here too, so that they come back on export. */
  declareUnused(): void {
    for (const v of this.variables) {
      if (findAttribute(this.ctx.db, v.scope, v.name) || findAttribute(this.ctx.db, v.scope === 'case' ? 'source' : 'case', v.name)) continue;
      defineAttribute(this.ctx, { name: v.name, type: v.type, scope: v.scope, guid: v.guid });
    }
  }
}

function inferType(values: ReadonlyArray<string | number | boolean>): AttributeType {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number')) return 'number';
  return 'text';
}
