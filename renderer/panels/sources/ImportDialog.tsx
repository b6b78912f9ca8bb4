// Importing dropped or chosen files: one row per file, with the name the source will have, its
// kind (guessed from the content by the service, before anything is imported) and whose case it
// belongs to; then what the importer noticed, or why it refused a file.
import { useEffect, useState, type FormEvent } from 'react';
import type { SourceKind } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useCases } from '../../data/lists.ts';
import { formatImportNote } from '../../../i18n/import-notes.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { guessKind, KIND_ONE, SOURCE_KINDS } from './source-kinds.ts';
import './import.css';

interface Outcome {
  file: string;
  ok: boolean;
  lines: string[];
}

/** One file as the user sets it up before importing. */
interface Row {
  file: File;
  name: string;
  kind: SourceKind;
  /** '' for no case, NEW_CASE, or an existing case's id. */
  caseChoice: string;
  newCase: string;
  /** True until the service has read the file and guessed its kind. */
  guessing: boolean;
  /** Why the service could not read it: the import would refuse it too. */
  unreadable: string | null;
}

const NEW_CASE = 'new';

/** The name before the service answers: the file name without its extension. */
const plainName = (fileName: string) => fileName.replace(/\.[^.]+$/, '');

export function ImportDialog({ files, onClose }: { files: File[]; onClose: () => void }) {
  const { t, lang } = useLang();
  const { openSource } = useWorkbench();
  const cases = useCases();
  const call = useApiCall();
  const [rows, setRows] = useState<Row[]>(() =>
    files.map((file) => ({ file, name: plainName(file.name), kind: guessKind(file.name), caseChoice: '', newCase: '', guessing: true, unreadable: null })),
  );
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const update = (i: number, change: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  // Each file is read once by the service for its guess; a name or kind the user already changed stays.
  useEffect(() => {
    let live = true;
    files.forEach((file, i) => {
      void (async () => {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const guess = await call('guessImport', { fileName: file.name, bytes });
          if (!live) return;
          setRows((all) =>
            all.map((r, j) =>
              j !== i
                ? r
                : {
                    ...r,
                    guessing: false,
                    kind: r.kind === guessKind(file.name) ? guess.kind : r.kind,
                    name: r.name === plainName(file.name) ? guess.name : r.name,
                  },
            ),
          );
        } catch (err) {
          if (live) update(i, { guessing: false, unreadable: errorText(err, t) });
        }
      })();
    });
    return () => {
      live = false;
    };
    // The files are fixed for the dialog's life; guessing again on a language change is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const results: Outcome[] = [];
    let lastId: number | null = null;
    for (const row of rows) {
      try {
        const bytes = new Uint8Array(await row.file.arrayBuffer());
        const chosen =
          row.caseChoice === NEW_CASE && row.newCase.trim()
            ? { newCase: row.newCase.trim() }
            : row.caseChoice && row.caseChoice !== NEW_CASE
              ? { caseIds: [Number(row.caseChoice)] }
              : {};
        const { source, notes } = await call('importSource', {
          fileName: row.file.name,
          bytes,
          kind: row.kind,
          ...(row.name.trim() ? { name: row.name.trim() } : {}),
          ...chosen,
        });
        lastId = source.id;
        results.push({ file: row.file.name, ok: true, lines: [t('import.done', { name: source.name }), ...notes.map((n) => formatImportNote(n, lang))] });
      } catch (err) {
        results.push({ file: row.file.name, ok: false, lines: [errorText(err, t)] });
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
          <table className="import-files">
            <thead>
              <tr>
                <th scope="col">{t('import.file')}</th>
                <th scope="col">{t('import.name')}</th>
                <th scope="col">{t('import.kind')}</th>
                <th scope="col">{t('import.case')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={`${i}-${row.file.name}`} data-file={row.file.name}>
                  <th scope="row" className="import-file">
                    {row.file.name}
                    {row.guessing && <small className="muted">{t('import.reading')}</small>}
                    {row.unreadable && (
                      <small className="import-unreadable" role="alert">
                        {row.unreadable}
                      </small>
                    )}
                  </th>
                  <td>
                    <input
                      aria-label={`${t('import.name')} — ${row.file.name}`}
                      value={row.name}
                      onChange={(e) => update(i, { name: e.target.value })}
                      required
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${t('import.kind')} — ${row.file.name}`}
                      value={row.kind}
                      onChange={(e) => update(i, { kind: e.target.value as SourceKind })}
                    >
                      {SOURCE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(KIND_ONE[k])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${t('import.case')} — ${row.file.name}`}
                      value={row.caseChoice}
                      onChange={(e) => update(i, { caseChoice: e.target.value })}
                    >
                      <option value="">{t('import.noCase')}</option>
                      {cases.map((c) => (
                        <option key={c.id} value={String(c.id)}>
                          {c.name}
                        </option>
                      ))}
                      <option value={NEW_CASE}>{t('import.newCase')}</option>
                    </select>
                    {row.caseChoice === NEW_CASE && (
                      <input
                        aria-label={`${t('import.newCaseName')} — ${row.file.name}`}
                        placeholder={t('import.newCaseName')}
                        value={row.newCase}
                        onChange={(e) => update(i, { newCase: e.target.value })}
                        required
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || rows.some((r) => r.guessing)}>
              {busy ? t('import.busy') : t('import.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
