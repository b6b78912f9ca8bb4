import { useState } from 'react';
import { quotation } from '../../../analysis/quotes/quotation.ts';
import type { Excerpt } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCodes } from '../../data/lists.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { activateOnKey, moveFocusInList } from '../../ui/list-keys.ts';
import { KIND_ONE } from '../sources/source-kinds.ts';

/**
 * Coded excerpts with their citation (the project's format, as the exports print it); choosing one
 * opens it in its source, and its button copies it quoted and cited, ready for a thesis.
 */
export function ExcerptList({ excerpts }: { excerpts: Excerpt[] }) {
  const { t, lang } = useLang();
  const [copied, setCopied] = useState<number | null>(null);
  const { openSource } = useWorkbench();
  const codes = useCodes();
  const colours = new Map(codes.map((c) => [c.id, c.color]));
  if (excerpts.length === 0) return <p className="muted">{t('retrieval.none')}</p>;
  return (
    // A list, not a listbox: an option may hold no control, and each excerpt has its copy button.
    <div role="list" aria-label={t('retrieval.listLabel')} className="excerpt-list" onKeyDown={(e) => moveFocusInList(e, '[role="listitem"]')}>
      {excerpts.map((x, i) => {
        const open = () => openSource(x.sourceId, { start: x.start, end: x.end });
        return (
          <div
            key={x.id}
            role="listitem"
            tabIndex={i === 0 ? 0 : -1}
            className="excerpt"
            style={{ borderInlineStartColor: colours.get(x.codeId) }}
            onClick={open}
            onKeyDown={(e) => activateOnKey(e, open)}
          >
            <div className="excerpt-meta">
              <strong>{x.sourceName}</strong>
              <span>{t(KIND_ONE[x.sourceKind])}</span>
              {x.caseNames.length > 0 && <span>{x.caseNames.join(', ')}</span>}
              <span>{x.codeName}</span>
              <span>{x.coderName}</span>
            </div>
            <blockquote className="excerpt-text">{x.text}</blockquote>
            <div className="excerpt-cite">
              <cite>{x.citation}</cite>
              <button
                type="button"
                className="link"
                onKeyDown={(e) => e.stopPropagation()}
                onClick={(e) => {
                  // Copying is not opening: the click stays on the button.
                  e.stopPropagation();
                  void navigator.clipboard
                    .writeText(`${quotation(x.text, lang, x.place, x.segmentKind === 'verbatim')} (${x.citation})`)
                    .then(() => setCopied(x.id));
                }}
              >
                {t(copied === x.id ? 'retrieval.copied' : 'retrieval.copy')}
              </button>
            </div>
            {x.memo && <p className="excerpt-memo">{t('retrieval.memo', { text: x.memo })}</p>}
          </div>
        );
      })}
    </div>
  );
}
