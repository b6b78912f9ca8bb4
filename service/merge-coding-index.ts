// The codings of the sources a merge lands on, held by key (code and coder) while the merge adds
// to them: whether a passage is already covered, and what a wider one takes in, are answered here
// instead of by three queries per coding brought over (most of a large import's time), and
// whether a GUID is taken. Each source's codings are read once, when its first coding comes; the
// merge writes through `added` and `removed`, so the index and the table stay the same.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';

interface Held {
  id: number;
  guid: string;
  start: number;
  end: number;
}

/** Source, code and coder order as codings are compared: start, then end, then id. */
const before = (a: Held, b: Held) => a.start - b.start || a.end - b.end || a.id - b.id;

export class MergeCodingIndex {
  private readonly bySource = new Map<number, Map<string, Held[]>>();
  /** Every coding's id by GUID, whatever its source. */
  private readonly byGuid: Map<string, number>;

  constructor(private readonly db: Db) {
    const rows = stmt(db, 'SELECT guid, id FROM codings').all() as { guid: string; id: number }[];
    this.byGuid = new Map(rows.map((r) => [r.guid, r.id]));
  }

  /** The coding of that GUID, as `SELECT id FROM codings WHERE guid = ?` finds it. */
  withGuid(guid: string): { id: number } | undefined {
    const id = this.byGuid.get(guid);
    return id === undefined ? undefined : { id };
  }

  private held(sourceId: number, codeId: number, coderId: number): Held[] {
    let keys = this.bySource.get(sourceId);
    if (!keys) {
      keys = new Map();
      const rows = stmt(this.db, 'SELECT id, guid, code_id AS codeId, coder_id AS coderId, start, end FROM codings WHERE source_id = ?').all(
        sourceId,
      ) as (Held & {
        codeId: number;
        coderId: number;
      })[];
      for (const r of rows) {
        const key = `${r.codeId} ${r.coderId}`;
        const list = keys.get(key);
        const held = { id: r.id, guid: r.guid, start: r.start, end: r.end };
        if (list) list.push(held);
        else keys.set(key, [held]);
      }
      this.bySource.set(sourceId, keys);
    }
    const key = `${codeId} ${coderId}`;
    let list = keys.get(key);
    if (!list) keys.set(key, (list = []));
    return list;
  }

  /** The first coding of the key (in start, end, id order) that holds all of [start, end), as coveringCoding finds it. */
  covering(sourceId: number, codeId: number, coderId: number, start: number, end: number): Held | undefined {
    let found: Held | undefined;
    for (const k of this.held(sourceId, codeId, coderId)) {
      if (k.start <= start && end <= k.end && (found === undefined || before(k, found) < 0)) found = k;
    }
    return found;
  }

  /** The other codings of the key inside [start, end), in start, end, id order, as absorbContained takes them. */
  inside(sourceId: number, codeId: number, coderId: number, id: number, start: number, end: number): Held[] {
    return this.held(sourceId, codeId, coderId)
      .filter((k) => k.id !== id && start <= k.start && k.end <= end)
      .sort(before);
  }

  /** A coding just stored. */
  added(sourceId: number, codeId: number, coderId: number, coding: Held): void {
    this.byGuid.set(coding.guid, coding.id);
    // A source not read yet is read with it.
    if (!this.bySource.has(sourceId)) return void this.held(sourceId, codeId, coderId);
    this.held(sourceId, codeId, coderId).push({ id: coding.id, guid: coding.guid, start: coding.start, end: coding.end });
  }

  /** Codings of the key just deleted. */
  removed(sourceId: number, codeId: number, coderId: number, ids: ReadonlySet<number>): void {
    const list = this.held(sourceId, codeId, coderId);
    let n = 0;
    for (const k of list) {
      if (!ids.has(k.id)) list[n++] = k;
      else this.byGuid.delete(k.guid);
    }
    list.length = n;
  }
}
