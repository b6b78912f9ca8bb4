import { describe, expect, it } from 'vitest';
import { createCase } from '../../service/cases.ts';
import { resolveCode } from '../../service/codebook.ts';
import { addCoding, listCodingsOfSource, removeCoding } from '../../service/codings.ts';
import { deleteMemo, listMemos, saveMemo } from '../../service/memos.ts';
import { addText, newProject } from '../helpers/project.ts';

describe('memos', () => {
  it('attach to the project, a source, a case, a code or a coding, and are edited in place', () => {
    const ctx = newProject();
    const src = addText(ctx, 'E1', 'Un passage à commenter.');
    const c = createCase(ctx, { name: 'P1' });
    const code = resolveCode(ctx.db, 'PA3');
    const coding = addCoding(ctx, { sourceId: src.id, codeId: code.id, start: 0, end: 10 });
    saveMemo(ctx, { target: { kind: 'project' }, title: 'Journal', text: 'Hypothèse générale.' });
    saveMemo(ctx, { target: { kind: 'source', id: src.id }, text: 'Entretien interrompu deux fois.' });
    saveMemo(ctx, { target: { kind: 'case', id: c.id }, text: 'Très disponible.' });
    const onCode = saveMemo(ctx, { target: { kind: 'code', id: code.id }, text: 'Définition à préciser.' });
    saveMemo(ctx, { target: { kind: 'coding', id: coding.id }, text: 'Ambigu.' });
    expect(listMemos(ctx.db, { kind: 'project' }).map((m) => m.title)).toEqual(['Journal']);
    expect(listMemos(ctx.db, { kind: 'case', id: c.id }).map((m) => m.text)).toEqual(['Très disponible.']);
    expect(listCodingsOfSource(ctx.db, src.id)[0]!.memo).toBe('Ambigu.');
    const edited = saveMemo(ctx, { id: onCode.id, target: onCode.target, text: 'Définition précisée.', richText: '{"root":{}}' });
    expect(edited).toMatchObject({ text: 'Définition précisée.', richText: '{"root":{}}', authorId: ctx.coder.id });
    expect(listMemos(ctx.db)).toHaveLength(5);
    removeCoding(ctx, coding.id);
    expect(listMemos(ctx.db)).toHaveLength(4); // a coding's memo goes with it
    deleteMemo(ctx, edited.id);
    expect(listMemos(ctx.db, { kind: 'code', id: code.id })).toEqual([]);
  });

  it('refuses a memo on something that does not exist', () => {
    const ctx = newProject();
    expect(() => saveMemo(ctx, { target: { kind: 'source', id: 42 }, text: 'x' })).toThrow(/Invalid value/);
  });
});
