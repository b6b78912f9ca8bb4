// One attribute of one case, edited in place; the value is saved when the field loses focus.
import { useEffect, useState } from 'react';
import type { AttributeDef, Case } from '../../../model/types.ts';
import { api } from '../../api/client.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { formatValues, parseValues } from './attribute-values.ts';

export function AttributeCell({ caseItem, attribute }: { caseItem: Case; attribute: AttributeDef }) {
  const t = useT();
  const { refresh, report } = useWorkbench();
  const yesNo = { yes: t('common.yes'), no: t('common.no') };
  const shown = formatValues(caseItem.attributes[attribute.name], yesNo);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const label = t('cases.cellLabel', { attribute: attribute.name, case: caseItem.name });

  const save = async (text: string) => {
    if (text === shown) return;
    try {
      await api.setAttributeValues({
        target: { caseId: caseItem.id },
        name: attribute.name,
        values: parseValues(text, attribute.type, yesNo),
      });
      await refresh();
    } catch (e) {
      setDraft(shown);
      report(e);
    }
  };

  if (attribute.type === 'boolean' && !attribute.multi) {
    return (
      <select aria-label={label} value={draft} onChange={(e) => void save(e.target.value)}>
        <option value="">{t('cases.unknown')}</option>
        <option value={yesNo.yes}>{yesNo.yes}</option>
        <option value={yesNo.no}>{yesNo.no}</option>
      </select>
    );
  }
  return (
    <input
      className="cell-input"
      aria-label={label}
      type={attribute.type === 'date' && !attribute.multi ? 'date' : 'text'}
      inputMode={attribute.type === 'number' ? 'decimal' : undefined}
      value={draft}
      placeholder={attribute.multi ? t('cases.multiHint') : ''}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void save(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setDraft(shown);
      }}
    />
  );
}
