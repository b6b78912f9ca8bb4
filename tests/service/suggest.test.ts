// Code suggestions through the contract, on real project files: what is suggested and why,
// dismissals remembered, acceptance as one undo step, and the explanations when there is little
// or nothing to suggest.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { acceptSuggestionCommand, History } from '../../renderer/coding/history.ts';
import { addCode } from '../../service/codebook.ts';
import { addCoding } from '../../service/codings.ts';
import { setSetting } from '../../service/project.ts';
import { Workspace } from '../../service/workspace.ts';
import { codePointLength } from '../../text/offsets.ts';
import { apiOf, contextOf } from '../helpers/contract.ts';
import { addText, tempDir } from '../helpers/project.ts';

function workspace(grid = 'empty') {
  const dir = tempDir();
  const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  ws.create(join(dir, 'etude.tresse'), { grid, coder: 'Camille' });
  return { ws, api: apiOf(contextOf(ws)) };
}

const HOUSING = "Le bailleur menace d'expulsion.\nLe psychiatre prescrit un traitement.";
const NEW_TEXT = 'Le bailleur confirme l’expulsion.\nUn nouveau traitement du psychiatre.\nRien à signaler ici.';

/** Two codes each learnt from one line of E1, and an uncoded E2 of three lines. */
function project() {
  const { ws, api } = workspace();
  const ctx = ws.project;
  const housing = addCode(ctx, { name: 'Logement' });
  const care = addCode(ctx, { name: 'Soins' });
  const e1 = addText(ctx, 'E1', HOUSING);
  const first = codePointLength("Le bailleur menace d'expulsion.");
  addCoding(ctx, { sourceId: e1.id, codeId: housing.id, start: 0, end: first });
  addCoding(ctx, { sourceId: e1.id, codeId: care.id, start: first + 1, end: codePointLength(HOUSING) });
  const e2 = addText(ctx, 'E2', NEW_TEXT);
  return { ws, api, housing: housing.id, care: care.id, e1: e1.id, e2: e2.id };
}

