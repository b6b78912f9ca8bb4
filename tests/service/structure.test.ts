import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../exchange/import/index.ts';
import type { StructureSegment } from '../../model/types.ts';
import { applySourceEdit, previewSourceEdit } from '../../service/edit-source.ts';
import { applyPseudonyms, previewPseudonyms } from '../../service/pseudonymise.ts';
import { savePseudonyms } from '../../service/pseudonyms.ts';
import { getSource, importSource } from '../../service/sources.ts';
import { sliceCodePoints } from '../../text/offsets.ts';
import { utf8 } from '../fixtures/import/make.ts';
import { announcedStructure } from '../helpers/edit-preview.ts';
import { newProject } from '../helpers/project.ts';

// A source's turns and sections are stored as one JSON value (service/structure.ts): they must come
// back as the importer made them and keep following the text through edits and pseudonymisation.

const TRANSCRIPT = [
  '# Entretien avec Marie Durand',
  '## Le parcours',
  '[00:00:04] Enquêtrice : Pouvez-vous vous présenter ?',
  'Marie Durand : Je coordonne la cellule depuis 2019.',
  '## Le secret partagé',
  '[00:02:10] Enquêtrice : Et le secret partagé ?',
  'Marie Durand : On anonymise les situations avant la réunion.',
  '',
].join('\n');

const covered = (text: string, s: StructureSegment) => sliceCodePoints(text, s.start, s.end);
const turns = (structure: StructureSegment[]) => structure.filter((s) => s.kind === 'turn');
const speakers = (structure: StructureSegment[]) => turns(structure).map((t) => (t.kind === 'turn' ? t.speaker : ''));

async function imported() {
  const ctx = newProject();
  const bytes = utf8(TRANSCRIPT);
  const { source } = await importSource(ctx, { fileName: 'entretien.md', bytes, kind: 'interview' });
  return { ctx, id: source.id, parsed: await parseSourceFile(bytes, 'entretien.md') };
}

