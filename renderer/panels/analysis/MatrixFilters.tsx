// What every matrix of the panel shares: whose codings it counts (union, one coder, agreement of all),
// then the filters: a case attribute, kinds of source, sets of sources and of codes, dates.
import type { AttributeDef } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { AttributeSelect } from '../../ui/AttributeSelect.tsx';
import { Field } from '../../ui/Field.tsx';
import { SourceKindChecks } from '../../ui/SourceKindChecks.tsx';
import { SetSelect } from '../sets/SetSelect.tsx';
import type { FilterState } from './matrix-view.ts';

export function MatrixFilters({ value, onChange, attributes }: { value: FilterState; onChange: (f: FilterState) => void; attributes: AttributeDef[] }) {
  const t = useT();
  const { project } = useWorkbench();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const caseAttributes = attributes.filter((a) => a.scope === 'case');
  const dates = caseAttributes.filter((a) => a.type === 'date');
  const team = project.coders.length >= 2;
  const coderChoice = value.coderId !== null ? String(value.coderId) : value.agreement ? 'agreement' : '';
  const chooseCoders = (choice: string) =>
    set(choice === 'agreement' ? { coderId: null, agreement: true } : { coderId: choice ? Number(choice) : null, agreement: false });
  return (
    <>
      {/* Whose codings the cells count is in view, not folded with the filters: it changes what every number means. */}
      <div className="field-row analysis-coders">
        <Field label={t('analysis.filter.coder')}>
          {(id) => (
            <select id={id} title={team ? t('analysis.filter.codersHint') : undefined} value={coderChoice} onChange={(e) => chooseCoders(e.target.value)}>
              <option value="">{t('analysis.filter.anyCoder')}</option>
              {team && <option value="agreement">{t('analysis.filter.agreement')}</option>}
              {project.coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <details className="analysis-filters">
        <summary>{t('analysis.filters')}</summary>
        <div className="field-row">
          <Field label={t('analysis.filter.attribute')}>
            {(id) => (
              <AttributeSelect
                id={id}
                attributes={caseAttributes}
                value={value.attribute}
                none={t('analysis.filter.anyCase')}
                onChange={(attribute) => set({ attribute })}
              />
            )}
          </Field>
          <Field label={t('analysis.filter.value')}>
            {(id) => <input id={id} value={value.attributeValue} disabled={!value.attribute} onChange={(e) => set({ attributeValue: e.target.value })} />}
          </Field>
        </div>
        <SourceKindChecks legend={t('analysis.filter.kinds')} value={value.kinds} onChange={(kinds) => set({ kinds })} />
        <div className="field-row">
          <SetSelect kind="sources" value={value.sourceSetId} onChange={(sourceSetId) => set({ sourceSetId })} />
          <SetSelect kind="codes" value={value.codeSetId} onChange={(codeSetId) => set({ codeSetId })} />
        </div>
        <div className="field-row">
          <Field label={t('analysis.filter.dateOf')}>
            {(id) => (
              <select id={id} value={value.dateAttribute} onChange={(e) => set({ dateAttribute: e.target.value })}>
                <option value="">{t('analysis.filter.codingDate')}</option>
                {dates.map((a) => (
                  <option key={a.id} value={a.name}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('analysis.filter.from')}>
            {(id) => <input id={id} type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} />}
          </Field>
          <Field label={t('analysis.filter.to')}>{(id) => <input id={id} type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} />}</Field>
        </div>
      </details>
    </>
  );
}
