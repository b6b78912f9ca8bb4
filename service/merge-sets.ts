// Their sets of sources and of codes, merged into mine (inside mergeSnapshot's transaction): a set
// is matched by GUID, then by kind and name (names are unique per kind, case aside); a set matched
// gains the members it lacks and keeps its name and description (mine win, as for cases), a new
// one keeps their GUID unless mine already has it. Members follow their sources (matched by text)
// and codes (through the codebook plan's guidMap); members that did not come over are left out.
import { stmt } from '../db/statements.ts';
import type { SetKind } from '../model/types.ts';
import { newGuid, type ProjectContext } from './context.ts';
import type { PlacedSource } from './merge-codings.ts';
import type { RichSnapshot } from './refi-snapshot.ts';

export interface SetCounts {
  added: number;
  matched: number;
  membersAdded: number;
}

export function mergeSets(
  ctx: ProjectContext,
  theirs: RichSnapshot,
  sources: ReadonlyMap<string, PlacedSource>,
  codeGuidMap: Readonly<Record<string, string | null>>,
): SetCounts {
  const counts: SetCounts = { added: 0, matched: 0, membersAdded: 0 };
  const codeId = (guid: string): number | undefined => {
    const mine = codeGuidMap[guid];
    return mine === undefined || mine === null ? undefined : (stmt(ctx.db, 'SELECT id FROM codes WHERE guid = ?').get(mine) as { id: number } | undefined)?.id;
  };
  const memberIdOf: Record<SetKind, (guid: string) => number | undefined> = { sources: (g) => sources.get(g)?.id, codes: codeId };
  const insert = {
    sources: stmt(ctx.db, 'INSERT OR IGNORE INTO set_sources (set_id, source_id) VALUES (?, ?)'),
    codes: stmt(ctx.db, 'INSERT OR IGNORE INTO set_codes (set_id, code_id) VALUES (?, ?)'),
  };
  for (const set of theirs.sets ?? []) {
    const name = set.name.trim() || set.guid;
    type Row = { id: number } | undefined;
    const mine =
      (stmt(ctx.db, 'SELECT id FROM sets WHERE guid = ? AND kind = ?').get(set.guid, set.kind) as Row) ??
      (stmt(ctx.db, 'SELECT id FROM sets WHERE kind = ? AND name = ?').get(set.kind, name) as Row);
    let setId: number;
    if (mine) {
      setId = mine.id;
      counts.matched++;
    } else {
      const guidTaken = stmt(ctx.db, 'SELECT 1 FROM sets WHERE guid = ?').get(set.guid) !== undefined;
      setId = Number(
        stmt(ctx.db, 'INSERT INTO sets (guid, kind, name, description) VALUES (?, ?, ?, ?)').run(
          guidTaken ? newGuid() : set.guid,
          set.kind,
          name,
          set.description,
        ).lastInsertRowid,
      );
      counts.added++;
    }
    for (const guid of set.memberGuids) {
      const id = memberIdOf[set.kind](guid);
      if (id !== undefined) counts.membersAdded += insert[set.kind].run(setId, id).changes;
    }
  }
  return counts;
}
