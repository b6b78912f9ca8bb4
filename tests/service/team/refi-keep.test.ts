// A .qdpx in a vendor's manner, imported into a new project and exported again: the elements the
// standard defines that Tresse understands come back as they were (GUIDs, counts, attributes), the
// account it was imported under is not written as a user, and the import report lists what was not kept.
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { normaliseGuid } from '../../../exchange/refi/guid.ts';
import { parseXml, type XmlElement } from '../../../exchange/refi/xml.ts';
import { addCode, resolveCode, updateCode } from '../../../service/codebook.ts';
import { resolveCase } from '../../../service/cases.ts';
import { addCoding, findCodingByGuid } from '../../../service/codings.ts';
import { extendCoding, undoExtendCoding } from '../../../service/coding-extend.ts';
import { exportQdpx, importQdpxAsNewProject } from '../../../service/refi.ts';
import { addText, newProject, tempDir } from '../../helpers/project.ts';
import { schemaErrors } from '../../exchange/refi/fixtures.ts';
import { KEEP, keepQde, keepQdpx } from '../../exchange/refi/vendor-keep-fixture.ts';
import { track } from './fixtures.ts';

function qdeOf(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['project.qde']!);
}

const g = (raw: string | undefined) => (raw === undefined ? undefined : normaliseGuid(raw));

function all(el: XmlElement, name: string, parent: XmlElement | null = null, out: { el: XmlElement; parent: XmlElement | null }[] = []) {
  if (el.name === name) out.push({ el, parent });
  for (const c of el.children) all(c, name, el, out);
  return out;
}

const descriptionOf = (el: XmlElement) => el.children.find((c) => c.name === 'Description')?.text;

/** What a project.qde says about the elements Tresse keeps, keyed by GUID (normalised). */
function view(xml: string) {
  const root = parseXml(xml, 'project.qde');
  const byGuid = <T>(name: string, f: (el: XmlElement, parent: XmlElement | null) => T) =>
    Object.fromEntries(all(root, name).map(({ el, parent }) => [g(el.attrs.guid)!, f(el, parent)])) as Record<string, T>;
  return {
    users: byGuid('User', (u) => u.attrs.name),
    codes: byGuid('Code', (c, parent) => ({
      name: c.attrs.name,
      parent: parent?.name === 'Code' ? g(parent.attrs.guid) : null,
      color: c.attrs.color?.toLowerCase(),
      description: descriptionOf(c),
      codable: c.attrs.isCodable,
    })),
    variables: byGuid('Variable', (v) => ({ name: v.attrs.name, type: v.attrs.typeOfVariable })),
    cases: byGuid('Case', (c) => ({
      name: c.attrs.name,
      description: descriptionOf(c),
      sources: c.children.filter((x) => x.name === 'SourceRef').map((x) => g(x.attrs.targetGUID)),
      values: all(c, 'VariableValue').map(({ el }) => `${g(el.children[0]!.attrs.targetGUID)}=${el.children[1]?.text}`),
    })),
    sources: byGuid('TextSource', (s) => ({
      name: s.attrs.name,
      creatingUser: g(s.attrs.creatingUser),
      created: s.attrs.creationDateTime,
      values: all(s, 'VariableValue').map(({ el }) => `${g(el.children[0]!.attrs.targetGUID)}=${el.children[1]?.text}`),
    })),
    selections: byGuid('PlainTextSelection', (s, parent) => ({
      source: g(parent!.attrs.guid),
      start: s.attrs.startPosition,
      end: s.attrs.endPosition,
      creatingUser: g(s.attrs.creatingUser),
      description: descriptionOf(s),
      codings: all(s, 'Coding')
        .map(({ el }) => `${g(el.attrs.guid)} ${g(el.children.find((x) => x.name === 'CodeRef')!.attrs.targetGUID)} ${g(el.attrs.creatingUser)}`)
        .sort(),
    })),
    notes: byGuid('Note', (n) => ({ name: n.attrs.name, text: n.children.find((x) => x.name === 'PlainTextContent')?.text })),
    noteRefs: all(root, 'NoteRef')
      .map(({ el, parent }) => `${parent!.name}:${g(parent!.attrs.guid) ?? ''} -> ${g(el.attrs.targetGUID)}`)
      .sort(),
    sets: byGuid('Set', (set) => ({
      name: set.attrs.name,
      description: descriptionOf(set),
      members: set.children
        .filter((m) => m.name.startsWith('Member'))
        .map((m) => `${m.name} ${g(m.attrs.targetGUID)}`)
        .sort(),
    })),
    links: byGuid('Link', (l) => ({ name: l.attrs.name, direction: l.attrs.direction, origin: g(l.attrs.originGUID), target: g(l.attrs.targetGUID) })),
    counts: Object.fromEntries(
      ['User', 'Code', 'Variable', 'Case', 'TextSource', 'PlainTextSelection', 'Coding', 'Note', 'Link', 'Set'].map((n) => [n, all(root, n).length]),
    ),
  };
}

