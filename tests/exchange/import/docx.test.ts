import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import type { ParsedSource } from '../../../model/types.ts';
import { makeDocx, utf8 } from '../../fixtures/import/make.ts';
import { covered, expectWellFormed, failure, sectionsOf, turnsOf, noteTexts } from './helpers.ts';

let docx: Uint8Array;
let parsed: ParsedSource;

beforeAll(async () => {
  docx = await makeDocx();
  parsed = await parseSourceFile(docx, 'Entretien-03.DOCX');
});

describe('docx', () => {
  it('reads paragraphs one per line, with tabs, line breaks, emoji and table cells', () => {
    const lines = parsed.text.split('\n');
    expect(parsed.format).toBe('docx');
    expect(parsed.encoding).toBeNull();
    expect(lines.slice(0, 5)).toEqual([
      'Entretien n° 3 : coordinatrice',
      'Contexte',
      'Entretien réalisé le 12 mars, durée 1 h 05.',
      'Présents : l’enquêtrice et la coordinatrice.',
      'Transcription',
    ]);
    expect(lines).toContain('Enquêtrice :\tEt ensuite ?');
    expect(parsed.text).toContain('Marie : Première ligne\ndeuxième ligne 😊\n');
    expect(lines).toContain('Thème\tIdées principales');
    expect(lines).toContain('SC – Situations complexes\tIsolement ; urgence qui dure.');
    expect(lines[lines.length - 1]).toBe('Fin du document.');
    expectWellFormed(parsed);
  });

  it('turns Heading styles into sections, nested by level', () => {
    const sections = sectionsOf(parsed);
    expect(sections.map((s) => [s.heading, s.level])).toEqual([
      ['Entretien n° 3 : coordinatrice', 1],
      ['Contexte', 2],
      ['Transcription', 2],
      ['Grille de synthèse', 1],
    ]);
    expect(covered(parsed, sections[1]!)).toBe('Contexte\nEntretien réalisé le 12 mars, durée 1 h 05.\nPrésents : l’enquêtrice et la coordinatrice.\n');
    expect(sections[0]!.end).toBe(sections[3]!.start);
  });

  it('finds the speaker turns, and they stop at the next heading', () => {
    const turns = turnsOf(parsed);
    expect(turns.map((t) => t.speaker)).toEqual(['Enquêtrice', 'Marie', 'Enquêtrice', 'Marie', 'Enquêtrice', 'Marie', 'Enquêtrice', 'Marie']);
    expect(covered(parsed, turns[3]!)).toBe('Marie : Première ligne\ndeuxième ligne 😊\n');
    expect(turns[turns.length - 1]!.end).toBe(sectionsOf(parsed)[3]!.start);
    // "Présents :" and the heading "Entretien n° 3 : coordinatrice" are not turns.
    expect(turns[0]!.start).toBe(sectionsOf(parsed)[2]!.start + 'Transcription\n'.length);
  });

  it('tells the user that the footnote was left out', () => {
    expect(noteTexts(parsed)).toContain('1 note de bas de page non importée');
    expect(parsed.text).not.toContain('visioconférence');
  });
});

describe('docx: damaged files', () => {
  it('refuses a file that is not a zip archive', async () => {
    const f = await failure(parseSourceFile(utf8('Ceci est un texte renommé en .docx'), 'faux.docx'));
    expect(f.code).toBe('archive.notZip');
    expect(f.params).toMatchObject({ file: 'faux.docx', format: 'Word (.docx)' });
  });

  it('recognises an old .doc (or a password-protected file) renamed .docx', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const f = await failure(parseSourceFile(ole, 'ancien.docx'));
    expect(f).toMatchObject({ code: 'import.oldWord', params: { file: 'ancien.docx' } });
  });

  it('refuses a zip without a Word document in it', async () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), '[Content_Types].xml': strToU8('<Types/>') });
    const f = await failure(parseSourceFile(zip, 'classeur.docx'));
    expect(f).toMatchObject({ code: 'import.missingPart', params: { part: 'word/document.xml' } });
  });

  it('refuses a truncated archive', async () => {
    for (const cut of [0.3, 0.6, 0.95]) {
      const f = await failure(parseSourceFile(docx.subarray(0, Math.floor(docx.length * cut)), 'coupé.docx'));
      expect(f).toMatchObject({ code: 'archive.truncated', params: { file: 'coupé.docx', format: 'Word (.docx)' } });
    }
  });

  it('refuses malformed XML in the document part', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p>') });
    expect(await failure(parseSourceFile(zip, 'xml.docx'))).toMatchObject({ code: 'xml.malformed', params: { file: 'xml.docx (word/document.xml)' } });
  });

  it('refuses a Word document without any text', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const zip = zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p></w:body></w:document>`) });
    expect((await failure(parseSourceFile(zip, 'vide.docx'))).code).toBe('import.empty');
  });
});

describe('docx: Word features beyond the generator', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const wrap = (body: string) =>
    zipSync({
      'word/document.xml': strToU8(
        `<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`,
      ),
      'word/styles.xml': strToU8(
        `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>` +
          `<w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="Mon titre"/><w:basedOn w:val="Titre1"/></w:style>` +
          `<w:style w:type="paragraph" w:styleId="Niveau3"><w:name w:val="Niveau 3"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>`,
      ),
    });
  const p = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

  it('leaves out hidden text and reads the Title style as a heading', async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/></w:style>`;
    const zip = zipSync({
      'word/document.xml': strToU8(
        `<w:document xmlns:w="${W}"><w:body>${p('Entretien avec Marie', 'Titre')}` +
          `<w:p><w:r><w:t xml:space="preserve">Marie : Je suis </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>caché</w:t><w:br/></w:r>` +
          `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>infirmière.</w:t></w:r></w:p>` +
          `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>Visible malgré la marque cachée.</w:t></w:r></w:p></w:body></w:document>`,
      ),
      'word/styles.xml': strToU8(`<w:styles xmlns:w="${W}">${styles}</w:styles>`),
    });
    const r = await parseSourceFile(zip, 'cache.docx');
    expect(r.text).toBe('Entretien avec Marie\nMarie : Je suis infirmière.\nVisible malgré la marque cachée.');
    expect(sectionsOf(r).map((s) => [s.heading, s.level])).toEqual([['Entretien avec Marie', 1]]);
  });

  it('reads French style ids, inherited and outline-level headings', async () => {
    const r = await parseSourceFile(wrap(p('Un', 'Titre1') + p('texte') + p('Deux', 'MonTitre') + p('Trois', 'Niveau3') + p('fin')), 'styles.docx');
    expect(sectionsOf(r).map((s) => [s.heading, s.level])).toEqual([
      ['Un', 1],
      ['Deux', 1],
      ['Trois', 3],
    ]);
  });

  it('leaves out deleted revisions, field codes and the fallback copy of text boxes', async () => {
    const body =
      `<w:p><w:r><w:t>Gardé</w:t></w:r><w:del><w:r><w:delText> supprimé</w:delText></w:r></w:del><w:ins><w:r><w:t> inséré</w:t></w:r></w:ins></w:p>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:p><w:r><w:t>Avant la zone.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Dans la zone de texte</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Dans la zone de texte</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t> Après.</w:t></w:r></w:p>`;
    const r = await parseSourceFile(wrap(body), 'revisions.docx');
    expect(r.text).toBe('Gardé inséré\n7\nAvant la zone. Après.\nDans la zone de texte');
  });
});
