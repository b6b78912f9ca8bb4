// The centre when reading: the open source in the transcript view, scrolled to the passage asked
// for. Selecting a passage opens the code picker at the selection; coding goes through the undo
// history, so Ctrl+Z takes it back.
import { useMemo, useRef, useState } from 'react';
import type { Coding } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { CodePicker, type PickChoice, type PickExtras } from '../../coding/CodePicker.tsx';
import { ExtendOffer, extendOfferOf, type ExtendOfferState } from '../../coding/ExtendOffer.tsx';
import { addCodingCommand, addCodingWithNewCodeCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { useApiQuery } from '../../data/hooks.ts';
import { useCodes, useSources } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { SuggestPanel } from '../../suggest/SuggestPanel.tsx';
import { usePassageAtCaret } from '../../suggest/use-passage-at-caret.ts';
import { TranscriptView, type TranscriptSelection } from '../../transcript/TranscriptView.tsx';
import { MemoSection } from '../memos/MemoSection.tsx';
import { SourceEditor } from '../privacy/SourceEditor.tsx';
import { SimilarPassagesDialog, type SimilarFrom } from '../similar/SimilarPassagesDialog.tsx';
import { hiddenCoders } from '../team/blind.ts';
import { BlindCodingToggle } from '../team/BlindCodingToggle.tsx';
import { CodingDetails } from './CodingDetails.tsx';
import { KIND_ONE } from './source-kinds.ts';

const NO_CODINGS: Coding[] = [];

export function SourceView() {
  const t = useT();
  const { opened, report, project, selectedCodeId, recentCodeIds, noteRecentCode, blindCoding } = useWorkbench();
  const sources = useSources();
  const codes = useCodes();
  const { run, history } = useHistory();
  // Correcting the text (renderer/panels/privacy/SourceEditor.tsx); saving it fetches the text again.
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState<string | null>(null);
  // Another source opened: its editor starts closed, without the last one's message.
  const [editedSourceId, setEditedSourceId] = useState(opened?.sourceId);
  if (editedSourceId !== opened?.sourceId) {
    setEditedSourceId(opened?.sourceId);
    setEditing(false);
    setEdited(null);
  }
  const [selection, setSelection] = useState<TranscriptSelection | null>(null);
  const [activeCodingId, setActiveCodingId] = useState<number | null>(null);
  // A passage overlapping one's own coding of the code: refused, with the offer to extend that coding.
  const [extendOffer, setExtendOffer] = useState<ExtendOfferState | null>(null);
  // "Similar passages" asked from the selection or from a coding's details.
  const [similarFrom, setSimilarFrom] = useState<SimilarFrom | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const summary = sources.find((s) => s.id === opened?.sourceId);
  const codeMap = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const coderMap = useMemo(() => new Map(project.coders.map((c) => [c.id, c])), [project.coders]);
  const hiddenCoderIds = useMemo(() => hiddenCoders(project.coders, project.coder, blindCoding), [project.coders, project.coder, blindCoding]);
  const sourceId = opened?.sourceId ?? null;
  // Keyed by source: another source's text or codings are never shown for this one, even while its
  // own are on their way. A rewritten text, a coding, a merge of codes each fetch these again.
  const source = useApiQuery('getSource', sourceId === null ? null : { id: sourceId }).data ?? null;
  const codings = useApiQuery('listCodings', sourceId === null ? null : { sourceId }).data ?? NO_CODINGS;
  const article = useRef<HTMLElement>(null);
  const suggestFor = usePassageAtCaret(body, source && source.id === sourceId ? source : null);

  const closePicker = () => {
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    body.current?.querySelector<HTMLElement>('[data-testid="transcript-text"]')?.focus();
  };

  const onPick = async (choice: PickChoice, extras: PickExtras) => {
    if (!selection || sourceId === null) return;
    const passage = selection;
    closePicker();
    const passageInput = {
      sourceId,
      start: passage.start,
      end: passage.end,
      ...(extras.valence ? { valence: extras.valence } : {}),
      ...(extras.memo ? { memo: extras.memo } : {}),
    };
    const codeName = 'codeId' in choice ? (codeMap.get(choice.codeId)?.name ?? '') : '';
    try {
      // A new code and its first coding are one action, so one undo step.
      const coding =
        'codeId' in choice
          ? await run(addCodingCommand({ ...passageInput, codeId: choice.codeId }, codeName))
          : await run(addCodingWithNewCodeCommand({ name: choice.newCodeName, parentId: choice.parentId }, passageInput));
      if (!coding) return;
      const codeId = coding.codeId;
      noteRecentCode(codeId);
    } catch (e) {
      const offer = 'codeId' in choice ? extendOfferOf(e, { ...passageInput, codeId: choice.codeId }, codeName) : null;
      if (offer) setExtendOffer(offer);
      else report(e);
    }
  };

  const activeCoding = codings.find((c) => c.id === activeCodingId) ?? null;

  if (!opened) return <p className="placeholder">{t('source.choose')}</p>;
  if (!source || source.id !== opened.sourceId) return <p className="placeholder" aria-busy="true" />;
  return (
    <article className="source-view" aria-labelledby="source-title" ref={article}>
      <header className="source-head">
        <h2 id="source-title">{summary?.name ?? source.name}</h2>
        <span className="muted">
          {t(KIND_ONE[source.kind])} · {t('source.length', { count: source.length })}
        </span>
        <span className="muted source-tip">{t('source.selectTip')}</span>
        {!editing && (
          <button type="button" className="source-edit-open" onClick={() => (setEdited(null), setEditing(true))}>
            {t('edit.open')}
          </button>
        )}
        <BlindCodingToggle />
      </header>
      {edited && (
        <p className="status" role="status">
          {edited}
        </p>
      )}
      {editing && (
        <SourceEditor
          key={`edit-${source.id}`}
          source={source}
          report={report}
          onCancel={() => setEditing(false)}
          onSaved={(e) => {
            setEditing(false);
            setEdited(t('edit.saved', { moved: e.moved.length, changed: e.changed.length, removed: e.removed.length }));
            // Undo steps point at the old positions: they no longer apply.
            history.clear();
          }}
        />
      )}
      <div className="source-body" ref={body} hidden={editing}>
        <TranscriptView
          source={source}
          codings={codings}
          codes={codeMap}
          coders={coderMap}
          hiddenCoderIds={hiddenCoderIds}
          focusRange={opened.focus}
          activeCodeId={selectedCodeId}
          onSelect={setSelection}
          onCodingActivate={setActiveCodingId}
        />
      </div>
      <footer className="source-foot">
        {!editing && <SuggestPanel target={suggestFor} sourceId={source.id} scope={article} />}
        {activeCoding && (
          <CodingDetails
            key={`coding-${activeCoding.id}`}
            coding={activeCoding}
            onClose={() => setActiveCodingId(null)}
            onSimilar={() => setSimilarFrom({ codingId: activeCoding.id })}
          />
        )}
        <MemoSection key={`source-${source.id}`} target={{ kind: 'source', id: source.id }} />
      </footer>
      {extendOffer && <ExtendOffer offer={extendOffer} onClose={() => setExtendOffer(null)} report={report} />}
      {selection && (
        <CodePicker
          codes={codes}
          recentCodeIds={recentCodeIds}
          anchor={selection.rect}
          onPick={(choice, extras) => void onPick(choice, extras)}
          onCancel={closePicker}
          onSimilar={() => {
            setSimilarFrom({ sourceId: source.id, start: selection.start, end: selection.end });
            closePicker();
          }}
        />
      )}
      {similarFrom && <SimilarPassagesDialog from={similarFrom} onClose={() => setSimilarFrom(null)} />}
    </article>
  );
}
