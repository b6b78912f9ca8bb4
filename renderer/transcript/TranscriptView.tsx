// The transcript of one source, read-only, with its codings highlighted. Built on Lexical: the
// whole editor state is built in one update when the source changes; when only the codings
// change, the lines whose runs changed are rebuilt in one update. Highlight colours, the active
// code, hover and hidden coders are painted on the DOM (paint.ts), never through the editor; so are
// the passage opened from a search (highlight.ts) and the keyboard caret (keyboard.ts).
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { $getNodeByKey, $getRoot, createEditor, type ElementNode, type LexicalEditor, type NodeKey } from 'lexical';
import {
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Code, Coder, Coding, Source } from '../../model/types.ts';
import { OffsetIndex } from '../../text/offsets.ts';
import { useT } from '../i18n/lang-context.tsx';
import { markRange } from './highlight.ts';
import {
  applyCaretMove,
  caretMove,
  focusRect,
  scrollToCentre,
  scrollToShow,
  selectAll,
  selectionInside,
} from './keyboard.ts';
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
import { domPointOf, domPointToUtf16, rangeOfUtf16, rangeToCodePoints, type Runs } from './selection.ts';
import { measureStripes, sameStripes, type Stripe, stripeLanes } from './stripes.ts';
import './transcript.css';

export interface TranscriptSelection {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Where the code picker anchors: the selection's box, or the line of its focus end when the
   *  selection does not fit in view. */
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
  /** Scrolled to and marked exactly, for a moment, whenever it changes. */
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

/** The part of `el` inside the window, vertically. */
function visibleBand(el: HTMLElement): { top: number; bottom: number } {
  const box = el.getBoundingClientRect();
  return { top: Math.max(box.top, 0), bottom: Math.min(box.bottom, window.innerHeight) };
}

/**
 * Where the code picker should anchor for `range`: its box when it is all in view; otherwise
 * (select all, a drag that scrolled) the line where the selection ends, if in view, or else the
 * part of the selection in view.
 */
function anchorRect(range: Range, selection: Selection, view: HTMLElement): DOMRect {
  if (typeof range.getBoundingClientRect !== 'function') return new DOMRect();
  const whole = range.getBoundingClientRect();
  const band = visibleBand(view);
  if (whole.top >= band.top && whole.bottom <= band.bottom) return whole;
  const focus = focusRect(selection);
  if (focus && focus.top >= band.top && focus.bottom <= band.bottom) return focus;
  const top = Math.max(whole.top, band.top);
  const bottom = Math.min(whole.bottom, band.bottom);
  return bottom > top ? new DOMRect(whole.left, top, whole.width, bottom - top) : whole;
}

/** The nearest element, from `el` up, that scrolls vertically. */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    if (e.scrollHeight > e.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(e).overflowY)) return e;
  }
  return null;
}

