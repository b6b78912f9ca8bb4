// Blind double coding: while a team measures agreement, each coder reads a source without the
// others' codings, so the second reading is not anchored on the first (as service/blind-coding.ts).
import type { Coder } from '../../../model/types.ts';

/** The coders whose codings the reading view hides: everyone but me when blind, nobody otherwise. */
export function hiddenCoders(coders: readonly Pick<Coder, 'id'>[], me: Pick<Coder, 'id'>, blind: boolean): ReadonlySet<number> | undefined {
  if (!blind) return undefined;
  return new Set(coders.filter((c) => c.id !== me.id).map((c) => c.id));
}
