// tresse matrix / synthesis / verdict / question / columns: the analysis grid from the command line.
import { writeFileBeside } from '../../service/write-beside.ts';
import { resolve } from 'node:path';
import type { Db } from '../../db/open.ts';
import { TresseError } from '../../i18n/error.ts';
import { resolveCase } from '../../service/cases.ts';
import { resolveCode } from '../../service/codebook.ts';
import { requireCoder } from '../../service/coders.ts';
import {
  addQuestion,
  analysisGrid,
  cellExcerpts,
  codebookUsage,
  columnSpecFrom,
  computeMatrix,
  EXPORT_FORMATS,
  exportMatrices,
  kindColumns,
  listQuestions,
  MATRIX_TYPES,
  picturesFor,
  removeQuestion,
  resetKindColumns,
  resolveQuestion,
  resolveRow,
  setCellSynthesis,
  setKindColumn,
  setQuestionCodes,
  setRowVerdict,
  svgToPng,
  VERDICTS,
  type ExportFormat,
  type ExportOptions,
  type GridRef,
  type Matrix,
  type MatrixFilter,
  type MatrixRequest,
  type MatrixType,
  type RowMode,
  type Verdict,
} from '../../service/analysis.ts';
import { rowLabel, verdictText } from '../../exchange/export/table.ts';
import { UsageError, type CommandRun } from '../main.ts';

const ROW_MODES: readonly RowMode[] = ['codes', 'themes', 'questions'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : v;
  if (!DAY.test(iso)) throw new UsageError(`${name} ${value} (AAAA-MM-JJ)`);
  return iso;
}

/** --coder, --kind, --attribute NAME=V1;V2, --from/--to (coding date, or --date-attribute on the cases). */
function filterOf(run: CommandRun, db: Db): MatrixFilter {
  const v = run.values;
  const filter: MatrixFilter = {};
  if (v.coder) filter.coderIds = v.coder.split(',').map((name) => requireCoder(db, name.trim()).id);
  if (v.kind?.length) filter.sourceKinds = v.kind.flatMap((k) => k.split(',')).map((k) => run.kind(k));
  if (v.attribute) {
    const eq = v.attribute.indexOf('=');
    if (eq <= 0) throw new UsageError(`--attribute ${v.attribute}`);
    filter.caseAttributes = [{ name: v.attribute.slice(0, eq).trim(), values: v.attribute.slice(eq + 1).split(';').map((s) => s.trim()) }];
  }
  const from = day(v.from, '--from');
  const to = day(v.to, '--to');
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (v['date-attribute']) filter.dateAttribute = v['date-attribute'];
  return filter;
}

function requestOf(run: CommandRun, db: Db): MatrixRequest {
  const v = run.values;
  const type = (v.type === 'all' ? 'triangulation' : v.type ?? (v.case ? 'participant' : 'triangulation')) as MatrixType;
  if (!MATRIX_TYPES.includes(type)) throw new UsageError(`--type ${type} (${MATRIX_TYPES.join('|')}|all)`);
  const rows = (v.rows ?? 'codes') as RowMode;
  if (!ROW_MODES.includes(rows)) throw new UsageError(`--rows ${rows} (${ROW_MODES.join('|')})`);
  const req: MatrixRequest = { type, rows, filter: filterOf(run, db), ...(v.valences ? { valences: true } : {}) };
  if (v.cols) req.columns = columnSpecFrom(db, v.cols);
  if (type === 'participant') {
    if (!v.case) throw new TresseError('matrix.caseRequired', {});
    req.caseId = resolveCase(db, v.case).id;
  }
  return req;
}

function gridOf(run: CommandRun, db: Db): GridRef {
  if (run.values.case) return { caseId: resolveCase(db, run.values.case).id };
  return run.values.cols ? { columns: columnSpecFrom(db, run.values.cols) } : {};
}

