// Participants as cases: one row per case, one column per attribute, cells edited in place. With
// many attributes the table scrolls sideways and the case's name stays in view (cases.css).
import { useState } from 'react';
import type { AttributeDef } from '../../../model/types.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { useCaseAttributes, useCases } from '../../data/lists.ts';
import { AddAttributeForm } from './AddAttributeForm.tsx';
import { AddCaseForm } from './AddCaseForm.tsx';
import { AttributeCell } from './AttributeCell.tsx';
import { AttributeDialog } from './AttributeDialog.tsx';
import { CaseSourcesCell } from './CaseSourcesCell.tsx';

export function CasesTable() {
  const t = useT();
  const cases = useCases();
  const attributes = useCaseAttributes();
  const [editing, setEditing] = useState<AttributeDef | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  return (
    <section className="cases-view" aria-labelledby="cases-title">
      <div className="panel-head">
        <h2 id="cases-title">{t('cases.title')}</h2>
      </div>
      {said && (
        <p role="status" className="status">
          {said}
        </p>
      )}
      <div className="table-scroll">
        <table className="cases-table" aria-labelledby="cases-title">
          <thead>
            <tr>
              <th scope="col">{t('cases.name')}</th>
              {attributes.map((a) => (
                <th scope="col" key={a.id}>
                  <span className="attr-head">
                    <span>
                      {a.name}
                      <small className="muted">
                        {' '}
                        ({t(`attrType.${a.type}`)}
                        {a.multi ? ', ' + t('cases.multi') : ''})
                      </small>
                    </span>
                    <button
                      type="button"
                      className="attr-edit"
                      aria-label={t('cases.editAttribute', { name: a.name })}
                      title={t('cases.editAttribute', { name: a.name })}
                      onClick={() => {
                        setSaid(null);
                        setEditing(a);
                      }}
                    >
                      ✎
                    </button>
                  </span>
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
                <td className="case-sources-cell">
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
      {editing && (
        <AttributeDialog
          key={editing.id}
          attribute={editing}
          onClose={() => setEditing(null)}
          onDone={(text) => {
            setEditing(null);
            setSaid(text);
          }}
        />
      )}
    </section>
  );
}
