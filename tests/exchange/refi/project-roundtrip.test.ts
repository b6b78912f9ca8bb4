import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../exchange/refi/read-project.ts';
import { SOURCE_KIND_VARIABLE } from '../../../exchange/refi/snapshot.ts';
import { writeProject, writeProjectXml } from '../../../exchange/refi/write-project.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';
import { sampleSnapshot, schemaErrors } from './fixtures.ts';

describe('REFI-QDA project export (.qdpx)', () => {
  it('writes a project.qde the official schema accepts', async () => {
    expect(await schemaErrors(writeProjectXml(sampleSnapshot()), 'Project.xsd')).toEqual([]);
  });

  it('packs project.qde and one UTF-8 text file per source under sources/', () => {
    const s = sampleSnapshot();
    const files = unzipSync(writeProject(s));
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...s.sources.map((x) => `sources/${x.guid}.txt`)].sort());
    for (const src of s.sources) expect(strFromU8(files[`sources/${src.guid}.txt`]!)).toBe(src.text);
    const qde = strFromU8(files['project.qde']!);
    expect(qde).toContain(`plainTextPath="internal://${s.sources[0]!.guid}.txt"`);
  });

  it('counts positions in code points: emoji and combining marks do not shift them', () => {
    const s = sampleSnapshot();
    const qde = strFromU8(unzipSync(writeProject(s))['project.qde']!);
    const c = s.codings[2]!;
    // 🙂 and 👩‍⚕️ come before this passage: UTF-16 offsets would be larger than code points.
    expect(qde).toContain(`startPosition="${c.start}" endPosition="${c.end}"`);
    expect(sliceCodePoints(s.sources[0]!.text, c.start, c.end)).toBe('la confiance 🤝 qui s’est construite');
  });

  it('reads back exactly the snapshot it wrote', () => {
    const s = sampleSnapshot();
    const { snapshot, warnings } = readProject(writeProject(s));
    expect(warnings).toEqual([]);
    // Users read from a file are marked so, to be written back even if they code nothing.
    expect(snapshot).toEqual({ ...s, users: s.users.map((u) => ({ ...u, kept: true })) });
  });

  it('gives back the same coded passages, character for character', () => {
    const s = sampleSnapshot();
    const { snapshot } = readProject(writeProject(s));
    const text = (guid: string, list: typeof s.sources) => list.find((x) => x.guid === guid)!.text;
    const passages = (snap: typeof s) => snap.codings.map((c) => sliceCodePoints(text(c.sourceGuid, snap.sources), c.start, c.end));
    expect(passages(snapshot)).toEqual(passages(s));
  });

  it('keeps the source kind in a source variable that other tools display, and hides it on import', () => {
    const s = sampleSnapshot();
    const qde = writeProjectXml(s);
    expect(qde).toContain(`name="${SOURCE_KIND_VARIABLE.name}"`);
    expect(qde).toContain('<TextValue>observation</TextValue>');
    const { snapshot } = readProject(writeProject(s));
    expect(snapshot.variables.map((v) => v.name)).not.toContain(SOURCE_KIND_VARIABLE.name);
    expect(snapshot.sources.map((x) => x.kind)).toEqual(['interview', 'observation', 'notebook']);
  });

  it('types variable values: integers, decimals, booleans and dates', () => {
    const qde = writeProjectXml(sampleSnapshot());
    expect(qde).toContain('name="Ancienneté" typeOfVariable="Integer"');
    expect(qde).toContain('name="Temps de travail" typeOfVariable="Float"');
    expect(qde).toContain('<IntegerValue>12</IntegerValue>');
    expect(qde).toContain('<FloatValue>0.8</FloatValue>');
    expect(qde).toContain('<BooleanValue>false</BooleanValue>');
    expect(qde).toContain('<DateValue>2026-03-14</DateValue>');
  });

  it('writes decimals without exponent, as xsd:decimal requires', async () => {
    const s = sampleSnapshot();
    s.cases[0]!.attributes['Temps de travail'] = [1e-7];
    s.cases[1]!.attributes['Temps de travail'] = [1.5e22];
    const qde = writeProjectXml(s);
    expect(qde).toContain('<FloatValue>0.0000001</FloatValue>');
    // Large numbers are integers for JavaScript: written as such, still without exponent.
    expect(qde).toContain('<IntegerValue>15000000000000000000000</IntegerValue>');
    expect(await schemaErrors(qde, 'Project.xsd')).toEqual([]);
    expect(readProject(writeProject(s)).snapshot.cases[0]!.attributes['Temps de travail']).toEqual([1e-7]);
  });

  it('still writes a valid file from awkward data: ids that are not GUIDs, odd colours and dates, control characters', async () => {
    const s = sampleSnapshot();
    s.codes[0]!.guid = 'code-17';
    s.codes[1]!.parentGuid = 'code-17';
    s.codes[0]!.color = 'bleu';
    s.codings[0]!.createdAt = '2026-03-15 10:00:00';
    s.codings[1]!.createdAt = 'hier';
    s.memos[5]!.text = 'bip\u0007 et saut de page\u000c';
    const xml = writeProjectXml(s);
    expect(await schemaErrors(xml, 'Project.xsd')).toEqual([]);
    const back = readProject(writeProject(s)).snapshot;
    // The parent link survives the change of identifier.
    const parent = back.codes.find((c) => c.name === 'SM – Santé mentale')!;
    expect(back.codes.find((c) => c.name === 'Formation en santé mentale')!.parentGuid).toBe(parent.guid);
    expect(back.codings[0]!.createdAt).toBe('2026-03-15T10:00:00.000Z');
  });

  it('attaches memos where REFI-QDA allows: NoteRef on source, code, coding and project, a Link for cases', () => {
    const qde = writeProjectXml(sampleSnapshot());
    expect(qde.match(/<NoteRef /g)).toHaveLength(4);
    expect(qde).toMatch(/<Link [^>]*originGUID="6a718293-0000-4000-8000-000000000003"[^>]*targetGUID="3d4e5f60-0000-4000-8000-000000000001"/);
  });

  it('writes an empty project that the schema still accepts', async () => {
    const empty = { name: 'Vide', users: [], codes: [], sources: [], codings: [], cases: [], variables: [], memos: [] };
    expect(await schemaErrors(writeProjectXml(empty), 'Project.xsd')).toEqual([]);
    expect(readProject(writeProject(empty)).snapshot).toEqual({ ...empty, origin: 'Tresse' });
  });
});
