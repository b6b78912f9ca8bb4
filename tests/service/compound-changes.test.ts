// What the user does in one gesture commits whole or not at all, on a real project file: coding
// every reviewed hit, creating a code from the picker and coding with it, merging codes.
import { describe, expect, it } from 'vitest';
import { addCodeAndCoding, removeCodeAndCoding } from '../../service/code-and-coding.ts';
import { addCode, listCodes, mergeCodes, resolveCode } from '../../service/codebook.ts';
import { addCoding, addCodings, findCodingByGuid, listCodingsOfSource, removeCodings } from '../../service/codings.ts';
import type { ProjectContext } from '../../service/context.ts';
import { listMemos, saveMemo } from '../../service/memos.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';
import { addText, newProject, tempDir } from '../helpers/project.ts';
import { Workspace } from '../../service/workspace.ts';
import { join } from 'node:path';

const TEXT = 'Le secret partagé ne pose aucun problème. Le secret médical, si. Le secret, toujours le secret.';
const OTHER = 'La confidentialité des échanges en réunion de concertation est rappelée à chaque séance.';

/** Every row that a compound change touches, to compare before and after a refusal. */
function snapshot(ctx: ProjectContext) {
  const all = (sql: string) => ctx.db.prepare(sql).all();
  return {
    codes: all('SELECT * FROM codes ORDER BY id'),
    codings: all('SELECT * FROM codings ORDER BY id'),
    memos: all('SELECT * FROM memos ORDER BY id'),
    questions: all('SELECT * FROM research_question_codes ORDER BY question_id, code_id'),
  };
}

/**
 * Fifty passages over two sources, side by side (one coder codes a passage once with a code), the
 * fortieth running past the end of its source (the second).
 */
function fiftyPassages(ctx: ProjectContext) {
  const e1 = addText(ctx, 'E1', TEXT);
  const e2 = addText(ctx, 'E2', OTHER);
  const code = resolveCode(ctx.db, 'CL1');
  const passages = Array.from({ length: 50 }, (_, i) => ({
    sourceId: i % 2 ? e2.id : e1.id,
    codeId: code.id,
    start: Math.floor(i / 2) * 3,
    end: i === 39 ? OTHER.length + 5 : Math.floor(i / 2) * 3 + 3,
  }));
  return { e1, e2, code, passages };
}

describe('coding a batch of passages (code-all-hits)', () => {
  it('codes none of them when the fortieth is out of range, and all fifty otherwise', () => {
    const ctx = newProject();
    const { e1, e2, passages } = fiftyPassages(ctx);
    expect(() => addCodings(ctx, passages)).toThrow(expect.objectContaining({ code: 'coding.range' }));
    expect(listCodingsOfSource(ctx.db, e1.id)).toEqual([]);
    expect(listCodingsOfSource(ctx.db, e2.id)).toEqual([]);

    const fixed = passages.map((p, i) => (i === 39 ? { ...p, end: p.start + 3 } : p));
    const made = addCodings(ctx, fixed);
    expect(made.map((c) => [c.sourceId, c.start, c.end])).toEqual(fixed.map((p) => [p.sourceId, p.start, p.end]));
    expect(listCodingsOfSource(ctx.db, e1.id)).toHaveLength(25);
    expect(listCodingsOfSource(ctx.db, e2.id)).toHaveLength(25);
  });

  it('removes a batch whole, or nothing when one of its codings is already gone', () => {
    const ctx = newProject();
    const { e1, e2, passages } = fiftyPassages(ctx);
    const made = addCodings(ctx, passages.slice(0, 30));
    addCodings(ctx, [{ ...passages[0]!, start: 50, end: 60 }]);
    const before = snapshot(ctx);
    const gone = made[20]!.id;
    ctx.db.prepare('DELETE FROM codings WHERE id = ?').run(gone);
    const remaining = snapshot(ctx);
    expect(() =>
      removeCodings(
        ctx,
        made.map((c) => c.id),
      ),
    ).toThrow(expect.objectContaining({ code: 'coding.notFound' }));
    expect(snapshot(ctx)).toEqual(remaining);
    expect(remaining.codings).toHaveLength(before.codings.length - 1);

    const removed = removeCodings(
      ctx,
      made.filter((c) => c.id !== gone).map((c) => c.id),
    );
    expect(removed.map((c) => c.guid)).toEqual(made.filter((c) => c.id !== gone).map((c) => c.guid));
    // Only the coding outside the batch is left.
    expect([...listCodingsOfSource(ctx.db, e1.id), ...listCodingsOfSource(ctx.db, e2.id)].map((c) => c.start)).toEqual([50]);
  });

  it('through the contract: refused in French with the range named, and nothing coded', async () => {
    const dir = tempDir();
    const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    try {
      ws.create(join(dir, 'etude.tresse'), { grid: 'six-themes', coder: 'Camille' });
      const { e1, e2, passages } = fiftyPassages(ws.project);
      const call = callerOf(contextOf(ws));
      const refused = await call('addCodings', { codings: passages });
      expect(refused).toMatchObject({ ok: false, error: { code: 'coding.range' } });
      expect(!refused.ok && refused.error.message).toBe(`Passage invalide : 57–${OTHER.length + 5} (la source compte ${OTHER.length} caractères).`);
      expect(await call('listCodings', { sourceId: e1.id })).toEqual({ ok: true, value: [] });
      expect(await call('listCodings', { sourceId: e2.id })).toEqual({ ok: true, value: [] });
      // An empty batch is a mistake of the caller, not a silent success.
      expect(await call('addCodings', { codings: [] })).toMatchObject({ ok: false, error: { code: 'value.invalid' } });
    } finally {
      ws.close();
    }
  });
});

