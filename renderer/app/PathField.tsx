// A project file path: typed in browser mode; on the desktop the native dialog fills it in.
import { useApiCall } from '../data/hooks.ts';
import { useT } from '../i18n/lang-context.tsx';

interface Props {
  shell: 'desktop' | 'browser' | 'cli';
  mode: 'open' | 'create';
  value: string;
  onChange: (path: string) => void;
  id: string;
  /** Id of the element that explains the path (where a new project will go). */
  describedBy?: string;
}

export function PathField({ shell, mode, value, onChange, id, describedBy }: Props) {
  const t = useT();
  const call = useApiCall();
  const choose = async () => {
    const chosen = await call('chooseProjectPath', { mode });
    if (chosen) onChange(chosen);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('start.path')}</label>
      <div className="path-row">
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          placeholder={t(mode === 'open' ? 'start.pathHintOpen' : shell === 'browser' ? 'start.pathHintName' : 'start.pathHintCreate')}
          spellCheck={false}
        />
        {shell === 'desktop' && (
          <button type="button" onClick={() => void choose()}>
            {t('start.choose')}
          </button>
        )}
      </div>
    </div>
  );
}
