// Inter-coder agreement in a project: figures worked by hand on a small case, the demo's double-coded
// interviews, the review of disagreements and its effect on the figures, exports, blind coding.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../codebooks/csv-format.ts';
import { TresseError } from '../../../i18n/error.ts';
import { projectAgreement } from '../../../service/agreement.ts';
import { agreementCsv, agreementText, agreementXlsx } from '../../../service/agreement-report.ts';
import { codingsVisibleTo } from '../../../service/blind-coding.ts';
import { resolveCode } from '../../../service/codebook.ts';
import { ensureCoder, requireCoder } from '../../../service/coders.ts';
import { addCoding } from '../../../service/codings.ts';
import { listDisagreements, resolveDisagreement } from '../../../service/disagreements.ts';
import { setSourceDone } from '../../../service/source-done.ts';
import { listSources } from '../../../service/sources.ts';
import { addText, newProject } from '../../helpers/project.ts';
import { demoProject } from './fixtures.ts';

/**
 * One 100-character source; Camille codes 0-60 with PA2, Léo codes 20-70. By character:
 * both 40, Camille only 20, Léo only 10, neither 30. p_o = 0.7; Camille 0.6 / Léo 0.5 present, so
 * p_e = 0.6 x 0.5 + 0.4 x 0.5 = 0.5 and Cohen's kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
 * Both marked P1 done; Camille alone marked the second source done, which must be left out.
 */
function small() {
  const ctx = newProject({ coder: 'Camille' });
  const a = addText(ctx, 'Entretien P1', 'x'.repeat(100));
  const b = addText(ctx, 'Carnet de bord', 'y'.repeat(50), 'notebook');
  const leo = ensureCoder(ctx.db, 'Léo');
  const pa2 = resolveCode(ctx.db, 'PA2').id;
  addCoding(ctx, { sourceId: a.id, codeId: pa2, start: 0, end: 60 });
  addCoding(ctx, { sourceId: a.id, codeId: pa2, start: 20, end: 70, coderId: leo.id });
  addCoding(ctx, { sourceId: b.id, codeId: pa2, start: 0, end: 10 });
  setSourceDone(ctx, a.id, true, 'Camille');
  setSourceDone(ctx, a.id, true, 'Léo');
  setSourceDone(ctx, b.id, true, 'Camille');
  return ctx;
}

