// The project's sources, grouped by kind, with the cases they belong to and how much is coded.
// Files dropped anywhere on the panel start an import.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { SourceSummary } from '../../../model/types.ts';
import { IMPORT_REQUEST } from '../../app/shell-menu.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCases, useSources } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { activateOnKey, moveFocusInList } from '../../ui/list-keys.ts';
import { SetsDialog } from '../sets/SetsDialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { KIND_GROUP, SOURCE_KINDS } from './source-kinds.ts';

export function SourcesPanel() {
  const t = useT();
  const { opened, openSource } = useWorkbench();
  const sources = useSources();
  const cases = useCases();
  const [files, setFiles] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [setsOpen, setSetsOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const caseNames = new Map(cases.map((c) => [c.id, c.name]));
  useEffect(() => {
    const choose = () => input.current?.click();
    window.addEventListener(IMPORT_REQUEST, choose);
    return () => window.removeEventListener(IMPORT_REQUEST, choose);
  }, []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = Array.from(e.dataTransfer.files);
    if (dropped.length > 0) setFiles(dropped);
  };
  const acceptsFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

  return (
    <section
      className={`panel sources-panel${dragging ? ' dropping' : ''}`}
      aria-labelledby="sources-title"
      onDragOver={(e) => {
        if (!acceptsFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="panel-head">
        <h2 id="sources-title">{t('sources.title')}</h2>
        <button type="button" onClick={() => input.current?.click()}>
          {t('sources.import')}
        </button>
        <button type="button" onClick={() => setSetsOpen(true)}>
          {t('sets.open.sources')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept=".txt,.md,.docx,.odt,.pdf,.vtt,.srt"
          data-testid="import-input"
          onChange={(e) => {
            const chosen = Array.from(e.target.files ?? []);
            if (chosen.length > 0) setFiles(chosen);
            e.target.value = '';
          }}
        />
      </div>
      <p className="drop-hint">{t('sources.dropHint')}</p>
      {sources.length === 0 ? (
        <p className="muted">{t('sources.empty')}</p>
      ) : (
        <div role="listbox" aria-labelledby="sources-title" className="source-list" onKeyDown={(e) => moveFocusInList(e)}>
          {SOURCE_KINDS.map((kind) => {
            const ofKind = sources.filter((s) => s.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <div role="group" key={kind} aria-labelledby={`kind-${kind}`}>
                {/* Only options and groups may sit in a listbox: the group's title is not a heading. */}
                <div id={`kind-${kind}`} role="presentation" className="group-title">
                  {t(KIND_GROUP[kind])} <span className="count">{ofKind.length}</span>
                </div>
                {ofKind.map((s) => (
                  <SourceOption
                    key={s.id}
                    source={s}
                    caseNames={s.caseIds.map((id) => caseNames.get(id) ?? '?')}
                    selected={opened?.sourceId === s.id}
                    onOpen={() => openSource(s.id)}
                  />
                ))}
              </div>
            );
          })}
        </div>
      )}
      {files && <ImportDialog files={files} onClose={() => setFiles(null)} />}
      {setsOpen && <SetsDialog kind="sources" onClose={() => setSetsOpen(false)} />}
    </section>
  );
}

function SourceOption({ source, caseNames, selected, onOpen }: { source: SourceSummary; caseNames: string[]; selected: boolean; onOpen: () => void }) {
  const t = useT();
  return (
    <div role="option" aria-selected={selected} tabIndex={0} className="source-option" onClick={onOpen} onKeyDown={(e) => activateOnKey(e, onOpen)}>
      <span className="source-name">{source.name}</span>
      <span className="source-meta">
        {caseNames.length > 0 ? caseNames.join(', ') : t('sources.noCase')}
        {' · '}
        {t('sources.codingCount', { count: source.codingCount })}
      </span>
    </div>
  );
}
