// Several attributes of one case set at once, as `tresse case set P1 rôle=infirmière secteur=santé`
// types them: an attribute not yet defined is defined on the way (several values make it
// multi-valued), and the whole line is one transaction, so a refused value changes nothing.
import type { AttributeType, Case } from '../model/types.ts';
import { defineAttribute, findAttribute, setAttributeValues } from './attributes.ts';
import { getCase } from './cases.ts';
import type { ProjectContext } from './context.ts';

export interface CaseAttributeValues {
  name: string;
  values: string[];
}

export function setCaseAttributes(ctx: ProjectContext, caseId: number, entries: readonly CaseAttributeValues[], type: AttributeType = 'text'): Case {
  return ctx.db.transaction(() => {
    getCase(ctx.db, caseId);
    for (const { name, values } of entries) {
      if (!findAttribute(ctx.db, 'case', name)) defineAttribute(ctx, { name, type, multi: values.length > 1 });
      setAttributeValues(ctx, { caseId }, name, values);
    }
    return getCase(ctx.db, caseId);
  })();
}
