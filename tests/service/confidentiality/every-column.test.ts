import { writeSourceMedia } from '../../../service/media-store.ts';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main.ts';
import { agreementCsv, agreementText, agreementXlsx } from '../../../service/agreement-report.ts';
import { projectAgreement } from '../../../service/agreement.ts';
import {
  addQuestion,
  computeMatrix,
  EXPORT_FORMATS,
  exportMatrices,
  MATRIX_TYPES,
  setCellSynthesis,
  setKindColumn,
  setRowVerdict,
  type ColumnSpec,
  type Matrix,
} from '../../../service/analysis.ts';
import { picturesFor } from '../../../analysis/pictures/index.ts';
import { defineAttribute, setAttributeValues } from '../../../service/attributes.ts';
import { createCase, linkSource } from '../../../service/cases.ts';
import { addCode, resolveCode } from '../../../service/codebook.ts';
import { exportCodebook } from '../../../service/codebook-exchange.ts';
import { compareProjectCodebooks } from '../../../service/compare-codebooks.ts';
import { comparisonHtml, comparisonText, comparisonXlsx } from '../../../service/compare-report.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { saveMemo } from '../../../service/memos.ts';
import { renameProject, switchCoder } from '../../../service/project.ts';
import { NAME_FREE_COLUMNS, REWRITTEN_COLUMNS } from '../../../service/pseudonym-columns.ts';
import { applyPseudonyms, previewPseudonyms } from '../../../service/pseudonymise.ts';
import { savePseudonyms } from '../../../service/pseudonyms.ts';
import { findRealNames } from '../../../service/real-name-scan.ts';
import { exportQdc, exportQdpx, importQdpx } from '../../../service/refi.ts';
import { scrubOldText } from '../../../service/scrub.ts';
import { codePointLength } from '../../../text/offsets.ts';
import { zip } from '../../exchange/refi/fixtures.ts';
import { addText, newProject, tempDir } from '../../helpers/project.ts';
import { codePassage } from './fixtures.ts';
import { createSet } from '../../../service/sets.ts';

// Pseudonymisation must reach every text the project holds. The schema is read from a freshly
// migrated project, so a column added by a later migration fails here until
// service/pseudonym-columns.ts says whether it is rewritten or why it holds no names. Then a real
// name is planted in every rewritten column, the names are applied, and no export, and after
// "forget the real names" not even the bytes of the project file, still carries one.

const REAL = ['Marie-Claire Dupont', 'Jean-Marie Lefèvre'];
/** Spellings looked for in raw bytes too, outside the matcher (lower case, as the search index holds them). */
const RAW = ['dupont', 'lefèvre', 'lefevre'];

const columnKey = (c: { table: string; column: string }) => `${c.table}.${c.column}`;

/** Every column of every table that can hold text (declared TEXT, ANY, BLOB or untyped). */
function textColumns(ctx: ProjectContext): string[] {
  const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return tables.flatMap((table) =>
    (ctx.db.pragma(`table_xinfo("${table}")`) as { name: string; type: string; hidden: number }[])
      .filter((c) => c.hidden === 0 && !/^(INTEGER|INT|REAL)$/i.test(c.type))
      .map((c) => `${table}.${c.name}`),
  );
}

describe('the columns pseudonymisation covers', () => {
  it('declares every text column of the schema as rewritten or free of names, with a reason', () => {
    const ctx = newProject();
    const rewritten = new Set(REWRITTEN_COLUMNS.map(columnKey));
    const free = new Map(NAME_FREE_COLUMNS.map((c) => [columnKey(c), c.reason]));
    const columns = textColumns(ctx);
    expect(columns.length).toBeGreaterThan(40);
    const undeclared = columns.filter((c) => !rewritten.has(c) && !free.has(c));
    expect(undeclared, 'text columns neither rewritten nor declared free of names in service/pseudonym-columns.ts').toEqual([]);
    expect(
      [...rewritten].filter((c) => free.has(c)),
      'declared both ways',
    ).toEqual([]);
    // No stale entry: each one names a real column.
    expect([...rewritten, ...free.keys()].filter((c) => !columns.includes(c))).toEqual([]);
    for (const [column, reason] of free) expect(reason.length, column).toBeGreaterThan(10);
  });
});

