import { describe, expect, it } from 'vitest';
import { searchSources } from '../../../db/search.ts';
import type { TresseError } from '../../../i18n/error.ts';
import { listCodingsOfSource } from '../../../service/codings.ts';
import { applySourceEdit, previewSourceEdit } from '../../../service/edit-source.ts';
import { saveMemo } from '../../../service/memos.ts';
import { getSource, getSourceText } from '../../../service/sources.ts';
import { hashText } from '../../../text/hash.ts';
import { codePointLength } from '../../../text/offsets.ts';
import { announcedStructure } from '../../helpers/edit-preview.ts';
import { addText, newProject } from '../../helpers/project.ts';
import { codedTexts, codePassage, longInterview } from './fixtures.ts';

const TEXT = `Enquêtrice : Comment travaillez-vous avec le CMP ?
P4 : On se recieve à la cellule 🙂 tous les mois. Le secret partagé nous aide beaucoup.
Enquêtrice : Et les difficultés ?
P4 : Le manque de psychiatres, surtout l'été. Les délais sont trop longs.
`;

function interview() {
  return interviewOf(TEXT);
}

/** One speaker turn per non-empty line, ending at the line's end (without its line break). */
function interviewOf(text: string) {
  const ctx = newProject();
  const turnsAt = [...text.matchAll(/^.*$/gm)].filter((m) => m[0].length > 0);
  const structure = turnsAt.map((m) => {
    const start = codePointLength(text.slice(0, m.index));
    return { kind: 'turn' as const, start, end: start + codePointLength(m[0]), speaker: m[0].split(' :')[0]! };
  });
  const src = addText(ctx, 'Entretien P4', text, 'interview', structure);
  return { ctx, src };
}

