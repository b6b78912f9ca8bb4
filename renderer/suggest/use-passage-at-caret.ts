// Which passage the suggestions are for: the selection when there is one, else the turn (or the
// paragraph) under the caret, or the next one when the caret is on a heading. Read from the DOM selection as it changes; a selection elsewhere on
// the page (a field, a panel) keeps the last passage, so clicking a suggestion does not lose it.
import { type RefObject, useEffect, useMemo, useState } from 'react';
import type { Source } from '../../model/types.ts';
import { OffsetIndex } from '../../text/offsets.ts';
import { passagesOf } from '../../text/passages.ts';
import { domPointToUtf16, rangeToCodePoints } from '../transcript/selection.ts';

export type PassageTarget =
  | { kind: 'passage'; sourceId: number; turn: number; start: number; end: number; numbered: 'turn' | 'paragraph'; speaker: string | null }
  | { kind: 'selection'; sourceId: number; start: number; end: number };

export function usePassageAtCaret(body: RefObject<HTMLElement | null>, source: Pick<Source, 'id' | 'text' | 'structure'> | null): PassageTarget | null {
  const [target, setTarget] = useState<PassageTarget | null>(null);
  const layout = useMemo(
    () => (source ? { id: source.id, text: source.text, index: new OffsetIndex(source.text), passages: passagesOf(source.text, source.structure) } : null),
    [source],
  );
  // Another source: nothing chosen in it yet.
  const [forSource, setForSource] = useState(source?.id);
  if (forSource !== source?.id) {
    setForSource(source?.id);
    setTarget(null);
  }
  useEffect(() => {
    if (!layout) return;
    const onChange = () => {
      const root = body.current?.querySelector<HTMLElement>('[data-testid="transcript-text"]');
      const selection = document.getSelection();
      if (!root || !selection || selection.rangeCount === 0 || !selection.focusNode || !root.contains(selection.focusNode)) return;
      const next = targetOf(root, selection, layout);
      setTarget((old) => (sameTarget(old, next) ? old : next));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [body, layout]);
  return target;
}

type Layout = { id: number; text: string; index: OffsetIndex; passages: ReturnType<typeof passagesOf> };

function targetOf(root: HTMLElement, selection: Selection, layout: Layout): PassageTarget | null {
  if (!selection.isCollapsed) {
    const picked = rangeToCodePoints(root, selection.getRangeAt(0), layout.text, layout.index);
    return picked ? { kind: 'selection', sourceId: layout.id, start: picked.start, end: picked.end } : null;
  }
  const at = layout.index.toCodePoint(domPointToUtf16(root, selection.focusNode!, selection.focusOffset, layout.index.utf16Length));
  // On a section heading or between turns: the turn that follows.
  let i = layout.passages.findIndex((p) => at <= p.end);
  if (i < 0) i = layout.passages.length - 1;
  const p = layout.passages[i];
  if (!p) return null;
  return {
    kind: 'passage',
    sourceId: layout.id,
    turn: i + 1,
    start: p.start,
    end: p.end,
    numbered: p.turn !== null ? 'turn' : 'paragraph',
    speaker: p.speaker,
  };
}

function sameTarget(a: PassageTarget | null, b: PassageTarget | null): boolean {
  return a === b || (!!a && !!b && a.kind === b.kind && a.sourceId === b.sourceId && a.start === b.start && a.end === b.end);
}
