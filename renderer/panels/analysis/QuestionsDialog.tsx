// Research questions: a name and the codes whose evidence answers it, so the matrix can have one
// row per question.
import { useEffect, useMemo, useState } from 'react';
import type { ResearchQuestion } from '../../../analysis/matrix/questions.ts';
import { api } from '../../api/client.ts';
import { buildCodeTree, codeLabel, flattenTree } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useTask } from '../team/use-task.ts';

interface Draft {
  id?: number;
  name: string;
  codeIds: number[];
}

export function QuestionsDialog({ onChanged, onClose }: { onChanged: () => void; onClose: () => void }) {
  const t = useT();
  const { codes } = useWorkbench();
  const options = useMemo(() => flattenTree(buildCodeTree(codes)), [codes]);
  const names = useMemo(() => new Map(codes.map((c) => [c.id, c.abbrev ?? c.name])), [codes]);
  const [questions, setQuestions] = useState<ResearchQuestion[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { busy, error, clearError, run } = useTask();

  const reload = () => run(async () => setQuestions(await api.listQuestions()));
  useEffect(() => {
    void reload();
    // Once, when the dialog opens.
  }, []);

  const save = () =>
    run(async () => {
      if (!draft) return;
      await api.saveQuestion({ ...(draft.id !== undefined ? { id: draft.id } : {}), name: draft.name, codeIds: draft.codeIds });
      setDraft(null);
      onChanged();
      await reload();
    });
  const remove = (q: ResearchQuestion) =>
    run(async () => {
      await api.deleteQuestion({ id: q.id });
      onChanged();
      await reload();
    });
  const toggle = (id: number, on: boolean) =>
    setDraft((d) => d && { ...d, codeIds: on ? [...d.codeIds, id] : d.codeIds.filter((x) => x !== id) });

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
