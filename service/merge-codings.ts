// The codings part of a merge: each of their codings lands on my source (matched by text), my code
// (through the codebook plan's guidMap) and my coder (matched by GUID, then name), unless it is
// already there. What cannot land is counted and reported, never dropped silently.
import { stmt } from '../db/statements.ts';
import type { NormalisationMap } from '../text/offsets.ts';
import { ensureCoder } from './coders.ts';
import { codingOf, foldInto, storeCoding } from './codings.ts';
import type { ProjectContext } from './context.ts';
import { MergeCodingIndex } from './merge-coding-index.ts';
import { mergeWarning, type TeamWarning } from './merge-warnings.ts';
import type { RichSnapshot } from './refi-snapshot.ts';

export interface PlacedSource {
  id: number;
  length: number;
  /** Set when their text was not normalised: their positions are mapped through it. */
  map: NormalisationMap | null;
}

export interface CodingCounts {
  added: number;
  duplicates: number;
  skipped: number;
}

/** Their user GUID -> my coder id: same GUID, else same name, else a new coder (created on first use). */
/** Their coder (by GUID) as mine: matched by GUID, then name, else created (named in `added`). */
export function coderResolver(ctx: ProjectContext, theirs: RichSnapshot, added: string[]): (guid: string) => number {
  const names = new Map(theirs.users.map((u) => [u.guid, u.name]));
  const cache = new Map<string, number>();
  return (guid) => {
    const hit = cache.get(guid);
    if (hit !== undefined) return hit;
    const name = names.get(guid) ?? 'REFI-QDA';
    let row = (stmt(ctx.db, 'SELECT id FROM coders WHERE guid = ?').get(guid) ?? stmt(ctx.db, 'SELECT id FROM coders WHERE name = ?').get(name)) as
      { id: number } | undefined;
    if (!row) {
      row = { id: ensureCoder(ctx.db, name, guid).id };
      added.push(name);
    }
    cache.set(guid, row.id);
    return row.id;
  };
}

/** Skipped codings by reason, turned into one warning per reason (and per code or source). */
class Skips {
  unknownSource = 0;
  unknownCode = 0;
  /** Inside a passage already coded with that code by that coder (not the same range). */
  inside = 0;
  /** Codings already there folded into a wider one brought over. */
  widened = 0;
  readonly ignored = new Map<string, number>();
  readonly notCodable = new Map<string, number>();
  readonly outOfRange = new Map<string, number>();

