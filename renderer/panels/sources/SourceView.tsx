// The centre when reading: the open source in the transcript view, scrolled to the passage asked for.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Coding, Source } from '../../../model/types.ts';
import { api } from '../../api/client.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { TranscriptView, type TranscriptSelection } from '../../transcript/TranscriptView.tsx';
import { KIND_ONE } from './source-kinds.ts';

export function SourceView() {
  const t = useT();
  const { opened, report, sources, codes, project, selectedCodeId } = useWorkbench();
  const [source, setSource] = useState<Source | null>(null);
  const [codings, setCodings] = useState<Coding[]>([]);
  const [, setSelection] = useState<TranscriptSelection | null>(null);
  const summary = sources.find((s) => s.id === opened?.sourceId);
  const codeMap = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const coderMap = useMemo(() => new Map(project.coders.map((c) => [c.id, c])), [project.coders]);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    Promise.all([api.getSource({ id: opened.sourceId }), api.listCodings({ sourceId: opened.sourceId })]).then(
      ([s, c]) => {
        if (!live) return;
        setSource(s);
        setCodings(c);
      },
      (e: unknown) => live && report(e),
    );
    return () => {
      live = false;
    };
    // Codings change with the codebook (merge, delete): reload them when the code list changes.
  }, [opened?.sourceId, codes, report]);

  const onSelect = useCallback((range: TranscriptSelection | null) => setSelection(range), []);

  if (!opened) return <p className="placeholder">{t('source.choose')}</p>;
  if (!source || source.id !== opened.sourceId) return <p className="placeholder" aria-busy="true" />;
  return (
    <article className="source-view" aria-labelledby="source-title">
      <header className="source-head">
        <h2 id="source-title">{summary?.name ?? source.name}</h2>
        <span className="muted">
          {t(KIND_ONE[source.kind])} · {t('source.length', { count: source.length })}
        </span>
      </header>
      <div className="source-body">
        <TranscriptView
          source={source}
          codings={codings}
          codes={codeMap}
          coders={coderMap}
          focusRange={opened.focus}
          activeCodeId={selectedCodeId}
          onSelect={onSelect}
        />
      </div>
    </article>
  );
}
