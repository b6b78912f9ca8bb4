import { useState, type FormEvent } from 'react';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';

export function AddCaseForm() {
  const t = useT();
  const { report } = useWorkbench();
  const call = useApiCall();
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      await call('createCase', { name: name.trim() });
      setName('');
    } catch (err) {
      report(err);
    }
  };

  return (
    <form className="inline-form" aria-label={t('cases.add')} onSubmit={(e) => void submit(e)}>
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
