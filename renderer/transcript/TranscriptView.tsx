// The transcript of one source, read-only, with its codings highlighted. Built on Lexical: the
// whole editor state is built in one update when the source changes; when only the codings
// change, the lines whose runs changed are rebuilt in one update. Highlight colours, the active
// code, hover and hidden coders are painted on the DOM (paint.ts), never through the editor.
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { $getNodeByKey, $getRoot, createEditor, type ElementNode, type LexicalEditor, type NodeKey } from 'lexical';
import {
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Code, Coder, Coding, Source } from '../../model/types.ts';
import { OffsetIndex } from '../../text/offsets.ts';
import { useT } from '../i18n/lang-context.tsx';
import { type Block, formatTimestamp, layoutTranscript } from './layout.ts';
import { $createTranscriptLineNode, $createTranscriptRunNode, TranscriptLineNode, TranscriptRunNode } from './nodes.ts';
import {
  type CodeLook,
  codingIdsOf,
  isVisible,
  lookStyles,
  type PaintInput,
  paintRuns,
  RunIndex,
  visibleCodings,
} from './paint.ts';
import { rangeToCodePoints } from './selection.ts';
import { measureStripes, sameStripes, type Stripe, stripeLanes } from './stripes.ts';
import './transcript.css';

export interface TranscriptSelection {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  rect: DOMRect;
}

export interface TranscriptViewProps {
  source: Source;
  codings: Coding[];
  codes: ReadonlyMap<number, Pick<Code, 'id' | 'name' | 'color' | 'abbrev'>>;
  coders: ReadonlyMap<number, Coder>;
  memoOf?: (codingId: number) => string | null;
  /** Blind coding: these coders' codings are not shown. */
  hiddenCoderIds?: ReadonlySet<number>;
  /** Scrolled to and flashed whenever it changes. */
  focusRange?: { start: number; end: number } | null;
  /** Passages of this code are emphasised. */
  activeCodeId?: number | null;
  /** Show turn timestamps in the gutter (default true). */
  showTimestamps?: boolean;
  onSelect(range: TranscriptSelection | null): void;
  onCodingActivate?(codingId: number): void;
}

/** The rendered pieces of each line, to rebuild only the lines whose codings changed. */
interface Built {
  text: string;
  structureKey: string;
  showTimestamps: boolean;
  signatures: string[];
  keys: NodeKey[];
}

const STRIPE_LANE_WIDTH = 18;
const FLASH_MS = 1600;

const signature = (b: Block) => b.pieces.map((p) => `${p.start}-${p.end}:${p.ids.join(',')}`).join('|');

function $appendPieces(node: ElementNode, block: Block, text: string): void {
  node.append(
    ...block.pieces.map((p) => $createTranscriptRunNode(text.slice(p.u16Start, p.u16End), p.ids, p.u16Start, p.speaker)),
  );
}

function $createBlockNode(block: Block, text: string, showTimestamps: boolean): ElementNode {
  const node =
    block.kind === 'heading'
      ? $createHeadingNode(`h${block.level}` as 'h1')
      : $createTranscriptLineNode({
          speaker: block.speaker,
          turn: block.turn,
          turnStart: block.turnStart,
          time: showTimestamps && block.timestampMs !== null ? formatTimestamp(block.timestampMs) : null,
        });
  $appendPieces(node, block, text);
  return node;
}

/** Builds the editor state for `blocks`, or patches the lines that changed since `prev`. */
function renderBlocks(
  editor: LexicalEditor,
  blocks: Block[],
  text: string,
  structureKey: string,
  showTimestamps: boolean,
  prev: Built | null,
): Built {
  const signatures = blocks.map(signature);
  const reuse =
    prev !== null &&
    prev.text === text &&
    prev.structureKey === structureKey &&
    prev.showTimestamps === showTimestamps &&
    prev.keys.length === blocks.length;
  let keys: NodeKey[] = reuse ? prev.keys : [];
  editor.update(
    () => {
      if (reuse) {
        blocks.forEach((block, i) => {
          if (signatures[i] === prev.signatures[i]) return;
          const node = $getNodeByKey<ElementNode>(prev.keys[i]!);
          if (!node) return;
          node.clear();
          $appendPieces(node, block, text);
        });
        return;
      }
      const root = $getRoot();
      root.clear();
      keys = blocks.map((block) => {
        const node = $createBlockNode(block, text, showTimestamps);
        root.append(node);
        return node.getKey();
      });
    },
    // Synchronous, so the DOM can be indexed and painted right after.
    { discrete: true },
  );
  return { text, structureKey, showTimestamps, signatures, keys };
}

