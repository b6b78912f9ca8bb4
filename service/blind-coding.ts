// Blind double coding: while a team measures agreement, each coder codes a source without seeing
// the others' codings, so the second reading is not anchored on the first.
import type { Db } from '../db/open.ts';
import type { Coding } from '../model/types.ts';
import { listCodingsOfSource } from './codings.ts';

/** The codings of a source a coder may see: only their own when coding blind, everyone's otherwise. */
export function codingsVisibleTo(db: Db, sourceId: number, coderId: number, blind: boolean): Coding[] {
  const all = listCodingsOfSource(db, sourceId);
  return blind ? all.filter((k) => k.coderId === coderId) : all;
}