  static bump(m: Map<string, number>, key: string): void {
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  warnings(): TeamWarning[] {
    const out: TeamWarning[] = [];
    if (this.unknownSource > 0) out.push(mergeWarning('merge.codingsUnknownSource', { count: this.unknownSource }));
    if (this.unknownCode > 0) out.push(mergeWarning('merge.codingsUnknownCode', { count: this.unknownCode }));
    if (this.ignored.size > 0) {
      const count = [...this.ignored.values()].reduce((a, b) => a + b, 0);
      out.push(mergeWarning('merge.codingsIgnoredCode', { count, names: [...this.ignored.keys()].join(', ') }));
    }
    if (this.inside > 0) out.push(mergeWarning('merge.codingsInside', { count: this.inside }));
    if (this.widened > 0) out.push(mergeWarning('merge.codingsWidened', { count: this.widened }));
    for (const [name, count] of this.notCodable) out.push(mergeWarning('merge.codingsNotCodable', { count, name }));
    for (const [name, count] of this.outOfRange) out.push(mergeWarning('merge.codingsOutOfRange', { count, name }));
    return out;
  }
}

export interface CodingsMerged {
  counts: CodingCounts;
  codersAdded: string[];
  /** Their coding GUID -> my coding id (added or already there), for memos attached to codings. */
  ids: Map<string, number>;
}

export function mergeCodings(
  ctx: ProjectContext,
  theirs: RichSnapshot,
  sources: ReadonlyMap<string, PlacedSource>,
  guidMap: Readonly<Record<string, string | null>>,
  warnings: TeamWarning[],
): CodingsMerged {
  const result: CodingsMerged = { counts: { added: 0, duplicates: 0, skipped: 0 }, codersAdded: [], ids: new Map() };
  const coderOf = coderResolver(ctx, theirs, result.codersAdded);
  const skips = new Skips();
  const theirSources = new Map(theirs.sources.map((s) => [s.guid, s.name]));
  const theirCodes = new Map(theirs.codes.map((c) => [c.guid, c.name]));
  const skip = () => result.counts.skipped++;
  const held = new MergeCodingIndex(ctx.db);
  type MyCode = { id: number; name: string; codable: number };
  const codes = new Map<string, MyCode>();
  // Their coding GUIDs by my coding id, so that the codings a wider one takes in pass theirs on.
  const guidsOf = new Map<number, string[]>();
  const setId = (guid: string, id: number) => {
    result.ids.set(guid, id);
    const list = guidsOf.get(id);
    if (list) list.push(guid);
    else guidsOf.set(id, [guid]);
  };
  for (const k of theirs.codings) {
    const src = sources.get(k.sourceGuid);
    if (!src) {
      // A source left out with its own warning has already counted its codings.
      if (!theirSources.has(k.sourceGuid)) skips.unknownSource++;
      skip();
      continue;
    }
    const mapped = guidMap[k.codeGuid];
    if (!mapped) {
      if (mapped === undefined) skips.unknownCode++;
      else Skips.bump(skips.ignored, theirCodes.get(k.codeGuid) ?? k.codeGuid);
      skip();
      continue;
    }
    let code = codes.get(mapped);
    if (!code) codes.set(mapped, (code = stmt(ctx.db, 'SELECT id, name, codable FROM codes WHERE guid = ?').get(mapped) as MyCode));
    if (code.codable !== 1) {
      Skips.bump(skips.notCodable, code.name);
      skip();
      continue;
    }
    const start = src.map ? src.map.toNormalised(k.start) : k.start;
    const end = src.map ? src.map.toNormalised(k.end) : k.end;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= src.length)) {
      Skips.bump(skips.outOfRange, theirSources.get(k.sourceGuid) ?? k.sourceGuid);
      skip();
      continue;
    }
    const coderId = coderOf(k.coderGuid);
    const byGuid = held.withGuid(k.guid);
    // A passage inside one of the same coder's codings of that code is there already: adding it
    // would count and quote those words twice.
    const covering = byGuid ? undefined : held.covering(src.id, code.id, coderId, start, end);
    const same = byGuid ?? covering;
    if (same) {
      if (covering && (covering.start !== start || covering.end !== end)) skips.inside++;
      setId(k.guid, same.id);
      result.counts.duplicates++;
      continue;
    }
    // Checked above as insertCoding would (source, range, codable code, not covered), with 'keep'
    // for overlaps: stored directly.
    const coding = storeCoding(
      ctx,
      codingOf(ctx, {
        sourceId: src.id,
        codeId: code.id,
        start,
        end,
        coderId,
        valence: k.valence ?? null,
        memo: k.memo ?? null,
        guid: k.guid,
        ...(k.segmentKind ? { segmentKind: k.segmentKind } : {}),
        ...(k.createdAt ? { createdAt: k.createdAt } : {}),
      }),
      k.selectionGuid ? k.selectionGuid : null,
    );
    held.added(src.id, code.id, coderId, coding);
    // A wider passage takes in the narrower ones of that coder and code (with their memos).
    const absorbed = held.inside(src.id, code.id, coderId, coding.id, start, end).map((x) => x.id);
    if (absorbed.length > 0) {
      foldInto(ctx.db, coding.id, absorbed);
      held.removed(src.id, code.id, coderId, new Set(absorbed));
      skips.widened += absorbed.length;
      for (const id of absorbed) {
        for (const guid of guidsOf.get(id) ?? []) if (result.ids.get(guid) === id) setId(guid, coding.id);
        guidsOf.delete(id);
      }
    }
    setId(k.guid, coding.id);
    result.counts.added++;
  }
  warnings.push(...skips.warnings());
  return result;
}
