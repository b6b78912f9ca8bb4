// The codebook comparison as a table a team reads together: one row per difference, with the id a
// merge decision refers to. Rendered as text (command line), self-contained HTML, or XLSX.
import type { DiffCode } from '../codebooks/compare.ts';
import type { Lang } from '../i18n/lang.ts';
import type { CodebookComparison } from './compare-codebooks.ts';
import { teamLabel, type TeamLabel } from '../i18n/team-labels.ts';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'proposedRename' | 'moved' | 'redefined' | 'recoloured';

export interface ReportRow {
  id: string;
  kind: ChangeKind;
  /** Paths joined with " / "; empty on the side where the code is absent. */
  codeA: string;
  codeB: string;
  detail: string;
  /** Colours for the recoloured rows (A then B), so the HTML can show swatches. */
  colors?: [string, string];
}

const path = (c: DiffCode | undefined) => (c ? c.path.join(' / ') : '');

export function comparisonRows(cmp: CodebookComparison, lang: Lang): ReportRow[] {
  const d = cmp.diff;
  const rows: ReportRow[] = [];
  for (const x of d.added) rows.push({ id: x.id, kind: 'added', codeA: '', codeB: path(x.b), detail: '' });
  for (const x of d.removed) rows.push({ id: x.id, kind: 'removed', codeA: path(x.a), codeB: '', detail: '' });
  for (const x of d.renamed) {
    rows.push({
      id: x.id,
      kind: x.proposed ? 'proposedRename' : 'renamed',
      codeA: path(x.a),
      codeB: path(x.b),
      detail: x.proposed ? teamLabel('similarity', lang, { score: x.score.toFixed(2) }) : `« ${x.a.name} » → « ${x.b.name} »`,
    });
  }
  for (const x of d.moved) rows.push({ id: x.id, kind: 'moved', codeA: path(x.a), codeB: path(x.b), detail: '' });
  for (const x of d.redefined) {
    const fields = x.fields.map((f) => teamLabel(f, lang)).join(', ');
    rows.push({ id: x.id, kind: 'redefined', codeA: path(x.a), codeB: path(x.b), detail: teamLabel('fields', lang, { fields }) });
  }
  for (const x of d.recoloured) {
    rows.push({ id: x.id, kind: 'recoloured', codeA: path(x.a), codeB: path(x.b), detail: `${x.a.color} → ${x.b.color}`, colors: [x.a.color, x.b.color] });
  }
  return rows;
}

export function comparisonSummary(cmp: CodebookComparison, lang: Lang): string {
  const d = cmp.diff;
  return teamLabel('compareSummary', lang, {
    added: d.added.length,
    removed: d.removed.length,
    renamed: d.renamed.length,
    proposed: d.renamed.filter((r) => r.proposed).length,
    moved: d.moved.length,
    redefined: d.redefined.length,
    recoloured: d.recoloured.length,
  });
}

export function comparisonText(cmp: CodebookComparison, lang: Lang): string {
  const rows = comparisonRows(cmp, lang);
  const lines = [`A = ${cmp.a.label} · B = ${cmp.b.label}`, comparisonSummary(cmp, lang)];
  if (rows.length === 0) lines.push(teamLabel('noDifference', lang));
  for (const r of rows) {
    const where = r.codeA && r.codeB && r.codeA !== r.codeB ? `${r.codeA} ⇢ ${r.codeB}` : r.codeA || r.codeB;
    lines.push(`${teamLabel(r.kind, lang)}${lang === 'fr' ? ' :' : ':'} ${where}${r.detail ? ` (${r.detail})` : ''}\n    [${r.id}]`);
  }
  return lines.join('\n');
}

const HEAD: TeamLabel[] = ['change', 'codeA', 'codeB', 'detail', 'decisionId'];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One HTML file with its styles inline: no script, no external resource. */
export function comparisonHtml(cmp: CodebookComparison, lang: Lang): string {
  const rows = comparisonRows(cmp, lang);
  const swatch = (c: string) => `<span class="sw" style="background:${/^#[0-9a-f]{6}$/i.test(c) ? c : '#ffffff'}"></span>`;
  const body = rows
    .map((r) => {
      const detail = r.colors ? `${swatch(r.colors[0])} ${escapeHtml(r.colors[0])} → ${swatch(r.colors[1])} ${escapeHtml(r.colors[1])}` : escapeHtml(r.detail);
      const cells = [escapeHtml(teamLabel(r.kind, lang)), escapeHtml(r.codeA), escapeHtml(r.codeB), detail, `<code>${escapeHtml(r.id)}</code>`];
      return `<tr class="${r.kind}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const title = escapeHtml(teamLabel('compareTitle', lang));
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eee}tr.added td:first-child{color:#007a3d}tr.removed td:first-child{color:#b00020}
tr.proposedRename td:first-child{font-style:italic;color:#8a5a00}code{font-size:.8em;color:#555}
.sw{display:inline-block;width:1em;height:1em;border:1px solid #888;vertical-align:middle}
</style></head><body>
<h1>${title}</h1>
<p>A = ${escapeHtml(cmp.a.label)} · B = ${escapeHtml(cmp.b.label)}</p>
<p>${escapeHtml(comparisonSummary(cmp, lang))}</p>
<table><thead><tr>${HEAD.map((h) => `<th>${escapeHtml(teamLabel(h, lang))}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
</body></html>
`;
}

export async function comparisonXlsx(cmp: CodebookComparison, lang: Lang): Promise<Uint8Array> {
  // exceljs and its zip writers (over 1 MB) load when a spreadsheet is asked for, not with the
  // contract: every command of the command line would otherwise parse them at start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Tresse';
  const sheet = book.addWorksheet(teamLabel('compareTitle', lang).slice(0, 31));
  sheet.addRow([`A = ${cmp.a.label}`, `B = ${cmp.b.label}`]);
  sheet.addRow([comparisonSummary(cmp, lang)]);
  const head = sheet.addRow(HEAD.map((h) => teamLabel(h, lang)));
  head.font = { bold: true };
  for (const r of comparisonRows(cmp, lang)) sheet.addRow([teamLabel(r.kind, lang), r.codeA, r.codeB, r.detail, r.id]);
  sheet.columns.forEach((c, i) => (c.width = [28, 50, 50, 30, 60][i] ?? 20));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
