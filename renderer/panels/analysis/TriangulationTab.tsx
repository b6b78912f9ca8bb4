// The triangulation matrix: themes (or research questions) against kinds of evidence or the values
// of an attribute, or the sets of sources, with syntheses, verdicts, silence and the settings of rows and columns.
import { useState } from 'react';
import type { AttributeDef } from '../../../model/types.ts';
import type { ColumnSpec, MatrixFilter, MatrixRequest, RowMode } from '../../../analysis/matrix/types.ts';
import { useSets } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Field } from '../../ui/Field.tsx';
import { KindColumnsDialog } from './KindColumnsDialog.tsx';
import { MatrixSection } from './MatrixSection.tsx';
import { columnSpecOf } from './matrix-view.ts';
import { QuestionsDialog } from './QuestionsDialog.tsx';

export function TriangulationTab({ active, filter, attributes }: { active: boolean; filter: MatrixFilter; attributes: AttributeDef[] }) {
  const t = useT();
  const [rows, setRows] = useState<RowMode>('codes');
  const [columns, setColumns] = useState('kind');
  const [dialog, setDialog] = useState<'questions' | 'kinds' | null>(null);
  const sourceSets = useSets('sources');
  // "sets": one column per set of sources; with none left, the kinds of evidence again.
  const spec: ColumnSpec = columns === 'sets' && sourceSets.length > 0 ? { by: 'sets', setIds: sourceSets.map((s) => s.id) } : columnSpecOf(columns);
  const request: MatrixRequest = { type: 'triangulation', rows, columns: spec, filter, valences: true };
  return (
    <>
      {/* The questions and the kind mapping are not in the request: changing them fetches the matrix again all the same (renderer/data/invalidation.ts). */}
      <MatrixSection
        active={active}
        request={request}
        mode={{ kind: 'evidence', silence: true }}
        foldable={rows === 'codes'}
        grid={spec.by === 'kind' ? {} : { columns: spec }}
        baseName="triangulation"
        controls={
          <div className="field-row">
            <Field label={t('analysis.rows')}>
              {(id) => (
                <select id={id} value={rows} onChange={(e) => setRows(e.target.value as RowMode)}>
                  <option value="codes">{t('analysis.rows.codes')}</option>
                  <option value="questions">{t('analysis.rows.questions')}</option>
                </select>
              )}
            </Field>
            <button type="button" onClick={() => setDialog('questions')}>
              {t('analysis.questions.open')}
            </button>
            <Field label={t('analysis.columns')}>
              {(id) => (
                <select id={id} value={columns} onChange={(e) => setColumns(e.target.value)}>
                  <option value="kind">{t('analysis.columns.kind')}</option>
                  {sourceSets.length > 0 && <option value="sets">{t('sets.columns')}</option>}
                  {(['case', 'source'] as const).map((scope) => {
                    const list = attributes.filter((a) => a.scope === scope);
                    return (
                      list.length > 0 && (
                        <optgroup key={scope} label={t(scope === 'case' ? 'analysis.columns.caseAttributes' : 'analysis.columns.sourceAttributes')}>
                          {list.map((a) => (
                            <option key={a.id} value={`${scope}:${a.name}`}>
                              {a.name}
                            </option>
                          ))}
                        </optgroup>
                      )
                    );
                  })}
                </select>
              )}
            </Field>
            {spec.by === 'kind' && (
              <button type="button" onClick={() => setDialog('kinds')}>
                {t('analysis.kinds.open')}
              </button>
            )}
          </div>
        }
      />
      {dialog === 'questions' && <QuestionsDialog onClose={() => setDialog(null)} />}
      {dialog === 'kinds' && <KindColumnsDialog onClose={() => setDialog(null)} />}
    </>
  );
}
