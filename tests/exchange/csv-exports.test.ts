// Every CSV Tresse writes (the analysis grid, the codebook, the agreement table; the pseudonym table
// and the excerpts have no CSV export) opened as a spreadsheet would: a cell that starts like a formula
// comes out as text, and the file read back by a strict RFC 4180 reader gives the same values, with
// separators, quotes and line breaks inside cells, ";" in French and "," in English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../i18n/lang.ts';
import { projectAgreement } from '../../service/agreement.ts';
import { agreementCsv } from '../../service/agreement-report.ts';
import { computeMatrix, exportMatrices, setRowVerdict } from '../../service/analysis.ts';
import { exportCodebook, importCodebook } from '../../service/codebook-exchange.ts';
import { addCode, codePath, listCodes, updateCode } from '../../service/codebook.ts';
import type { ProjectContext } from '../../service/context.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { Workspace } from '../../service/workspace.ts';
import { teamLabel } from '../../i18n/team-labels.ts';
import { buildFixture } from '../analysis/matrix/fixture.ts';
import { tresse } from '../helpers/cli.ts';
import { apiOf, contextOf } from '../helpers/contract.ts';
import { newProject, tempDir } from '../helpers/project.ts';
import { demoProject } from '../service/team/fixtures.ts';
import { readRfc4180 } from './rfc4180.ts';

const HYPERLINK = '=HYPERLINK("http://exemple.invalid";"cliquez, ici")';
const EVERYTHING = 'Virgule, point-virgule ; « guillemets » "doubles"\net un saut de ligne';
const LINES = 'Première ligne\nseconde ligne';
const LANGS: Lang[] = ['fr', 'en'];
const SEPARATOR = { fr: ';', en: ',' } as const;

/** The file as a spreadsheet gets it: a BOM, then strict RFC 4180 with the language's separator. */
function opened(csv: string | Uint8Array, lang: Lang): string[][] {
  const text = typeof csv === 'string' ? csv : new TextDecoder().decode(csv);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return readRfc4180(text.slice(1), SEPARATOR[lang]);
}

const codeId = (ctx: ProjectContext, abbrev: string) => listCodes(ctx.db).find((c) => c.abbrev === abbrev)!.id;

describe('the analysis grid as CSV', () => {
  it('writes notes that look like formulas as text, and every other value as it is', async () => {
    const { ctx } = buildFixture();
    const notes: Record<string, string> = { CL1: HYPERLINK, CL2: '+1', CL3: '@SUM(A1:A9)', CL4: '-2+3', SC1: EVERYTHING, SC2: '-0,25', SC4: LINES };
    for (const [row, note] of Object.entries(notes)) setRowVerdict(ctx, {}, row, 'convergence', note);
    // A row label that starts like a formula: a code with no abbreviation is shown by its name.
    updateCode(ctx, codeId(ctx, 'SC3'), { abbrev: null, name: '+33 6 12 34 56 78' });
    const shown: Record<string, string> = {
      CL1: `'${HYPERLINK}`,
      CL2: "'+1",
      CL3: "'@SUM(A1:A9)",
      CL4: "'-2+3",
      SC1: EVERYTHING,
      SC2: '-0,25',
      SC4: LINES,
    };
    for (const lang of LANGS) {
      const matrix = computeMatrix(ctx.db, { type: 'triangulation', rows: 'codes' }, lang);
      const rows = opened((await exportMatrices(ctx.db, [matrix], 'csv', { lang })) as string, lang);
      expect(rows).toHaveLength(1 + matrix.rows.length);
      expect(new Set(rows.map((r) => r.length))).toEqual(new Set([rows[0]!.length]));
      for (const [abbrev, note] of Object.entries(shown)) {
        expect(rows.find((r) => r[0]!.startsWith(`${abbrev} — `))!.at(-1), `${lang} ${abbrev}`).toBe(note);
      }
      expect(rows.map((r) => r[0])).toContain("'+33 6 12 34 56 78");
    }
  });
});

