// tresse matrix / synthesis / verdict / question / columns: the analysis grid from the command line.
import { resolve } from 'node:path';
import {
  MATRIX_TYPES,
  VERDICTS,
  type Matrix,
  type MatrixFilter,
  type MatrixRequest,
  type MatrixType,
  type RowMode,
  type Verdict,
} from '../../analysis/matrix/types.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../exchange/export/index.ts';
import { rowLabel, verdictText } from '../../exchange/export/table.ts';
import { TresseError } from '../../i18n/error.ts';
import type { ArgsOf, ResultOf, TresseApi } from '../../service/contract/index.ts';
import { writeFileBeside } from '../../service/write-beside.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';
import { quotation } from '../../analysis/quotes/quotation.ts';
import type { Lang } from '../../i18n/lang.ts';
import { TEXT_LANGUAGES } from '../../text/word-forms.ts';

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

/** --coder A,B, --agreement, --kind, --attribute NAME=V1;V2, --from/--to (coding date, or --date-attribute on the cases), --source-set, --code-set. */
async function filterOf(run: CommandRun, api: TresseApi): Promise<MatrixFilter> {
  const v = run.values;
  const filter: MatrixFilter = {};
  if (v.kind?.length) filter.sourceKinds = v.kind.flatMap((k) => k.split(',')).map((k) => run.kind(k));
  const attribute = v.attribute?.at(-1);
  if (attribute) {
    const eq = attribute.indexOf('=');
    if (eq <= 0) throw new UsageError(`--attribute ${attribute}`);
    filter.caseAttributes = [
      {
        name: attribute.slice(0, eq).trim(),
        values: attribute
          .slice(eq + 1)
          .split(';')
          .map((s) => s.trim()),
      },
    ];
  }
  const from = day(v.from, '--from');
  const to = day(v.to, '--to');
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (v['date-attribute']) filter.dateAttribute = v['date-attribute'];
  if (v.coder) {
    const ids = [];
    for (const name of v.coder.split(',')) ids.push((await api.findCoder({ name: name.trim() })).id);
    filter.coderIds = ids;
  }
  if (v.agreement) filter.agreement = true;
  if (v['source-set']) filter.sourceSetId = (await api.findSet({ ref: v['source-set'], kind: 'sources' })).id;
  if (v['code-set']) filter.codeSetId = (await api.findSet({ ref: v['code-set'], kind: 'codes' })).id;
  return filter;
}

function typeOf(run: CommandRun): MatrixType {
  const v = run.values;
  const type = (v.type === 'all' ? 'triangulation' : (v.type ?? (v.case ? 'participant' : 'triangulation'))) as MatrixType;
  if (!MATRIX_TYPES.includes(type)) throw new UsageError(`--type ${type} (${MATRIX_TYPES.join('|')}|all)`);
  return type;
}

function rowsOf(run: CommandRun): RowMode {
  const rows = (run.values.rows ?? 'codes') as RowMode;
  if (!ROW_MODES.includes(rows)) throw new UsageError(`--rows ${rows} (${ROW_MODES.join('|')})`);
  return rows;
}

async function requestOf(run: CommandRun, api: TresseApi): Promise<MatrixRequest> {
  const v = run.values;
  const type = typeOf(run);
  const req: MatrixRequest = { type, rows: rowsOf(run), filter: await filterOf(run, api), ...(v.valences ? { valences: true } : {}) };
  if (v.cols) req.columns = await api.findMatrixColumns({ name: v.cols });
  if (type === 'participant') {
    if (!v.case) throw new TresseError('matrix.caseRequired', {});
    req.caseId = (await api.findCase({ ref: v.case })).id;
  }
  return req;
}

async function gridOf(run: CommandRun, api: TresseApi): Promise<ArgsOf<'setCellSynthesis'>['grid']> {
  if (run.values.case) return { caseId: (await api.findCase({ ref: run.values.case })).id };
  return run.values.cols ? { columns: await api.findMatrixColumns({ name: run.values.cols }) } : {};
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

function excerptsPerCell(run: CommandRun): number | undefined {
  const raw = run.values['excerpts-per-cell'];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(Number.isInteger(n) && n >= 0)) throw new UsageError(`--excerpts-per-cell ${raw}`);
  return n;
}

/** The co-occurrence network's threshold: pairs seen fewer times are not drawn. */
function minCountOf(run: CommandRun): number | undefined {
  const raw = run.values['min-count'];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(Number.isInteger(n) && n >= 1 && n <= 1_000_000)) throw new UsageError(`--min-count ${raw}`);
  return n;
}