/** A project with one of the real names in every rewritten column. */
function plantedProject(): { ctx: ProjectContext; codeId: number; caseId: number } {
  const ctx = newProject();
  renameProject(ctx, 'Étude Marie-Claire Dupont');
  const lines = [
    'Entretien avec Jean-Marie Lefèvre',
    'Enquêtrice : Bonjour.',
    "Marie-Claire Dupont : Jean-Marie Lefèvre, le bailleur, m'appelle quand un locataire ne va pas bien.",
  ];
  const text = `${lines.join('\n')}\n`;
  const at = (i: number) => lines.slice(0, i).reduce((n, l) => n + codePointLength(l) + 1, 0);
  const src = addText(ctx, 'Entretien Marie-Claire Dupont', text, 'interview', [
    { kind: 'section', start: 0, end: codePointLength(text), heading: lines[0]!, level: 1 },
    { kind: 'turn', start: at(1), end: at(2) - 1, speaker: 'Enquêtrice' },
    { kind: 'turn', start: at(2), end: at(3) - 1, speaker: 'Marie-Claire Dupont' },
  ]);
  const obs = addText(ctx, 'Comité Lefèvre', 'Comité de pilotage. Mme Dupont présente la situation.', 'observation');

  const code = addCode(ctx, {
    name: 'Suivi par Marie-Claire Dupont',
    abbrev: 'DUPONT',
    definition: 'Ce que Marie-Claire Dupont fait pour les locataires.',
    inclusion: 'Toute mention de Mme Dupont.',
    exclusion: 'Le bailleur, Jean-Marie Lefèvre.',
    example: '« Jean-Marie Lefèvre m’appelle »',
  });
  codePassage(ctx, src.id, 'DUPONT', "Jean-Marie Lefèvre, le bailleur, m'appelle");
  codePassage(ctx, obs.id, 'DUPONT', 'Mme Dupont présente la situation');
  // A second coder, for the agreement report.
  switchCoder(ctx, 'Sacha');
  codePassage(ctx, src.id, 'DUPONT', "Jean-Marie Lefèvre, le bailleur, m'appelle");
  switchCoder(ctx, 'Camille');

  const c = createCase(ctx, { name: 'Marie-Claire Dupont', description: 'Coordinatrice, Marie-Claire Dupont' });
  linkSource(ctx, c.id, src.id);
  linkSource(ctx, c.id, obs.id);
  const attribute = 'Orientée par Jean-Marie Lefèvre';
  defineAttribute(ctx, { name: attribute, type: 'text' });
  setAttributeValues(ctx, { caseId: c.id }, attribute, ['Marie-Claire Dupont elle-même']);

  const rich = JSON.stringify({ root: { children: [{ text: 'Recontacter M.-C. Dupont en juin.' }] } });
  saveMemo(ctx, { target: { kind: 'case', id: c.id }, title: 'Marie-Claire Dupont', text: 'Recontacter M.-C. Dupont en juin.', richText: rich });
  addQuestion(ctx, { name: 'Le rôle de Marie-Claire Dupont', codeIds: [code.id], description: 'Ce que dit Jean-Marie Lefèvre du rôle de coordinatrice.' });
  setKindColumn(ctx, 'observation', 'Réunions de Jean-Marie Lefèvre');
  createSet(ctx, { kind: 'sources', name: 'Suivis de Marie-Claire Dupont', description: 'Choisis par Jean-Marie Lefèvre', sourceIds: [src.id] });

  setCellSynthesis(ctx, {}, 'DUPONT', 'Réunions de Jean-Marie Lefèvre', 'Mme Dupont y présente les situations.');
  setCellSynthesis(ctx, { caseId: c.id }, 'DUPONT', 'Réunions de Jean-Marie Lefèvre', 'Marie-Claire Dupont travaille avec le bailleur.');
  const byAttribute: ColumnSpec = { by: 'attribute', scope: 'case', name: attribute };
  setCellSynthesis(ctx, { columns: byAttribute }, 'DUPONT', 'Marie-Claire Dupont elle-même', 'Synthèse par orientation : Mme Dupont.');
  setRowVerdict(ctx, { columns: byAttribute }, 'DUPONT', 'convergence', 'Selon Mme Dupont, tout le monde est d’accord.');
  // A recording named for the person heard (its link breaks once renamed: the transcript stays).
  writeSourceMedia(ctx.db, {
    sourceId: src.id,
    mediaKind: 'audio',
    path: 'Entretien Marie-Claire Dupont.mp3',
    sha256: '0'.repeat(64),
    size: 0,
    mtimeMs: 0,
    mime: 'audio/mpeg',
    container: null,
    codec: null,
    durationMs: null,
    linkedAt: '2026-12-06T00:00:00.000Z',
  });
  // A link read from another tool's .qdpx, kept with the name its user gave it.
  const [caseGuid, noteGuid] = ['3d4e5f60-0000-4000-8000-0000000000aa', '6a718293-0000-4000-8000-0000000000aa'];
  importQdpx(
    ctx,
    zip({
      'project.qde': `<Project xmlns="urn:QDA-XML:project:1.0" name="Vague 2"><Cases><Case guid="${caseGuid}" name="Marie-Claire Dupont"/></Cases>
<Notes><Note guid="${noteGuid}" name="Suivi"><PlainTextContent>À revoir.</PlainTextContent></Note></Notes>
<Links><Link guid="70000000-0000-4000-8000-0000000000aa" name="Suivi de Marie-Claire Dupont" originGUID="${noteGuid}" targetGUID="${caseGuid}"/></Links></Project>`,
    }),
  );
  return { ctx, codeId: code.id, caseId: c.id };
}

