// The analysis grid as a word-processor annex: landscape pages, one table per matrix with a
// repeated header row, syntheses, and excerpts quoted « … » with their source reference.
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType } from 'docx';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { cellText, quoteReference, stateText, type ReportCell, type ReportTable } from './table.ts';

const SIZE = 18; // half-points: 9 pt, so a three-column grid fits a landscape page

function cellParagraphs(cell: ReportCell, lang: Lang): Paragraph[] {
  if (cell.quotes === undefined && cell.synthesis === undefined) {
    return [new Paragraph({ children: [new TextRun({ text: cellText(cell, lang), size: SIZE })] })];
  }
  const out: Paragraph[] = [];
  const state = stateText(cell, lang);
  // Silence is a finding, in bold; no material is an absence of sources, in grey.
  if (state)
    out.push(
      new Paragraph({
        children: [new TextRun({ text: state, bold: cell.state === 'silence', color: cell.state === 'silence' ? undefined : '666666', size: SIZE })],
      }),
    );
  if (cell.synthesis) {
    const text = label('cell.synthesis', lang, { text: cell.synthesis });
    out.push(new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, bold: true, size: SIZE })] }));
  }
  if (cell.counts && !state) out.push(new Paragraph({ children: [new TextRun({ text: cell.counts, italics: true, size: SIZE })] }));
  for (const q of cell.quotes ?? []) {
    out.push(
      new Paragraph({
        spacing: { before: 60 },
        children: [
          new TextRun({ text: `« ${q.text.replace(/\s+/g, ' ').trim()} »`, size: SIZE }),
          new TextRun({ text: ` (${quoteReference(q, lang)})`, italics: true, size: SIZE - 2 }),
        ],
      }),
    );
  }
  if (cell.more) {
    out.push(new Paragraph({ children: [new TextRun({ text: label('cell.more', lang, { count: cell.more }), italics: true, size: SIZE })] }));
  }
  return out.length ? out : [new Paragraph('')];
}

function table(t: ReportTable, lang: Lang): Table {
  const header = new TableRow({
    tableHeader: true,
    children: t.header.map(
      (h) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, fill: 'E6E6E6', color: 'auto' },
          children: [new Paragraph({ children: [new TextRun({ text: h, bold: true, size: SIZE })] })],
        }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: false,
        children: [
          new TableCell({
            children: [
              new Paragraph({
                indent: { left: r.depth * 200 },
                children: [new TextRun({ text: r.label, bold: r.depth === 0, size: SIZE })],
              }),
            ],
          }),
          ...r.cells.map((c) => new TableCell({ children: cellParagraphs(c, lang) })),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

export async function tablesToDocx(tables: ReportTable[], lang: Lang = 'fr', title = label('report.title', lang)): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 })];
  for (const t of tables) {
    children.push(new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_2 }));
    for (const n of t.notes) children.push(new Paragraph({ children: [new TextRun({ text: n, italics: true, size: SIZE })] }));
    children.push(table(t, lang));
  }
  const doc = new Document({
    creator: 'Tresse',
    title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
