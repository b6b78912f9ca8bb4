// One attribute of one case, edited in place; the value is saved when the field loses focus. A
// value the attribute refuses stays as typed, marked invalid with the reason beside it, until the
// user corrects it or presses Escape.
import { useId, useState } from 'react';
import type { AttributeDef, Case } from '../../../model/types.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import { formatValues, parseValues } from './attribute-values.ts';
import './cases.css';

export function AttributeCell({ caseItem, attribute }: { caseItem: Case; attribute: AttributeDef }) {
  const t = useT();
  const call = useApiCall();
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const yesNo = { yes: t('common.yes'), no: t('common.no') };
  const shown = formatValues(caseItem.attributes[attribute.name], yesNo);
  const [draft, setDraft] = useState(shown);
  // The value changed in the project (saved here, or a pseudonym applied): the field shows it.
  const [saved, setSaved] = useState(shown);
  if (saved !== shown) {
    setSaved(shown);
    setDraft(shown);
  }
  const label = t('cases.cellLabel', { attribute: attribute.name, case: caseItem.name });

  const save = async (text: string) => {
    if (text === shown) {
      setProblem(null);
      return;
    }
    try {
      await call('setAttributeValues', {
        target: { caseId: caseItem.id },
        name: attribute.name,
        values: parseValues(text, attribute.type, yesNo),
      });
      setProblem(null);
    } catch (e) {
      setProblem(errorText(e, t));
    }
  };
  const invalid = problem ? { 'aria-invalid': true as const, 'aria-describedby': problemId } : {};
  const message = problem && (
    <span id={problemId} className="cell-error">
      {problem}
    </span>
  );

  if (attribute.type === 'boolean' && !attribute.multi) {
    return (
      <>
        <select aria-label={label} value={draft} {...invalid} onChange={(e) => void save(e.target.value)}>
          <option value="">{t('cases.unknown')}</option>
          <option value={yesNo.yes}>{yesNo.yes}</option>
          <option value={yesNo.no}>{yesNo.no}</option>
        </select>
        {message}
      </>
    );
  }
  return (
    <>
      <input
        className="cell-input"
        aria-label={label}
        {...invalid}
        type={attribute.type === 'date' && !attribute.multi ? 'date' : 'text'}
        inputMode={attribute.type === 'number' ? 'decimal' : undefined}
        value={draft}
        // Wide enough for most values; a longer one reads whole in its tooltip.
        title={draft || undefined}
        size={Math.min(Math.max(draft.length, 8), 32)}
        placeholder={attribute.multi ? t('cases.multiHint') : ''}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void save(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') {
            setDraft(shown);
            setProblem(null);
          }
        }}
      />
      {message}
    </>
  );
}