/** The text of each turn or section of a source as stored. */
function lines(ctx: ReturnType<typeof newProject>, sourceId: number): string[] {
  const s = getSource(ctx.db, sourceId);
  return s.structure.map((t) => Array.from(s.text).slice(t.start, t.end).join(''));
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

  it('previews a deleted turn line as a removed turn with its speaker and first words, even beside a line starting alike', () => {
    // The interviewer asked twice in a row: a diff cut after the common "Enquêtrice : Et " would
    // leave the deleted question's label on the next line and shrink the codings there.
    const text = TEXT.replace('Enquêtrice : Et les difficultés ?\n', 'Enquêtrice : Et ensuite ?\nEnquêtrice : Et les difficultés ?\n');
    const { ctx, src } = interviewOf(text);
    const ensuite = codePassage(ctx, src.id, 'PA', 'Et ensuite ?');
    const difficultes = codePassage(ctx, src.id, 'DI', 'Et les difficultés ?');
    const cut = text.replace('Enquêtrice : Et ensuite ?\n', '');
    const before = getSource(ctx.db, src.id).structure;

    const preview = previewSourceEdit(ctx, src.id, cut);
    expect(preview.changes.map((c) => c.oldText)).toEqual(['Enquêtrice : Et ensuite ?\n']);
    expect(preview.structure.filter((s) => s.change !== 'moved')).toEqual([
      expect.objectContaining({ kind: 'turn', change: 'removed', label: 'Enquêtrice', excerpt: 'Et ensuite ?', after: null }),
    ]);
    expect(preview.removed.map((k) => k.codingId)).toEqual([ensuite]);
    expect(preview.moved.map((k) => k.codingId)).toEqual([difficultes]);

    applySourceEdit(ctx, src.id, cut, { confirmRemoval: true });
    expect(getSource(ctx.db, src.id).structure).toEqual(announcedStructure(before, preview));
    expect(lines(ctx, src.id)).toEqual([
      'Enquêtrice : Comment travaillez-vous avec le CMP ?',
      'P4 : On se recieve à la cellule 🙂 tous les mois. Le secret partagé nous aide beaucoup.',
      'Enquêtrice : Et les difficultés ?',
      "P4 : Le manque de psychiatres, surtout l'été. Les délais sont trop longs.",
    ]);
    expect([...codedTexts(ctx, src.id).values()]).toEqual(['Et les difficultés ?']);
  });

  it('takes a line whose speaker label is deleted into the turn before it', () => {
    const { ctx, src } = interview();
    const question = codePassage(ctx, src.id, 'DI', 'Et les difficultés ?');
    const unlabelled = TEXT.replace('Enquêtrice : Et les difficultés ?', 'Et les difficultés ?');
    const before = getSource(ctx.db, src.id).structure;
    const preview = previewSourceEdit(ctx, src.id, unlabelled);
    expect(preview.structure.filter((s) => s.change !== 'moved')).toEqual([
      expect.objectContaining({ kind: 'turn', change: 'removed', label: 'Enquêtrice', excerpt: 'Et les difficultés ?', joins: 'P4' }),
    ]);
    expect(preview.removed).toEqual([]);
    expect(preview.moved.map((k) => k.codingId)).toEqual([question]);
    applySourceEdit(ctx, src.id, unlabelled, { confirmRemoval: false });
    expect(getSource(ctx.db, src.id).structure).toEqual(announcedStructure(before, preview));
    expect(lines(ctx, src.id)).toEqual([
      'Enquêtrice : Comment travaillez-vous avec le CMP ?',
      'P4 : On se recieve à la cellule 🙂 tous les mois. Le secret partagé nous aide beaucoup.\nEt les difficultés ?',
      "P4 : Le manque de psychiatres, surtout l'été. Les délais sont trop longs.",
    ]);
  });

  it('merges two turns joined on one line into the first one', () => {
    const { ctx, src } = interview();
    const merged = TEXT.replace('Et les difficultés ?\nP4 : Le manque', 'Et les difficultés ? Le manque');
    const before = getSource(ctx.db, src.id).structure;
    const preview = previewSourceEdit(ctx, src.id, merged);
    expect(preview.structure.filter((s) => s.change !== 'moved')).toEqual([
      expect.objectContaining({
        kind: 'turn',
        change: 'removed',
        label: 'P4',
        excerpt: "Le manque de psychiatres, surtout l'été. Les délais sont…",
        joins: 'Enquêtrice',
      }),
    ]);
    applySourceEdit(ctx, src.id, merged, { confirmRemoval: false });
    expect(getSource(ctx.db, src.id).structure).toEqual(announcedStructure(before, preview));
    expect(lines(ctx, src.id).slice(2)).toEqual(["Enquêtrice : Et les difficultés ? Le manque de psychiatres, surtout l'été. Les délais sont trop longs."]);
  });

  it('starts a new turn at a new line with a speaker label, cutting the turn it falls in', () => {
    const { ctx, src } = interview();
    const delais = codePassage(ctx, src.id, 'DI', 'Les délais sont trop longs.');
    const split = TEXT.replace("l'été. Les délais", "l'été.\nEnquêtrice : Et les délais ?\nP4 : Les délais").concat('Enquêtrice : Merci.\n');
    const before = getSource(ctx.db, src.id).structure;
    const preview = previewSourceEdit(ctx, src.id, split);
    expect(preview.structure.filter((s) => s.change === 'added').map((s) => [s.label, s.excerpt])).toEqual([
      ['Enquêtrice', 'Et les délais ?'],
      ['P4', 'Les délais sont trop longs.'],
      ['Enquêtrice', 'Merci.'],
    ]);
    expect(preview.moved.map((k) => k.codingId)).toEqual([delais]);
    applySourceEdit(ctx, src.id, split, { confirmRemoval: false });
    expect(getSource(ctx.db, src.id).structure).toEqual(announcedStructure(before, preview));
    expect(
      lines(ctx, src.id)
        .slice(3)
        .map((l) => l.trimEnd()),
    ).toEqual(["P4 : Le manque de psychiatres, surtout l'été.", 'Enquêtrice : Et les délais ?', 'P4 : Les délais sont trop longs.', 'Enquêtrice : Merci.']);
  });

  it('renames a turn whose speaker label is corrected', () => {
    const { ctx, src } = interview();
    const fixed = TEXT.replace('Enquêtrice : Et les', 'Enquêteur : Et les');
    const preview = previewSourceEdit(ctx, src.id, fixed);
    expect(preview.structure.filter((s) => s.change !== 'moved')).toEqual([
      expect.objectContaining({ kind: 'turn', change: 'relabelled', label: 'Enquêtrice', newLabel: 'Enquêteur', excerpt: 'Et les difficultés ?' }),
    ]);
    applySourceEdit(ctx, src.id, fixed, { confirmRemoval: false });
    expect(getSource(ctx.db, src.id).structure.map((t) => (t.kind === 'turn' ? t.speaker : ''))).toEqual(['Enquêtrice', 'P4', 'Enquêteur', 'P4']);
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
