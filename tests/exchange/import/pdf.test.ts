import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { makeImageOnlyPdf, makePdf, PDF_PAGES, utf8 } from '../../fixtures/import/make.ts';
import { covered, expectWellFormed, failure, turnsOf } from './helpers.ts';

describe('pdf', { timeout: 30_000 }, () => {
  it('rebuilds the lines, separates pages by a blank line and removes running headers and page numbers', async () => {
    const bytes = await makePdf();
    const size = bytes.byteLength;
    const r = await parseSourceFile(bytes, 'Durand-2024.PDF');
    expect(r.format).toBe('pdf');
    expect(r.text).toBe(PDF_PAGES.map((lines) => lines.join('\n')).join('\n\n'));
    expect(r.text).not.toMatch(/Durand|Page \d/);
    expect(r.notes).toEqual(expect.arrayContaining(['3 en-têtes/pieds de page répétés retirés', '3 numéros de page retirés']));
    expect(bytes.byteLength).toBe(size); // the caller's buffer was not handed over (detached) to pdf.js
    expectWellFormed(r);
  });

  it('finds speaker turns across pages', async () => {
    const r = await parseSourceFile(await makePdf(), 'entretien.pdf');
    const turns = turnsOf(r);
    expect(turns.map((t) => t.speaker)).toEqual(['Enquêteur', 'Paul', 'Enquêteur', 'Paul', 'Enquêteur', 'Paul']);
    expect(covered(r, turns[1]!)).toBe('Paul : Par une fiche d’alerte, remplie par le partenaire.\n\n');
  });

  it('keeps lines that only look like headers when they do not repeat', async () => {
    const pages = [['Introduction', 'Texte de la page un.'], ['Texte de la page deux.', 'Conclusion provisoire.']];
    const r = await parseSourceFile(await makePdf(pages, { header: false, footer: false }), 'court.pdf');
    expect(r.text).toBe('Introduction\nTexte de la page un.\n\nTexte de la page deux.\nConclusion provisoire.');
    expect(r.notes.filter((n) => n.includes('retiré'))).toEqual([]);
  });

  it('reports a PDF without a text layer', async () => {
    const f = await failure(parseSourceFile(await makeImageOnlyPdf(), 'scan.pdf'));
    expect(f).toEqual({ code: 'import.noTextLayer', params: { file: 'scan.pdf' } });
  });

  it('refuses a file that is not a PDF and a truncated PDF', async () => {
    expect((await failure(parseSourceFile(utf8('Pas un PDF du tout'), 'faux.pdf'))).code).toBe('import.corrupt');
    const bytes = await makePdf();
    for (const cut of [400, bytes.length - 10]) {
      const f = await failure(parseSourceFile(bytes.subarray(0, cut), 'coupé.pdf'));
      expect(f).toMatchObject({ code: 'import.corrupt', params: { file: 'coupé.pdf', format: 'PDF' } });
    }
  });
});
