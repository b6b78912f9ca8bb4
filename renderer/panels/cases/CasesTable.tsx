// Participants as cases: one row per case, one column per attribute, cells edited in place.
import { useT } from '../../i18n/lang-context.tsx';
import { useCaseAttributes, useCases } from '../../data/lists.ts';
import { AddAttributeForm } from './AddAttributeForm.tsx';
import { AddCaseForm } from './AddCaseForm.tsx';
import { AttributeCell } from './AttributeCell.tsx';
import { CaseSourcesCell } from './CaseSourcesCell.tsx';

export function CasesTable() {
  const t = useT();
  const cases = useCases();
  const attributes = useCaseAttributes();
  return (
    <section className="cases-view" aria-labelledby="cases-title">
      <div className="panel-head">
        <h2 id="cases-title">{t('cases.title')}</h2>
      </div>
      <div className="table-scroll">
        <table className="cases-table" aria-labelledby="cases-title">
          <thead>
            <tr>
              <th scope="col">{t('cases.name')}</th>
              {attributes.map((a) => (
                <th scope="col" key={a.id}>
                  {a.name}
                  <small className="muted">
                    {' '}
                    ({t(`attrType.${a.type}`)}
                    {a.multi ? ', ' + t('cases.multi') : ''})
                  </small>
                </th>
              ))}
              <th scope="col">{t('cases.sources')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.length === 0 && (
              <tr>
                <td colSpan={attributes.length + 2} className="muted">
                  {t('cases.empty')}
                </td>
              </tr>
            )}
            {cases.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                {attributes.map((a) => (
                  <td key={a.id}>
                    <AttributeCell caseItem={c} attribute={a} />
                  </td>
                ))}
                <td>
                  <CaseSourcesCell caseItem={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="cases-forms">
        <AddCaseForm />
        <AddAttributeForm />
      </div>
    </section>
  );
}
