// The ATLAS.ti export shipped with the REFI-QDA material (../shared/refi-qda/samples). Its archive
// holds Project.qde and an empty Sources/ folder: every source is referenced but missing, as happens
// in real exports.
//
// Counted by hand in its Project.qde:
//   <Users>: 3 <User> (ATLAS.ti, Friedrich Markgraf, Sebastian Petrausch)
//   <CodeBook>: 14 <Code>, none nested (ATLAS.ti writes groups as "Coke::diet Coke" names)
//   no <Cases>, no <Variables>
//   <Sources>: 6 TextSource (codings: Audio.docx 0, Visual.docx 0, Diet Coke Break.docx 1,
//     Mabêl 2ième.txt 0, Mabel.txt 3, Simon.docx 3), 1 PictureSource (2 codings), 2 PDFSource whose
//     plain-text Representation is also missing (0 and 6 codings), 1 AudioSource (0),
//     2 VideoSource (0 and 1)
//   <Notes>: 2, attached to nothing importable (the only Link goes from a note to a video selection)
//   <Sets>: 16, <Graphs>: 1, <Links>: 1
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { refiDir, zip } from './fixtures.ts';

const samplePath = path.join(refiDir, 'samples', 'atlasti-standard-project.qdpx');
const sample = () => new Uint8Array(fs.readFileSync(samplePath));

describe('ATLAS.ti sample project', () => {
  it('imports without error, with the users, codes and notes the file holds', () => {
    const { snapshot, namespace } = readProject(sample(), { fileName: 'atlasti-standard-project.qdpx' });
    expect(namespace).toBe('urn:QDA-XML:project:1.0');
    expect(snapshot.name).toBe('ATLAS.ti standard project');
    expect(snapshot.users.map((u) => u.name)).toEqual(['ATLAS.ti', 'Friedrich Markgraf', 'Sebastian Petrausch']);
    expect(snapshot.codes).toHaveLength(14);
    expect(snapshot.codes.every((c) => c.parentGuid === null)).toBe(true);
    expect(snapshot.cases).toHaveLength(0);
    expect(snapshot.memos.map((m) => m.name)).toEqual(['Research Plan', 'My favorite Coke ad']);
    // GUIDs lowercased, HTML-escaped names decoded, colourless code given the default colour.
    expect(snapshot.codes.find((c) => c.name === '"rushed"')!.guid).toBe('9f43fe32-c2cb-4ba8-b766-a0734c826e49');
    expect(snapshot.codes.find((c) => c.name === 'milk')!.color).toBe('#9e9e9e');
    expect(snapshot.creatingUserGuid).toBe('ad68fbe7-e1ee-4a82-a279-23cc698c89eb');
  });

  it('tells the user about each missing source and the codings lost with it', () => {
    const { snapshot, warnings } = readProject(sample());
    expect(snapshot.sources).toHaveLength(0);
    expect(snapshot.codings).toHaveLength(0);
    const missing = warnings.filter((w) => w.code === 'refi.sourceMissing');
    expect(missing.map((w) => [w.params.name, w.params.codings])).toEqual([
      ['1960s Coca Cola commercial - Audio.docx', 0],
      ['1960s Coca Cola commercial - Visual.docx', 0],
      ['1994 Diet Coke-Diet Coke Break.docx', 1],
      ['Mabêl 2ième.txt', 0],
      ['Mabel.txt', 3],
      ['Simon.docx', 3],
      ["Kellogg's Passion for Nutrition.pdf", 0],
      ["Pay de Limón con Base de Granola | Kellogg's ®.pdf", 6],
    ]);
    expect(missing[4]!.fr).toContain('« Mabel.txt »');
    expect(missing[4]!.en).toContain('3 coding(s) skipped');
  });

  it('lists pictures, audio, video, graphs and links it cannot import', () => {
    const { warnings } = readProject(sample());
    const unsupported = warnings.filter((w) => w.code === 'refi.sourceUnsupported');
    expect(unsupported.map((w) => [w.params.type, w.params.codings])).toEqual([
      ['picture', 2],
      ['audio', 0],
      ['video', 0],
      ['video', 1],
    ]);
    const by = (code: string) => warnings.find((w) => w.code === code)?.params.count;
    expect(by('refi.graphsSkipped')).toBe(1);
    expect(by('refi.linksSkipped')).toBe(1);
  });

  it('keeps its 16 groups: the code groups with their codes, the document groups without their missing documents, each said', () => {
    const { snapshot, warnings } = readProject(sample());
    const sets = snapshot.sets ?? [];
    expect(sets).toHaveLength(16);
    expect(sets.filter((s) => s.kind === 'codes').map((s) => [s.name, s.memberGuids.length])).toEqual([
      ['Feelings', 6],
      ['negative feelings', 4],
      ['Breakfast food', 6],
      ['positive feelings', 3],
    ]);
    // Every document of the 11 document groups is missing from the archive: each group is told, and kept empty.
    const missing = warnings.filter((w) => w.code === 'refi.setMembersMissing');
    expect(missing.map((w) => w.params.name)).toEqual(sets.filter((s) => s.kind === 'sources' && s.name !== '<3').map((s) => s.name));
    expect(missing.find((w) => w.params.name === 'Text files')!.params.count).toBe(6);
    expect(sets.filter((s) => s.kind === 'sources').every((s) => s.memberGuids.length === 0)).toBe(true);
    expect(warnings.map((w) => w.code)).not.toContain('refi.setsSkipped');
  });

  it('imports the codings of a source once its text is in the archive', () => {
    // Same Project.qde, plus our own synthetic text for "Mabel.txt" under the file name it references.
    const qde = strFromU8(unzipSync(sample())['Project.qde']!);
    const text = 'Petit-déjeuner en famille : '.padEnd(600, 'le matin on improvise, les enfants mangent vite. ');
    const { snapshot, warnings } = readProject(zip({ 'Project.qde': qde, 'Sources/B2F54555-0D2D-43B2-B40C-2A1C048F5F1C.txt': text }));
    expect(snapshot.sources.map((s) => [s.name, s.kind])).toEqual([['Mabel.txt', 'document']]);
    expect(snapshot.codings.map((c) => [c.start, c.end, snapshot.codes.find((k) => k.guid === c.codeGuid)!.name])).toEqual([
      [0, 410, 'bacon and eggs'],
      [0, 410, 'cornflakes'],
      [0, 410, 'happiness'],
    ]);
    expect(new Set(snapshot.codings.map((c) => snapshot.users.find((u) => u.guid === c.coderGuid)!.name))).toEqual(new Set(['Friedrich Markgraf']));
    expect(warnings.filter((w) => w.code === 'refi.sourceMissing')).toHaveLength(7);
  });
});
