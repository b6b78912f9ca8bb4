// The per-participant grid: one case's interviews against the corpus' meetings and documents,
// row by interview-guide code (or research question), with its own syntheses and verdicts.
import { useState } from 'react';
import type { MatrixFilter, RowMode } from '../../../analysis/matrix/types.ts';
import { useCases, useSources } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Field } from '../../ui/Field.tsx';
import { MatrixSection } from './MatrixSection.tsx';

export function ParticipantTab({ active, filter }: { active: boolean; filter: MatrixFilter }) {
  const t = useT();
  const cases = useCases();
  const sources = useSources();
  const [caseId, setCaseId] = useState<number | null>(null);
  const [rows, setRows] = useState<RowMode>('codes');
  // Participants first: the cases with an interview.
  const interviewed = new Set(sources.filter((s) => s.kind === 'interview').flatMap((s) => s.caseIds));
  const ordered = [...cases].sort((a, b) => Number(interviewed.has(b.id)) - Number(interviewed.has(a.id)));
  const name = cases.find((c) => c.id === caseId)?.name ?? '';
  return (
    <MatrixSection
      active={active}
      request={caseId === null ? null : { type: 'participant', caseId, rows, filter, valences: true }}
      mode={{ kind: 'evidence', silence: true }}
      foldable={rows === 'codes'}
      grid={caseId === null ? null : { caseId }}
      baseName={`grille-${name}`}
      prompt={t('analysis.participant.choose')}
      controls={
        <div className="field-row">
          <Field label={t('analysis.participant.case')}>
            {(id) => (
              <select id={id} value={caseId ?? ''} onChange={(e) => setCaseId(e.target.value ? Number(e.target.value) : null)}>
                <option value="">{t('analysis.participant.pick')}</option>
                {ordered.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('analysis.rows')}>
            {(id) => (
              <select id={id} value={rows} onChange={(e) => setRows(e.target.value as RowMode)}>
                <option value="codes">{t('analysis.rows.codes')}</option>
                <option value="questions">{t('analysis.rows.questions')}</option>
              </select>
            )}
          </Field>
        </div>
      }
    />
  );
}
