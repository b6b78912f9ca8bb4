// XML limits in every parser the app uses on a user's file: deeply nested elements (which hung the
// import for minutes), DOCTYPE and entity declarations, oversized documents, and syntax errors,
// each refused with a French catalogue message (never saxes' or JSON.parse's English text) and the
// project file left byte-identical.
import { afterAll, describe, expect, it } from 'vitest';
import { parseCodebookJson } from '../../codebooks/json.ts';
import { streamXml } from '../../exchange/xml-guard.ts';
import { TresseError } from '../../i18n/error.ts';
import { parsePseudonymMap } from '../../service/pseudonyms.ts';
import { importQdc, importQdpx } from '../../service/refi.ts';
import { importSource } from '../../service/sources.ts';
import { newProject } from '../helpers/project.ts';
import { docxDocument, docxEntries, entry, expectRefused, odtContent, odtEntries, rawZip, refusal, utf8 } from './hostile-archives.ts';

const times: string[] = [];
afterAll(() => console.log(`refusal times (ms):\n  ${times.join('\n  ')}`));

/** No English library text: saxes' messages, JSON.parse's, zlib's. */
const ENGLISH = /unclosed|unexpected|disallowed|undefined entity|not valid JSON|in JSON at|end of JSON|invalid zip/i;

const docxWith = (documentXml: string) => rawZip([...docxEntries('').filter((e) => e.name !== 'word/document.xml'), entry('word/document.xml', documentXml)]);
const odtWith = (contentXml: string, method: 0 | 8 = 8) => rawZip([odtEntries('')[0]!, entry('content.xml', contentXml, method)]);

