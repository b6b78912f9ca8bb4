// mergeCodings answers "already covered?" and "what does a wider one take in?" from its own index
// of the codings there (merge-coding-index.ts) instead of querying per coding. Its result must be
// the one the per-coding queries gave: same counts, warnings, ids, codings and memos, whatever
// nesting, overlaps, duplicates and codings already in the project.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listCodes } from '../../../service/codebook.ts';
import { ensureCoder } from '../../../service/coders.ts';
import { absorbContained, coveringCoding, insertCoding } from '../../../service/codings.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { mergeCodings, type CodingsMerged, type PlacedSource } from '../../../service/merge-codings.ts';
import { snapshotProject, type RichSnapshot } from '../../../service/refi-snapshot.ts';
import { addText, newProject } from '../../helpers/project.ts';

const TEXT = 'Enquêtrice : comment travaillez-vous avec les bailleurs ? P1 : on se voit en cellule, le secret partagé reste un sujet délicat.\n';

/** mergeCodings as it was: coveringCoding, insertCoding and absorbContained for each coding. */
function previousMergeCodings(
  ctx: ProjectContext,
  theirs: RichSnapshot,
  sources: ReadonlyMap<string, PlacedSource>,
  guidMap: Record<string, string>,
): CodingsMerged {
  const result: CodingsMerged = { counts: { added: 0, duplicates: 0, skipped: 0 }, codersAdded: [], ids: new Map() };
  const coderId = (guid: string) => (ctx.db.prepare('SELECT id FROM coders WHERE guid = ?').get(guid) as { id: number }).id;
  const codeId = (guid: string) => (ctx.db.prepare('SELECT id FROM codes WHERE guid = ?').get(guid) as { id: number }).id;
  for (const k of theirs.codings) {
    const src = sources.get(k.sourceGuid)!;
    const key = { sourceId: src.id, codeId: codeId(guidMap[k.codeGuid]!), coderId: coderId(k.coderGuid) };
    const byGuid = ctx.db.prepare('SELECT id FROM codings WHERE guid = ?').get(k.guid) as { id: number } | undefined;
    const same = byGuid ?? coveringCoding(ctx.db, key, k.start, k.end);
    if (same) {
      result.ids.set(k.guid, same.id);
      result.counts.duplicates++;
      continue;
    }
    const coding = insertCoding(
      ctx,
      { ...key, start: k.start, end: k.end, memo: k.memo ?? null, guid: k.guid, ...(k.createdAt ? { createdAt: k.createdAt } : {}) },
      'keep',
    );
    const absorbed = absorbContained(ctx.db, coding);
    for (const [guid, id] of result.ids) if (absorbed.includes(id)) result.ids.set(guid, coding.id);
    result.ids.set(k.guid, coding.id);
    result.counts.added++;
  }
  return result;
}

/** The same coder in every project: Léo is in theirs and mine, Inès in theirs only, Camille in mine only. */
const GUID_OF: Record<string, string> = {
  Léo: '00000000-0000-4000-8000-000000000000',
  Inès: '00000001-0000-4000-8000-000000000000',
  Camille: '00000002-0000-4000-8000-000000000000',
};

type Spec = { coder: number; code: number; start: number; length: number; memo: boolean };

const spec = fc.record({
  coder: fc.integer({ min: 0, max: 1 }),
  code: fc.integer({ min: 0, max: 2 }),
  start: fc.integer({ min: 0, max: 100 }),
  length: fc.integer({ min: 1, max: 30 }),
  memo: fc.boolean(),
});

/** A project with the text and the coders named. */
function project(coders: string[]): ProjectContext {
  const ctx = newProject({ coder: 'Zoé' });
  addText(ctx, 'Entretien P1', TEXT);
  for (const name of coders) ensureCoder(ctx.db, name, GUID_OF[name]);
  return ctx;
}

/** The project's codings and memos replaced by those given, written as they come (nested or not). */
function fill(ctx: ProjectContext, codings: Spec[], coders: string[]): void {
  ctx.db.exec('DELETE FROM memos; DELETE FROM codings;');
  const source = ctx.db.prepare('SELECT id, length FROM sources').get() as { id: number; length: number };
  const coderIds = coders.map((name) => ensureCoder(ctx.db, name).id);
  const codes = listCodes(ctx.db).filter((c) => c.codable);
  codings.forEach((c, i) => {
    const start = Math.min(c.start, source.length - 1);
    const end = Math.min(start + c.length, source.length);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(`${coders.join('')}-${i}`, source.id, codes[c.code]!.id, coderIds[c.coder]!, start, end, '2026-01-01T00:00:00.000Z').lastInsertRowid,
    );
    if (c.memo) {
      ctx.db
        .prepare(`INSERT INTO memos (guid, coding_id, title, text, author_id, created_at, updated_at) VALUES (?, ?, '', ?, ?, '', '')`)
        .run(`m-${coders.join('')}-${i}`, id, `mémo ${i}`, coderIds[c.coder]!);
    }
  });
}

function state(ctx: ProjectContext) {
  return {
    codings: ctx.db
      .prepare(
        'SELECT k.guid, c.name AS code, d.name AS coder, k.start, k.end, k.created_at FROM codings k JOIN codes c ON c.id = k.code_id JOIN coders d ON d.id = k.coder_id ORDER BY k.guid',
      )
      .all(),
    memos: ctx.db.prepare('SELECT k.guid, m.text FROM memos m JOIN codings k ON k.id = m.coding_id ORDER BY k.guid, m.text').all(),
  };
}

describe('merging codings through the index of those there', () => {
  it('gives what the per-coding queries gave', () => {
    const [theirCoders, myCoders] = [
      ['Léo', 'Inès'],
      ['Léo', 'Camille'],
    ];
    const [them, now, before] = [project(theirCoders), project([...myCoders, 'Inès']), project([...myCoders, 'Inès'])];
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 25 }), fc.array(spec, { maxLength: 12 }), fc.boolean(), (theirCodings, mineCodings, twice) => {
        fill(them, theirCodings, theirCoders);
        const theirs = snapshotProject(them.db);
        // The same snapshot twice over: every coding then meets itself (its GUID) or its like.
        if (twice) theirs.codings = [...theirs.codings, ...theirs.codings];
        fill(now, mineCodings, myCoders);
        fill(before, mineCodings, myCoders);
        const placed = (ctx: ProjectContext) => {
          const { id, length } = ctx.db.prepare('SELECT id, length FROM sources').get() as { id: number; length: number };
          return new Map(theirs.sources.map((s) => [s.guid, { id, length, map: null }]));
        };
        // Theirs has the same grid: each code maps to mine of that name.
        const guidMap = (ctx: ProjectContext) => Object.fromEntries(theirs.codes.map((c) => [c.guid, listCodes(ctx.db).find((m) => m.name === c.name)!.guid]));

        const expected = before.db.transaction(() => previousMergeCodings(before, theirs, placed(before), guidMap(before)))();
        const got = now.db.transaction(() => mergeCodings(now, theirs, placed(now), guidMap(now), []))();
        expect(got.counts).toEqual(expected.counts);
        expect([...got.ids].map(([g, id]) => [g, (now.db.prepare('SELECT guid FROM codings WHERE id = ?').get(id) as { guid: string }).guid])).toEqual(
          [...expected.ids].map(([g, id]) => [g, (before.db.prepare('SELECT guid FROM codings WHERE id = ?').get(id) as { guid: string }).guid]),
        );
        expect(state(now)).toEqual(state(before));
      }),
      { numRuns: 150 },
    );
  });
});