function matrixText(m: Matrix, lang: 'fr' | 'en'): string {
  const counts = (c: Matrix['rows'][number]['cells'][number]) =>
    c.count === 0 ? '∅' : `${c.count} (${c.sources}s/${c.cases}c)${c.positive !== undefined ? ` +${c.positive}/−${c.negative}` : ''}`;
  const lines = [m.title, ...m.notes.map((n) => `  ${n}`), '', ['', ...m.columns.map((c) => c.label)].join('\t')];
  for (const r of m.rows) {
    const verdict = m.type === 'triangulation' || m.type === 'participant' ? verdictText(m, r, lang) : '';
    lines.push([`${'  '.repeat(r.depth)}${rowLabel(r)}`, ...r.cells.map(counts), ...(verdict ? [verdict] : [])].join('\t'));
  }
  return lines.join('\n');
}

type Format = ExportFormat | 'svg' | 'png';
type Output = { file: string | Uint8Array } | { json: unknown; text: () => string };

function formatOf(run: CommandRun): Format | undefined {
  const format = run.values.format as Format | undefined;
  if (format && ![...EXPORT_FORMATS, 'svg', 'png'].includes(format)) throw new UsageError(`--format ${format}`);
  if ((format === 'xlsx' || format === 'docx' || format === 'png') && !run.values.out) {
    throw new UsageError(run.say('cli.missing', { what: '--out' }));
  }
  return format;
}

function exportOptions(run: CommandRun): ExportOptions {
  const raw = run.values['excerpts-per-cell'];
  if (raw === undefined) return { lang: run.lang };
  const n = Number(raw);
  if (!(Number.isInteger(n) && n >= 0)) throw new UsageError(`--excerpts-per-cell ${raw}`);
  return { lang: run.lang, excerptsPerCell: n };
}

const excerptLines = (cell: ReturnType<typeof cellExcerpts>) =>
  cell.excerpts
    .map((x) => `— ${x.sourceName} [${x.start}–${x.end}] ${x.caseNames.join(', ')}\n  « ${x.text.replace(/\s+/g, ' ')} »`)
    .join('\n');

async function matrixOutput(run: CommandRun, db: Db, format: Format | undefined): Promise<Output> {
  const v = run.values;
  const req = requestOf(run, db);
  if (v.row || v.col) {
    if (!v.row || !v.col) throw new UsageError(run.say('cli.missing', { what: '--row + --col' }));
    const cell = cellExcerpts(db, req, resolveRow(db, v.row).key, v.col);
    return { json: cell, text: () => excerptLines(cell) };
  }
  if (v.type === 'all') {
    if (format === 'svg' || format === 'png') throw new UsageError('--type all + --format svg|png');
    const grid = analysisGrid(db, { rows: req.rows ?? 'codes', filter: req.filter ?? {} }, run.lang);
    if (format) return { file: await exportMatrices(db, grid, format, exportOptions(run)) };
    return { json: grid, text: () => grid.map((m) => matrixText(m, run.lang)).join('\n\n') };
  }
  const m = computeMatrix(db, req, run.lang);
  if (format === 'svg' || format === 'png') {
    const pictures = picturesFor(m, run.lang, m.type === 'frequencies' ? codebookUsage(db, m.filter) : undefined);
    const picture = v.picture ? pictures.find((p) => p.name === v.picture) : pictures[0];
    if (!picture) throw new UsageError(`--picture ${v.picture} (${pictures.map((p) => p.name).join('|')})`);
    return { file: format === 'png' ? await svgToPng(picture.svg) : picture.svg };
  }
  if (format) return { file: await exportMatrices(db, [m], format, exportOptions(run)) };
  return { json: m, text: () => matrixText(m, run.lang) };
}

async function matrix(run: CommandRun): Promise<void> {
  const format = formatOf(run);
  exportOptions(run);
  const output = await run.withProject((ctx) => matrixOutput(run, ctx.db, format));
  if ('file' in output) {
    if (run.values.out) {
      const out = resolve(run.io.cwd, run.values.out);
      writeFileBeside(out, output.file);
      run.io.out(run.say('cli.written', { path: out }));
    } else {
      run.io.out(String(output.file));
    }
    return;
  }
  run.print(output.json, output.text);
}

