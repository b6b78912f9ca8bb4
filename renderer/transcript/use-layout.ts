// What the view draws, derived from its props: the source's lines cut into runs at coding
// boundaries, the codings shown (blind coding hides some), their paint input and stripe lanes.
// Recomputed only when what it depends on changes, so hovering or selecting costs nothing here.
import { useMemo } from 'react';
import type { Coding, Source } from '../../model/types.ts';
import { OffsetIndex } from '../../text/offsets.ts';
import { layoutTranscript } from './layout.ts';
import { blockNumbers } from './numbers.ts';
import { type CodeLook, isVisible, type PaintInput } from './paint.ts';
import { stripeLanes } from './stripes.ts';

export interface LayoutInput {
  source: Source;
  codings: Coding[];
  codes: ReadonlyMap<number, CodeLook>;
  hiddenCoderIds?: ReadonlySet<number> | undefined;
  activeCodeId?: number | null | undefined;
}

export function useTranscriptLayout({ source, codings, codes, hiddenCoderIds, activeCodeId }: LayoutInput) {
  const index = useMemo(() => new OffsetIndex(source.text), [source.text]);
  // A source fetched again is a new object with the same structure: compare by value, so that
  // reloading it does not rebuild the whole editor state.
  const structureKey = useMemo(() => JSON.stringify(source.structure), [source.structure]);
  const structure = useMemo(() => JSON.parse(structureKey) as Source['structure'], [structureKey]);
  const blocks = useMemo(() => layoutTranscript(source.text, structure, codings, index), [source.text, structure, codings, index]);
  const codingById = useMemo(() => new Map(codings.map((c) => [c.id, c])), [codings]);
  const paintInput = useMemo<PaintInput>(
    () => ({ codings: codingById, codes, hiddenCoderIds, activeCodeId }),
    [codingById, codes, hiddenCoderIds, activeCodeId],
  );
  const shown = useMemo(() => codings.filter((c) => isVisible(c, paintInput)), [codings, paintInput]);
  const blockStarts = useMemo(() => blocks.map((b) => b.start), [blocks]);
  const lanes = useMemo(() => stripeLanes(shown, blockStarts), [shown, blockStarts]);
  const numbers = useMemo(() => blockNumbers(source.text, blockStarts, index), [source.text, blockStarts, index]);
  return { index, structureKey, blocks, paintInput, shown, lanes, numbers };
}
