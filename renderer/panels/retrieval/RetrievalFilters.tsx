import { useId, useMemo } from 'react';
import type { SourceKind } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCaseAttributes, useCases } from '../../data/lists.ts';
import { Field } from '../../ui/Field.tsx';
import { SourceKindChecks } from '../../ui/SourceKindChecks.tsx';
import { useLang } from '../../i18n/lang-context.tsx';
import { SetSelect } from '../sets/SetSelect.tsx';
import { attributeChoices } from './attribute-filter.ts';

export interface FilterState {
  includeSubcodes: boolean;
  kinds: SourceKind[];
  attribute: string;
  attributeValue: string;
  coderId: number | null;
  sourceSetId: number | null;
}

export function RetrievalFilters({ value, onChange }: { value: FilterState; onChange: (f: FilterState) => void }) {
  const { t, lang } = useLang();
  const { project } = useWorkbench();
  const attributes = useCaseAttributes();
  const cases = useCases();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const listId = useId();
  // The values cases have, offered while typing; the match ignores case (attribute-filter.ts).
  const choices = useMemo(
    () => (value.attribute ? attributeChoices(cases, value.attribute, { yes: t('common.yes'), no: t('common.no') }, lang) : []),
    [cases, value.attribute, t, lang],
  );
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={value.includeSubcodes} onChange={(e) => set({ includeSubcodes: e.target.checked })} />
        {t('retrieval.includeSubcodes')}
      </label>
      <SourceKindChecks legend={t('retrieval.kinds')} value={value.kinds} onChange={(kinds) => set({ kinds })} />
      <div className="field-row">
        <SetSelect kind="sources" value={value.sourceSetId} onChange={(sourceSetId) => set({ sourceSetId })} />
        <Field label={t('retrieval.attribute')}>
          {(id) => (
            <select id={id} value={value.attribute} onChange={(e) => set({ attribute: e.target.value })}>
              <option value="">{t('retrieval.anyAttribute')}</option>
              {attributes.map((a) => (
                <option key={a.id} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="field">
          <span>{t('retrieval.attributeValue')}</span>
          <input value={value.attributeValue} disabled={!value.attribute} list={listId} onChange={(e) => set({ attributeValue: e.target.value })} />
          <datalist id={listId}>
            {choices.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <Field label={t('retrieval.coder')}>
          {(id) => (
            <select id={id} value={value.coderId ?? ''} onChange={(e) => set({ coderId: e.target.value ? Number(e.target.value) : null })}>
              <option value="">{t('retrieval.anyCoder')}</option>
              {project.coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
