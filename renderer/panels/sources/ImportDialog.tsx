// Importing dropped or chosen files: the user says what kind of material they are and whose case
// they belong to, then reads what the importer noticed (or why it refused a file).
import { useState, type FormEvent } from 'react';
import type { SourceKind } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useCases } from '../../data/lists.ts';
import { Field } from '../../ui/Field.tsx';
import { formatImportNote } from '../../../i18n/import-notes.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { guessKind, KIND_ONE, SOURCE_KINDS } from './source-kinds.ts';

interface Outcome {
  file: string;
  ok: boolean;
  lines: string[];
}

const NEW_CASE = 'new';

export function ImportDialog({ files, onClose }: { files: File[]; onClose: () => void }) {
  const { t, lang } = useLang();
  const { openSource } = useWorkbench();
  const cases = useCases();
  const call = useApiCall();
  const [kind, setKind] = useState<SourceKind>(guessKind(files[0]?.name ?? ''));
  const [caseChoice, setCaseChoice] = useState('');
  const [newCase, setNewCase] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const results: Outcome[] = [];
    let caseIds: number[] = [];
    try {
      if (caseChoice === NEW_CASE && newCase.trim()) caseIds = [(await call('createCase', { name: newCase.trim() })).id];
      else if (caseChoice) caseIds = [Number(caseChoice)];
    } catch (err) {
      results.push({ file: newCase, ok: false, lines: [errorText(err, t)] });
    }
    let lastId: number | null = null;
    for (const file of files) {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const { source, notes } = await call('importSource', { fileName: file.name, bytes, kind, caseIds });
        lastId = source.id;
        results.push({ file: file.name, ok: true, lines: [t('import.done', { name: source.name }), ...notes.map((n) => formatImportNote(n, lang))] });
      } catch (err) {
        results.push({ file: file.name, ok: false, lines: [errorText(err, t)] });
      }
    }
    setOutcomes(results);
    setBusy(false);
    if (lastId !== null) openSource(lastId);
  };

  return (
    <Dialog title={t('import.title', { count: files.length })} onClose={onClose}>
      {outcomes ? (
        <>
          <ul className="import-outcomes" aria-live="polite">
            {outcomes.map((o, i) => (
              <li key={i} className={o.ok ? 'ok' : 'failed'}>
                <strong>{o.file}</strong>
                {o.lines.map((line, j) => (
                  <p key={j} role={o.ok ? undefined : 'alert'}>
                    {line}
                  </p>
                ))}
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <ul className="file-list">
            {files.map((f) => (
              <li key={f.name}>{f.name}</li>
            ))}
          </ul>
          <Field label={t('import.kind')}>
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
                {SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_ONE[k])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('import.case')}>
            {(id) => (
              <select id={id} value={caseChoice} onChange={(e) => setCaseChoice(e.target.value)}>
                <option value="">{t('import.noCase')}</option>
                {cases.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                  </option>
                ))}
                <option value={NEW_CASE}>{t('import.newCase')}</option>
              </select>
            )}
          </Field>
          {caseChoice === NEW_CASE && (
            <label className="field">
              <span>{t('import.newCaseName')}</span>
              <input value={newCase} onChange={(e) => setNewCase(e.target.value)} required />
            </label>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('import.busy') : t('import.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