describe('deeply nested XML', () => {
  // As deep as fits under 1 MiB of XML, so that the archive guard's ratio check lets it through.
  const DEPTH = 40_000;
  const nestedDocx = docxWith(docxDocument('<w:p>'.repeat(DEPTH * 2) + '</w:p>'.repeat(DEPTH * 2)));
  const nestedOdt = odtWith(odtContent('<text:p>' + '<text:span>'.repeat(DEPTH) + 'x' + '</text:span>'.repeat(DEPTH) + '</text:p>'));

  it('refuses a .docx of a few kB nesting 80,000 paragraphs', async () => {
    expect(nestedDocx.length).toBeLessThan(8 * 1024);
    const ctx = newProject();
    const { error, ms } = await expectRefused(ctx, () => importSource(ctx, { fileName: 'imbriqué.docx', bytes: nestedDocx, kind: 'interview' }));
    times.push(`nested .docx (${(nestedDocx.length / 1024).toFixed(1)} kB, depth ${DEPTH * 2}): ${ms.toFixed(0)}`);
    expect(error.code).toBe('xml.tooDeep');
    expect(error.format('fr')).toBe(
      '« imbriqué.docx (word/document.xml) » est refusé : ses éléments XML sont imbriqués sur plus de 256 niveaux, ce qu’aucun document réel ne fait (fichier endommagé ou fabriqué pour bloquer le logiciel).',
    );
  });

  it('refuses an .odt of a few kB nesting 40,000 spans', async () => {
    expect(nestedOdt.length).toBeLessThan(8 * 1024);
    const ctx = newProject();
    const { error, ms } = await expectRefused(ctx, () => importSource(ctx, { fileName: 'imbriqué.odt', bytes: nestedOdt, kind: 'observation' }));
    times.push(`nested .odt (${(nestedOdt.length / 1024).toFixed(1)} kB, depth ${DEPTH}): ${ms.toFixed(0)}`);
    expect(error.code).toBe('xml.tooDeep');
    expect(error.format('fr')).toContain('« imbriqué.odt (content.xml) » est refusé');
  });

  it('refuses a nested .qdpx project file and a nested .qdc codebook', async () => {
    const deep = '<Description>'.repeat(DEPTH / 2) + '</Description>'.repeat(DEPTH / 2);
    const qdpx = rawZip([entry('project.qde', `<Project xmlns="urn:QDA-XML:project:1.0" name="x">${deep}</Project>`)]);
    const ctx = newProject();
    const project = await expectRefused(ctx, () => importQdpx(ctx, qdpx, { fileName: 'equipe.qdpx' }));
    times.push(`nested .qdpx: ${project.ms.toFixed(0)}`);
    expect(project.error.format('fr')).toContain('« equipe.qdpx (project.qde) » est refusé : ses éléments XML sont imbriqués sur plus de 256 niveaux');
    const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${'<Code guid="a" name="x">'.repeat(DEPTH / 2)}</Codes></CodeBook>`;
    const codebook = await expectRefused(ctx, () => importQdc(ctx, qdc, [], 'grille.qdc'));
    expect(codebook.error.code).toBe('xml.tooDeep');
  });

  it('still reads the nesting real documents use (tables in text boxes in tables)', async () => {
    const cell = (inner: string) => `<w:tbl><w:tr><w:tc>${inner}</w:tc></w:tr></w:tbl>`;
    let body = '<w:p><w:r><w:t>Au cœur du dispositif</w:t></w:r></w:p>';
    for (let i = 0; i < 12; i++) body = cell(body);
    const ctx = newProject();
    const { source } = await importSource(ctx, { fileName: 'tableaux.docx', bytes: docxWith(docxDocument(body)), kind: 'document' });
    expect(source.name).toBe('tableaux');
  });
});

describe('DOCTYPE, entities, size and syntax', () => {
  it('refuses a DOCTYPE with entities in a .docx and an .odt (billion laughs)', async () => {
    const laughs = '<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const docx = docxWith(docxDocument('<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>').replace('?>', `?>${laughs}`));
    const odt = odtWith(odtContent('<text:p>&lol2;</text:p>').replace('?>', `?>${laughs}`));
    const ctx = newProject();
    for (const [file, bytes] of [
      ['rires.docx', docx],
      ['rires.odt', odt],
    ] as const) {
      const { error, ms } = await expectRefused(ctx, () => importSource(ctx, { fileName: file, bytes, kind: 'document' }));
      times.push(`${file} DOCTYPE: ${ms.toFixed(0)}`);
      expect(error.code).toBe('xml.doctype');
      expect(error.format('fr')).toMatch(
        new RegExp(`^« ${file.replace('.', '\\.')} \\([a-z/]+\\.xml\\) » est refusé : il contient une déclaration DOCTYPE ou ENTITY`),
      );
    }
  });

  it('gives the line and column of a syntax error, in French, without saxes’ English', async () => {
    const ctx = newProject();
    const broken = docxWith(docxDocument('<w:p><w:r><w:t>Bonjour</w:r></w:p>').replace('<w:body>', '\n<w:body>\n'));
    const { error } = await expectRefused(ctx, () => importSource(ctx, { fileName: 'cassé.docx', bytes: broken, kind: 'interview' }));
    expect(error.code).toBe('xml.malformed');
    expect(error.format('fr')).toMatch(/^« cassé\.docx \(word\/document\.xml\) » est endommagé : son contenu XML est mal formé \(ligne 3, colonne \d+\)\.$/);
    expect(error.format('en')).toMatch(/^"cassé\.docx \(word\/document\.xml\)" is damaged: its XML content is malformed \(line 3, column \d+\)\.$/);
    const qdpx = rawZip([entry('project.qde', '<Project name="x"><Users></Project>')]);
    const refi = await expectRefused(ctx, () => importQdpx(ctx, qdpx, { fileName: 'equipe.qdpx' }));
    expect(refi.error.format('fr')).toMatch(/^« equipe\.qdpx \(project\.qde\) » est endommagé : son contenu XML est mal formé \(ligne 1, colonne \d+\)\.$/);
    for (const e of [error, refi.error]) expect(e.format('fr')).not.toMatch(ENGLISH);
  });

  it('refuses a part that is not UTF-8 or UTF-16', async () => {
    const latin1 = new Uint8Array([...utf8(docxDocument('<w:p><w:r><w:t>caf')), 0xe9, ...utf8('</w:t></w:r></w:p>')]);
    const zip = rawZip([...docxEntries('').filter((e) => e.name !== 'word/document.xml'), entry('word/document.xml', latin1)]);
    const ctx = newProject();
    const { error } = await expectRefused(ctx, () => importSource(ctx, { fileName: 'latin.docx', bytes: zip, kind: 'interview' }));
    expect(error.code).toBe('xml.encoding');
  });

  it('caps the size of a document, and the text an .odt space count can make', async () => {
    const big = await refusal(() => streamXml(`<a>${'x'.repeat(200)}</a>`, 'gros.xml', { open() {}, close() {}, text() {} }, { maxDepth: 256, maxChars: 100 }));
    expect(big.code).toBe('xml.tooLarge');
    expect(big.format('fr')).toMatch(/^« gros\.xml » est refusé : son contenu XML dépasse \d+ millions de caractères\.$/);
    // 70,000 × 1,000 spaces: 70 million characters from 1.7 MB of XML (stored, so no ratio to catch).
    const spaces = odtWith(odtContent(`<text:p>${'<text:s text:c="1000"/>'.repeat(70_000)}</text:p>`), 0);
    const ctx = newProject();
    const { error, ms } = await expectRefused(ctx, () => importSource(ctx, { fileName: 'espaces.odt', bytes: spaces, kind: 'document' }));
    times.push(`.odt of 70 million spaces: ${ms.toFixed(0)}`);
    expect(error.format('fr')).toBe(
      '« espaces.odt » donnerait un texte de plus de 64 millions de caractères : ce n’est pas un document que Tresse peut importer.',
    );
  });
});

describe('JSON from users’ files', () => {
  it('words syntax errors from the catalogue, with the line and column', () => {
    const map = (() => {
      try {
        parsePseudonymMap('[\n  {"realName": "Marie D.", "pseudonym": }\n]', 'pseudonymes.json');
      } catch (e) {
        return e as TresseError;
      }
      throw new Error('accepted');
    })();
    expect(map).toBeInstanceOf(TresseError);
    expect(map.format('fr')).toMatch(/^« pseudonymes\.json » n’est pas un fichier JSON valide/);
    expect(map.format('fr')).not.toMatch(ENGLISH);
    const cut = (() => {
      try {
        parsePseudonymMap('[{"realName": "Marie D.", "pseudonym": "Ma', 'coupé.json');
      } catch (e) {
        return e as TresseError;
      }
      throw new Error('accepted');
    })();
    expect(cut.format('fr')).toBe('« coupé.json » n’est pas un fichier JSON valide : il s’arrête avant la fin (fichier incomplet ?).');
  });

  it('keeps only the place of the error in a codebook JSON', () => {
    const e = (() => {
      try {
        parseCodebookJson('{\n  "format": "tresse-codebook",\n  "codes": [ { "name": "A" }, ]\n}');
      } catch (err) {
        return err as TresseError;
      }
      throw new Error('accepted');
    })();
    expect(e.params).toMatchObject({ reason: 'syntax' });
    expect(e.format('fr')).not.toMatch(ENGLISH);
    const truncated = (() => {
      try {
        parseCodebookJson('{"codes": [');
      } catch (err) {
        return err as TresseError;
      }
      throw new Error('accepted');
    })();
    expect(truncated.format('fr')).toContain('JSON incomplet');
  });
});
