// The sources a case speaks in: linked ones with a button to unlink, and a menu to link another.
import type { Case } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useSources } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';

export function CaseSourcesCell({ caseItem }: { caseItem: Case }) {
  const t = useT();
  const { report } = useWorkbench();
  const sources = useSources();
  const call = useApiCall();
  const linked = sources.filter((s) => caseItem.sourceIds.includes(s.id));
  const others = sources.filter((s) => !caseItem.sourceIds.includes(s.id));

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (e) {
      report(e);
    }
  };

  return (
    <div className="case-sources">
      <ul className="chips">
        {linked.map((s) => (
          <li key={s.id} className="chip">
            {s.name}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('cases.unlink', { source: s.name, case: caseItem.name })}
              onClick={() => void run(() => call('unlinkSource', { caseId: caseItem.id, sourceId: s.id }))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <select
          aria-label={t('cases.link', { case: caseItem.name })}
          value=""
          onChange={(e) => {
            const sourceId = Number(e.target.value);
            if (sourceId) void run(() => call('linkSource', { caseId: caseItem.id, sourceId }));
          }}
        >
          <option value="">{t('cases.linkPrompt')}</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