/** How many rows of a column hold one of the real names, as SQL sees it. */
function rowsWithNames(ctx: ProjectContext, table: string, column: string): number {
  const like = RAW.map(() => `lower(CAST("${column}" AS TEXT)) LIKE ?`).join(' OR ');
  return ctx.db
    .prepare(`SELECT count(*) FROM "${table}" WHERE ${like}`)
    .pluck()
    .get(...RAW.map((r) => `%${r}%`)) as number;
}

function matrices(ctx: ProjectContext, caseId: number): Matrix[] {
  // The attribute's name as it is now (pseudonymised after applying).
  const name = ctx.db.prepare("SELECT name FROM attributes WHERE name LIKE 'Orientée par %'").pluck().get() as string;
  const attribute: ColumnSpec = { by: 'attribute', scope: 'case', name };
  return [
    ...MATRIX_TYPES.map((type) =>
      computeMatrix(ctx.db, { type, ...(type === 'participant' ? { caseId } : {}), ...(type === 'code-attribute' ? { columns: attribute } : {}) }),
    ),
    computeMatrix(ctx.db, { type: 'triangulation', columns: attribute }),
    computeMatrix(ctx.db, { type: 'triangulation', rows: 'questions' }),
  ];
}

type Export = { name: string; data: string | Uint8Array };

async function everyExport(ctx: ProjectContext, caseId: number): Promise<Export[]> {
  const out: Export[] = [
    { name: 'REFI-QDA .qdpx', data: exportQdpx(ctx.db) },
    { name: 'REFI-QDA .qdc', data: exportQdc(ctx.db) },
    { name: 'codebook JSON', data: exportCodebook(ctx.db, 'json') },
    { name: 'codebook CSV', data: exportCodebook(ctx.db, 'csv') },
  ];
  const grids = matrices(ctx, caseId);
  for (const format of EXPORT_FORMATS) out.push({ name: `matrices ${format}`, data: await exportMatrices(ctx.db, grids, format) });
  for (const m of grids) for (const p of picturesFor(m)) out.push({ name: `picture ${m.type} ${p.name}`, data: p.svg });
  // The comparison reports, against a project on the built-in grid.
  const other = newProject();
  const cmp = compareProjectCodebooks(ctx.db, other.db);
  out.push({ name: 'comparison text', data: comparisonText(cmp, 'fr') }, { name: 'comparison html', data: comparisonHtml(cmp, 'fr') });
  out.push({ name: 'comparison xlsx', data: await comparisonXlsx(cmp, 'fr') });
  const agreement = projectAgreement(ctx.db, { coders: ['Camille', 'Sacha'], unit: 'segment' });
  out.push({ name: 'agreement text', data: agreementText(agreement, 'fr') }, { name: 'agreement csv', data: agreementCsv(agreement, 'fr') });
  out.push({ name: 'agreement xlsx', data: await agreementXlsx(agreement, 'fr') });
  // What the command line prints for scripts.
  for (const argv of [
    ['sources', ctx.path, '--json'],
    ['codings', ctx.path, '--json'],
    ['case', 'list', ctx.path, '--json'],
    ['codebook', 'list', ctx.path, '--json'],
    ['matrix', ctx.path, '--json'],
  ]) {
    const lines: string[] = [];
    const code = await runCli(argv, { out: (t) => lines.push(t), err: (t) => lines.push(t), env: { LANG: 'fr_FR.UTF-8' }, cwd: tempDir() });
    expect(code, argv.join(' ')).toBe(0);
    out.push({ name: `cli ${argv.filter((a) => a !== ctx.path).join(' ')}`, data: lines.join('\n') });
  }
  return out;
}

