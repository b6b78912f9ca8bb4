import { describe, expect, it } from 'vitest';
import { searchSources } from '../../../db/search.ts';
import type { TresseError } from '../../../i18n/error.ts';
import { listCodingsOfSource } from '../../../service/codings.ts';
import { applySourceEdit, previewSourceEdit } from '../../../service/edit-source.ts';
import { saveMemo } from '../../../service/memos.ts';
import { getSource, getSourceText } from '../../../service/sources.ts';
import { hashText } from '../../../text/hash.ts';
import { codePointLength } from '../../../text/offsets.ts';
import { addText, newProject } from '../../helpers/project.ts';
import { codedTexts, codePassage, longInterview } from './fixtures.ts';

const TEXT = `Enquêtrice : Comment travaillez-vous avec le CMP ?
P4 : On se recieve à la cellule 🙂 tous les mois. Le secret partagé nous aide beaucoup.
Enquêtrice : Et les difficultés ?
P4 : Le manque de psychiatres, surtout l'été. Les délais sont trop longs.
`;

function interview() {
  const ctx = newProject();
  const turnsAt = [...TEXT.matchAll(/^.*$/gm)].filter((m) => m[0].length > 0);
  const structure = turnsAt.map((m) => {
    const start = codePointLength(TEXT.slice(0, m.index));
    return { kind: 'turn' as const, start, end: start + codePointLength(m[0]), speaker: m[0].split(' :')[0]! };
  });
  const src = addText(ctx, 'Entretien P4', TEXT, 'interview', structure);
  return { ctx, src };
}

