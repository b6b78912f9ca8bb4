// The transcript of one source, read-only, with its codings highlighted. Built on Lexical
// (use-transcript-editor.ts, build.ts): the whole editor state is built in one update when the
// source changes; when only the codings change, the lines whose runs changed are rebuilt in one
// update. Highlight colours, the active code, hover and hidden coders are painted on the DOM
// (use-paint.ts), never through the editor; so are the passage opened from a search
// (use-flash.ts) and the keyboard caret (use-caret.ts). This component only composes them.
import { useCallback, useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { Code, Coder, Coding, Source } from '../../model/types.ts';
import { useT } from '../i18n/lang-context.tsx';
import { CodingTooltip } from './CodingTooltip.tsx';
import type { RunIndex } from './paint.ts';
import { StripeMargin } from './StripeMargin.tsx';
import { laneWidth, stripeLabel } from './stripes.ts';
import { useCaret } from './use-caret.ts';
import { useFlash } from './use-flash.ts';
import { useFocusPassage } from './use-focus-passage.ts';
import { useKeyboard } from './use-keyboard.ts';
import { useTranscriptLayout } from './use-layout.ts';
import { usePaint } from './use-paint.ts';
import { type TranscriptSelection, usePassageSelection } from './use-passage-selection.ts';
import { useResize } from './use-resize.ts';
import { useStripes } from './use-stripes.ts';
import { useTooltip } from './use-tooltip.ts';
import { useTranscriptEditor } from './use-transcript-editor.ts';
import './transcript.css';

export type { TranscriptSelection };

export interface TranscriptViewProps {
  source: Source;
  codings: Coding[];
  codes: ReadonlyMap<number, Pick<Code, 'id' | 'name' | 'color' | 'abbrev'>>;
  coders: ReadonlyMap<number, Coder>;
  memoOf?: (codingId: number) => string | null;
  /** Blind coding: these coders' codings are not shown. */
  hiddenCoderIds?: ReadonlySet<number>;
  /** Scrolled to and marked exactly, for a moment, whenever it changes. */
  focusRange?: { start: number; end: number } | null;
  /** Passages of this code are emphasised. */
  activeCodeId?: number | null;
  /** Show turn timestamps in the gutter (default true). */
  showTimestamps?: boolean;
  onSelect(range: TranscriptSelection | null): void;
  onCodingActivate?(codingId: number): void;
}

export function TranscriptView(props: TranscriptViewProps) {
  const { source, codings, codes, coders, memoOf, hiddenCoderIds, focusRange, activeCodeId, onSelect, onCodingActivate } = props;
  const showTimestamps = props.showTimestamps ?? true;
  const t = useT();
  const keysId = useId();

  const viewRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  /** The run elements of the current rendering, set by the editor after each rebuild. */
  const runsRef = useRef<RunIndex | null>(null);

  // The hooks whose callbacks run in a rebuild come before the editor: their latest props are
  // set (in layout effects, in call order) before it builds.
  const { index, structureKey, blocks, paintInput, shown, lanes, numbers } = useTranscriptLayout({
    source,
    codings,
    codes,
    hiddenCoderIds,
    activeCodeId,
  });
  const { stripes, schedule } = useStripes({ viewRef, columnRef, runsRef }, { blocks, shown, lanes, index, codes, coders });
  const { styleRef, repaint, inputRef: paintRef } = usePaint(runsRef, paintInput, schedule);
  const caret = useCaret({ viewRef, textRef, runsRef }, index, source.id);
  const { caretRef, hintRef, draw, restore } = caret;
  const flash = useFlash(runsRef);
  const { remark } = flash;
  const { tooltip, initial, boxRef, onMouseMove, onMouseLeave, rehover } = useTooltip(runsRef);
  const { readSelection, onMouseDown, dragging } = usePassageSelection({
    viewRef,
    textRef,
    paintRef,
    text: source.text,
    index,
    onSelect,
    onCodingActivate,
  });
  const { onFocus, onKeyDown } = useKeyboard({ viewRef, textRef, dragging, caret, readSelection });

  // Order matters: painted first (the new runs get their colours), then the hover, the mark
  // and a caret that were on the replaced lines go back on their new text.
  const onBuilt = useCallback(() => {
    repaint();
    rehover();
    remark();
    restore();
    draw();
  }, [repaint, rehover, remark, restore, draw]);
  useTranscriptEditor(textRef, runsRef, { blocks, text: source.text, structureKey, showTimestamps, numbers }, onBuilt);
  // After the rebuild, so that new codings are painted once, on the new runs.
  useLayoutEffect(repaint, [paintInput, repaint]);

  // Lines rewrap when the width changes, which moves every stripe and the caret.
  const onRewrap = useCallback(() => {
    schedule();
    draw();
  }, [schedule, draw]);
  useResize(textRef, onRewrap);
  useFocusPassage(focusRange, { viewRef, runsRef, index, flash, caret });

  const laneCount = Math.max(lanes.count, 1);
  // Lanes as wide as the longest label of a code shown, so that every label reads whole.
  const lane = useMemo(() => {
    const labels = new Set<string>();
    for (const c of shown) {
      const code = codes.get(c.codeId);
      if (code) labels.add(stripeLabel(code));
    }
    return laneWidth(labels);
  }, [shown, codes]);
  const empty = source.text.length === 0;

  return (
    <div ref={viewRef} className="tr-view" data-testid="transcript" data-source-id={source.id}>
      <style ref={styleRef} />
      <div className="tr-grid" style={{ gridTemplateColumns: `minmax(0, 1fr) ${laneCount * lane + 8}px` }}>
        <div
          ref={textRef}
          className="tr-text"
          data-testid="transcript-text"
          role="document"
          tabIndex={0}
          aria-label={t('transcript.label', { name: source.name })}
          aria-describedby={keysId}
          data-active-code={activeCodeId ?? undefined}
          onMouseDown={onMouseDown}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={draw}
          onMouseMove={onMouseMove}
          onMouseLeave={onMouseLeave}
        />
        <StripeMargin ref={columnRef} stripes={stripes} laneWidth={lane} activeCodeId={activeCodeId} onCodingActivate={onCodingActivate} />
      </div>
      <div ref={caretRef} className="tr-caret" aria-hidden="true" hidden />
      <div ref={hintRef} className="tr-key-hint" aria-hidden="true" hidden>
        {t('transcript.codeHint')}
      </div>
      <span id={keysId} className="visually-hidden">
        {t('transcript.keys')}
      </span>
      {empty && <p className="tr-empty">{t('transcript.empty')}</p>}
      {tooltip && initial && (
        <CodingTooltip ref={boxRef} ids={tooltip.ids} at={initial} paintInput={paintInput} codes={codes} coders={coders} memoOf={memoOf} />
      )}
    </div>
  );
}