describe('a real name planted in every column', () => {
  it('is rewritten everywhere, leaves no export, and is gone from the file once forgotten', async () => {
    const { ctx, caseId } = plantedProject();
    // Planted everywhere pseudonymisation rewrites: a column without a name would prove nothing.
    const empty = REWRITTEN_COLUMNS.filter((c) => rowsWithNames(ctx, c.table, c.column) === 0).map(columnKey);
    expect(empty, 'rewritten columns the planted project leaves without a real name').toEqual([]);
    // The names reach the exports before pseudonymisation (so the scan below can see them).
    const before = await everyExport(ctx, caseId);
    const leaking = before.filter((e) => findRealNames(e.data, REAL).length > 0).map((e) => e.name);
    expect(leaking).toEqual(expect.arrayContaining(['REFI-QDA .qdpx', 'REFI-QDA .qdc', 'codebook CSV', 'matrices xlsx', 'comparison html']));

    savePseudonyms(ctx, [
      { realName: REAL[0]!, pseudonym: 'Louise Martin' },
      { realName: REAL[1]!, pseudonym: 'Paul Moreau' },
    ]);
    // Code names are in the preview.
    const places = new Set(previewPseudonyms(ctx.db).matches.map((m) => (m.target.kind === 'field' ? `${m.target.table}.${m.target.column}` : 'text')));
    expect([...places]).toEqual(expect.arrayContaining(['codes.name', 'codes.abbrev', 'research_questions.name', 'attributes.name', 'kind_columns.label']));
    applyPseudonyms(ctx, { accept: 'all' });

    const left = REWRITTEN_COLUMNS.filter((c) => rowsWithNames(ctx, c.table, c.column) > 0).map(columnKey);
    expect(left, 'rewritten columns still holding a real name').toEqual([]);
    expect(resolveCode(ctx.db, 'MARTIN').name).toBe('Suivi par Louise Martin');

    const after = await everyExport(ctx, caseId);
    for (const e of after)
      expect(
        findRealNames(e.data, REAL).map((f) => `${f.where}: ${f.found} in ${f.context}`),
        e.name,
      ).toEqual([]);
    // The syntheses still sit in their columns (their keys were rewritten with the labels and values).
    const json = after.find((e) => e.name === 'matrices json')!.data as string;
    for (const synthesis of ['Mme Martin y présente les situations.', 'Louise Martin travaille avec le bailleur.', 'Synthèse par orientation : Mme Martin.']) {
      expect(json).toContain(synthesis);
    }
    expect(json).toContain('Selon Mme Martin, tout le monde est d’accord.');

    // Forgotten and scrubbed: not one byte of the file or its log spells a real name.
    applyPseudonyms(ctx, { accept: 'all', forgetRealNames: true });
    scrubOldText(ctx);
    for (const file of [ctx.path, `${ctx.path}-wal`].filter((f) => existsSync(f))) {
      const bytes = readFileSync(file);
      expect(findRealNames(bytes, REAL), file).toEqual([]);
      const lower = bytes.toString('utf8').toLowerCase();
      for (const raw of RAW) expect(lower.includes(raw), `${file} holds "${raw}"`).toBe(false);
    }
  }, 120_000);
});