describe('a code created from the picker and its coding', () => {
  it('leaves no new code when the passage is refused', () => {
    const ctx = newProject();
    const src = addText(ctx, 'E1', TEXT);
    const parent = resolveCode(ctx.db, 'CL');
    const before = snapshot(ctx);
    expect(() => addCodeAndCoding(ctx, { name: 'Secret médical', parentId: parent.id }, { sourceId: src.id, start: 40, end: 400 })).toThrow(
      expect.objectContaining({ code: 'coding.range' }),
    );
    expect(() => addCodeAndCoding(ctx, { name: 'Secret médical' }, { sourceId: 9999, start: 0, end: 4 })).toThrow(
      expect.objectContaining({ code: 'source.notFound' }),
    );
    expect(snapshot(ctx)).toEqual(before);
    expect(() => resolveCode(ctx.db, 'Secret médical')).toThrow(expect.objectContaining({ code: 'code.notFound' }));
  });

  it('makes both, takes both back, and makes them again with the same GUIDs', () => {
    const ctx = newProject();
    const src = addText(ctx, 'E1', TEXT);
    const parent = resolveCode(ctx.db, 'CL');
    const before = snapshot(ctx);
    const made = addCodeAndCoding(
      ctx,
      { name: 'Secret médical', parentId: parent.id },
      { sourceId: src.id, start: 42, end: 59, valence: '-', memo: 'à discuter' },
    );
    expect(made.coding).toMatchObject({ codeId: made.code.id, start: 42, end: 59, valence: '-', memo: 'à discuter' });
    expect(made.code).toMatchObject({ name: 'Secret médical', parentId: parent.id });

    removeCodeAndCoding(ctx, made.code.id, made.coding.id);
    expect(snapshot(ctx)).toEqual(before);

    const again = addCodeAndCoding(
      ctx,
      { name: 'Secret médical', parentId: parent.id, guid: made.code.guid },
      { sourceId: src.id, start: 42, end: 59, guid: made.coding.guid },
    );
    expect(again.code.guid).toBe(made.code.guid);
    expect(findCodingByGuid(ctx.db, made.coding.guid)).toMatchObject({ codeId: again.code.id });
  });

  it('refuses to take the code back once it has served elsewhere, and removes nothing', () => {
    const ctx = newProject();
    const src = addText(ctx, 'E1', TEXT);
    const made = addCodeAndCoding(ctx, { name: 'Secret médical' }, { sourceId: src.id, start: 42, end: 59 });
    addCoding(ctx, { sourceId: src.id, codeId: made.code.id, start: 0, end: 9 });
    const before = snapshot(ctx);
    expect(() => removeCodeAndCoding(ctx, made.code.id, made.coding.id)).toThrow(
      expect.objectContaining({ code: 'code.usedSinceCreated', params: { name: 'Secret médical' } }),
    );
    expect(snapshot(ctx)).toEqual(before);
  });
});

