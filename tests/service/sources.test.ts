import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catchUpSearchIndex } from '../../db/search.ts';
import { TresseError } from '../../i18n/error.ts';
import { defineAttribute, setAttributeValues } from '../../service/attributes.ts';
import { createCase, getCase, listCases } from '../../service/cases.ts';
import { getSource, importSource, listSources } from '../../service/sources.ts';
import { hashText } from '../../text/hash.ts';
import { newProject } from '../helpers/project.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every row of every table: what "the project is exactly as it was" means. */
function snapshot(db: ReturnType<typeof newProject>['db']): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()]));
}

async function importError(p: Promise<unknown>): Promise<TresseError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TresseError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe('importing sources', () => {
  it('stores the normalised text, its hash, its origin and its speaker turns', async () => {
    const ctx = newProject();
    const raw = '\uFEFFEnquêtrice : Bonjour, pouvez-vous vous présenter ?\r\nP1 : Je suis infirmie\u0300re au CMP.\r\n';
    const c = createCase(ctx, { name: 'P1' });
    const { source } = await importSource(ctx, { fileName: 'entretien-p1.txt', bytes: enc(raw), kind: 'interview', caseIds: [c.id] });
    const full = getSource(ctx.db, source.id);
    expect(full.text).toBe('Enquêtrice : Bonjour, pouvez-vous vous présenter ?\nP1 : Je suis infirmière au CMP.\n');
    expect(full.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(full.origin).toMatchObject({ fileName: 'entretien-p1.txt', format: 'txt', importedBy: 'Camille' });
    expect(full.name).toBe('entretien-p1');
    expect(full.caseIds).toEqual([c.id]);
    const turns = full.structure.filter((s) => s.kind === 'turn');
    expect(turns.map((t) => (t.kind === 'turn' ? t.speaker : ''))).toEqual(['Enquêtrice', 'P1']);
    expect(getCase(ctx.db, c.id).sourceIds).toEqual([source.id]);
  });

  it('hashes the stored text, whether the file needed normalising or not', async () => {
    const ctx = newProject();
    // As read (hashed from the file's bytes), after a BOM, after CRLF, NFC and UTF-16 decoding.
    const files: Array<[string, Uint8Array]> = [
      ['tel-quel.txt', enc('Enquêtrice : Le secret partagé ?\nP1 : Oui 😀.\n')],
      ['bom.md', enc('\uFEFF# Réunion\nNotes de séance.\n')],
      ['crlf.txt', enc('Q : Et après ?\r\nR : On appelle l’équipe mobile.\r\n')],
      ['nfd.txt', enc('Une infirmie\u0300re du CMP.\n')],
      ['utf16.txt', Uint8Array.from([0xff, 0xfe, ...[...'Note : réunion'].flatMap((c) => [c.charCodeAt(0), 0])])],
    ];
    for (const [fileName, bytes] of files) {
      const { source } = await importSource(ctx, { fileName, bytes, kind: 'notebook' });
      const full = getSource(ctx.db, source.id);
      expect(full.textHash, fileName).toBe(hashText(full.text));
    }
  });

  it('decodes a Windows-1252 file so French accents come through', async () => {
    const ctx = newProject();
    const bytes = Uint8Array.from(
      [...'Le m']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xe9],
          [...'decin a dit : '].map((c) => c.charCodeAt(0)),
          [0xab, 0x20, 0x9c],
          [...'uvre'].map((c) => c.charCodeAt(0)),
          [0x20, 0xbb],
        ),
    );
    const { source } = await importSource(ctx, { fileName: 'notes.txt', bytes, kind: 'notebook' });
    expect(getSource(ctx.db, source.id).text).toBe('Le médecin a dit : « œuvre »');
  });

  it('reports the same text imported twice and adds nothing', async () => {
    const ctx = newProject();
    await importSource(ctx, { fileName: 'a.txt', bytes: enc('Même texte.\n'), kind: 'document' });
    const before = snapshot(ctx.db);
    const e = await importError(importSource(ctx, { fileName: 'b.txt', bytes: enc('Même texte.\r\n'), kind: 'document' }));
    expect(e.code).toBe('import.duplicate');
    expect(e.format('fr')).toContain('« a »');
    expect(snapshot(ctx.db)).toBe(before);
  });

  it.each([
    ['a corrupt DOCX', 'entretien.docx', enc('PK\u0003\u0004 ceci n’est pas un docx')],
    ['a binary file', 'image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0])],
    ['an empty file', 'vide.txt', new Uint8Array()],
    ['an unknown format', 'son.mp3', enc('ID3')],
  ])('refuses %s with a clear message and leaves the project exactly as it was', async (_label, fileName, bytes) => {
    const ctx = newProject();
    await importSource(ctx, { fileName: 'deja.txt', bytes: enc('Une source déjà là.'), kind: 'interview' });
    // Indexed now: the background indexing would otherwise run while the worker starts for the
    // DOCX (the text was read in place), a change that is not the refused import's.
    catchUpSearchIndex(ctx.db);
    const before = snapshot(ctx.db);
    const e = await importError(importSource(ctx, { fileName, bytes, kind: 'interview' }));
    expect(e.format('fr')).toContain(fileName);
    expect(snapshot(ctx.db)).toBe(before);
  });

  it('refuses a file over the size limit', async () => {
    const ctx = newProject();
    const e = await importError(importSource(ctx, { fileName: 'gros.txt', bytes: enc('x'.repeat(2_000_000)), kind: 'document', maxBytes: 1_000_000 }));
    expect(e.code).toBe('import.tooLarge');
    expect(listSources(ctx.db)).toEqual([]);
  });

  it('a failure while linking cases rolls back the new source', async () => {
    const ctx = newProject();
    const e = await importError(importSource(ctx, { fileName: 'x.txt', bytes: enc('Texte.'), kind: 'interview', caseIds: [999] }));
    expect(e.code).toBe('case.notFound');
    expect(listSources(ctx.db)).toEqual([]);
  });
});

