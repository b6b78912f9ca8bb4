// Undo and redo within reach of the mouse; each button's name says what it would undo or redo.
import { useHistory } from '../coding/useHistory.tsx';
import { useT } from '../i18n/lang-context.tsx';
import { useWorkbench } from './workbench-context.tsx';

export function UndoButtons() {
  const t = useT();
  const { report } = useWorkbench();
  const { undo, redo, canUndo, canRedo, busy, undoTitle, redoTitle } = useHistory();
  return (
    <div className="undo-buttons" role="group" aria-label={t('app.history')}>
      <button type="button" title={undoTitle} aria-label={undoTitle} disabled={!canUndo || busy} onClick={() => void undo().catch(report)}>
        ↶
      </button>
      <button type="button" title={redoTitle} aria-label={redoTitle} disabled={!canRedo || busy} onClick={() => void redo().catch(report)}>
        ↷
      </button>
    </div>
  );
}
