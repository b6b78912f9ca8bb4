// REFI-QDA through the project database: export the demo, bring it back, read another tool's file,
// and refuse a hostile archive without touching the project.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TresseError } from '../../../i18n/error.ts';
import { attributeValuesBy, defineAttribute, setAttributeValues } from '../../../service/attributes.ts';
import { resolveCase } from '../../../service/cases.ts';
import { listCodes, resolveCode } from '../../../service/codebook.ts';
import { saveMemo } from '../../../service/memos.ts';
import { projectInfo } from '../../../service/project.ts';
import { resolveSource } from '../../../service/sources.ts';
import { exportQdc, exportQdpx, importQdc, importQdpx, importQdpxAsNewProject } from '../../../service/refi.ts';
import { newProject, tempDir } from '../../helpers/project.ts';
import { refiDir, schemaErrors, zip } from '../../exchange/refi/fixtures.ts';
import { demoProject, projectContent, track } from './fixtures.ts';

function qdeOf(bytes: Uint8Array): string {
  const entries = unzipSync(bytes);
  const name = Object.keys(entries).find((n) => n.toLowerCase().endsWith('.qde'))!;
  return strFromU8(entries[name]!);
}

describe('REFI-QDA export of a project', () => {
  it('writes the demo project as a .qdpx whose project.qde the official schema accepts', async () => {
    const demo = await demoProject();
    const bytes = exportQdpx(demo.db);
    expect(await schemaErrors(qdeOf(bytes), 'Project.xsd')).toEqual([]);
    const sourceFiles = Object.keys(unzipSync(bytes)).filter((n) => n.startsWith('sources/'));
    expect(sourceFiles).toHaveLength(12);
  });

  it('writes the codebook as a .qdc the codebook schema accepts, with every code', async () => {
    const demo = await demoProject();
    const xml = exportQdc(demo.db);
    expect(await schemaErrors(xml, 'Codebook.xsd')).toEqual([]);
    expect(xml.match(/<Code /g)).toHaveLength(listCodes(demo.db).length);
  });
});