describe('a source structure stored as one JSON value', () => {
  it('reads back exactly what the importer found: sections and turns with speakers and timestamps', async () => {
    const { ctx, id, parsed } = await imported();
    const source = getSource(ctx.db, id);
    expect(source.structure).toEqual(parsed.structure.map((s) => (s.kind === 'turn' ? { ...s, timestampMs: s.timestampMs ?? null } : s)));
    expect(source.structure.filter((s) => s.kind === 'section')).toHaveLength(3);
    expect(speakers(source.structure)).toEqual(['Enquêtrice', 'Marie Durand', 'Enquêtrice', 'Marie Durand']);
    expect(turns(source.structure).map((t) => (t.kind === 'turn' ? t.timestampMs : undefined))).toEqual([4000, null, 130_000, null]);
    const starts = source.structure.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('moves turns with an edit of the text', async () => {
    const { ctx, id } = await imported();
    const before = getSource(ctx.db, id);
    const oldTurns = turns(before.structure).map((t) => covered(before.text, t));
    const edited = before.text.replace('Pouvez-vous vous présenter ?', 'Pouvez-vous, pour commencer, vous présenter ?');
    expect(previewSourceEdit(ctx, id, edited).structure.length).toBeGreaterThan(0);
    applySourceEdit(ctx, id, edited, { confirmRemoval: false });
    const after = getSource(ctx.db, id);
    expect(after.text).toBe(edited);
    expect(speakers(after.structure)).toEqual(speakers(before.structure));
    expect(turns(after.structure).map((t) => covered(after.text, t))).toEqual([
      oldTurns[0]!.replace('Pouvez-vous', 'Pouvez-vous, pour commencer,'),
      ...oldTurns.slice(1),
    ]);
  });

  it('previews and saves a deleted turn line as a removed turn; the turns around it stay whole', async () => {
    const { ctx, id } = await imported();
    const before = getSource(ctx.db, id);
    const cut = before.text.replace('[00:02:10] Enquêtrice : Et le secret partagé ?\n', '');
    const preview = previewSourceEdit(ctx, id, cut);
    expect(preview.structure.filter((s) => s.change !== 'moved')).toEqual([
      expect.objectContaining({ kind: 'turn', change: 'removed', label: 'Enquêtrice', excerpt: 'Et le secret partagé ?', after: null }),
    ]);
    applySourceEdit(ctx, id, cut, { confirmRemoval: false });
    const after = getSource(ctx.db, id);
    expect(after.structure).toEqual(announcedStructure(before.structure, preview));
    expect(speakers(after.structure)).toEqual(['Enquêtrice', 'Marie Durand', 'Marie Durand']);
    expect(covered(after.text, turns(after.structure)[2]!)).toBe('Marie Durand : On anonymise les situations avant la réunion.\n');
  });

  it('removes a section whose heading line is deleted; the section before it takes its text', async () => {
    const { ctx, id } = await imported();
    const before = getSource(ctx.db, id);
    const cut = before.text.replace('## Le secret partagé\n', '');
    const preview = previewSourceEdit(ctx, id, cut);
    expect(preview.structure.filter((s) => s.change !== 'moved')).toEqual([
      expect.objectContaining({ kind: 'section', change: 'removed', label: 'Le secret partagé', joins: 'Le parcours' }),
    ]);
    applySourceEdit(ctx, id, cut, { confirmRemoval: false });
    const after = getSource(ctx.db, id);
    expect(after.structure).toEqual(announcedStructure(before.structure, preview));
    const sections = after.structure.filter((s) => s.kind === 'section');
    expect(sections.map((s) => (s.kind === 'section' ? s.heading : ''))).toEqual(['Entretien avec Marie Durand', 'Le parcours']);
    expect(covered(after.text, sections[1]!)).toContain('Marie Durand : On anonymise les situations avant la réunion.');
    expect(speakers(after.structure)).toEqual(speakers(before.structure));
  });

  it('renames a section whose heading is rewritten', async () => {
    const { ctx, id } = await imported();
    const before = getSource(ctx.db, id);
    const edited = before.text.replace('## Le parcours', '## Le parcours professionnel');
    const preview = previewSourceEdit(ctx, id, edited);
    expect(preview.structure.filter((s) => s.change !== 'moved')).toEqual([
      expect.objectContaining({ kind: 'section', change: 'relabelled', label: 'Le parcours', newLabel: 'Le parcours professionnel' }),
    ]);
    applySourceEdit(ctx, id, edited, { confirmRemoval: false });
    expect(getSource(ctx.db, id).structure).toEqual(announcedStructure(before.structure, preview));
  });

  it('pseudonymises speaker labels and headings inside the structure, positions following the text', async () => {
    const { ctx, id } = await imported();
    savePseudonyms(ctx, [{ realName: 'Marie Durand', pseudonym: 'Anne Petit' }]);
    const { matches } = previewPseudonyms(ctx.db);
    const places = (column: string) => matches.filter((m) => m.target.kind === 'field' && m.target.table === 'source_structure' && m.target.column === column);
    expect(places('speaker').map((m) => [m.found, m.replacement])).toEqual([
      ['Marie Durand', 'Anne Petit'],
      ['Marie Durand', 'Anne Petit'],
    ]);
    expect(places('heading').map((m) => m.found)).toEqual(['Marie Durand']);
    // Each label is a place of its own source.
    expect(new Set(places('speaker').map((m) => m.target.kind === 'field' && m.target.rowId))).toEqual(new Set([id]));

    // Only the first speaker label accepted: the second stays as it was.
    const first = places('speaker')[0]!;
    applyPseudonyms(ctx, { accept: [first.id] });
    expect(speakers(getSource(ctx.db, id).structure)).toEqual(['Enquêtrice', 'Anne Petit', 'Enquêtrice', 'Marie Durand']);
    expect(previewPseudonyms(ctx.db).matches.some((m) => m.id === first.id)).toBe(false);

    applyPseudonyms(ctx, { accept: 'all' });
    const source = getSource(ctx.db, id);
    expect(source.text).not.toContain('Marie Durand');
    expect(speakers(source.structure)).toEqual(['Enquêtrice', 'Anne Petit', 'Enquêtrice', 'Anne Petit']);
    expect(source.structure[0]).toMatchObject({ kind: 'section', heading: 'Entretien avec Anne Petit' });
    for (const t of turns(source.structure)) {
      expect(covered(source.text, t)).toContain(`${t.kind === 'turn' ? t.speaker : ''} : `);
    }
    expect(previewPseudonyms(ctx.db).matches).toEqual([]);
  });
});
