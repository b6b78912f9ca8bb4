import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeMatrix, exportMatrices, setCellSynthesis, setRowVerdict } from '../../../service/analysis.ts';
import { buildFixture, D1_NAME, D1_QUOTE } from '../../analysis/matrix/fixture.ts';

/** RFC 4180 reader: quoted fields may hold the separator, doubled quotes and line breaks. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function annotated() {
  const f = buildFixture();
  setCellSynthesis(f.ctx, {}, 'CL1', 'Entretiens', 'Le secret partagé protège, disent les « professionnels ».');
  setRowVerdict(f.ctx, {}, 'CL1', 'dissonance', 'L’atelier le dit violent.');
  const m = computeMatrix(f.ctx.db, { type: 'triangulation', rows: 'codes', valences: true });
  return { ...f, m };
}

const CL1 = "CL1 — Secret professionnel et partage d'informations";
const CL4 = 'CL4 — Représentation et participation des usagers';

describe('exports of the analysis grid', () => {
  it('writes a workbook with a frozen header, wrapped syntheses and excerpts, and the verdict column', async () => {
    const { ctx, m } = annotated();
    const freq = computeMatrix(ctx.db, { type: 'frequencies', rows: 'codes' });
    const bytes = (await exportMatrices(ctx.db, [m, freq], 'xlsx')) as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Triangulation', 'Extraits Triangulation', 'Fréquences']);
    const ws = wb.getWorksheet('Triangulation')!;
    // The fixture has two coders: the header says whose codings the grid counts.
    expect(ws.getRow(1).values).toEqual([undefined, 'Thème / question (union de Camille, Léo)', 'Documents', 'Entretiens', 'Observations', 'Verdict', 'Note']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((r) => rows.set(String(r.getCell(1).value).trim(), r));
    const cl1 = rows.get(CL1)!;
    const interviews = String(cl1.getCell(3).value);
    expect(interviews).toContain('Synthèse : Le secret partagé protège, disent les « professionnels ».');
    // #1 and Léo's #2 overlap in E1: one passage; #3 in E2.
    expect(interviews).toContain('2 passage(s) distinct(s) (3 codage(s)), 2 source(s), 2 cas ; union de Camille, Léo ; valence : 1 +, 1 −');
    // Cited by source, case and paragraph (the speaker "P1" repeats the case), never by code points.
    expect(interviews).toContain('«\u00a0Le secret partagé protège la personne.\u00a0» (Entretien P1, P1, § 2 ; valence +)');
    expect(cl1.getCell(3).alignment?.wrapText).toBe(true);
    expect(cl1.getCell(5).value).toBe('dissonance');
    expect(cl1.getCell(6).value).toBe('L’atelier le dit violent.');
    expect(String(rows.get(CL4)!.getCell(2).value)).toContain('∅ silence');
    expect(rows.get(CL4)!.getCell(5).value).toBe('silence : Documents');
    // Every quoted excerpt, one per row, with its reference.
    const excerpts = wb.getWorksheet('Extraits Triangulation')!;
    const quoted: string[][] = [];
    excerpts.eachRow((r, i) => i > 1 && quoted.push([String(r.getCell(1).value), String(r.getCell(3).value), String(r.getCell(7).value)]));
    // 12 codings; the CL theme row repeats its sub-codes' 10 and the SC row its 2: 24 quoted excerpts.
    expect(quoted).toHaveLength(24);
    expect(quoted).toContainEqual([CL1, D1_NAME, D1_QUOTE]);
    // Counts stay numbers.
    const f = wb.getWorksheet('Fréquences')!;
    const cl1f = f.getRows(1, f.rowCount)!.find((r) => String(r.getCell(1).value).trim() === CL1)!;
    expect(cl1f.getCell(2).value).toBe(6);
  });

  it('writes a landscape Word table with excerpts quoted « … » and their citations', async () => {
    const { ctx, m } = annotated();
    const bytes = (await exportMatrices(ctx.db, [m], 'docx')) as Uint8Array;
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('w:orient="landscape"');
    const size = /<w:pgSz[^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/.exec(xml)!;
    expect(Number(size[1])).toBeGreaterThan(Number(size[2]));
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)!;
    const text = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((r) => r[1]).join('');
    // A header row and one row per code.
    expect(rows).toHaveLength(1 + m.rows.length);
    expect(text(rows[0]!)).toBe('Thème / question (union de Camille, Léo)DocumentsEntretiensObservationsVerdictNote');
    const cl1 = rows.map(text).find((t) => t.startsWith('CL1'))!;
    expect(cl1).toContain('«\u00a0Le secret partagé protège la personne.\u00a0» (Entretien P1, P1, § 2 ; valence +)');
    expect(cl1).toContain('«\u00a0La charte dit : &quot;partager, oui, mais le minimum&quot;.\u00a0» (Charte &lt;b&gt;interne&lt;/b&gt; &amp; annexe, § 1)');
    expect(cl1).toContain('dissonance');
    expect(rows.map(text).find((t) => t.startsWith('CL4'))).toContain('silence : Documents');
  });

  it('writes RFC 4180 CSV with a byte-order mark, separated by ";" for French spreadsheets', async () => {
    const { ctx, m } = annotated();
    const csv = (await exportMatrices(ctx.db, [m], 'csv')) as string;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // French Excel splits on ";" only: a comma-separated file would open as one column.
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe('Thème / question (union de Camille, Léo);Documents;Entretiens;Observations;Verdict;Note');
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Thème / question (union de Camille, Léo)', 'Documents', 'Entretiens', 'Observations', 'Verdict', 'Note']);
    expect(rows).toHaveLength(1 + m.rows.length);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    const cl1 = rows.find((r) => r[0] === CL1)!;
    // D1 is one paragraph, with no case and no speaker: the citation keeps the source and the paragraph.
    expect(cl1[1]!.split('\n')).toContain(`«\u00a0${D1_QUOTE}\u00a0» (${D1_NAME}, § 1)`);
    expect(cl1[4]).toBe('dissonance');
    // A note that a spreadsheet would take for a formula stays text.
    setRowVerdict(ctx, {}, 'CL4', 'complementarity', '=HYPERLINK("http://exemple.invalid")');
    const again = parseCsv(((await exportMatrices(ctx.db, [computeMatrix(ctx.db, { type: 'triangulation' })], 'csv')) as string).slice(1));
    expect(again.find((r) => r[0] === CL4)![5]).toBe(`'=HYPERLINK("http://exemple.invalid")`);
    const freq = (await exportMatrices(ctx.db, [computeMatrix(ctx.db, { type: 'frequencies', rows: 'themes' })], 'csv')) as string;
    // 10 codings, of which #1 #2 and #3 #9 overlap: 8 distinct passages.
    expect(parseCsv(freq.slice(1)).find((r) => r[0]!.startsWith('CL —'))).toEqual(['CL — Cadre légal et place des usagers', '8', '6', '3']);
  });

  it('separates an English CSV export by commas, quoting the fields that hold one', async () => {
    const { ctx, m } = annotated();
    const csv = (await exportMatrices(ctx.db, [m], 'csv', { lang: 'en' })) as string;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1), ',');
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows.find((r) => r[0] === CL1)![2]).toContain('Le secret partagé protège, disent les « professionnels ».');
  });

  it('writes one self-contained HTML report with its pictures, everything escaped', async () => {
    const { ctx, m } = annotated();
    const co = computeMatrix(ctx.db, { type: 'cooccurrence', rows: 'codes' });
    const freq = computeMatrix(ctx.db, { type: 'frequencies', rows: 'codes' });
    const html = (await exportMatrices(ctx.db, [m, co, freq], 'html')) as string;
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\ssrc=|\shref=|@import|url\((?!#)/i);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>interne</b>');
    expect(html).toContain('Charte &lt;b&gt;interne&lt;/b&gt; &amp; annexe');
    expect(html).toContain(`<th scope="row" style="padding-left:1.7em">${CL1.replace("'", '&#39;')}</th>`);
    expect(html).toContain('«\u00a0Le secret partagé protège la personne.\u00a0»<cite>Entretien P1, P1, § 2 ; valence +</cite>');
    expect(html).toContain('Synthèse : Le secret partagé protège, disent les « professionnels ».');
    // Pictures inline: the triangulation heatmap, the co-occurrence heatmap and network, the bars and the sunburst.
    expect(html.match(/<svg[ >]/g)).toHaveLength(5);
    const triangulation = html.slice(html.indexOf('<h2>Matrice de triangulation</h2>'), html.indexOf('<h2>Cooccurrences'));
    expect(triangulation.match(/<tr><th scope="row"/g)).toHaveLength(m.rows.length);
    expect(triangulation).toContain('class="silent"');
  });
});