const excerptLines = (cell: ResultOf<'matrixCellExcerpts'>, lang: Lang) =>
  cell.excerpts.map((x) => `— ${x.citation}\n  ${quotation(x.text, lang, x.place, x.segmentKind === 'verbatim')}`).join('\n');

/** JSON as the export of that name writes it: one matrix, or the list. */
const jsonFile = (matrices: Matrix[]) => `${JSON.stringify(matrices.length === 1 ? matrices[0] : matrices, null, 2)}\n`;

async function matrixOutput(run: CommandRun, api: TresseApi, format: Format | undefined): Promise<Output> {
  const v = run.values;
  const request = await requestOf(run, api);
  const perCell = excerptsPerCell(run);
  if (v.row || v.col) {
    if (!v.row || !v.col) throw new UsageError(run.say('cli.missing', { what: '--row + --col' }));
    const row = await api.findMatrixRow({ ref: v.row });
    const cell = await api.matrixCellExcerpts({ request, rowKey: row.key, columnKey: v.col });
    return { json: cell, text: () => excerptLines(cell, run.lang) };
  }
  if (v.type === 'all') {
    if (format === 'svg' || format === 'png') throw new UsageError('--type all + --format svg|png');
    if (format && format !== 'json') {
      return { file: await api.exportMatrix({ request, format, all: true, ...(perCell !== undefined ? { excerptsPerCell: perCell } : {}) }) };
    }
    const grid = await api.analysisGrid({ rows: request.rows ?? 'codes', filter: request.filter ?? {} });
    if (format === 'json') return { file: jsonFile(grid) };
    return { json: grid, text: () => grid.map((m) => matrixText(m, run.lang)).join('\n\n') };
  }
  if (format === 'svg' || format === 'png') {
    const minCount = minCountOf(run);
    const pictures = await api.matrixPictures({ ...request, ...(minCount !== undefined ? { minCount } : {}) });
    const picture = v.picture ? pictures.find((p) => p.name === v.picture) : pictures[0];
    if (!picture) throw new UsageError(`--picture ${v.picture} (${pictures.map((p) => p.name).join('|')})`);
    return { file: format === 'png' ? await api.pictureToPng({ svg: picture.svg }) : picture.svg };
  }
  if (format && format !== 'json') {
    return { file: await api.exportMatrix({ request, format, ...(perCell !== undefined ? { excerptsPerCell: perCell } : {}) }) };
  }
  const m = await api.computeMatrix(request);
  if (format === 'json') return { file: jsonFile([m]) };
  return { json: m, text: () => matrixText(m, run.lang) };
}

async function matrix(run: CommandRun): Promise<void> {
  const format = formatOf(run);
  typeOf(run);
  rowsOf(run);
  excerptsPerCell(run);
  minCountOf(run);
  const output = await run.withProject((api) => matrixOutput(run, api, format));
  if ('file' in output) {
    if (run.values.out) {
      const out = resolve(run.io.cwd, run.values.out);
      writeFileBeside(out, output.file);
      run.io.out(run.say('cli.written', { path: out }));
    } else {
      // Text formats come back as bytes from the service; a CSV keeps its BOM, as in a file.
      run.io.out(typeof output.file === 'string' ? output.file : new TextDecoder('utf-8', { ignoreBOM: true }).decode(output.file));
    }
    return;
  }
  run.print(output.json, output.text);
}

async function synthesis(run: CommandRun): Promise<void> {
  const row = run.values.row ?? run.arg(1, '--row');
  const col = run.values.col;
  if (!col) throw new UsageError(run.say('cli.missing', { what: '--col' }));
  const text = run.values.text;
  if (text === undefined) throw new UsageError(run.say('cli.missing', { what: '--text' }));
  const done = await run.withProjectAs(async (api) => api.setCellSynthesis({ grid: await gridOf(run, api), rowKey: row, columnKey: col, text }));
  run.print(done, () => run.say(done.text ? 'cli.synthesisSet' : 'cli.synthesisCleared', { row, column: col }));
}

const VERDICT_ALIASES: Record<string, Verdict | null> = {
  convergence: 'convergence',
  complementarity: 'complementarity',
  complementarite: 'complementarity',
  dissonance: 'dissonance',
  none: null,
  aucun: null,
};

