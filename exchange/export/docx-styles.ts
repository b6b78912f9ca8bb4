// The named styles of the Word annex. Built-in names (Title, Heading 1-3, Quote, Table Grid) are
// the ones Word shows in the user's own language ("Citation", "Titre 1"…); the few styles of our
// own are named in the export's language. Sizes in half-points: 9 pt fits a three-column grid on
// a landscape page.
import type { IStylesOptions } from 'docx';
import type { Lang } from '../../i18n/lang.ts';

export const STYLE = {
  table: 'TableGrid',
  tableHeading: 'TableHeading',
  cell: 'TableText',
  quote: 'Quote',
  reference: 'QuoteReference',
  synthesis: 'Synthesis',
  counts: 'Counts',
  note: 'Note',
} as const;

const NAMES: Record<Lang, Record<'tableHeading' | 'cell' | 'reference' | 'synthesis' | 'counts' | 'note', string>> = {
  fr: {
    tableHeading: 'En-tête de tableau',
    cell: 'Texte de tableau',
    reference: 'Référence de citation',
    synthesis: 'Synthèse',
    counts: 'Décompte',
    note: 'Note de matrice',
  },
  en: { tableHeading: 'Table Heading', cell: 'Table Text', reference: 'Quote Reference', synthesis: 'Synthesis', counts: 'Count', note: 'Matrix Note' },
};

const SMALL = 18;

/**
 * Borders on every side and inside, a shaded header row: the grid's look, changed in one place in
 * Word. docx writes paragraph and character styles only; a table style comes as a styles part of
 * its own ("external styles"), to which docx adds its default styles and ours.
 */
export const TABLE_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="${STYLE.table}">
<w:name w:val="Table Grid"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="555555"/><w:left w:val="single" w:sz="4" w:space="0" w:color="555555"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="555555"/><w:right w:val="single" w:sz="4" w:space="0" w:color="555555"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="555555"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="555555"/>
</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>
<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/></w:tcPr></w:tblStylePr>
</w:style></w:styles>`;

export function annexStyles(lang: Lang): IStylesOptions {
  const n = NAMES[lang];
  const small = { size: SMALL };
  return {
    default: {
      title: { run: { size: 36, bold: true }, paragraph: { spacing: { after: 240 } } },
      heading1: { run: { size: 28, bold: true }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
      // Theme rows of the grid: headings the size of the table's text.
      heading2: { run: { size: SMALL + 2, bold: true }, paragraph: { spacing: { before: 0, after: 0 } } },
      heading3: { run: { size: SMALL, bold: false }, paragraph: { spacing: { before: 0, after: 0 } } },
    },
    paragraphStyles: [
      { id: STYLE.cell, name: n.cell, basedOn: 'Normal', quickFormat: true, run: small, paragraph: { spacing: { after: 0 } } },
      { id: STYLE.tableHeading, name: n.tableHeading, basedOn: STYLE.cell, run: { ...small, bold: true } },
      { id: STYLE.synthesis, name: n.synthesis, basedOn: STYLE.cell, quickFormat: true, run: { ...small, bold: true }, paragraph: { spacing: { after: 80 } } },
      { id: STYLE.counts, name: n.counts, basedOn: STYLE.cell, run: { ...small, italics: true } },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { ...small, italics: true },
        paragraph: { spacing: { before: 60, after: 0 } },
      },
      { id: STYLE.note, name: n.note, basedOn: 'Normal', quickFormat: true, run: { size: SMALL, italics: true } },
    ],
    characterStyles: [{ id: STYLE.reference, name: n.reference, basedOn: 'DefaultParagraphFont', quickFormat: true, run: { size: SMALL - 2, italics: false } }],
  };
}