describe('agreement in a project', () => {
  it('matches the hand-worked figures, names the code, and leaves out a source only one coder marked done', () => {
    const ctx = small();
    const r = projectAgreement(ctx.db, { coders: ['Camille', 'Léo'], unit: 'character' });
    expect(r.sources.map((s) => s.name)).toEqual(['Entretien P1']);
    expect(r.excludedSources.map((s) => s.name)).toEqual(['Carnet de bord']);
    expect(r.perCode).toHaveLength(1);
    expect(r.perCode[0]).toMatchObject({
      code: 'Façons de travailler ensemble',
      abbrev: 'PA2',
      path: ['Travail en partenariat', 'Façons de travailler ensemble'],
    });
    expect(r.overall.units).toBe(100);
    expect(r.overall.presentByCoder).toEqual([60, 50]);
    expect(r.overall.percentAgreement).toBeCloseTo(0.7, 10);
    expect(r.overall.cohenKappa?.kappa).toBeCloseTo(0.4, 10);
  });

  it('matches passages by overlap at segment level, as the threshold says', () => {
    const ctx = small();
    // Overlap 40 / union 70 = 0.57: each coder's segment agrees at 0.5, neither at 0.6.
    expect(projectAgreement(ctx.db, { coders: ['Camille', 'Léo'], unit: 'segment' }).overall).toMatchObject({ units: 2, percentAgreement: 1 });
    expect(projectAgreement(ctx.db, { coders: ['Camille', 'Léo'], unit: 'segment', overlapThreshold: 0.6 }).overall).toMatchObject({
      units: 2,
      percentAgreement: 0,
    });
    expect(projectAgreement(ctx.db, { coders: ['Camille', 'Léo'], unit: 'document' }).overall).toMatchObject({ units: 1, percentAgreement: 1 });
  });

  it('refuses unknown coders and a single coder', () => {
    const ctx = small();
    expect(() => projectAgreement(ctx.db, { coders: ['Camille', 'Inès'], unit: 'character' })).toThrow(TresseError);
    expect(() => projectAgreement(ctx.db, { coders: ['Camille', 'Camille'], unit: 'character' })).toThrow(/two different coders/);
  });

  it('on the demo, compares interviews 1 and 2 only, which Camille and Léo both marked done', async () => {
    const demo = await demoProject();
    const r = projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'segment' });
    expect(r.sources.map((s) => s.name)).toEqual(['Entretien 1 — coordinatrice du CLSM', 'Entretien 2 — infirmier du CMP']);
    const codedByCamille = listSources(demo.db)
      .filter((s) => s.codingCount > 0)
      .map((s) => s.name);
    expect(r.excludedSources.map((s) => s.name).sort()).toEqual(
      codedByCamille.filter((n) => !n.startsWith('Entretien 1') && !n.startsWith('Entretien 2')).sort(),
    );
    expect(r.excludedSources).toHaveLength(8);
    const theme = projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'character', codeRef: 'PA' });
    expect(theme.perCode.every((c) => c.path[0] === 'Travail en partenariat')).toBe(true);
  });

  it('exports the description, the table and the per-source table as CSV and XLSX', async () => {
    const demo = await demoProject();
    const r = projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'character' });
    const rows = readCsv(agreementCsv(r, 'en')).records.map((x) => x.fields);
    // The header block says what is counted, then the table, then the same per source.
    expect(rows[0]).toEqual(['Inter-coder agreement', 'Camille', 'Léo']);
    const said = rows
      .slice(
        0,
        rows.findIndex((x) => x[0] === 'Code'),
      )
      .map((x) => x.at(-1));
    expect(said).toContain('Coders compared: Camille, Léo.');
    expect(said.some((l) => l?.startsWith('Unit: the character.'))).toBe(true);
    expect(said.some((l) => l?.startsWith('Scope: 2 source(s) every compared coder marked “done”: Entretien 1'))).toBe(true);
    expect(said).toContain('Overlap threshold: not used at this unit.');
    expect(said.some((l) => l?.startsWith('Pooling: one row per code'))).toBe(true);
    const start = rows.findIndex((x) => x[0] === 'Code');
    expect(rows[start]).toEqual([
      'Code',
      'Units (character)',
      'Present (Camille)',
      'Present (Léo)',
      'Percent agreement',
      "Cohen's kappa",
      "Fleiss' kappa",
      "Krippendorff's alpha",
      'α: 95% CI low',
      'α: 95% CI high',
      'Unitizing alpha (|uα per code, uα all codes)',
    ]);
    const pooled = rows[start + r.perCode.length + 1]!;
    expect(pooled[0]).toBe('All codes');
    expect(Number(pooled[4])).toBeCloseTo(r.overall.percentAgreement!, 12);
    expect(Number(pooled[8])).toBeLessThanOrEqual(r.overall.krippendorffAlpha!);
    expect(Number(pooled[9])).toBeGreaterThanOrEqual(r.overall.krippendorffAlpha!);
    expect(Number(pooled[10])).toBeCloseTo(r.unitizing!.uAlpha!, 12);
    expect(rows.slice(start + r.perCode.length + 2).find((x) => x.length === 1)).toEqual(['Per source']);
    expect(rows.filter((x) => x[1] === 'All codes').map((x) => x[0])).toEqual(r.sources.map((s) => s.name));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await agreementXlsx(r, 'fr')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Accord inter-codeurs');
    expect(String(sheet.getRow(3).getCell(1).value)).toMatch(/^Unité : le caractère/);
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('Ensemble des codes');
    expect(last.getCell(6).value).toBeCloseTo(r.overall.cohenKappa!.kappa!, 12);
    expect(book.worksheets[1]!.name).toBe('Par source');
    expect(agreementText(r, 'fr')).toContain('Kappa de Cohen');
    expect(agreementText(r, 'en')).toContain("Cohen's kappa");
  });

  it('at segment level, says so and shows neither Cohen’s kappa nor alpha', async () => {
    const demo = await demoProject();
    const r = projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'segment', overlapThreshold: 0.6 });
    const text = agreementText(r, 'fr');
    expect(text).toContain('Seuil de recouvrement : 0,60');
    expect(text).toContain('Kappa de Brennan et Prediger');
    expect(text).not.toContain('Kappa de Cohen ');
    expect(text).not.toMatch(/Alpha de Krippendorff\s/);
    expect(r.overall.brennanPredigerKappa).toBeCloseTo((r.overall.percentAgreement! - 1 / r.perCode.length) / (1 - 1 / r.perCode.length), 12);
  });
});