function synthesis(run: CommandRun): void {
  run.withProjectAs((ctx) => {
    const row = run.values.row ?? run.arg(1, '--row');
    const col = run.values.col;
    if (!col) throw new UsageError(run.say('cli.missing', { what: '--col' }));
    if (run.values.text === undefined) throw new UsageError(run.say('cli.missing', { what: '--text' }));
    const done = setCellSynthesis(ctx, gridOf(run, ctx.db), row, col, run.values.text, run.lang);
    run.print(done, () => run.say(done.text ? 'cli.synthesisSet' : 'cli.synthesisCleared', { row, column: col }));
  });
}

const VERDICT_ALIASES: Record<string, Verdict | null> = {
  convergence: 'convergence',
  complementarity: 'complementarity',
  complementarite: 'complementarity',
  dissonance: 'dissonance',
  none: null,
  aucun: null,
};

function verdict(run: CommandRun): void {
  run.withProjectAs((ctx) => {
    const row = run.values.row;
    if (!row) throw new UsageError(run.say('cli.missing', { what: '--row' }));
    const word = run.arg(1, VERDICTS.join('|')).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (!(word in VERDICT_ALIASES)) throw new UsageError(`${word} (${VERDICTS.join('|')}|none)`);
    const done = setRowVerdict(ctx, gridOf(run, ctx.db), row, VERDICT_ALIASES[word]!, run.values.note ?? '', run.lang);
    run.print(done, () => run.say('cli.verdictSet', { row, verdict: done.verdict?.verdict ?? '—', silent: done.silent.join(', ') || '—' }));
  });
}

function codeIdsOf(run: CommandRun, db: Db): number[] {
  const refs = (run.values.codes ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (refs.length === 0) throw new UsageError(run.say('cli.missing', { what: '--codes CODE1,CODE2' }));
  return refs.map((r) => resolveCode(db, r).id);
}

function question(run: CommandRun): void {
  const sub = run.arg(1, 'list|add|set|remove');
  if (sub === 'list') {
    return run.withProject((ctx) => {
      const qs = listQuestions(ctx.db);
      const codes = new Map((ctx.db.prepare('SELECT id, coalesce(abbrev, name) AS ref FROM codes').all() as { id: number; ref: string }[]).map((c) => [c.id, c.ref]));
      run.print(qs, () => qs.map((q) => `${q.name} : ${q.codeIds.map((id) => codes.get(id)).join(', ')}`).join('\n') || run.say('cli.noResults'));
    });
  }
  run.withProjectAs((ctx) => {
    const name = run.arg(2, 'NOM / NAME');
    switch (sub) {
      case 'add': {
        const q = addQuestion(ctx, { name, codeIds: codeIdsOf(run, ctx.db), description: run.values.description ?? '' });
        return run.print(q, () => run.say('cli.questionAdded', { name: q.name, count: q.codeIds.length }));
      }
      case 'set': {
        const q = setQuestionCodes(ctx, resolveQuestion(ctx.db, name).id, codeIdsOf(run, ctx.db));
        return run.print(q, () => run.say('cli.questionAdded', { name: q.name, count: q.codeIds.length }));
      }
      case 'remove': {
        const q = removeQuestion(ctx, resolveQuestion(ctx.db, name).id);
        return run.print(q, () => run.say('cli.questionRemoved', { name: q.name }));
      }
      default:
        throw new UsageError(run.say('cli.unknownCommand', { name: `question ${sub}` }));
    }
  });
}

/** tresse columns PROJECT [list | set KIND COLUMN | reset]: which column each source kind feeds. */
function columns(run: CommandRun): void {
  const sub = run.args[1] ?? 'list';
  const show = (cols: ReturnType<typeof kindColumns>) => run.print(cols, () => cols.map((c) => `${c.label} : ${c.kinds.join(', ')}`).join('\n'));
  if (sub === 'list') return run.withProject((ctx) => show(kindColumns(ctx.db)));
  run.withProjectAs((ctx) => {
    if (sub === 'reset') return show(resetKindColumns(ctx));
    if (sub !== 'set') throw new UsageError(run.say('cli.unknownCommand', { name: `columns ${sub}` }));
    show(setKindColumn(ctx, run.kind(run.arg(2, 'TYPE / KIND')), run.arg(3, 'COLONNE / COLUMN')));
  });
}

export const matrixCommands: Record<string, (run: CommandRun) => void | Promise<void>> = {
  matrix,
  synthesis,
  verdict,
  question,
  columns,
};