/** Without the Custom Highlight API: the runs holding the passage flash instead. */
function flashRuns(runs: Runs, from: number, to: number): () => void {
  const flashed: HTMLElement[] = [];
  for (let i = runs.at(from); i >= 0 && i < runs.els.length && (runs.starts[i]! < to || flashed.length === 0); i++) {
    flashed.push(runs.els[i]!);
  }
  for (const el of flashed) el.classList.add('tr-flash');
  return () => flashed.forEach((el) => el.classList.remove('tr-flash'));
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
  const caretRef = useRef<HTMLDivElement>(null);
  const hintRef = useRef<HTMLDivElement>(null);
  /** UTF-16 offset of the caret (the selection's focus end), kept across rebuilds and blurs. */
  const caretAt = useRef<number | null>(null);
  /** The passage being marked: marked again when its lines are rebuilt (its codings loaded). */
  const flashRef = useRef<{ from: number; to: number; unmark: (() => void) | null } | null>(null);
  const keysId = useId();

  const index = useMemo(() => new OffsetIndex(source.text), [source.text]);
  const indexRef = useRef(index);
  indexRef.current = index;
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

  /** Draws the caret at the selection's focus end while the text has the focus (the browser
   *  draws none in text that is not editable), and the hint to code a selection. */
  const drawCaret = useCallback(() => {
    const root = textRef.current;
    const view = viewRef.current;
    const caret = caretRef.current;
    const hint = hintRef.current;
    if (!root || !view || !caret || !hint) return;
    const selection = root.ownerDocument.getSelection();
    const inside = selectionInside(root, selection);
    if (inside) caretAt.current = domPointToUtf16(root, selection.focusNode!, selection.focusOffset, indexRef.current.utf16Length);
    const rect = inside && root.ownerDocument.activeElement === root ? focusRect(selection) : null;
    caret.hidden = !rect;
    hint.hidden = !rect || selection!.isCollapsed;
    if (!rect) return;
    const box = view.getBoundingClientRect();
    const top = rect.top - box.top + view.scrollTop;
    const left = rect.left - box.left + view.scrollLeft;
    caret.style.top = `${top}px`;
    caret.style.left = `${left}px`;
    caret.style.height = `${rect.height}px`;
    hint.style.top = `${top + rect.height + 2}px`;
    hint.style.left = `${left}px`;
  }, []);

  useEffect(() => {
    document.addEventListener('selectionchange', drawCaret);
    return () => document.removeEventListener('selectionchange', drawCaret);
  }, [drawCaret]);

  /** Marks the passage of flashRef on the current DOM; returns its range. */
  const markFlash = useCallback((): Range | null => {
    const flash = flashRef.current;
    const runs = runsRef.current;
    if (!flash || !runs) return null;
    flash.unmark?.();
    const range = rangeOfUtf16(runs, flash.from, flash.to);
    flash.unmark = range ? (markRange(range) ?? flashRuns(runs, flash.from, flash.to)) : null;
    return range;
  }, []);

  // Another source: the caret starts afresh (a hit opened in it sets it again just after).
  useLayoutEffect(() => {
    caretAt.current = null;
  }, [source.id]);

  useLayoutEffect(() => {
    builtRef.current = renderBlocks(editor, blocks, source.text, structureKey, showTimestamps, builtRef.current);
    const runs = textRef.current ? new RunIndex(textRef.current) : null;
    runsRef.current = runs;
    hoveredRef.current = [];
    repaint();
    // Rebuilt lines have new text nodes: put back the mark and a caret that was in them.
    if (flashRef.current) markFlash();
    const root = textRef.current;
    const selection = root?.ownerDocument.getSelection();
    if (root && runs && caretAt.current !== null && root.ownerDocument.activeElement === root && (!selection || selection.isCollapsed)) {
      const point = domPointOf(runs, Math.min(caretAt.current, source.text.length));
      if (point) selection?.collapse(point.node, point.offset);
    }
    drawCaret();
  }, [editor, blocks, source.text, structureKey, showTimestamps, repaint, markFlash, drawCaret]);

  useLayoutEffect(repaint, [paintInput, repaint]);

  useEffect(() => {
    const el = textRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // Lines rewrap when the width changes, which moves every stripe.
    const observer = new ResizeObserver(() => {
      scheduleStripes();
      drawCaret();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [scheduleStripes, drawCaret]);

  // Scroll to and mark a passage (a search hit, an excerpt opened from retrieval): exactly its
  // characters, not the runs around them, which can be whole paragraphs.
  useEffect(() => {
    const runs = runsRef.current;
    if (!focusRange || !runs || runs.els.length === 0) return;
    const clamp = (p: number) => Math.max(0, Math.min(p, index.codePointLength));
    const from = index.toUtf16(clamp(focusRange.start));
    const to = index.toUtf16(clamp(Math.max(focusRange.end, focusRange.start)));
    flashRef.current = { from, to, unmark: null };
    // The keyboard caret starts there when the reader comes to the text.
    caretAt.current = from;
    const range = markFlash();
    const scroller = viewRef.current && scrollerOf(viewRef.current);
    if (range && scroller && typeof range.getBoundingClientRect === 'function') scrollToCentre(scroller, range.getBoundingClientRect());
    else runs.els[runs.at(from)]?.scrollIntoView?.({ block: 'center' });
    const end = () => {
      flashRef.current?.unmark?.();
      flashRef.current = null;
    };
    const timer = setTimeout(end, FLASH_MS);
    return () => {
      clearTimeout(timer);
      end();
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
      onSelect({ ...passage, rect: viewRef.current ? anchorRect(range, selection, viewRef.current) : new DOMRect() });
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

  /** Puts the caret where it last was if that is in view, else at the start of the first line in view. */
  const placeCaret = (root: HTMLElement, selection: Selection) => {
    const runs = runsRef.current;
    const view = viewRef.current;
    if (!runs || !view) return;
    const band = visibleBand(view);
    const inView = (rect: DOMRect | null) => !!rect && rect.top >= band.top && rect.bottom <= band.bottom;
    const last = caretAt.current === null ? null : domPointOf(runs, caretAt.current);
    if (last) {
      selection.collapse(last.node, last.offset);
      if (inView(focusRect(selection))) return;
    }
    // The first line whose bottom is in view (lines are in order down the page).
    let lo = 0;
    let hi = runs.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (runs.lines[mid]!.getBoundingClientRect().bottom > band.top + 4) hi = mid;
      else lo = mid + 1;
    }
    const line = runs.lines[lo];
    const box = line?.getBoundingClientRect();
    // Its first row in view: the end of that row, then back to its start.
    const point = box && caretFromPoint(root.ownerDocument, box.right - 2, Math.max(box.top, band.top) + 8);
    if (point && root.contains(point.node)) {
      selection.collapse(point.node, point.offset);
      selection.modify?.('move', 'backward', 'lineboundary');
      return;
    }
    const first = domPointOf(runs, line ? Number(line.querySelector<HTMLElement>('[data-u16]')?.dataset.u16 ?? 0) : 0);
    if (first) selection.collapse(first.node, first.offset);
  };

  const onFocus = () => {
    const root = textRef.current;
    const selection = root?.ownerDocument.getSelection();
    // A click places its own caret; the keyboard (Tab, or back from the code picker) needs one.
    if (root && selection && !dragging.current && !selectionInside(root, selection)) placeCaret(root, selection);
    drawCaret();
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const root = textRef.current;
    const view = viewRef.current;
    const selection = root?.ownerDocument.getSelection();
    if (!root || !view || !selection) return;
    const modified = event.ctrlKey || event.metaKey || event.altKey;
    if (event.key === 'Enter' && !modified && !event.shiftKey) {
      // The keyboard's mouse-up: the picker opens on the selected passage.
      if (selectionInside(root, selection) && !selection.isCollapsed) {
        event.preventDefault();
        readSelection(event.nativeEvent);
      }
      return;
    }
    if (event.key === 'Escape' && selectionInside(root, selection) && !selection.isCollapsed) {
      event.preventDefault();
      selection.collapse(selection.focusNode!, selection.focusOffset);
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selectAll(root, selection);
      drawCaret();
      return;
    }
    const move = caretMove(event);
    if (!move) return;
    event.preventDefault();
    if (!selectionInside(root, selection)) placeCaret(root, selection);
    if (!selectionInside(root, selection)) return;
    applyCaretMove(root, selection, move);
    const rect = focusRect(selection);
    if (rect) scrollToShow(scrollerOf(view) ?? view, rect);
    drawCaret();
  };

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
          aria-describedby={keysId}
          aria-readonly="true"
          data-active-code={activeCodeId ?? undefined}
          onMouseDown={(e) => {
            if (e.button === 0) dragging.current = true;
          }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={drawCaret}
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
      <div ref={caretRef} className="tr-caret" aria-hidden="true" hidden />
      <div ref={hintRef} className="tr-key-hint" aria-hidden="true" hidden>
        {t('transcript.codeHint')}
      </div>
      <span id={keysId} className="visually-hidden">
        {t('transcript.keys')}
      </span>
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
