// Research questions: a name and the codes whose evidence answers it, so the matrix can have one
// row per question.
import { useMemo, useState } from 'react';
import type { ResearchQuestion } from '../../../analysis/matrix/questions.ts';
import { buildCodeTree, codeLabel, flattenTree } from '../../app/code-tree.ts';
import { useApiCall, useApiQuery } from '../../data/hooks.ts';
import { useCodes } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useTask } from '../team/use-task.ts';

interface Draft {
  id?: number;
  name: string;
  codeIds: number[];
}

const NO_QUESTIONS: ResearchQuestion[] = [];

export function QuestionsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const codes = useCodes();
  const call = useApiCall();
  const options = useMemo(() => flattenTree(buildCodeTree(codes)), [codes]);
  const names = useMemo(() => new Map(codes.map((c) => [c.id, c.abbrev ?? c.name])), [codes]);
  const questions = useApiQuery('listQuestions', undefined).data ?? NO_QUESTIONS;
  const [draft, setDraft] = useState<Draft | null>(null);
  const { busy, error, clearError, run } = useTask();

  const save = () =>
    run(async () => {
      if (!draft) return;
      await call('saveQuestion', { ...(draft.id !== undefined ? { id: draft.id } : {}), name: draft.name, codeIds: draft.codeIds });
      setDraft(null);
    });
  const remove = (q: ResearchQuestion) =>
    run(async () => {
      await call('deleteQuestion', { id: q.id });
    });
  const toggle = (id: number, on: boolean) => setDraft((d) => d && { ...d, codeIds: on ? [...d.codeIds, id] : d.codeIds.filter((x) => x !== id) });

  return (
    <Dialog title={t('analysis.questions.title')} onClose={onClose}>
      <ErrorNotice message={error} onDismiss={clearError} />
      {questions.length === 0 ? (
        <p className="muted">{t('analysis.questions.none')}</p>
      ) : (
        <ul className="question-list">
          {questions.map((q) => (
            <li key={q.id}>
              <span className="question-name">{q.name}</span>
              <span className="muted">{q.codeIds.map((id) => names.get(id) ?? `#${id}`).join(', ')}</span>
              <span className="analysis-actions">
                <button type="button" onClick={() => setDraft({ id: q.id, name: q.name, codeIds: q.codeIds })}>
                  {t('analysis.questions.edit')}
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => void remove(q)}>
                  {t('analysis.questions.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <form
          className="question-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span>{t('analysis.questions.name')}</span>
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} autoFocus />
          </label>
          <fieldset className="question-codes">
            <legend>{t('analysis.questions.codes')}</legend>
            {options.map((n) => (
              <label key={n.code.id} className="check" style={{ paddingInlineStart: `${n.depth * 1.1}rem` }}>
                <input type="checkbox" checked={draft.codeIds.includes(n.code.id)} onChange={(e) => toggle(n.code.id, e.target.checked)} />
                {codeLabel(n.code)}
              </label>
            ))}
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || !draft.name.trim() || draft.codeIds.length === 0}>
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={() => setDraft({ name: '', codeIds: [] })}>
            {t('analysis.questions.add')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