function importKeep(coder = 'jdupont') {
  const { ctx, result } = importQdpxAsNewProject(join(tempDir(), 'vague2.tresse'), keepQdpx(), { fileName: 'vague2.qdpx', coder });
  return { ctx: track(ctx), result };
}

describe('a .qdpx written back by Tresse keeps what it read', () => {
  it('the fixture is a valid REFI-QDA project', async () => {
    expect(await schemaErrors(keepQde(), 'Project.xsd')).toEqual([]);
  });

  it('keeps users, selections with several codings, colours, descriptions, variables, notes, links and sets', async () => {
    const { ctx } = importKeep();
    const exported = qdeOf(exportQdpx(ctx.db));
    expect(await schemaErrors(exported, 'Project.xsd')).toEqual([]);
    const before = view(keepQde());
    const after = view(exported);

    // Sofia coded nothing and is still there; the account the file was imported under is not.
    expect(after.users).toEqual(before.users);
    expect(Object.values(after.users)).not.toContain('jdupont');
    // Four selections, not seven: each keeps its GUID, its range and all its codings.
    expect(after.counts.PlainTextSelection).toBe(4);
    expect(after.selections).toEqual(before.selections);
    // No colour stays absent, an empty Description stays empty, an absent one absent.
    expect(after.codes).toEqual(before.codes);
    expect(after.codes[KEEP.codes.voisinage]).toMatchObject({ color: undefined, description: '' });
    expect(after.codes[KEEP.codes.isolement]).toMatchObject({ color: '#d62728', description: undefined });
    expect(after.variables).toEqual(before.variables);
    expect(after.cases).toEqual(before.cases);
    expect(after.sources).toEqual(before.sources);
    expect(after.notes).toEqual(before.notes);
    expect(after.links).toEqual(before.links);
    expect(after.sets).toEqual(before.sets);
    expect(Object.keys(after.sets)).toHaveLength(2);
    expect(after.noteRefs).toEqual(
      [
        ...before.noteRefs.filter((r) => !r.startsWith('PlainTextSelection:')),
        // A note on a selection is attached to its coding (reported on import).
        `Coding:${KEEP.codings[6]} -> ${KEEP.notes.onSelection}`,
      ].sort(),
    );
    expect(after.counts).toEqual({ ...before.counts });
  });

  it('writes the same file when the export is read and written again', () => {
    const { ctx } = importKeep();
    const first = qdeOf(exportQdpx(ctx.db));
    const { ctx: again } = importQdpxAsNewProject(join(tempDir(), 'retour.tresse'), exportQdpx(ctx.db), { coder: 'autre' });
    track(again);
    expect(qdeOf(exportQdpx(again.db))).toBe(first);
  });

  it('lists in the import report what it read but will not write back', () => {
    const { result } = importKeep();
    const notKept = result.warnings.filter((w) => w.code === 'refi.notKept');
    expect(Object.fromEntries(notKept.map((w) => [w.params.element, w.params.count]))).toEqual({
      'Project@creatingUserGUID': 1,
      'Project@creationDateTime': 1,
      'TextSource/Description': 1,
      'Note@creatingUser': 3,
      'Note@creationDateTime': 1,
      'PlainTextSelection@name': 3,
      'PlainTextSelection/NoteRef': 1,
    });
    expect(notKept[0]!.fr).toContain('Tresse ne le garde pas');
    expect(notKept[0]!.en).toContain('Tresse does not keep it');
  });

  it('writes what the user changed in Tresse instead: a colour, a description, a passage widened', async () => {
    const { ctx } = importKeep();
    const divers = resolveCode(ctx.db, 'Divers');
    updateCode(ctx, divers.id, { color: '#8c564b', definition: 'Ce qui ne rentre nulle part.' });
    const case1 = resolveCase(ctx.db, 'Habitante 1');
    ctx.db.prepare('UPDATE cases SET description = ? WHERE id = ?').run('Vit seule depuis 2019.', case1.id);
    // Marc's Isolement coding of the three-coding selection, widened by one character.
    const marc = findCodingByGuid(ctx.db, KEEP.codings[5])!;
    const widened = extendCoding(ctx, { sourceId: marc.sourceId, codeId: marc.codeId, coderId: marc.coderId, start: marc.start, end: marc.end + 1 });

    const exported = qdeOf(exportQdpx(ctx.db));
    expect(await schemaErrors(exported, 'Project.xsd')).toEqual([]);
    const after = view(exported);
    expect(after.codes[KEEP.codes.divers]).toMatchObject({ color: '#8c564b', description: 'Ce qui ne rentre nulle part.' });
    expect(after.cases[KEEP.cases.p1]!.description).toBe('Vit seule depuis 2019.');
    // The selection keeps its GUID for the two codings still on it; the widened one has its own.
    expect(after.selections[KEEP.selections.triple]!.codings.map((c) => c.split(' ')[0])).toEqual([KEEP.codings[3], KEEP.codings[4]]);
    const own = Object.values(after.selections).filter((s) => s.codings.some((c) => c.startsWith(widened.coding.guid)));
    expect(own).toHaveLength(1);
    expect(own[0]!.end).toBe(String(marc.end + 1));
    const guids = all(parseXml(exported, 'project.qde'), 'PlainTextSelection').map(({ el }) => el.attrs.guid);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('gives a widened passage its selection back when the widening is undone', () => {
    const { ctx } = importKeep();
    const before = view(qdeOf(exportQdpx(ctx.db))).selections;
    const marc = findCodingByGuid(ctx.db, KEEP.codings[5])!;
    const { coding, replaced } = extendCoding(ctx, {
      sourceId: marc.sourceId,
      codeId: marc.codeId,
      coderId: marc.coderId,
      start: marc.start,
      end: marc.end + 1,
    });
    undoExtendCoding(ctx, coding.id, replaced);
    expect(view(qdeOf(exportQdpx(ctx.db))).selections).toEqual(before);
  });
});

describe('the users a .qdpx names', () => {
  it('names the account that coded, and not one that only opened the project', () => {
    const ctx = newProject({ grid: 'empty', coder: 'Camille' });
    const source = addText(ctx, 'Entretien 01', 'Je viens le mardi, parfois le jeudi.');
    const code = addCode(ctx, { name: 'Rythme' });
    addCoding(ctx, { sourceId: source.id, codeId: code.id, start: 0, end: 17 });
    const users = () => view(qdeOf(exportQdpx(ctx.db))).users;
    expect(Object.values(users())).toEqual(['Camille']);
    // Léo opens the project to export it: he is not written as a user.
    ctx.coder = ctx.db
      .prepare("INSERT INTO coders (guid, name, created_at) VALUES ('c0ffee00-0000-4000-8000-000000000001', 'Léo', '2026-01-01') RETURNING id, guid, name")
      .get() as typeof ctx.coder;
    expect(Object.values(users())).toEqual(['Camille']);
    // Nor as the creator of the source he did not import.
    expect(qdeOf(exportQdpx(ctx.db))).not.toContain('c0ffee00-0000-4000-8000-000000000001');
  });
});
