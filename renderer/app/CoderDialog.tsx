// Asked when a person opens a project nobody at this machine has coded in: every coding carries a
// coder's name, so they say who they are (one of the project's coders, or a new name) before
// coding, rather than silently coding under the last coder's name or the system account's.
import { useState, type FormEvent } from 'react';
import type { ProjectInfo } from '../../service/contract/index.ts';
import { useApiCall } from '../data/hooks.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { errorText } from '../ui/error-text.ts';

const NEW = '';

export function CoderDialog({ project, onChosen, onLeave }: { project: ProjectInfo; onChosen: (project: ProjectInfo) => void; onLeave: () => void }) {
  const { t } = useLang();
  const call = useApiCall();
  const [choice, setChoice] = useState<string>(NEW);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // An empty new name is refused by the service, whose words are shown here.
      await call('switchCoder', { name: choice === NEW ? newName : choice });
      const session = await call('getSession', undefined);
      if (session.project) onChosen(session.project);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('coder.ask.title')} onClose={onLeave}>
      <form onSubmit={(e) => void submit(e)} className="coder-ask">
        <p>{t('coder.ask.intro')}</p>
        {project.coders.length > 0 && (
          <fieldset>
            <legend>{t('coder.ask.existing')}</legend>
            {project.coders.map((c) => (
              <label key={c.id} className="choice">
                <input type="radio" name="coder" value={c.name} checked={choice === c.name} onChange={() => setChoice(c.name)} />
                <span>
                  {c.name}
                  {c.id === project.coder.id && <small> — {t('coder.ask.last')}</small>}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <label className="choice">
          <input type="radio" name="coder" value={NEW} checked={choice === NEW} onChange={() => setChoice(NEW)} />
          <span>{t('coder.ask.new')}</span>
        </label>
        <label className="field">
          <span>{t('start.coder')}</span>
          <input
            value={newName}
            onChange={(e) => {
              setNewName(e.target.value);
              setChoice(NEW);
            }}
            autoComplete="name"
            autoFocus
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onLeave}>
            {t('coder.ask.leave')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('coder.ask.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