describe('editing a coded source', () => {
  it('fixes a typo before coded passages and keeps every coding on its words', () => {
    const { ctx, src } = interview();
    const secret = codePassage(ctx, src.id, 'CL1', 'Le secret partagé nous aide beaucoup');
    const delais = codePassage(ctx, src.id, 'DI', 'Les délais sont trop longs');
    const cellule = codePassage(ctx, src.id, 'PA', 'la cellule 🙂 tous les mois');
    const before = codedTexts(ctx, src.id);
    const fixed = TEXT.replace('On se recieve', 'On se retrouve');

    const preview = previewSourceEdit(ctx, src.id, fixed);
    expect(preview.changes).toHaveLength(1);
    expect(preview.removed).toEqual([]);
    expect(preview.moved.map((k) => k.codingId).sort()).toEqual([secret, delais, cellule].sort());
    // The preview changed nothing.
    expect(getSourceText(ctx.db, src.id)).toBe(TEXT);

    applySourceEdit(ctx, src.id, fixed, { confirmRemoval: false });
    expect(getSourceText(ctx.db, src.id)).toBe(fixed);
    expect(codedTexts(ctx, src.id)).toEqual(before);
    const s = getSource(ctx.db, src.id);
    expect(s.textHash).toBe(hashText(fixed));
    expect(s.length).toBe(codePointLength(fixed));
    // Speaker turns follow: each still starts at its speaker's label and ends at its line's end.
    for (const t of s.structure) {
      const line = Array.from(fixed).slice(t.start, t.end).join('');
      expect(line.startsWith(t.kind === 'turn' ? t.speaker : '')).toBe(true);
      expect(line.includes('\n')).toBe(false);
    }
    // The search index follows the new text.
    expect(searchSources(ctx.db, 'retrouve').hits).toHaveLength(1);
    expect(searchSources(ctx.db, 'recieve').hits).toHaveLength(0);
  });

  it('grows or shrinks a coding whose own words are corrected', () => {
    const { ctx, src } = interview();
    const id = codePassage(ctx, src.id, 'DI', "Le manque de psychiatres, surtout l'été.");
    const fixed = TEXT.replace("psychiatres, surtout l'été", "psychiatres libéraux, surtout pendant l'été");
    const preview = previewSourceEdit(ctx, src.id, fixed);
    expect(preview.changed).toHaveLength(1);
    expect(preview.changed[0]!.after!.text).toBe("Le manque de psychiatres libéraux, surtout pendant l'été.");
    applySourceEdit(ctx, src.id, fixed, { confirmRemoval: false });
    expect(codedTexts(ctx, src.id).get(id)).toBe("Le manque de psychiatres libéraux, surtout pendant l'été.");
    const shorter = fixed.replace(' libéraux', '');
    applySourceEdit(ctx, src.id, shorter, { confirmRemoval: false });
    expect(codedTexts(ctx, src.id).get(id)).toBe("Le manque de psychiatres, surtout pendant l'été.");
  });

  it('lists codings whose whole text is deleted and removes them only when confirmed', () => {
    const { ctx, src } = interview();
    const gone = codePassage(ctx, src.id, 'DI', 'Les délais sont trop longs.');
    saveMemo(ctx, { target: { kind: 'coding', id: gone }, text: 'À recouper avec le rapport' });
    const kept = codePassage(ctx, src.id, 'CL1', 'Le secret partagé');
    const cut = TEXT.replace(' Les délais sont trop longs.', '');
    const preview = previewSourceEdit(ctx, src.id, cut);
    expect(preview.removed).toEqual([
      expect.objectContaining({ codingId: gone, before: expect.objectContaining({ text: 'Les délais sont trop longs.' }), hasMemo: true }),
    ]);
    let error: TresseError | undefined;
    try {
      applySourceEdit(ctx, src.id, cut, { confirmRemoval: false });
    } catch (e) {
      error = e as TresseError;
    }
    expect(error?.code).toBe('edit.removalNeedsConfirm');
    expect(error?.format('fr')).toContain('1 codage(s)');
    // Refused means untouched.
    expect(getSourceText(ctx.db, src.id)).toBe(TEXT);
    expect(listCodingsOfSource(ctx.db, src.id)).toHaveLength(2);

    applySourceEdit(ctx, src.id, cut, { confirmRemoval: true });
    expect([...codedTexts(ctx, src.id).entries()]).toEqual([[kept, 'Le secret partagé']]);
  });

  it('drops a speaker turn whose whole line is deleted and moves the ones after it', () => {
    const { ctx, src } = interview();
    const cut = TEXT.replace('Enquêtrice : Et les difficultés ?\n', '');
    applySourceEdit(ctx, src.id, cut, { confirmRemoval: false });
    const turns = getSource(ctx.db, src.id).structure;
    expect(turns.map((t) => (t.kind === 'turn' ? t.speaker : ''))).toEqual(['Enquêtrice', 'P4', 'P4']);
    const last = turns[2]!;
    expect(Array.from(cut).slice(last.start, last.end).join('')).toBe("P4 : Le manque de psychiatres, surtout l'été. Les délais sont trop longs.");
  });

  it('diffs a 150 kB transcript with scattered corrections quickly', () => {
    const ctx = newProject();
    const text = longInterview(150);
    const src = addText(ctx, 'Long', text);
    const ids = [1, 300, 600, 900].map((n) => codePassage(ctx, src.id, 'PA', `(réponse ${n})`));
    const before = codedTexts(ctx, src.id);
    // Twenty corrections spread over the whole text, none inside a coded passage.
    let edited = text;
    for (let i = 0; i < 20; i++) edited = edited.replace(`Question ${i * 40 + 7} —`, `Question ${i * 40 + 7} (reformulée) —`);
    const t0 = performance.now();
    const preview = previewSourceEdit(ctx, src.id, edited);
    const ms = performance.now() - t0;
    expect(preview.changes).toHaveLength(20);
    expect(ms).toBeLessThan(2_000);
    applySourceEdit(ctx, src.id, edited, { confirmRemoval: false });
    const after = codedTexts(ctx, src.id);
    for (const id of ids) expect(after.get(id)).toBe(before.get(id));
  });

  it('refuses an empty new text', () => {
    const { ctx, src } = interview();
    expect(() => applySourceEdit(ctx, src.id, '  \n', { confirmRemoval: true })).toThrow(/vide|empty/);
  });
});
