// Codings as PlainTextSelections: a selection read from a file is written back whole while its
// codings still share its range and description; anything else gets a selection of its own.
import { describe, expect, it } from 'vitest';
import { selectionGuid, selectionsOf } from '../../../exchange/refi/selections.ts';
import type { SnapshotCoding } from '../../../exchange/refi/snapshot.ts';

const SEL = 'd0000000-0000-4000-8000-00000000000a';
const coding = (n: number, extra: Partial<SnapshotCoding> = {}): SnapshotCoding => ({
  guid: `e0000000-0000-4000-8000-00000000000${n}`,
  sourceGuid: 's',
  codeGuid: `code-${n}`,
  start: 10,
  end: 20,
  coderGuid: 'u',
  memo: 'Repas partagés',
  selectionGuid: SEL,
  ...extra,
});

describe('selections written for codings', () => {
  it('writes codings read from one selection back as that selection', () => {
    const out = selectionsOf([coding(1), coding(2), coding(3)]);
    expect(out.map((s) => [s.guid, s.codings.length, s.memo])).toEqual([[SEL, 3, 'Repas partagés']]);
  });

  it('gives a coding whose range or memo changed a selection of its own, never a GUID twice', () => {
    const moved = coding(2, { end: 21 });
    const redescribed = coding(3, { memo: 'Autre lecture' });
    const own = coding(4, { selectionGuid: undefined, memo: null });
    const out = selectionsOf([coding(1), moved, redescribed, own]);
    expect(out.map((s) => s.guid)).toEqual([SEL, selectionGuid(moved.guid), selectionGuid(redescribed.guid), selectionGuid(own.guid)]);
    expect(out[0]!.codings).toHaveLength(1);
  });

  it('does not reuse a selection GUID already written for another source', () => {
    const taken = new Set<string>();
    const first = selectionsOf([coding(1)], taken);
    const second = selectionsOf([coding(2, { sourceGuid: 't' })], taken);
    expect(first[0]!.guid).toBe(SEL);
    expect(second[0]!.guid).toBe(selectionGuid(coding(2).guid));
  });
});
