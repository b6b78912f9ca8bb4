// Comparing my codebook with a teammate's (.tresse or .qdc), the report the team reads, and
// applying the merge they decide on.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TresseError } from '../../../i18n/error.ts';
import { applyCodebookMerge } from '../../../service/codebook-merge.ts';
import { addCode, deleteCode, listCodes, moveCode, resolveCode, updateCode } from '../../../service/codebook.ts';
import { compareProjectCodebooks } from '../../../service/compare-codebooks.ts';
import { comparisonHtml, comparisonRows, comparisonXlsx } from '../../../service/compare-report.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { exportQdc } from '../../../service/refi.ts';
import { snapshotProject } from '../../../service/refi-snapshot.ts';
import { newProject } from '../../helpers/project.ts';

const HOSTILE_NAME = 'Risque <script>alert(1)</script> & "co"';

/** Léo's codebook: a copy of mine (same GUIDs), then edited the way codebooks drift. */
function teammate(mine: ProjectContext): ProjectContext {
  const leo = newProject({ grid: 'empty', coder: 'Léo' });
  applyCodebookMerge(leo, snapshotProject(mine.db).codes);
  const at = (path: string) => resolveCode(leo.db, path).id;
  updateCode(leo, at("Santé mentale et partenaires concernés/Profil de l'interlocuteur"), { name: 'Profil de la personne interrogée' });
  moveCode(leo, at("Difficultés et axes d'amélioration/Comparaison avec d'autres dispositifs"), null);
  updateCode(leo, at('Stigmatisation'), { color: '#123456' });
  updateCode(leo, at("Cadre légal et place des usagers/Secret professionnel et partage d'informations"), {
    definition: 'Ce que les professionnels se disent, à qui, et avec quel accord de la personne.',
  });
  addCode(leo, { name: HOSTILE_NAME, parentId: at("Difficultés et axes d'amélioration") });
  deleteCode(leo, at('Situations complexes et leurs apports/Effets pour la personne concernée'));
  deleteCode(leo, at('Stigmatisation/Auto-stigmatisation'));
  addCode(leo, { name: 'Autostigmatisation', parentId: at('Stigmatisation') });
  return leo;
}

const names = (list: Array<{ a?: { name: string }; b?: { name: string } }>) => list.map((x) => (x.a ?? x.b)!.name);

describe('comparing codebooks', () => {
  it('lists added, removed, renamed (proposals marked), moved, redefined and recoloured codes', () => {
    const mine = newProject();
    const leo = teammate(mine);
    for (const other of [leo.db, { qdc: exportQdc(leo.db), fileName: 'leo.qdc' }]) {
      const { diff } = compareProjectCodebooks(mine.db, other);
      expect(diff.added.map((x) => x.b.name)).toEqual([HOSTILE_NAME]);
      expect(diff.removed.map((x) => x.a.name)).toEqual(['Effets pour la personne concernée']);
      expect(diff.renamed.map((r) => [r.a.name, r.b.name, r.proposed])).toEqual([
        ["Profil de l'interlocuteur", 'Profil de la personne interrogée', false],
        ['Auto-stigmatisation', 'Autostigmatisation', true],
      ]);
      expect(names(diff.moved)).toEqual(["Comparaison avec d'autres dispositifs"]);
      // A .qdc carries no examples: their absence is not counted as a redefinition.
      expect(diff.redefined.map((r) => [r.a.name, r.fields])).toEqual([["Secret professionnel et partage d'informations", ['definition']]]);
      expect(diff.recoloured.map((r) => [r.a.name, r.a.color, r.b.color])).toEqual([['Stigmatisation', resolveCode(mine.db, 'ST').color, '#123456']]);
    }
  });

  it('writes a self-contained HTML report with every name escaped', () => {
    const mine = newProject();
    const cmp = compareProjectCodebooks(mine.db, teammate(mine).db);
    const html = comparisonHtml(cmp, 'fr');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Risque &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('<tr class="proposedRename"><td>Renommage proposé (à confirmer)</td>');
    expect(html.match(/<tr class=/g)).toHaveLength(comparisonRows(cmp, 'fr').length);
    expect(comparisonHtml(cmp, 'en')).toContain('Proposed rename (to confirm)');
  });

  it('writes the same rows to a spreadsheet, with the ids merge decisions use', async () => {
    const mine = newProject();
    const cmp = compareProjectCodebooks(mine.db, teammate(mine).db);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await comparisonXlsx(cmp, 'en')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values: string[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = values.findIndex((r) => r[0] === 'Change');
    const rows = values.slice(header + 1);
    expect(rows.map((r) => r[4])).toEqual(comparisonRows(cmp, 'en').map((r) => r.id));
    expect(rows.find((r) => r[0] === 'Added')?.[2]).toBe(`Difficultés et axes d'amélioration / ${HOSTILE_NAME}`);
    expect(rows.find((r) => r[0] === 'Proposed rename (to confirm)')?.[1]).toBe('Stigmatisation / Auto-stigmatisation');
  });
});

describe('applying a codebook merge', () => {
  it('by default keeps all of mine and brings in their new codes; chosen changes are taken', () => {
    const mine = newProject();
    const leo = teammate(mine);
    const theirs = snapshotProject(leo.db).codes;
    const { diff } = compareProjectCodebooks(mine.db, leo.db);
    const rename = diff.renamed.find((r) => !r.proposed)!;
    const recolour = diff.recoloured[0]!;
    const proposal = diff.renamed.find((r) => r.proposed)!;
    const result = applyCodebookMerge(mine, theirs, [
      { id: rename.id, choice: 'theirs' },
      { id: recolour.id, choice: 'theirs' },
      { id: proposal.id, choice: 'map' },
    ]);
    expect(result).toMatchObject({ added: 1, renamed: 1, updated: 1, moved: 0 });
    expect(resolveCode(mine.db, 'SM1').name).toBe('Profil de la personne interrogée');
    expect(resolveCode(mine.db, 'ST').color).toBe('#123456');
    expect(resolveCode(mine.db, 'ST3').name).toBe('Auto-stigmatisation');
    expect(resolveCode(mine.db, 'DI3').parentId).toBe(resolveCode(mine.db, 'DI').id);
    expect(resolveCode(mine.db, `Difficultés et axes d'amélioration/${HOSTILE_NAME}`)).toBeTruthy();
    // Nothing of mine is deleted by a merge.
    expect(resolveCode(mine.db, 'SC5').name).toBe('Effets pour la personne concernée');
  });

  it('applies nothing when the plan is refused', () => {
    const mine = newProject();
    const leo = teammate(mine);
    // I put DI under ST while Léo put ST under DI: taking his move would make a cycle.
    moveCode(mine, resolveCode(mine.db, 'DI').id, resolveCode(mine.db, 'ST').id);
    moveCode(leo, resolveCode(leo.db, 'Stigmatisation').id, resolveCode(leo.db, "Difficultés et axes d'amélioration").id);
    const before = listCodes(mine.db);
    const { diff } = compareProjectCodebooks(mine.db, leo.db);
    const decisions = [
      ...diff.renamed.filter((r) => !r.proposed).map((r) => ({ id: r.id, choice: 'theirs' as const })),
      ...diff.moved.filter((m) => m.a.name === 'Stigmatisation').map((m) => ({ id: m.id, choice: 'theirs' as const })),
    ];
    expect(decisions).toHaveLength(2);
    expect(() => applyCodebookMerge(mine, snapshotProject(leo.db).codes, decisions)).toThrow(TresseError);
    expect(listCodes(mine.db)).toEqual(before);
  });
});