async function verdict(run: CommandRun): Promise<void> {
  const row = run.values.row;
  if (!row) throw new UsageError(run.say('cli.missing', { what: '--row' }));
  const word = run.arg(1, VERDICTS.join('|')).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (!(word in VERDICT_ALIASES)) throw new UsageError(`${word} (${VERDICTS.join('|')}|none)`);
  const done = await run.withProjectAs(async (api) =>
    api.setRowVerdict({ grid: await gridOf(run, api), rowKey: row, verdict: VERDICT_ALIASES[word]!, note: run.values.note ?? '' }),
  );
  run.print(done, () => run.say('cli.verdictSet', { row, verdict: done.verdict?.verdict ?? '—', silent: done.silent.join(', ') || '—' }));
}

function codeRefsOf(run: CommandRun): string[] {
  const refs = (run.values.codes ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (refs.length === 0) throw new UsageError(run.say('cli.missing', { what: '--codes CODE1,CODE2' }));
  return refs;
}

async function codeIdsOf(api: TresseApi, refs: string[]): Promise<number[]> {
  const ids = [];
  for (const ref of refs) ids.push((await api.findCode({ ref })).id);
  return ids;
}

async function question(run: CommandRun): Promise<void> {
  const sub = run.arg(1, 'list|add|set|remove');
  if (sub === 'list') {
    const [qs, codes] = await run.withProject(async (api) => [await api.listQuestions(), await api.listCodes()] as const);
    const refs = new Map(codes.map((c) => [c.id, c.abbrev ?? c.name]));
    return run.print(qs, () => qs.map((q) => `${q.name} : ${q.codeIds.map((id) => refs.get(id)).join(', ')}`).join('\n') || run.say('cli.noResults'));
  }
  if (sub !== 'add' && sub !== 'set' && sub !== 'remove') throw new UsageError(run.say('cli.unknownCommand', { name: `question ${sub}` }));
  const name = run.arg(2, 'NOM / NAME');
  const refs = sub === 'remove' ? [] : codeRefsOf(run);
  const { q, removed } = await run.withProjectAs(async (api) => {
    if (sub === 'add') {
      const codeIds = await codeIdsOf(api, refs);
      return { q: await api.saveQuestion({ name, codeIds, description: run.values.description ?? '' }), removed: false };
    }
    const found = await api.findQuestion({ ref: name });
    if (sub === 'remove') return { q: await api.deleteQuestion({ id: found.id }), removed: true };
    return { q: await api.saveQuestion({ id: found.id, name: found.name, codeIds: await codeIdsOf(api, refs) }), removed: false };
  });
  if (removed) return run.print(q, () => run.say('cli.questionRemoved', { name: q.name }));
  run.print(q, () => run.say('cli.questionAdded', { name: q.name, count: q.codeIds.length }));
}

/** tresse columns PROJECT [list | set KIND COLUMN | reset]: which column each source kind feeds. */
async function columns(run: CommandRun): Promise<void> {
  const sub = run.args[1] ?? 'list';
  if (sub !== 'list' && sub !== 'reset' && sub !== 'set') throw new UsageError(run.say('cli.unknownCommand', { name: `columns ${sub}` }));
  const cols =
    sub === 'list'
      ? await run.withProject((api) => api.listKindColumns())
      : sub === 'reset'
        ? await run.withProjectAs((api) => api.resetKindColumns())
        : await (async () => {
            const kind = run.kind(run.arg(2, 'TYPE / KIND'));
            const label = run.arg(3, 'COLONNE / COLUMN');
            return run.withProjectAs((api) => api.setKindColumn({ kind, label }));
          })();
  run.print(cols, () => cols.map((c) => `${c.label} : ${c.kinds.join(', ')}`).join('\n'));
}

/** tresse citation PROJECT [FORMAT]: how quotations cite their place, shown or set ("" brings back the default). */
async function citation(run: CommandRun): Promise<void> {
  const template = run.args[1];
  const setting =
    template === undefined ? await run.withProject((api) => api.getCitationFormat()) : await run.withProjectAs((api) => api.setCitationFormat({ template }));
  run.print(setting, () => setting.template);
}

/** tresse language PROJECT [fr|en]: the language of the project's texts, whose word forms search finds; shown or set. */
async function language(run: CommandRun): Promise<void> {
  const wanted = run.args[1];
  if (wanted !== undefined && !TEXT_LANGUAGES.some((l) => l === wanted)) throw new UsageError(`${wanted} (${TEXT_LANGUAGES.join('|')})`);
  const set = TEXT_LANGUAGES.find((l) => l === wanted);
  const current =
    set === undefined ? await run.withProject((api) => api.getTextLanguage()) : await run.withProjectAs((api) => api.setTextLanguage({ language: set }));
  run.print(current, () => current);
}

export const matrixCommands: Record<string, (run: CommandRun) => Promise<void>> = {
  matrix,
  synthesis,
  verdict,
  question,
  columns,
  citation,
  language,
};
