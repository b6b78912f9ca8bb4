import type { SearchHit } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { activateOnKey, moveFocusInList } from '../../ui/list-keys.ts';
import { KIND_ONE } from '../sources/source-kinds.ts';
import { HitSnippet } from './HitSnippet.tsx';

export function HitList({ hits }: { hits: SearchHit[] }) {
  const t = useT();
  const { openSource } = useWorkbench();
  if (hits.length === 0) return <p className="muted">{t('search.none')}</p>;
  return (
    <div role="listbox" aria-label={t('search.listLabel')} className="hit-list" onKeyDown={(e) => moveFocusInList(e)}>
      {hits.map((h, i) => {
        const open = () => openSource(h.sourceId, { start: h.start, end: h.end });
        return (
          <div
            key={`${h.sourceId}:${h.start}`}
            role="option"
            aria-selected={false}
            tabIndex={i === 0 ? 0 : -1}
            className="hit"
            onClick={open}
            onKeyDown={(e) => activateOnKey(e, open)}
          >
            <div className="excerpt-meta">
              <strong>{h.sourceName}</strong>
              <span>{t(KIND_ONE[h.sourceKind])}</span>
              <span>{t('retrieval.position', { start: h.start, end: h.end })}</span>
            </div>
            <HitSnippet hit={h} />
          </div>
        );
      })}
    </div>
  );
}
