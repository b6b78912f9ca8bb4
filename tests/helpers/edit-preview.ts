import type { StructureSegment } from '../../model/types.ts';
import type { SourceEditEffect } from '../../service/edit-source.ts';

/**
 * The structure a source-edit preview announces: the old structure with the preview's shifts
 * applied (moved, renamed, removed) and its added turns (none with a timestamp), in position order.
 * Saving the edit must leave exactly this.
 */
export function announcedStructure(before: readonly StructureSegment[], preview: SourceEditEffect): StructureSegment[] {
  const byId = new Map(preview.structure.filter((s) => s.id !== null).map((s) => [s.id!, s]));
  const kept = before.flatMap((seg, i): StructureSegment[] => {
    const s = byId.get(i);
    if (!s) return [seg];
    if (!s.after) return [];
    const moved = { ...seg, ...s.after };
    if (s.newLabel === undefined) return [moved];
    return [moved.kind === 'turn' ? { ...moved, speaker: s.newLabel } : { ...moved, heading: s.newLabel }];
  });
  const added = preview.structure
    .filter((s) => s.change === 'added')
    .map((s): StructureSegment => ({ kind: 'turn', start: s.after!.start, end: s.after!.end, speaker: s.label, timestampMs: null }));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}
