// The blind-coding switch, for the current coder: shown in the reading view and the team panel,
// both bound to the one setting of the workbench.
import { useId } from 'react';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import './team.css';

export function BlindCodingToggle() {
  const t = useT();
  const { blindCoding, setBlindCoding, project } = useWorkbench();
  const hint = useId();
  return (
    <span className="blind-toggle">
      <label className="check">
        <input type="checkbox" role="switch" checked={blindCoding} aria-describedby={hint} onChange={(e) => setBlindCoding(e.target.checked)} />
        {t('team.blind.label')}
      </label>
      <span id={hint} className="visually-hidden">
        {t('team.blind.hint', { name: project.coder.name })}
      </span>
    </span>
  );
}
