// Sets through the project database: exported to .qdpx (schema-valid), imported into a new project
// with the same names, GUIDs and members, merged into a project that has a set of the same name,
// and brought back into their own project without changing anything.
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { resolveCode } from '../../../service/codebook.ts';
import { listDoneMarks, setSourceDone } from '../../../service/source-done.ts';
import { exportQdpx, importQdpx, importQdpxAsNewProject } from '../../../service/refi.ts';
import { createSet, listSets } from '../../../service/sets.ts';
import { listSources } from '../../../service/sources.ts';
import { addText, newProject, tempDir } from '../../helpers/project.ts';
import { schemaErrors } from '../../exchange/refi/fixtures.ts';
import { track } from './fixtures.ts';

/** Sets as a user sees them: kind, name, description, GUID, members by name. */
function setsOf(db: Db) {
  const sources = new Map(listSources(db).map((s) => [s.id, s.name]));
  const codes = new Map((db.prepare('SELECT id, name FROM codes').all() as { id: number; name: string }[]).map((c) => [c.id, c.name]));
  return listSets(db).map((s) => ({
    guid: s.guid,
    kind: s.kind,
    name: s.name,
    description: s.description,
    members: s.memberIds.map((id) => (s.kind === 'sources' ? sources : codes).get(id)).sort(),
  }));
}

const CL1 = "Secret professionnel et partage d'informations";
const DI1 = 'Difficultés de prise en charge';

function study() {
  const ctx = newProject();
  const lyon1 = addText(ctx, 'Lyon 1', 'Premier entretien à Lyon.');
  const lyon2 = addText(ctx, 'Lyon 2', 'Deuxième entretien à Lyon.');
  const brest = addText(ctx, 'Brest 1', 'Entretien à Brest 🌊.');
  createSet(ctx, { kind: 'sources', name: 'Site Lyon', description: 'Vague de mars', sourceIds: [lyon1.id, lyon2.id] });
  createSet(ctx, { kind: 'sources', name: 'Vague 2', sourceIds: [brest.id, lyon2.id] });
  createSet(ctx, { kind: 'codes', name: 'Site Lyon', codeIds: [resolveCode(ctx.db, 'CL1').id, resolveCode(ctx.db, 'DI1').id] });
  createSet(ctx, { kind: 'sources', name: 'À trier' });
  setSourceDone(ctx, lyon1.id, true);
  return { ctx, lyon1, brest };
}

describe('sets in a REFI-QDA exchange', () => {
  it('a .qdpx carries them, schema-valid, and a new project made from it has the same sets, GUIDs and members', async () => {
    const { ctx } = study();
    const bytes = exportQdpx(ctx.db);
    const qde = strFromU8(unzipSync(bytes)['project.qde']!);
    expect(await schemaErrors(qde, 'Project.xsd')).toEqual([]);
    const copy = importQdpxAsNewProject(join(tempDir(), 'copie.tresse'), bytes, { coder: 'Camille' });
    track(copy.ctx);
    expect(setsOf(copy.ctx.db)).toEqual(setsOf(ctx.db));
    expect(setsOf(copy.ctx.db).map((s) => `${s.kind}:${s.name}:${s.members.join(' + ')}`)).toEqual([
      'sources:À trier:',
      'sources:Site Lyon:Lyon 1 + Lyon 2',
      'sources:Vague 2:Brest 1 + Lyon 2',
      `codes:Site Lyon:${DI1} + ${CL1}`,
    ]);
    // The "coding done" marks travel beside them, as marks, not as a set.
    expect(listDoneMarks(copy.ctx.db).map((m) => m.coder)).toEqual(['Camille']);
    expect(copy.result.sets).toEqual({ added: 4, matched: 0, membersAdded: 6 });
    expect(copy.result.warnings).toEqual([]);
  });

  it('brought back into the project it came from, changes nothing', () => {
    const { ctx } = study();
    const before = setsOf(ctx.db);
    const result = importQdpx(ctx, exportQdpx(ctx.db));
    expect(result.sets).toEqual({ added: 0, matched: 4, membersAdded: 0 });
    expect(setsOf(ctx.db)).toEqual(before);
  });

  it('merged into a project with a set of the same name, adds the members it lacks and keeps that set', () => {
    const theirs = study();
    const mine = newProject();
    const brest = addText(mine, 'Brest 1', 'Entretien à Brest 🌊.');
    const mineLyon = createSet(mine, { kind: 'sources', name: 'site lyon', description: 'Mes entretiens', sourceIds: [brest.id] });
    const result = importQdpx(mine, exportQdpx(theirs.ctx.db));
    expect(result.sets).toEqual({ added: 3, matched: 1, membersAdded: 6 });
    const lyon = setsOf(mine.db).find((s) => s.kind === 'sources' && s.guid === mineLyon.guid)!;
    expect(lyon).toMatchObject({ name: 'site lyon', description: 'Mes entretiens', members: ['Brest 1', 'Lyon 1', 'Lyon 2'] });
  });
});