describe('reviewing disagreements', () => {
  it('lists each disagreement with the passages’ texts', async () => {
    const demo = await demoProject();
    const items = listDisagreements(demo.db, { coders: ['Camille', 'Léo'] });
    expect(items.length).toBeGreaterThan(0);
    const text = (sourceId: number) => (demo.db.prepare('SELECT text FROM sources WHERE id = ?').get(sourceId) as { text: string }).text;
    for (const d of items) {
      expect(d.sourceName).toMatch(/^Entretien [12] /);
      for (const p of d.passages) expect(p.text).toBe([...text(d.sourceId)].slice(p.start, p.end).join(''));
      expect(d.codersWithNames.length + d.codersWithoutNames.length).toBe(2);
    }
  });

  it('after accepting one coder’s reading everywhere, segment agreement is 1', async () => {
    const demo = await demoProject();
    const camille = requireCoder(demo.db, 'Camille');
    const camilleCodings = () => demo.db.prepare('SELECT source_id, code_id, start, end FROM codings WHERE coder_id = ? ORDER BY 1, 2, 3, 4').all(camille.id);
    const before = camilleCodings();
    const items = listDisagreements(demo.db, { coders: ['Camille', 'Léo'] });
    for (const item of items) resolveDisagreement(demo, { action: 'accept', item, coder: 'Camille' });
    expect(listDisagreements(demo.db, { coders: ['Camille', 'Léo'] })).toEqual([]);
    const r = projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'segment' });
    expect(r.overall.percentAgreement).toBe(1);
    expect(camilleCodings()).toEqual(before);
  });

  it('accepting the coder who did not code a passage removes the other’s coding', async () => {
    const demo = await demoProject();
    const item = listDisagreements(demo.db, { coders: ['Camille', 'Léo'] }).find((d) => d.codersWithNames[0] === 'Camille')!;
    const r = resolveDisagreement(demo, { action: 'accept', item, coder: 'Léo' });
    expect(r.codingsRemoved).toBe(item.passages[0]!.codingIds.length);
    expect(listDisagreements(demo.db, { coders: ['Camille', 'Léo'] }).some((d) => d.id === item.id)).toBe(false);
  });

  it('keep-both and discuss leave the codings and the figures as they are, and show in the review', async () => {
    const demo = await demoProject();
    const figures = () => projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'segment' }).overall;
    const before = figures();
    const [first, second] = listDisagreements(demo.db, { coders: ['Camille', 'Léo'] });
    resolveDisagreement(demo, { action: 'keep-both', item: first! });
    resolveDisagreement(demo, { action: 'discuss', item: second!, note: 'Paraphrase ou verbatim ? À voir jeudi.' });
    expect(figures()).toEqual(before);
    const after = listDisagreements(demo.db, { coders: ['Camille', 'Léo'] });
    expect(after.find((d) => d.id === first!.id)?.status).toBe('kept');
    expect(after.find((d) => d.id === second!.id)).toMatchObject({ status: 'discuss', notes: ['Paraphrase ou verbatim ? À voir jeudi.'] });
    expect(() => resolveDisagreement(demo, { action: 'discuss', item: second!, note: ' ' })).toThrow(TresseError);
  });
});

describe('blind coding', () => {
  it('shows a coder only their own codings when blind, everyone’s otherwise', async () => {
    const demo = await demoProject();
    const source = listSources(demo.db).find((s) => s.name.startsWith('Entretien 1'))!;
    const leo = requireCoder(demo.db, 'Léo');
    const blind = codingsVisibleTo(demo.db, source.id, leo.id, true);
    expect(blind).toHaveLength(11);
    expect(blind.every((k) => k.coderId === leo.id)).toBe(true);
    expect(codingsVisibleTo(demo.db, source.id, leo.id, false)).toHaveLength(32);
  });
});
