// The exchange report through the contract: before an import, what the file would bring, adapt and
// lose, with nothing written; then the import does what the report said (the first of two elements
// sharing a GUID kept, the passage past the end left out, every other coding on its words).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../../i18n/lang.ts';
import { listCodes } from '../../../service/codebook.ts';
import { workspacePolicy } from '../../../service/path-policy.ts';
import { getSource, listSources } from '../../../service/sources.ts';
import { Workspace } from '../../../service/workspace.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';
import { callerOf, contextOf } from '../../helpers/contract.ts';
import { damagedFiles, entityBomb, expectFrenchMessage, validQdpx } from '../../helpers/hostile-files.ts';
import { addText, tempDir } from '../../helpers/project.ts';
import { zip } from '../../exchange/refi/fixtures.ts';
import { MESSY, MESSY_FIRST_TEXT, messyQdpx } from '../../exchange/refi/report-fixture.ts';
import { projectContent } from './fixtures.ts';

const open: Workspace[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function workspace(lang: Lang = 'fr', withProject = true) {
  const dir = tempDir();
  const ws = new Workspace({ configDir: join(dir, 'config'), lang, autoBackup: false, documentsDir: join(dir, 'docs') });
  open.push(ws);
  const path = join(dir, 'terrain.tresse');
  if (withProject) {
    ws.create(path, { grid: 'empty', coder: 'Inès' });
    addText(ws.project, 'Journal', 'Déjà là avant l’import.');
  }
  return { dir, ws, path, call: callerOf(contextOf(ws)) };
}

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('exchangeReport', () => {
  it('reports on a .qdpx sent as bytes and writes nothing; the import then does what it said', async () => {
    const { ws, path, call } = workspace();
    const before = projectContent(ws.project.db);
    const size = statSync(path).size;
    const report = await value(call('exchangeReport', { other: { fileName: 'reseau.qdpx', bytes: messyQdpx() } }));
    expect(Object.fromEntries(report.counts.map((c) => [c.item, c.count]))).toMatchObject({ sources: 2, codes: 2, codings: 2 });
    expect(report.badInput.map((w) => w.code).sort()).toEqual([
      'refi.duplicateGuid',
      'refi.duplicateGuidNamed',
      'refi.duplicateGuidNamed',
      'refi.selectionPastEnd',
      'refi.setMembersMissing',
    ]);
    expect(projectContent(ws.project.db)).toEqual(before);
    expect(statSync(path).size).toBe(size);

    const imported = await value(call('importQdpx', { fileName: 'reseau.qdpx', bytes: messyQdpx() }));
    expect(imported.sources.added).toBe(2);
    expect(imported.codings.added).toBe(2);
    const db = ws.project.db;
    // The first source under the shared GUID, with its text; the duplicate left out.
    const sources = listSources(db).map((s) => getSource(db, s.id));
    expect(sources.map((s) => s.name).sort()).toEqual(['Entretien P07', 'Journal', 'Notes de terrain']);
    const p07 = sources.find((s) => s.name === 'Entretien P07')!;
    expect(p07.text).toBe(MESSY_FIRST_TEXT);
    expect(listCodes(db).map((c) => c.name)).toEqual(expect.arrayContaining(['Confiance', 'Réseau']));
    expect(listCodes(db).map((c) => c.name)).not.toContain('Confiance (copie)');
    const codings = db.prepare('SELECT start, end FROM codings WHERE source_id = ? ORDER BY start').all(p07.id) as { start: number; end: number }[];
    expect(codings.map((k) => sliceCodePoints(p07.text, k.start, k.end))).toEqual([...MESSY.passages]);
    // What the report sorted as wrong in the file, the import lists among its warnings.
    for (const w of report.badInput) expect(imported.warnings.map((x) => x.fr)).toContain(w.fr);
  });

  it('reads a file on this computer with no project open (the command line’s case)', async () => {
    const { dir, call } = workspace('en', false);
    const file = join(dir, 'reseau.qdpx');
    writeFileSync(file, messyQdpx());
    const report = await value(call('exchangeReport', { other: { path: file } }));
    expect(report.file).toBe('reseau.qdpx');
    expect(report.notKept.map((w) => w.code)).toContain('refi.sourceUnsupported');
    expect(readFileSync(file)).toEqual(Buffer.from(messyQdpx()));
  });

  it('words a damaged archive in the user’s language, and refuses a file that is not a .qdpx', async () => {
    for (const [lang, words] of [
      ['fr', 'ce n’est pas une archive ZIP'],
      ['en', 'it is not a ZIP archive'],
    ] as const) {
      const { call } = workspace(lang);
      const r = await call('exchangeReport', { other: { fileName: 'abime.qdpx', bytes: new TextEncoder().encode('pas une archive') } });
      expect(r).toMatchObject({ ok: false, error: { code: 'archive.notZip' } });
      if (!r.ok) expect(r.error.message).toContain(words);
    }
    const { call } = workspace();
    const noProject = await call('exchangeReport', { other: { fileName: 'vide.qdpx', bytes: zip({ 'lisez-moi.txt': 'rien' }) } });
    expect(noProject).toMatchObject({ ok: false, error: { code: 'refi.noProjectFile' } });
    const wrongKind = await call('exchangeReport', { other: { fileName: 'notes.docx', bytes: messyQdpx() } });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'team.fileKind' } });
  });

  it('refuses a .qdpx cut half-way and one whose project file declares entities, in French, naming the file', async () => {
    const { call } = workspace();
    const cut = (await damagedFiles()).find((f) => f.route === 'qdpx')!;
    const bomb = zip({ 'project.qde': entityBomb(strFromU8(unzipSync(validQdpx())['project.qde']!)) });
    for (const [fileName, bytes] of [
      [cut.fileName, cut.bytes],
      ['bombe.qdpx', bomb],
    ] as const) {
      const r = await call('exchangeReport', { other: { fileName, bytes } });
      expect(r.ok, fileName).toBe(false);
      if (r.ok) continue;
      expectFrenchMessage(r.error.message, fileName);
      expect(r.error.message).toContain(fileName);
    }
  });

  it('in browser mode, reads only files the workspace allows', async () => {
    const { ws } = workspace();
    const outside = join(tempDir(), 'reseau.qdpx');
    writeFileSync(outside, messyQdpx());
    const r = await callerOf(contextOf(ws))('exchangeReport', { other: { path: outside } }, workspacePolicy());
    expect(r).toMatchObject({ ok: false, error: { code: 'api.pathOutsideWorkspace' } });
  });
});