describe('the codebook as CSV', () => {
  function hostileCodebook(ctx = newProject({ grid: 'empty' })): ProjectContext {
    const root = addCode(ctx, { name: HYPERLINK, definition: '+1', inclusion: '\t=1+1', exclusion: "'=déjà protégé", example: EVERYTHING });
    addCode(ctx, { name: '@SUM(A1:A9)', parentId: root.id, abbrev: 'X1', definition: '-2+3', example: '-12', inclusion: "'rien à protéger" });
    addCode(ctx, { name: 'Santé mentale', abbrev: 'SM', definition: LINES });
    return ctx;
  }

  it('writes guarded cells in either language', () => {
    const ctx = hostileCodebook();
    for (const lang of LANGS) {
      const [header, ...rows] = opened(exportCodebook(ctx.db, 'csv', lang), lang);
      const cell = (name: string, column: string) => rows.find((r) => r[header!.indexOf('name')] === name)![header!.indexOf(column)];
      expect(header).toEqual(['guid', 'parent', 'abbrev', 'path', 'name', 'color', 'codable', 'definition', 'inclusion', 'exclusion', 'example']);
      expect(rows.map((r) => r[header!.indexOf('name')])).toEqual([`'${HYPERLINK}`, "'@SUM(A1:A9)", 'Santé mentale']);
      expect(cell(`'${HYPERLINK}`, 'definition')).toBe("'+1");
      expect(cell(`'${HYPERLINK}`, 'inclusion')).toBe("'\t=1+1");
      // Already protected by its author: one more apostrophe, so that the import gives it back whole.
      expect(cell(`'${HYPERLINK}`, 'exclusion')).toBe("''=déjà protégé");
      expect(cell(`'${HYPERLINK}`, 'example')).toBe(EVERYTHING);
      expect(cell(`'${HYPERLINK}`, 'path')).toBe(`'${HYPERLINK}`);
      expect(cell("'@SUM(A1:A9)", 'path')).toBe(`'${HYPERLINK} / @SUM(A1:A9)`);
      expect(cell("'@SUM(A1:A9)", 'definition')).toBe("'-2+3");
      expect(cell("'@SUM(A1:A9)", 'example')).toBe('-12');
      expect(cell("'@SUM(A1:A9)", 'inclusion')).toBe("'rien à protéger");
      expect(cell('Santé mentale', 'definition')).toBe(LINES);
    }
  });

  it('imports what it exported, the guards taken off, in either language', () => {
    const ctx = hostileCodebook();
    const content = (c: ProjectContext) => {
      const codes = listCodes(c.db);
      const byId = new Map(codes.map((x) => [x.id, x]));
      return codes.map(({ guid, abbrev, color, codable, definition, inclusion, exclusion, example, id }) => ({
        path: codePath(byId, id),
        guid,
        abbrev,
        color,
        codable,
        definition,
        inclusion,
        exclusion,
        example,
      }));
    };
    for (const lang of LANGS) {
      const other = newProject({ grid: 'empty' });
      expect(importCodebook(other, 'csv', exportCodebook(ctx.db, 'csv', lang))).toEqual({ added: 3, skipped: 0 });
      expect(content(other)).toEqual(content(ctx));
      expect(content(other)[0]!.path).toEqual([HYPERLINK]);
    }
  });

  it('is written by the app with the separator of its interface language', async () => {
    const dir = tempDir();
    const path = join(dir, 'grille.tresse');
    closeProject(hostileCodebook(createProject(path, { grid: 'empty', coder: 'Camille' })));
    for (const lang of LANGS) {
      const ws = new Workspace({ configDir: join(dir, `config-${lang}`), lang, autoBackup: false });
      ws.open(path);
      try {
        const [header, ...rows] = opened(await apiOf(contextOf(ws)).exportCodebook({ format: 'csv' }), lang);
        expect(rows.map((r) => r[header!.indexOf('name')])).toEqual([`'${HYPERLINK}`, "'@SUM(A1:A9)", 'Santé mentale']);
      } finally {
        ws.close();
      }
    }
  });

  it('is written by the command line with the separator of its language', async () => {
    const dir = tempDir();
    await tresse(dir, 'init', 'a.tresse', '--grid', 'empty');
    await tresse(dir, 'codebook', 'add', 'a.tresse', '+1 idée', '--definition', 'Une, deux ; trois');
    for (const [lang, file] of [
      ['fr', 'fr.csv'],
      ['en', 'en.csv'],
    ] as const) {
      expect((await tresse(dir, 'codebook', 'export', 'a.tresse', '--out', file, '--lang', lang)).code).toBe(0);
      const [header, row] = opened(readFileSync(join(dir, file), 'utf8'), lang);
      expect(row![header!.indexOf('name')]).toBe("'+1 idée");
      expect(row![header!.indexOf('definition')]).toBe('Une, deux ; trois');
    }
  });
});

describe('the agreement table as CSV', () => {
  it('writes code paths that look like formulas as text, and numbers as numbers', async () => {
    const demo = await demoProject();
    const themes = listCodes(demo.db).filter((c) => c.parentId === null);
    const names = [HYPERLINK, '@SUM(A1:A9)', '-Théme', EVERYTHING];
    themes.slice(0, names.length).forEach((t, i) => updateCode(demo, t.id, { name: names[i]! }));
    const report = projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'character' });
    for (const lang of LANGS) {
      // The table after the description block, up to the pooled row (the per-source table follows).
      const all = opened(agreementCsv(report, lang), lang);
      const start = all.findIndex((r) => r[0] === teamLabel('code', lang));
      const [header, ...rows] = all.slice(start, start + report.perCode.length + 2);
      const formulaLike = names.slice(0, 3);
      expect(header![0]).toBe(teamLabel('code', lang));
      expect(rows.map((r) => r[0])).toEqual([
        ...report.perCode.map((r) => r.path.join(' / ')).map((p) => (formulaLike.some((n) => p.startsWith(n)) ? `'${p}` : p)),
        teamLabel('overall', lang),
      ]);
      expect(rows.some((r) => r[0]!.startsWith(`'${HYPERLINK} / `))).toBe(true);
      expect(rows.some((r) => r[0]!.startsWith(EVERYTHING))).toBe(true);
      // Figures stay numbers a spreadsheet computes with: never an apostrophe before them.
      const number = lang === 'fr' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
      expect(
        rows
          .at(-1)!
          .slice(1)
          .filter((c) => c !== '')
          .every((c) => number.test(c)),
      ).toBe(true);
    }
  });
});