const raf: (f: () => void) => number =
  typeof requestAnimationFrame === 'function' ? (f) => requestAnimationFrame(f) : (f) => setTimeout(f, 16) as unknown as number;
const cancelRaf: (id: number) => void =
  typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

/** The DOM point under a window position (caretPositionFromPoint, or Chromium's older API). */
function caretFromPoint(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

export function TranscriptView(props: TranscriptViewProps) {
  const { source, codings, codes, coders, memoOf, hiddenCoderIds, focusRange, activeCodeId, onSelect, onCodingActivate } =
    props;
  const showTimestamps = props.showTimestamps ?? true;
  const t = useT();

  const editor = useMemo(
    () =>
      createEditor({
        namespace: 'tresse-transcript',
        nodes: [TranscriptLineNode, TranscriptRunNode, HeadingNode],
        editable: false,
        theme: { paragraph: 'tr-p', heading: { h1: 'tr-h1', h2: 'tr-h2', h3: 'tr-h3', h4: 'tr-h4', h5: 'tr-h5', h6: 'tr-h6' } },
        onError: (error) => {
          throw error;
        },
      }),
    [],
  );
  const viewRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const builtRef = useRef<Built | null>(null);
  const runsRef = useRef<RunIndex | null>(null);
  const styleRef = useRef<HTMLStyleElement>(null);
  const paintedRef = useRef<{ runs: RunIndex | null; input: PaintInput | null }>({ runs: null, input: null });
  const [stripes, setStripes] = useState<Stripe[]>([]);
  const [tooltip, setTooltip] = useState<{ ids: number[]; x: number; y: number } | null>(null);
  const hoveredRef = useRef<HTMLElement[]>([]);

  const index = useMemo(() => new OffsetIndex(source.text), [source.text]);
  // A source fetched again is a new object with the same structure: compare by value.
  const structureKey = useMemo(() => JSON.stringify(source.structure), [source.structure]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structure = useMemo(() => source.structure, [structureKey]);
  const blocks = useMemo(
    () => layoutTranscript(source.text, structure, codings, index),
    [source.text, structure, codings, index],
  );
  const codingById = useMemo(() => new Map(codings.map((c) => [c.id, c])), [codings]);
  const paintInput = useMemo<PaintInput>(
    () => ({ codings: codingById, codes: codes as ReadonlyMap<number, CodeLook>, hiddenCoderIds, activeCodeId }),
    [codingById, codes, hiddenCoderIds, activeCodeId],
  );
  const paintRef = useRef(paintInput);
  paintRef.current = paintInput;

  const shown = useMemo(() => codings.filter((c) => isVisible(c, paintInput)), [codings, paintInput]);
  const blockStarts = useMemo(() => blocks.map((b) => b.start), [blocks]);
  const lanes = useMemo(() => stripeLanes(shown, blockStarts), [shown, blockStarts]);
  const stripeInput = useRef({ blocks, shown, lanes, index, codes, coders });
  stripeInput.current = { blocks, shown, lanes, index, codes, coders };

  useLayoutEffect(() => {
    editor.setRootElement(textRef.current);
    return () => editor.setRootElement(null);
  }, [editor]);

  // Stripes are measured from the laid-out DOM, at most once per frame, for the lines in view
  // and one screen above and below.
  const frame = useRef(0);
  const scheduleStripes = useCallback(() => {
    if (frame.current) return;
    frame.current = raf(() => {
      frame.current = 0;
      const runs = runsRef.current;
      const column = columnRef.current;
      const view = viewRef.current;
      if (!runs || !column || !view) return;
      const box = view.getBoundingClientRect();
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, window.innerHeight);
      const margin = Math.max(bottom - top, 400);
      const { blocks, shown, lanes, index, codes, coders } = stripeInput.current;
      const next = measureStripes({
        runs,
        column,
        band: { top: top - margin, bottom: bottom + margin },
        blocks,
        codings: shown,
        lanes: lanes.lanes,
        index,
        codes: codes as ReadonlyMap<number, CodeLook>,
        coders,
      });
      setStripes((prev) => (sameStripes(prev, next) ? prev : next));
    });
  }, []);
  // Reset too: React's StrictMode unmounts and remounts, and a stale id would block every re-measure.
  useEffect(
    () => () => {
      cancelRaf(frame.current);
      frame.current = 0;
    },
    [],
  );

  useEffect(() => {
    // Whichever element scrolls (this view or a panel around it), new lines come into view.
    const onScroll = () => scheduleStripes();
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [scheduleStripes]);
  useEffect(scheduleStripes, [lanes, coders, scheduleStripes]);

  /** Paints the current runs with the current props, once per change of either. */
  const repaint = useCallback(() => {
    const runs = runsRef.current;
    const input = paintRef.current;
    if (!runs || (paintedRef.current.runs === runs && paintedRef.current.input === input)) return;
    paintedRef.current = { runs, input };
    const css = lookStyles(paintRuns(runs, input), input.codes);
    if (styleRef.current && styleRef.current.textContent !== css) styleRef.current.textContent = css;
    scheduleStripes();
  }, [scheduleStripes]);

  useLayoutEffect(() => {
    builtRef.current = renderBlocks(editor, blocks, source.text, structureKey, showTimestamps, builtRef.current);
    runsRef.current = textRef.current ? new RunIndex(textRef.current) : null;
    hoveredRef.current = [];
    repaint();
  }, [editor, blocks, source.text, structureKey, showTimestamps, repaint]);

  useLayoutEffect(repaint, [paintInput, repaint]);

  useEffect(() => {
    const el = textRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // Lines rewrap when the width changes, which moves every stripe.
    const observer = new ResizeObserver(() => scheduleStripes());
    observer.observe(el);
    return () => observer.disconnect();
  }, [scheduleStripes]);

  // Scroll to and flash a passage (a search hit, an excerpt opened from retrieval).
  useEffect(() => {
    const runs = runsRef.current;
    if (!focusRange || !runs || runs.els.length === 0) return;
    const clamp = (p: number) => Math.max(0, Math.min(p, index.codePointLength));
    const from = index.toUtf16(clamp(focusRange.start));
    const to = index.toUtf16(clamp(Math.max(focusRange.end, focusRange.start)));
    const flashed: HTMLElement[] = [];
    for (let i = runs.at(from); i >= 0 && i < runs.els.length && (runs.starts[i]! < to || flashed.length === 0); i++) {
      flashed.push(runs.els[i]!);
    }
    flashed[0]?.scrollIntoView?.({ block: 'center' });
    for (const el of flashed) el.classList.add('tr-flash');
    const timer = setTimeout(() => flashed.forEach((el) => el.classList.remove('tr-flash')), FLASH_MS);
    return () => {
      clearTimeout(timer);
      flashed.forEach((el) => el.classList.remove('tr-flash'));
    };
    // Only a new focus range flashes: a rebuild after a new coding must not flash it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRange]);

  const readSelection = useCallback(
    (event: { type: string; target: EventTarget | null }) => {
      const root = textRef.current;
      const selection = root?.ownerDocument.getSelection();
      if (!root || !selection) return;
      if (selection.rangeCount === 0 || selection.isCollapsed) {
        onSelect(null);
        if (event.type === 'mouseup' && onCodingActivate) {
          const target = (event.target as Element | null)?.closest?.('[data-visible-ids]');
          const hit = target ? visibleCodings(codingIdsOf(target), paintRef.current) : [];
          // The innermost coding: the one a click most likely aims at.
          hit.sort((a, b) => a.end - a.start - (b.end - b.start));
          if (hit[0]) onCodingActivate(hit[0].id);
        }
        return;
      }
      if (event instanceof MouseEvent && !(event.target instanceof Node && root.contains(event.target))) {
        // Released beside the text (in the margin, below the end): the browser may have extended
        // the selection to the end of the source. End it at the nearest point of the text under
        // the pointer, as a text editor does.
        const box = root.getBoundingClientRect();
        const x = Math.min(Math.max(event.clientX, box.left + 1), box.right - 1);
        const y = Math.min(Math.max(event.clientY, box.top + 1), box.bottom - 1);
        const point = caretFromPoint(root.ownerDocument, x, y);
        if (point && root.contains(point.node)) selection.extend(point.node, point.offset);
      }
      const range = selection.getRangeAt(0);
      if (!range.intersectsNode(root)) return;
      const passage = rangeToCodePoints(root, range, source.text, index);
      if (!passage) {
        onSelect(null);
        return;
      }
      const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : new DOMRect();
      onSelect({ ...passage, rect });
    },
    [onSelect, onCodingActivate, source.text, index],
  );

  // A drag that starts in the text may end anywhere (in the margin, past the window's edge): the
  // button is released outside, so listen on the document until it is.
  const dragging = useRef(false);
  useEffect(() => {
    const onUp = (event: MouseEvent) => {
      if (!dragging.current) return;
      dragging.current = false;
      readSelection(event);
    };
    document.addEventListener('mouseup', onUp);
    return () => document.removeEventListener('mouseup', onUp);
  }, [readSelection]);

  const clearHover = () => {
    for (const el of hoveredRef.current) el.classList.remove('tr-hover');
    hoveredRef.current = [];
  };

  const onMouseMove = (event: ReactMouseEvent) => {
    const target = (event.target as Element).closest?.('[data-visible-ids]') as HTMLElement | null;
    const key = target?.getAttribute('data-visible-ids') ?? '';
    if (key === (tooltip?.ids.join(' ') ?? '')) return;
    clearHover();
    if (!target || !key) {
      setTooltip(null);
      return;
    }
    const ids = key.split(' ').map(Number);
    const runs = runsRef.current;
    for (const id of ids) for (const el of runs?.byCoding.get(id) ?? []) hoveredRef.current.push(el);
    for (const el of hoveredRef.current) el.classList.add('tr-hover');
    setTooltip({ ids, x: event.clientX, y: event.clientY });
  };

  const onMouseLeave = () => {
    clearHover();
    setTooltip(null);
  };

  const laneCount = Math.max(lanes.count, 1);
  const empty = source.text.length === 0;

  return (
    <div ref={viewRef} className="tr-view" data-testid="transcript" data-source-id={source.id}>
      <style ref={styleRef} />
      <div className="tr-grid" style={{ gridTemplateColumns: `minmax(0, 1fr) ${laneCount * STRIPE_LANE_WIDTH + 8}px` }}>
        <div
          ref={textRef}
          className="tr-text"
          data-testid="transcript-text"
          role="document"
          tabIndex={0}
          aria-label={t('transcript.label', { name: source.name })}
          aria-readonly="true"
          data-active-code={activeCodeId ?? undefined}
          onMouseDown={(e) => {
            if (e.button === 0) dragging.current = true;
          }}
          onKeyUp={(e: ReactKeyboardEvent) => readSelection(e)}
          onMouseMove={onMouseMove}
          onMouseLeave={onMouseLeave}
        />
        <div ref={columnRef} className="tr-stripes" aria-label={t('transcript.stripes')}>
          {stripes.map((s) => (
            <button
              type="button"
              key={s.codingId}
              className={`tr-stripe${activeCodeId === s.codeId ? ' tr-stripe-active' : ''}${s.clippedTop ? ' tr-stripe-open-top' : ''}`}
              data-coding-id={s.codingId}
              style={{ top: s.top, height: s.height, left: s.lane * STRIPE_LANE_WIDTH, borderLeftColor: s.color }}
              title={s.title}
              aria-label={t('transcript.openCoding', { code: s.title })}
              onClick={() => onCodingActivate?.(s.codingId)}
            >
              <span className="tr-stripe-label">{s.label}</span>
            </button>
          ))}
        </div>
      </div>
      {empty && <p className="tr-empty">{t('transcript.empty')}</p>}
      {tooltip && (
        <div className="tr-tooltip" role="tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 16 }}>
          <ul>
            {visibleCodings(tooltip.ids, paintInput).map((coding) => {
              const code = codes.get(coding.codeId)!;
              const coder = coders.get(coding.coderId);
              const memo = memoOf ? memoOf(coding.id) : coding.memo;
              return (
                <li key={coding.id}>
                  <span className="tr-swatch" style={{ background: code.color }} />
                  <strong>{code.abbrev ? `${code.abbrev} · ${code.name}` : code.name}</strong>
                  {coding.valence && <span className="tr-valence"> {t(`transcript.valence.${coding.valence}`)}</span>}
                  {coder && <span className="tr-coder"> {t('transcript.coder', { name: coder.name })}</span>}
                  {memo && <div className="tr-memo">{t('transcript.memo', { text: memo })}</div>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
