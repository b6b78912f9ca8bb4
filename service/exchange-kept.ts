// What a REFI-QDA file said that Tresse's tables do not model (db/migrations/0007-exchange-kept.ts),
// stored by a merge and given back to the snapshot an export writes: users read from the file,
// codes without a colour, empty descriptions, notes attached to nothing, a note's further
// attachments and the links that made them. (The selection each coding came from is a column of codings, set as the merge inserts it.) Facts name elements by GUID; one whose element is gone,
// or was changed since (a code given a colour, a description filled in), is simply not applied.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { SnapshotLink, SnapshotMemoTarget } from '../exchange/refi/snapshot.ts';
import type { ProjectContext } from './context.ts';
import type { RichSnapshot } from './refi-snapshot.ts';

type Fact = 'user' | 'noColor' | 'emptyDescription' | 'freeNote' | 'noteAlsoOn' | 'link';

function keep(db: Db, guid: string, fact: Fact, value = ''): void {
  stmt(db, 'INSERT OR IGNORE INTO exchange_kept (guid, fact, value) VALUES (?, ?, ?)').run(guid, fact, value);
}

/** Their GUID -> mine, for each kind of element a merge placed (undefined: not brought over). */
export interface PlacedGuids {
  source(guid: string): string | undefined;
  case(guid: string): string | undefined;
  code(guid: string): string | undefined;
  coding(guid: string): string | undefined;
  memo(guid: string): string | undefined;
}

/** Records, inside the merge's transaction, what `theirs` read that the tables cannot hold. */
export function keepExchangeFacts(ctx: ProjectContext, theirs: RichSnapshot, placed: PlacedGuids): void {
  const { db } = ctx;
  for (const c of theirs.codes) {
    // Only on a code that is theirs, not on one of mine it was matched to.
    if (placed.code(c.guid) !== c.guid) continue;
    if (c.noColor) keep(db, c.guid, 'noColor');
    if (c.emptyDescription) keep(db, c.guid, 'emptyDescription');
  }
  for (const c of theirs.cases) {
    const mine = placed.case(c.guid);
    if (c.emptyDescription && mine) keep(db, mine, 'emptyDescription');
  }

  const targetOf = (t: SnapshotMemoTarget): string | undefined => (t.kind === 'project' ? undefined : placed[t.kind](t.guid));
  for (const m of theirs.memos) {
    const note = placed.memo(m.guid);
    if (!note) continue;
    if (!m.target) keep(db, note, 'freeNote');
    for (const t of m.alsoOn ?? []) {
      const mine = targetOf(t);
      if (mine) keep(db, note, 'noteAlsoOn', mine);
    }
  }
  const selectionKept = (guid: string) => stmt(db, 'SELECT 1 FROM codings WHERE selection_guid = ? LIMIT 1').get(guid) !== undefined;
  const end = (guid: string): string | undefined =>
    placed.memo(guid) ?? placed.source(guid) ?? placed.case(guid) ?? placed.code(guid) ?? placed.coding(guid) ?? (selectionKept(guid) ? guid : undefined);
  for (const l of theirs.links ?? []) {
    const origin = end(l.originGuid);
    const target = end(l.targetGuid);
    if (origin && target) keep(db, l.guid, 'link', JSON.stringify({ ...l, originGuid: origin, targetGuid: target }));
  }
}

/** Marks the users a file declared: written back even when they coded nothing. */
export function keepUser(db: Db, coderGuid: string): void {
  keep(db, coderGuid, 'user');
}

export interface ExchangeFacts {
  users: Set<string>;
  noColor: Set<string>;
  emptyDescription: Set<string>;
  /** Notes a file attached to nothing: project memos here, written back without the project's NoteRef. */
  freeNote: Set<string>;
  /** Note GUID -> GUIDs of the further elements it is attached to. */
  alsoOn: Map<string, string[]>;
  links: SnapshotLink[];
}

export function exchangeFacts(db: Db): ExchangeFacts {
  const facts: ExchangeFacts = { users: new Set(), noColor: new Set(), emptyDescription: new Set(), freeNote: new Set(), alsoOn: new Map(), links: [] };
  for (const r of stmt(db, 'SELECT guid, fact, value FROM exchange_kept ORDER BY rowid').all() as { guid: string; fact: Fact; value: string }[]) {
    if (r.fact === 'user') facts.users.add(r.guid);
    else if (r.fact === 'noColor' || r.fact === 'emptyDescription' || r.fact === 'freeNote') facts[r.fact].add(r.guid);
    else if (r.fact === 'noteAlsoOn') facts.alsoOn.set(r.guid, [...(facts.alsoOn.get(r.guid) ?? []), r.value]);
    else facts.links.push(JSON.parse(r.value) as SnapshotLink);
  }
  return facts;
}
