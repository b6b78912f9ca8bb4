// The coding the user clicked in the transcript: which code, who coded it, its memo, a way to
// take it off (undoable), and the passages like it not coded with its code yet.
import type { Coding } from '../../../model/types.ts';
import { codeLabel } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCodes } from '../../data/lists.ts';
import { removeCodingCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { MemoSection } from '../memos/MemoSection.tsx';

export function CodingDetails({ coding, onClose, onSimilar }: { coding: Coding; onClose: () => void; onSimilar: () => void }) {
  const t = useT();
  const { project, report } = useWorkbench();
  const codes = useCodes();
  const { run } = useHistory();
  const code = codes.find((c) => c.id === coding.codeId);
  const coder = project.coders.find((c) => c.id === coding.coderId);

  const remove = async () => {
    try {
      await run(removeCodingCommand(coding, code?.name ?? ''));
      onClose();
    } catch (e) {
      report(e);
    }
  };

  return (
    <section className="coding-details" aria-label={t('coding.details')}>
      <div className="coding-line">
        <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
        <strong>{code ? codeLabel(code) : '?'}</strong>
        <span className="muted">
          {t('retrieval.position', { start: coding.start, end: coding.end })}
          {coder && ` · ${coder.name}`}
          {coding.valence && ` · ${coding.valence}`}
        </span>
        <span className="spacer" />
        <button type="button" onClick={onSimilar}>
          {t('similar.open')}
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('coding.remove')}
        </button>
        <button type="button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <MemoSection target={{ kind: 'coding', id: coding.id }} />
    </section>
  );
}