describe('cases and attributes', () => {
  it('keeps typed, multi-valued and unknown attributes', () => {
    const ctx = newProject();
    const p1 = createCase(ctx, { name: 'P1', description: 'Coordinatrice' });
    createCase(ctx, { name: 'P2' });
    defineAttribute(ctx, { name: 'rôle', type: 'text', multi: true });
    defineAttribute(ctx, { name: 'ancienneté', type: 'number' });
    defineAttribute(ctx, { name: 'formée', type: 'boolean' });
    defineAttribute(ctx, { name: 'date', type: 'date' });
    setAttributeValues(ctx, { caseId: p1.id }, 'rôle', ['coordinatrice', 'médiatrice']);
    setAttributeValues(ctx, { caseId: p1.id }, 'ancienneté', ['6,5']);
    setAttributeValues(ctx, { caseId: p1.id }, 'formée', ['oui']);
    setAttributeValues(ctx, { caseId: p1.id }, 'date', ['12/03/2026']);
    const [c1, c2] = listCases(ctx.db);
    expect(c1!.attributes).toEqual({ rôle: ['coordinatrice', 'médiatrice'], ancienneté: [6.5], formée: [true], date: ['2026-03-12'] });
    expect(c2!.attributes).toEqual({});
    expect(() => setAttributeValues(ctx, { caseId: p1.id }, 'ancienneté', ['beaucoup'])).toThrow(/does not fit/);
    expect(() => defineAttribute(ctx, { name: 'formée', type: 'text' })).toThrow(/already exists, of type yes\/no/);
    setAttributeValues(ctx, { caseId: p1.id }, 'formée', []);
    expect(getCase(ctx.db, p1.id).attributes.formée).toBeUndefined();
  });

  it('refuses two cases with the same name', () => {
    const ctx = newProject();
    createCase(ctx, { name: 'P1' });
    expect(() => createCase(ctx, { name: 'P1' })).toThrow(/already exists/);
  });
});

describe('the demo project', () => {
  it('has its manifest passages in its corpus exactly once each', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../demo/manifest.json', import.meta.url), 'utf8')) as {
      codings: { source: string; text: string }[];
    };
    for (const k of manifest.codings) {
      const text = readFileSync(new URL(`../../demo/corpus/${k.source}`, import.meta.url), 'utf8');
      expect(text.split(k.text).length - 1, `${k.source}: ${k.text}`).toBe(1);
    }
  });
});
