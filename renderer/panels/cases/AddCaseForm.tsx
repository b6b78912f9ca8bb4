import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';

export function AddCaseForm() {
  const t = useT();
  const { refresh, report } = useWorkbench();
  const [name, setName] = useState('');
  return (
    <form
      className="inline-form"
      aria-label={t('cases.add')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) return;
        try {
          await api.createCase({ name: name.trim() });
          setName('');
          await refresh();
        } catch (err) {
          report(err);
        }
      }}
    >
      <label className="field">
        <span>{t('cases.newName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('cases.newNameHint')} />
      </label>
      <button type="submit" disabled={!name.trim()}>
        {t('cases.add')}
      </button>
    </form>
  );
}
