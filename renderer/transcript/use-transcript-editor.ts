// The Lexical editor behind the text, read-only: its state is built from the laid-out lines
// (build.ts) in one synchronous update, then the DOM it rendered is indexed (RunIndex) so that
// painting, stripes, the mark and the caret work on it at once, in the same frame.
import { type RefObject, useLayoutEffect, useMemo, useRef } from 'react';
import { type Built, createTranscriptEditor, renderBlocks } from './build.ts';
import type { Block } from './layout.ts';
import { numberLines } from './numbers.ts';
import { RunIndex } from './paint.ts';

export interface EditorInput {
  blocks: Block[];
  text: string;
  /** The source's structure as a string: equal structures rebuild nothing. */
  structureKey: string;
  showTimestamps: boolean;
  /** The § number of each block (numbers.ts). */
  numbers: ReadonlyArray<number | null>;
}

/**
 * Keeps the editor state in step with `input`, sets `runsRef` to the index of the rendered runs
 * and then calls `onBuilt`, which must keep its identity (a new one rebuilds).
 */
export function useTranscriptEditor(
  textRef: RefObject<HTMLElement | null>,
  runsRef: RefObject<RunIndex | null>,
  { blocks, text, structureKey, showTimestamps, numbers }: EditorInput,
  onBuilt: () => void,
) {
  const editor = useMemo(() => createTranscriptEditor(), []);
  const built = useRef<Built | null>(null);

  useLayoutEffect(() => {
    editor.setRootElement(textRef.current);
    return () => editor.setRootElement(null);
  }, [editor, textRef]);

  useLayoutEffect(() => {
    built.current = renderBlocks(editor, blocks, text, structureKey, showTimestamps, built.current);
    const prev = runsRef.current;
    const rebuiltLines = built.current.rebuilt;
    // After a coding only its lines are new: the index reads those again and keeps the rest.
    runsRef.current = textRef.current ? new RunIndex(textRef.current, prev && rebuiltLines ? { prev, rebuiltLines } : undefined) : null;
    if (runsRef.current) numberLines(runsRef.current.lines, numbers);
    onBuilt();
  }, [editor, textRef, runsRef, blocks, text, structureKey, showTimestamps, numbers, onBuilt]);
}
