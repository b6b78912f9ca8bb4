// The analysis grid as a word-processor annex: landscape pages, one table per matrix with a
// repeated header row, syntheses, and excerpts quoted with their citation. Every piece of text
// takes a named Word style (docx-styles.ts) and no formatting of its own, so a student restyles
// the whole annex from Word's style pane (Heading 1, Quote, Table Grid…).
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { annexStyles, STYLE, TABLE_STYLES } from './docx-styles.ts';
import { cellText, stateText, type ReportCell, type ReportTable } from './table.ts';

const text = (style: string, value: string) => new Paragraph({ style, children: [new TextRun(value)] });

function cellParagraphs(cell: ReportCell, lang: Lang): Paragraph[] {
  if (cell.quotes === undefined && cell.synthesis === undefined) return [text(STYLE.cell, cellText(cell, lang))];
  const out: Paragraph[] = [];
  const state = stateText(cell, lang);
  // Silence is a finding, set like a synthesis; no material is an absence of sources, set like the counts.
  if (state) out.push(text(cell.state === 'silence' ? STYLE.synthesis : STYLE.counts, state));
  if (cell.synthesis) out.push(text(STYLE.synthesis, label('cell.synthesis', lang, { text: cell.synthesis })));
  if (cell.counts && !state) out.push(text(STYLE.counts, cell.counts));
  for (const q of cell.quotes ?? []) {
    out.push(new Paragraph({ style: STYLE.quote, children: [new TextRun(q.quoted), new TextRun({ text: ` (${q.reference})`, style: STYLE.reference })] }));
  }
  if (cell.more) out.push(text(STYLE.counts, label('cell.more', lang, { count: cell.more })));
  return out.length ? out : [text(STYLE.cell, '')];
}

function table(t: ReportTable, lang: Lang): Table {
  const header = new TableRow({
    tableHeader: true,
    children: t.header.map((h) => new TableCell({ children: [text(STYLE.tableHeading, h)] })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: false,
        children: [
          // Themes are headings inside the grid: Word's navigation pane and a table of contents list them.
          new TableCell({
            children: [
              new Paragraph({
                heading: r.depth === 0 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
                ...(r.depth > 1 ? { indent: { left: (r.depth - 1) * 200 } } : {}),
                children: [new TextRun(r.label)],
              }),
            ],
          }),
          ...r.cells.map((c) => new TableCell({ children: cellParagraphs(c, lang) })),
        ],
      }),
  );
  return new Table({
    style: STYLE.table,
    tableLook: { firstRow: true, firstColumn: false, lastRow: false, lastColumn: false, noHBand: true, noVBand: true },
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows],
  });
}

export async function tablesToDocx(tables: ReportTable[], lang: Lang = 'fr', title = label('report.title', lang)): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: title, heading: HeadingLevel.TITLE })];
  for (const t of tables) {
    children.push(new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_1 }));
    for (const n of t.notes) children.push(text(STYLE.note, n));
    children.push(table(t, lang));
  }
  const doc = new Document({
    creator: 'Tresse',
    title,
    externalStyles: TABLE_STYLES,
    styles: annexStyles(lang),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
