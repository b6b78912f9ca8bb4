import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { makeImageOnlyPdf, makePdf, PDF_PAGES, utf8 } from '../../fixtures/import/make.ts';
import { makeLaidOutPdf, type PdfPage } from '../../fixtures/import/pdf-layout.ts';
import { covered, expectWellFormed, failure, turnsOf, noteTexts } from './helpers.ts';

describe('pdf', { timeout: 30_000 }, () => {
  it('rebuilds the lines, separates pages by a blank line and removes running headers and page numbers', async () => {
    const bytes = await makePdf();
    const size = bytes.byteLength;
    const r = await parseSourceFile(bytes, 'Durand-2024.PDF');
    expect(r.format).toBe('pdf');
    expect(r.text).toBe(PDF_PAGES.map((lines) => lines.join('\n')).join('\n\n'));
    expect(r.text).not.toMatch(/Durand|Page \d/);
    expect(noteTexts(r)).toEqual(expect.arrayContaining(['3 en-têtes/pieds de page répétés retirés', '3 numéros de page retirés']));
    expect(bytes.byteLength).toBe(size); // the caller's buffer was not handed over (detached) to pdf.js
    expectWellFormed(r);
  });

  it('leaves the process its own JSON.parse, whose errors the browser mode translates', async () => {
    // pdf.js's polyfills once swapped it for a JavaScript one with other messages, and the browser
    // mode's "interrupted upload" became "not JSON" after a PDF import.
    expect(String(JSON.parse)).toContain('[native code]');
    await parseSourceFile(await makePdf(), 'entretien.pdf');
    expect(String(JSON.parse)).toContain('[native code]');
    expect(() => JSON.parse('{"arg": ', (_k, v: unknown) => v)).toThrow(/end of JSON input/);
  });

  it('finds speaker turns across pages', async () => {
    const r = await parseSourceFile(await makePdf(), 'entretien.pdf');
    const turns = turnsOf(r);
    expect(turns.map((t) => t.speaker)).toEqual(['Enquêteur', 'Paul', 'Enquêteur', 'Paul', 'Enquêteur', 'Paul']);
    expect(covered(r, turns[1]!)).toBe('Paul : Par une fiche d’alerte, remplie par le partenaire.\n\n');
  });

  it('keeps lines that only look like headers when they do not repeat', async () => {
    const pages = [
      ['Introduction', 'Texte de la page un.'],
      ['Texte de la page deux.', 'Conclusion provisoire.'],
    ];
    const r = await parseSourceFile(await makePdf(pages, { header: false, footer: false }), 'court.pdf');
    expect(r.text).toBe('Introduction\nTexte de la page un.\n\nTexte de la page deux.\nConclusion provisoire.');
    expect(noteTexts(r).filter((n) => n.includes('retiré'))).toEqual([]);
  });

  const bodies = (pages: PdfPage[]) => pages.map((p) => p.lines.join('\n')).join('\n\n');
  const removals = (notes: string[]) => notes.filter((n) => n.includes('retiré'));

  it('keeps short answers that end several pages of a transcript without running headers', async () => {
    const transcript: PdfPage[] = [
      { lines: ['E : Vous travaillez ici depuis longtemps ?', 'R : Depuis 2015, au service social.', 'E : Et ce travail vous plaît ?', 'R : Oui.'] },
      { lines: ['E : Même les jours de réunion ?', 'R : Surtout ces jours-là, on avance ensemble.', 'E : Vous le referiez ?', 'R : Oui.'] },
      { lines: ['E : Merci pour cet entretien.', 'R : Merci à vous.', 'E : Vous voulez ajouter quelque chose ?', 'R : Oui.'] },
    ];
    // As QA found it (two pages of three end with the answer), and on every page.
    for (const pages of [transcript.map((p, i) => (i === 2 ? { lines: p.lines.slice(0, 2) } : p)), transcript]) {
      const r = await parseSourceFile(await makeLaidOutPdf(pages), 'entretien-R.pdf');
      expect(r.text).toBe(bodies(pages));
      expect(removals(noteTexts(r))).toEqual([]);
      expect(turnsOf(r).filter((t) => covered(r, t).startsWith('R : Oui.'))).toHaveLength(pages === transcript ? 3 : 2);
    }
    // A line without a speaker label at the foot of two pages of three is no running footer either.
    const notes: PdfPage[] = [
      { lines: ['Arrivée au foyer à 9 h.', '(silence)'] },
      { lines: ['Réunion d’équipe.', '(silence)'] },
      { lines: ['Départ à midi.', 'Fin des notes.'] },
    ];
    const r = await parseSourceFile(await makeLaidOutPdf(notes), 'notes.pdf');
    expect(r.text).toBe(bodies(notes));
  });

  it('keeps timestamped lines, whose digits differ from page to page', async () => {
    const pages: PdfPage[] = [1, 2, 3, 4, 5].map((k) => ({
      lines: [
        `[00:1${k}:02] (reprise)`,
        `[00:1${k}:05] E : Et ensuite, que se passe-t-il ?`,
        `[00:1${k}:10] R : On rappelle la famille.`,
        `[00:1${k}:3${k}] R : Oui.`,
      ],
    }));
    const r = await parseSourceFile(await makeLaidOutPdf(pages), 'horodaté.pdf');
    expect(r.text).toBe(bodies(pages));
    expect(r.text).toContain('[00:13:33] R : Oui.');
    expect(removals(noteTexts(r))).toEqual([]);
  });

  it('still removes real running headers, footers and page numbers of a longer document', async () => {
    const body = (k: number): string[] => [
      `Chapitre ${k} : la coordination vue par les partenaires.`,
      'Les acteurs se réunissent chaque mois autour des situations.',
      'Le secret partagé y est discuté au cas par cas.',
      'La personne concernée est informée avant la réunion.',
      k === 2 || k === 4 ? 'Voir l’annexe.' : `Fin de la partie ${k}.`,
    ];
    const pages: PdfPage[] = [1, 2, 3, 4, 5].map((k) => ({
      // the title page carries no running head
      header: k === 1 ? undefined : `${117 + k} / Dupont - Le secret partagé en santé mentale`,
      lines: [...body(k), 'Document de travail, ne pas diffuser'],
      footer: `Page ${k} sur 5`,
    }));
    const r = await parseSourceFile(await makeLaidOutPdf(pages), 'Dupont-memoire.pdf');
    expect(r.text).toBe(pages.map((p) => p.lines.slice(0, -1).join('\n')).join('\n\n'));
    expect(r.text).toContain('Voir l’annexe.'); // on 2 of 5 pages only: not a running line
    expect(noteTexts(r)).toEqual(expect.arrayContaining(['9 en-têtes/pieds de page répétés retirés', '5 numéros de page retirés']));

    // Odd and even pages with different running heads, and bare page numbers.
    const book: PdfPage[] = [1, 2, 3, 4, 5, 6, 7].map((k) => ({
      header: k === 1 ? undefined : k % 2 === 0 ? 'A. Dupont' : 'Le secret partagé en santé mentale',
      lines: body(k),
      footer: String(40 + k),
    }));
    const b = await parseSourceFile(await makeLaidOutPdf(book), 'chapitre.pdf');
    expect(b.text).toBe(bodies(book));
    expect(noteTexts(b)).toEqual(expect.arrayContaining(['6 en-têtes/pieds de page répétés retirés', '7 numéros de page retirés']));
  });

  it('rejoins words hyphenated at the end of a line, within and across pages, and keeps compounds', async () => {
    const pages: PdfPage[] = [
      { lines: ['Le dossier contient des informa-', 'tions sur la situation du patient.', 'Le porte-', 'parole de l’équipe, peut-', 'être, le per-'] },
      { lines: ['met sans difficulté.', 'R : C’est-à-', 'dire que la coordina-', 'tion, c’est le cœur.'] },
    ];
    const r = await parseSourceFile(await makeLaidOutPdf(pages), 'article.pdf');
    expect(r.text).toBe(
      'Le dossier contient des informations\nsur la situation du patient.\nLe porte-parole\nde l’équipe, peut-être,\nle permet\n\n' +
        'sans difficulté.\nR : C’est-à-dire\nque la coordination,\nc’est le cœur.',
    );
    expectWellFormed(r);

    // A new page that opens on a heading does not continue the last line of the page before.
    const headed: PdfPage[] = [
      { lines: ['Les outils relèvent alors de la télé-', 'consultation et du suivi à distance, ou de la télé-'] },
      { lines: ['e-santé : les outils', 'Les outils sont nombreux.'], sizes: [16, 11] },
    ];
    const h = await parseSourceFile(await makeLaidOutPdf(headed), 'chapitres.pdf');
    expect(h.text).toBe(
      'Les outils relèvent alors de la téléconsultation\net du suivi à distance, ou de la télé-\n\ne-santé : les outils\nLes outils sont nombreux.',
    );
  });

  it('reports a PDF without a text layer', async () => {
    const f = await failure(parseSourceFile(await makeImageOnlyPdf(), 'scan.pdf'));
    expect(f).toEqual({ code: 'import.noTextLayer', params: { file: 'scan.pdf' } });
  });

  it('refuses a file that is not a PDF and a truncated PDF', async () => {
    expect((await failure(parseSourceFile(utf8('Pas un PDF du tout'), 'faux.pdf'))).code).toBe('import.notPdf');
    const bytes = await makePdf();
    for (const cut of [400, bytes.length - 10]) {
      const f = await failure(parseSourceFile(bytes.subarray(0, cut), 'coupé.pdf'));
      expect(f).toEqual({ code: 'import.pdfDamaged', params: { file: 'coupé.pdf' } });
    }
  });
});