describe('merging codes', () => {
  /** Two codes with codings (one pair duplicated, with a memo), sub-codes, a code memo and a question. */
  function twoCodes() {
    const ctx = newProject({ grid: 'empty' });
    const src = addText(ctx, 'E1', TEXT);
    const from = addCode(ctx, { name: 'Secret partagé' });
    const into = addCode(ctx, { name: 'Secret professionnel' });
    const sub = addCode(ctx, { name: 'RGPD', parentId: from.id });
    addCode(ctx, { name: 'Déontologie', parentId: into.id });
    const dup = addCoding(ctx, { sourceId: src.id, codeId: from.id, start: 3, end: 17, memo: 'vu en atelier' });
    const kept = addCoding(ctx, { sourceId: src.id, codeId: into.id, start: 3, end: 17 });
    const movedCoding = addCoding(ctx, { sourceId: src.id, codeId: from.id, start: 42, end: 59 });
    addCoding(ctx, { sourceId: src.id, codeId: sub.id, start: 0, end: 9 });
    saveMemo(ctx, { target: { kind: 'code', id: from.id }, title: 'Définition', text: 'Partage entre professionnels.' });
    ctx.db.prepare("INSERT INTO research_questions (guid, name, created_at) VALUES ('q1', 'Q1', 'x')").run();
    ctx.db
      .prepare("INSERT INTO research_question_codes (question_id, code_id, position) SELECT id, ?, 0 FROM research_questions WHERE guid = 'q1'")
      .run(from.id);
    return { ctx, src, from, into, sub, dup, kept, movedCoding };
  }

  it('moves codings, sub-codes, memos, duplicates’ memos and question links in one step', () => {
    const { ctx, src, from, into, sub, kept, movedCoding } = twoCodes();
    expect(mergeCodes(ctx, from.id, into.id)).toEqual({ moved: 1, duplicates: 1 });
    expect(listCodes(ctx.db).map((c) => [c.name, c.parentId])).toEqual([
      ['Secret professionnel', null],
      ['Déontologie', into.id],
      ['RGPD', into.id],
    ]);
    expect(
      listCodingsOfSource(ctx.db, src.id)
        .filter((c) => c.codeId === into.id)
        .map((c) => c.id),
    ).toEqual([kept.id, movedCoding.id]);
    // The duplicate's memo now hangs on the coding it duplicated, not lost with it.
    expect(listMemos(ctx.db).map((m) => [m.text, m.target])).toEqual(
      expect.arrayContaining([
        ['vu en atelier', { kind: 'coding', id: kept.id }],
        ['Partage entre professionnels.', { kind: 'code', id: into.id }],
      ]),
    );
    expect(ctx.db.prepare('SELECT code_id AS codeId FROM research_question_codes').all()).toEqual([{ codeId: into.id }]);
    expect(listCodingsOfSource(ctx.db, src.id).find((c) => c.start === 0)!.codeId).toBe(sub.id);
  });

  it('leaves codes, codings and memos as they were when the last step fails', () => {
    const { ctx, from, into } = twoCodes();
    const before = snapshot(ctx);
    // The deletion of the merged code comes last, after every coding, memo and sub-code has moved.
    ctx.db.exec(`CREATE TEMP TRIGGER refuse_merge BEFORE DELETE ON codes WHEN old.id = ${from.id}
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => mergeCodes(ctx, from.id, into.id)).toThrow(/disk full/);
    expect(snapshot(ctx)).toEqual(before);
  });

  it('leaves everything as it was when a sub-code cannot move (its name is taken)', () => {
    const { ctx, from, into } = twoCodes();
    addCode(ctx, { name: 'RGPD', parentId: into.id });
    const before = snapshot(ctx);
    expect(() => mergeCodes(ctx, from.id, into.id)).toThrow(expect.objectContaining({ code: 'code.exists', params: { name: 'RGPD' } }));
    expect(snapshot(ctx)).toEqual(before);
  });
});
