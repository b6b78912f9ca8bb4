// The table of real names and pseudonyms: add a person, change one not yet applied, remove one,
// or import a whole table from a CSV or JSON file (the same formats as the command line).
import { useRef, useState, type FormEvent } from 'react';
import type { Case } from '../../../model/types.ts';
import type { PseudonymRow } from '../../../service/contract/index.ts';
import type { PseudonymEntry } from '../../../service/contract/index.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from './format.ts';

interface Props {
  entries: PseudonymEntry[];
  cases: Case[];
  onStatus: (message: string) => void;
  report: (e: unknown) => void;
}

export function PseudonymTable({ entries, cases, onStatus, report }: Props) {
  const { t, lang } = useLang();
  const call = useApiCall();
  const [editing, setEditing] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const act = async (op: () => Promise<unknown>) => {
    try {
      await op();
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  };

  const importFile = async (file: File) => {
    const text = await file.text();
    await act(async () => {
      const added = await call('importPseudonyms', { fileName: file.name, text });
      onStatus(t('pseudo.imported', { count: added.length, file: file.name }));
    });
  };

  return (
    <section aria-labelledby="pseudo-table-title">
      <h3 id="pseudo-table-title" className="privacy-subtitle">
        {t('pseudo.table')}
      </h3>
      <div className="table-scroll">
        <table className="cases-table privacy-table">
          <thead>
            <tr>
              <th scope="col">{t('pseudo.realName')}</th>
              <th scope="col">{t('pseudo.pseudonym')}</th>
              <th scope="col">{t('pseudo.case')}</th>
              <th scope="col">{t('pseudo.status')}</th>
              <th scope="col">{t('pseudo.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('pseudo.empty')}
                </td>
              </tr>
            )}
            {entries.map((e) =>
              editing === e.id ? (
                <EditRow
                  key={e.id}
                  entry={e}
                  cases={cases}
                  onCancel={() => setEditing(null)}
                  onSave={async (row) => {
                    if (await act(() => call('updatePseudonym', { id: e.id, ...row }))) setEditing(null);
                  }}
                />
              ) : (
                <tr key={e.id}>
                  <td>{e.realName ?? <em className="muted">{t('pseudo.forgotten')}</em>}</td>
                  <th scope="row">{e.pseudonym}</th>
                  <td>{e.caseName ?? '—'}</td>
                  <td className="muted">{e.appliedAt ? t('pseudo.appliedOn', { date: formatDate(e.appliedAt, lang) }) : t('pseudo.pending')}</td>
                  <td className="row-actions">
                    {!e.appliedAt && e.realName && (
                      <button type="button" aria-label={t('pseudo.editOf', { pseudonym: e.pseudonym })} onClick={() => setEditing(e.id)}>
                        {t('pseudo.edit')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="danger"
                      aria-label={t('pseudo.removeOf', { pseudonym: e.pseudonym })}
                      onClick={() => void act(() => call('deletePseudonym', { id: e.id }))}
                    >
                      {t('pseudo.remove')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <AddPersonForm cases={cases} onAdd={(row) => act(() => call('savePseudonyms', { entries: [row] }))} />
      <div className="privacy-import">
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('pseudo.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".csv,.tsv,.txt,.json,text/csv,application/json,text/plain"
          data-testid="pseudonym-import-input"
          aria-label={t('pseudo.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <small className="muted">{t('pseudo.importHint')}</small>
      </div>
    </section>
  );
}

/** Labelled by a Field (id) in the add form, by aria-label in a table row. */
function CaseSelect(props: { id?: string; label?: string; cases: Case[]; value: string; onChange: (v: string) => void }) {
  const { t } = useLang();
  const { cases, value, onChange } = props;
  return (
    <select id={props.id} aria-label={props.label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('pseudo.noCase')}</option>
      {cases.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

function rowOf(realName: string, pseudonym: string, caseId: string): PseudonymRow {
  return { realName: realName.trim(), pseudonym: pseudonym.trim(), caseId: caseId ? Number(caseId) : null };
}

function AddPersonForm({ cases, onAdd }: { cases: Case[]; onAdd: (row: PseudonymRow) => Promise<boolean> }) {
  const { t } = useLang();
  const [realName, setRealName] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [caseId, setCaseId] = useState('');
  const ready = realName.trim() !== '' && pseudonym.trim() !== '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    if (await onAdd(rowOf(realName, pseudonym, caseId))) {
      setRealName('');
      setPseudonym('');
      setCaseId('');
    }
  };
  return (
    <form className="inline-form privacy-add" onSubmit={(e) => void submit(e)}>
      <Field label={t('pseudo.newRealName')}>
        {(id) => <input id={id} value={realName} placeholder={t('pseudo.newRealNameHint')} onChange={(e) => setRealName(e.target.value)} />}
      </Field>
      <Field label={t('pseudo.newPseudonym')}>
        {(id) => <input id={id} value={pseudonym} placeholder={t('pseudo.newPseudonymHint')} onChange={(e) => setPseudonym(e.target.value)} />}
      </Field>
      <Field label={t('pseudo.case')}>{(id) => <CaseSelect id={id} cases={cases} value={caseId} onChange={setCaseId} />}</Field>
      <button type="submit" className="primary" disabled={!ready}>
        {t('pseudo.add')}
      </button>
    </form>
  );
}

function EditRow(props: { entry: PseudonymEntry; cases: Case[]; onSave: (row: PseudonymRow) => Promise<void>; onCancel: () => void }) {
  const { t } = useLang();
  const { entry } = props;
  const [realName, setRealName] = useState(entry.realName ?? '');
  const [pseudonym, setPseudonym] = useState(entry.pseudonym);
  const [caseId, setCaseId] = useState(entry.caseId ? String(entry.caseId) : '');
  const ready = realName.trim() !== '' && pseudonym.trim() !== '';
  return (
    <tr
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <td>
        <input aria-label={t('pseudo.realName')} value={realName} autoFocus onChange={(e) => setRealName(e.target.value)} />
      </td>
      <td>
        <input aria-label={t('pseudo.pseudonym')} value={pseudonym} onChange={(e) => setPseudonym(e.target.value)} />
      </td>
      <td>
        <CaseSelect label={t('pseudo.case')} cases={props.cases} value={caseId} onChange={setCaseId} />
      </td>
      <td className="muted">{t('pseudo.pending')}</td>
      <td className="row-actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => void props.onSave(rowOf(realName, pseudonym, caseId))}>
          {t('pseudo.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </td>
    </tr>
  );
}
