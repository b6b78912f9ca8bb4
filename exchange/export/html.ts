// One self-contained HTML report: tables and inline SVG pictures, no script, nothing fetched
// (a Content-Security-Policy forbids it), every piece of project text escaped.
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../../analysis/matrix/labels.ts';
import { esc } from '../../analysis/pictures/svg.ts';
import { cellText, stateText, type ReportCell, type ReportTable } from './table.ts';

export interface ReportSection {
  table: ReportTable;
  pictures: { title: string; svg: string }[];
}

const STYLE = `body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;margin:2em;color:#000;background:#fff}
table{border-collapse:collapse;width:100%;margin:1em 0 2em;font-size:.85em}
th,td{border:1px solid #555;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#e6e6e6;position:sticky;top:0}
td.num{text-align:right}
td.silent{background:repeating-linear-gradient(45deg,#fff 0 6px,#ddd 6px 9px)}
td.no-material{background:#f0f0f0;color:#555}
.synthesis{font-weight:bold;margin:0 0 .4em}
.counts{font-style:italic;color:#333;margin:0 0 .4em}
blockquote{margin:.3em 0 .3em .6em;padding-left:.5em;border-left:2px solid #777}
cite{display:block;font-size:.85em;color:#333}
.note{font-style:italic}
figure{margin:1em 0;overflow-x:auto}
@media print{th{position:static}}`;

function cellHtml(cell: ReportCell, lang: Lang): string {
  if (cell.quotes === undefined && cell.synthesis === undefined) {
    const numeric = typeof cell.value === 'number';
    return `<td${numeric ? ' class="num"' : ''}>${esc(cellText(cell, lang))}</td>`;
  }
  const parts: string[] = [];
  const state = stateText(cell, lang);
  if (state) parts.push(`<p class="counts"><strong>${esc(state)}</strong></p>`);
  if (cell.synthesis) parts.push(`<p class="synthesis">${esc(label('cell.synthesis', lang, { text: cell.synthesis }))}</p>`);
  if (cell.counts && !state) parts.push(`<p class="counts">${esc(cell.counts)}</p>`);
  for (const q of cell.quotes ?? []) {
    parts.push(`<blockquote>${esc(q.quoted)}<cite>${esc(q.reference)}</cite></blockquote>`);
  }
  if (cell.more) parts.push(`<p class="counts">${esc(label('cell.more', lang, { count: cell.more }))}</p>`);
  const look = cell.state === 'silence' ? ' class="silent"' : cell.state === 'no-material' ? ' class="no-material"' : '';
  return `<td${look}>${parts.join('')}</td>`;
}

/** Inline SVG in HTML needs no namespace declaration; leaving it out keeps the report free of any URL. */
const inlineSvg = (svg: string) => svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '<svg');

export function reportHtml(sections: ReportSection[], lang: Lang = 'fr', title = label('report.title', lang), date = new Date()): string {
  const body = sections
    .map(({ table, pictures }) => {
      const head = `<tr>${table.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
      const rows = table.rows
        .map((r) => {
          const head = `<th scope="row" style="padding-left:${0.5 + r.depth * 1.2}em">${esc(r.label)}</th>`;
          return `<tr>${head}${r.cells.map((c) => cellHtml(c, lang)).join('')}</tr>`;
        })
        .join('\n');
      return [
        `<section><h2>${esc(table.title)}</h2>`,
        ...table.notes.map((n) => `<p class="note">${esc(n)}</p>`),
        ...pictures.map((p) => `<figure aria-label="${esc(p.title)}">${inlineSvg(p.svg)}</figure>`),
        `<table><thead>${head}</thead><tbody>\n${rows}\n</tbody></table></section>`,
      ].join('\n');
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="note">${esc(label('report.generated', lang, { date: date.toISOString().slice(0, 10) }))}</p>
${body}
</body>
</html>
`;
}