describe('code suggestions', () => {
  it('suggests for a paragraph the code whose codings share its words, with the words as written and the excerpt', async () => {
    const { api, housing, e2 } = project();
    const s = await api.suggestCodes({ sourceId: e2, turn: 1 });
    expect(s).toMatchObject({ start: 0, end: codePointLength('Le bailleur confirme l’expulsion.'), turn: null });
    expect(s.suggestions.map((x) => x.codeId)).toEqual([housing]);
    expect(s.suggestions[0]!.words.sort()).toEqual(['bailleur', 'expulsion']);
    expect(s.suggestions[0]!.examples).toEqual([expect.objectContaining({ sourceName: 'E1', text: "Le bailleur menace d'expulsion." })]);
    // A code learnt from one coding: the suggestion says it rests on little.
    expect(s.notes).toContainEqual({ kind: 'fewExamples', code: 'Logement', codings: 1 });
  });

  it('suggests for the uncoded passages of a source, and learns from a coding as soon as it is made', async () => {
    const { ws, api, housing, care, e2 } = project();
    const whole = await api.suggestForSource({ sourceId: e2 });
    expect(whole.uncoded).toBe(3);
    expect(whole.passages.map((p) => [p.start, p.suggestions[0]!.codeId])).toEqual([
      [0, housing],
      [codePointLength('Le bailleur confirme l’expulsion.') + 1, care],
    ]);
    // "signaler" is learnt from a new coding: the next suggestion knows it.
    const other = addCode(ws.project, { name: 'Autre' });
    const e3 = addText(ws.project, 'E3', 'Il faut signaler le danger.');
    addCoding(ws.project, { sourceId: e3.id, codeId: other.id, start: 0, end: 27 });
    expect((await api.suggestCodes({ sourceId: e2, turn: 3 })).suggestions.map((x) => x.codeId)).toEqual([other.id]);
  });

  it('learns a coding written by another connection to the file (the command line while the app is open)', async () => {
    const { ws, api, e2 } = project();
    await api.suggestCodes({ sourceId: e2, turn: 3 });
    const other = addCode(ws.project, { name: 'Autre' });
    const e3 = addText(ws.project, 'E3', 'Il faut signaler le danger.');
    const cli = new Database(ws.project.path);
    cli
      .prepare('INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, 0, 27, ?)')
      .run('g-other-connection', e3.id, other.id, ws.project.coder.id, '2026-12-06T00:00:00Z');
    cli.close();
    expect((await api.suggestCodes({ sourceId: e2, turn: 3 })).suggestions.map((x) => x.codeId)).toEqual([other.id]);
  });

  it('does not suggest a dismissed code for that passage again, nor for a selection that is mostly the same', async () => {
    const { api, housing, e2 } = project();
    const turn = await api.suggestCodes({ sourceId: e2, turn: 1 });
    await api.dismissSuggestion({ sourceId: e2, start: turn.start, end: turn.end, codeId: housing });
    await api.dismissSuggestion({ sourceId: e2, start: turn.start, end: turn.end, codeId: housing });
    expect((await api.suggestCodes({ sourceId: e2, turn: 1 })).suggestions).toEqual([]);
    expect((await api.suggestCodes({ sourceId: e2, start: turn.start + 3, end: turn.end })).suggestions).toEqual([]);
    expect((await api.suggestForSource({ sourceId: e2 })).passages.map((p) => p.start)).toEqual([turn.end + 1]);
    // Elsewhere the code is still suggested.
    expect((await api.suggestCodes({ sourceId: e2, start: 3, end: 12 })).suggestions.map((x) => x.codeId)).toEqual([housing]);
  });

  it('accepts a suggestion as one coding that one undo takes back and redo makes again', async () => {
    const { api, housing, e2 } = project();
    const history = new History(api);
    const turn = await api.suggestCodes({ sourceId: e2, turn: 1 });
    const coding = (await history.run(acceptSuggestionCommand({ sourceId: e2, start: turn.start, end: turn.end, codeId: housing }, 'Logement')))!;
    expect(await api.listCodings({ sourceId: e2 })).toEqual([expect.objectContaining({ id: coding.id, codeId: housing, start: turn.start, end: turn.end })]);
    // Coded: no longer an uncoded passage, and its code is not suggested for it.
    expect((await api.suggestForSource({ sourceId: e2 })).uncoded).toBe(2);
    expect((await api.suggestCodes({ sourceId: e2, turn: 1 })).suggestions).toEqual([]);
    await history.undo();
    expect(await api.listCodings({ sourceId: e2 })).toEqual([]);
    await history.redo();
    expect(await api.listCodings({ sourceId: e2 })).toEqual([expect.objectContaining({ guid: coding.guid, codeId: housing })]);
  });

  it('explains a project with no codings: nothing to learn from, or the definitions alone', async () => {
    const { ws, api } = workspace();
    const e1 = addText(ws.project, 'E1', 'Le bailleur menace.');
    const empty = await api.suggestCodes({ sourceId: e1.id, turn: 1 });
    expect(empty).toMatchObject({ suggestions: [], notes: [{ kind: 'noCodings', definitions: 0 }] });
    expect((await api.suggestForSource({ sourceId: e1.id })).notes).toEqual([{ kind: 'noCodings', definitions: 0 }]);
    expect(await api.evaluateSuggestions()).toMatchObject({ sources: 0, passages: 0, model: { at1: 0, at3: 0 } });

    const withGrid = workspace('six-themes');
    const e2 = addText(withGrid.ws.project, 'E2', 'Le secret partagé entre professionnels de la cellule.');
    const fromDefinitions = await withGrid.api.suggestCodes({ sourceId: e2.id, turn: 1 });
    expect(fromDefinitions.notes[0]).toMatchObject({ kind: 'noCodings' });
    expect(fromDefinitions.suggestions.length).toBeGreaterThan(0);
  });

  it('says when a passage is written in another language than the project, or has no words to go by', async () => {
    const { ws, api } = project();
    const en = addText(ws.project, 'EN', 'The landlord said that they would not wait for the tenant to leave and that it was over.\n123 ... !');
    expect((await api.suggestCodes({ sourceId: en.id, turn: 1 })).notes).toContainEqual({ kind: 'otherLanguage', language: 'en', projectLanguage: 'fr' });
    expect((await api.suggestCodes({ sourceId: en.id, turn: 2 })).notes).toEqual([{ kind: 'emptyPassage' }]);
    setSetting(ws.project.db, 'text_language', 'en');
    expect((await api.suggestCodes({ sourceId: en.id, turn: 1 })).notes).not.toContainEqual(expect.objectContaining({ kind: 'otherLanguage' }));
  });

  it('refuses a turn the source does not have, in the user’s language', async () => {
    const { api, e2 } = project();
    await expect(api.suggestCodes({ sourceId: e2, turn: 9 })).rejects.toMatchObject({ code: 'suggest.noTurn' });
  });
});