describe('REFI-QDA import into a project', () => {
  it('gives back the same sources, codes, codings, cases and memos after export and import', async () => {
    const demo = await demoProject();
    // Memos on each kind of target, and a source attribute, so every part of the exchange is exercised.
    const source = resolveSource(demo.db, 'Carnet de bord');
    saveMemo(demo, { target: { kind: 'case', id: resolveCase(demo.db, 'P2').id }, title: 'P2', text: 'Relancer pour la durée exacte.' });
    saveMemo(demo, { target: { kind: 'source', id: source.id }, title: 'Carnet', text: 'Entrées du 3 au 28 avril.' });
    saveMemo(demo, { target: { kind: 'code', id: resolveCode(demo.db, 'ST').id }, title: 'Définition', text: 'Inclure l’auto-stigmatisation.' });
    defineAttribute(demo, { name: 'date de collecte', type: 'date', scope: 'source' });
    setAttributeValues(demo, { sourceId: source.id }, 'date de collecte', ['2026-04-28']);
    const before = projectContent(demo.db);
    expect(before.memos).toHaveLength(4);
    const { ctx, result } = importQdpxAsNewProject(join(tempDir(), 'copie.tresse'), exportQdpx(demo.db), { coder: 'Camille' });
    track(ctx);
    const after = projectContent(ctx.db);
    expect(after.sources).toEqual(before.sources);
    expect(after.codes).toEqual(before.codes);
    expect(after.codings).toEqual(before.codings);
    expect(after.codings).toHaveLength(120);
    expect(after.cases).toEqual(before.cases);
    expect(after.memos).toEqual(before.memos);
    expect(attributeValuesBy(ctx.db, 'source').get(resolveSource(ctx.db, 'Carnet de bord').id)).toEqual({ 'date de collecte': ['2026-04-28'] });
    expect(result.warnings).toEqual([]);
    expect(result.codings).toMatchObject({ added: 120, duplicates: 0, skipped: 0 });
  });

  it('imported into the project it came from, changes nothing', async () => {
    const demo = await demoProject();
    const before = projectContent(demo.db);
    const result = importQdpx(demo, exportQdpx(demo.db));
    expect(result.sources).toEqual({ added: 0, matched: 12 });
    expect(result.codings).toMatchObject({ added: 0, duplicates: 120 });
    expect(projectContent(demo.db)).toEqual(before);
  });

  it('imports the ATLAS.ti sample into a fresh project, listing each missing source', () => {
    const bytes = new Uint8Array(readFileSync(join(refiDir, 'samples', 'atlasti-standard-project.qdpx')));
    const { ctx, result } = importQdpxAsNewProject(join(tempDir(), 'atlas.tresse'), bytes, { fileName: 'atlasti-standard-project.qdpx' });
    track(ctx);
    const info = projectInfo(ctx);
    expect(info.name).toBe('ATLAS.ti standard project');
    expect(info.counts).toMatchObject({ sources: 0, codes: 14, codings: 0 });
    const missing = result.warnings.filter((w) => w.code === 'refi.sourceMissing');
    expect(missing.map((w) => w.params.name)).toContain('Mabel.txt');
    expect(missing).toHaveLength(8);
    expect(missing.every((w) => w.fr.includes('non importée') && w.en.includes('not imported'))).toBe(true);
    // The two notes attach to nothing importable: kept as free memos, never dropped.
    expect(info.counts.memos).toBe(2);
  });

  it('leaves the project unchanged when the archive is hostile', async () => {
    const demo = await demoProject();
    const before = projectContent(demo.db);
    const good = unzipSync(exportQdpx(demo.db));
    const hostile = [
      zip({ ...good, '../../evil.txt': 'x' }),
      zip({ 'project.qde': '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>' }),
      exportQdpx(demo.db).slice(0, 2000),
    ];
    for (const bytes of hostile) {
      expect(() => importQdpx(demo, bytes)).toThrow(TresseError);
      expect(projectContent(demo.db)).toEqual(before);
    }
  });

  it('creates no project file from a hostile archive', () => {
    const path = join(tempDir(), 'nouveau.tresse');
    const bomb = zip({ 'project.qde': '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><Project name="&lol;"/>' });
    expect(() => importQdpxAsNewProject(path, bomb)).toThrow(TresseError);
    expect(existsSync(path)).toBe(false);
  });

  it('merges a .qdc codebook by GUID and name: a second import adds nothing', async () => {
    const demo = await demoProject();
    const target = newProject({ grid: 'six-themes' });
    const codesBefore = listCodes(target.db).length;
    // Same grid, other GUIDs: every code is recognised by its path, none is doubled.
    const first = importQdc(target, exportQdc(demo.db));
    expect(first.added).toBe(0);
    expect(first.mapped).toBe(codesBefore);
    expect(listCodes(target.db)).toHaveLength(codesBefore);

    const empty = newProject({ grid: 'empty' });
    expect(importQdc(empty, exportQdc(demo.db)).added).toBe(codesBefore);
    expect(importQdc(empty, exportQdc(demo.db)).added).toBe(0);
    expect(listCodes(empty.db)).toHaveLength(codesBefore);
  });

  it('brings in a vendor codebook with a nameless code and two siblings of one name, renaming rather than refusing', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="autre outil"><Codes>
  <Code guid="6a1f0c2e-0000-4000-8000-000000000001" name="Précarité" isCodable="true">
    <Code guid="6a1f0c2e-0000-4000-8000-000000000002" name="Isolement" isCodable="true"/>
    <Code guid="6a1f0c2e-0000-4000-8000-000000000003" name="isolement" isCodable="true"/>
  </Code>
  <Code guid="6a1f0c2e-0000-4000-8000-000000000004" name="" isCodable="true"/>
</Codes></CodeBook>`;
    const ctx = newProject({ grid: 'empty' });
    expect(importQdc(ctx, xml).added).toBe(4);
    expect(
      listCodes(ctx.db)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['? 6a1f0c2e', 'Isolement', 'Précarité', 'isolement (2)']);
    expect(importQdc(ctx, xml).added).toBe(0);
  });

  it('refuses a hostile .qdc and leaves the codebook as it was', () => {
    const ctx = newProject();
    const before = listCodes(ctx.db);
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="6a1f0c2e-0000-4000-8000-000000000009" name="&x;" isCodable="true"/></Codes></CodeBook>';
    expect(() => importQdc(ctx, xxe)).toThrow(TresseError);
    expect(listCodes(ctx.db)).toEqual(before);
  });
});
