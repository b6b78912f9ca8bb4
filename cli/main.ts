import { readFileSync } from 'node:fs';
import { writeFileBeside } from '../service/write-beside.ts';
import { formatImportNote } from '../i18n/import-notes.ts';
import { basename, extname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { takenOverBy } from '../db/lock.ts';
import { searchSources } from '../db/search.ts';
import { loadCommand } from './commands/index.ts';
import { fileErrorOf, readUserFile } from './files.ts';
import { laxParse, parseErrorDetail, usageLines } from './usage.ts';
import { cliMessages, pluralForm, type CliMessage, type CliPluralMessage } from '../i18n/cli.ts';
import { isTresseError, TresseError } from '../i18n/error.ts';
import { systemErrorOf } from '../i18n/node-errors.ts';
import { interpolate, langFrom, type Lang } from '../i18n/lang.ts';
import { robustnessMessage } from '../i18n/robustness.ts';
import { parseSourceKind } from '../model/kinds.ts';
import { ATTRIBUTE_TYPES, SEGMENT_KINDS, type AttributeType, type SegmentKind, type SourceKind, type Valence } from '../model/types.ts';
import { defineAttribute, findAttribute, setAttributeValues } from '../service/attributes.ts';
import { createCase, linkSource, listCases, resolveCase } from '../service/cases.ts';
import { addCode, codePath, listCodes, resolveCode } from '../service/codebook.ts';
import { exportCodebook, importCodebook } from '../service/codebook-exchange.ts';
import { requireCoder } from '../service/coders.ts';
import { addCoding, locatePassage, retrieveExcerpts } from '../service/codings.ts';
import type { ProjectContext } from '../service/context.ts';
import { closeProject, openProject, projectInfo } from '../service/project.ts';
import { createProjectBeside } from '../service/project-beside.ts';
import { getSourceText, importSource, listSources, resolveSource } from '../service/sources.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Bad usage (exit 2), as opposed to a user error about the project's content (exit 1). */
export class UsageError extends Error {}

export const OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  coder: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  grid: { type: 'string' },
  kind: { type: 'string', multiple: true },
  case: { type: 'string' },
  'turn-pattern': { type: 'string', multiple: true },
  description: { type: 'string' },
  type: { type: 'string' },
  parent: { type: 'string' },
  abbrev: { type: 'string' },
  color: { type: 'string' },
  definition: { type: 'string' },
  'not-codable': { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  text: { type: 'string' },
  occurrence: { type: 'string' },
  valence: { type: 'string' },
  segment: { type: 'string' },
  memo: { type: 'string' },
  code: { type: 'string' },
  subcodes: { type: 'boolean' },
  source: { type: 'string' },
  attribute: { type: 'string' },
  limit: { type: 'string' },
  map: { type: 'string' },
  'dry-run': { type: 'boolean' },
  skip: { type: 'string', multiple: true },
  'forget-real-names': { type: 'boolean' },
  file: { type: 'string' },
  yes: { type: 'boolean' },
  keep: { type: 'string' },
  delete: { type: 'string', multiple: true },
  'delete-all': { type: 'boolean' },
  coders: { type: 'string' },
  unit: { type: 'string' },
  threshold: { type: 'string' },
  decisions: { type: 'string' },
  accept: { type: 'string' },
  'keep-both': { type: 'boolean' },
  discuss: { type: 'string' },
  rows: { type: 'string' },
  cols: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'date-attribute': { type: 'string' },
  row: { type: 'string' },
  col: { type: 'string' },
  note: { type: 'string' },
  codes: { type: 'string' },
  picture: { type: 'string' },
  'excerpts-per-cell': { type: 'string' },
  valences: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

export type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

/** Runs one `tresse` command; returns the exit code (0 done, 1 user error, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let lang: Lang = langFrom(io.env.TRESSE_LANG ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  const say = (key: CliMessage, params: Record<string, unknown> = {}) => interpolate(cliMessages[key][lang], params);
  let command: string | undefined;
  // Named in a message when SQLite refuses the project file (its errors name no file).
  let project: string | undefined;
  try {
    let parsed;
    try {
      parsed = parse(argv);
    } catch (e) {
      const lax = laxParse(argv, OPTIONS);
      if (lax.lang) lang = langFrom(lax.lang);
      command = lax.command;
      throw new UsageError(parseErrorDetail(e, say));
    }
    const { values, positionals } = parsed;
    if (values.lang) lang = langFrom(values.lang);
    const [first, ...rest] = positionals;
    command = first;
    const named = rest.find((a) => /\.tresse$/i.test(a));
    project = named === undefined ? undefined : resolve(io.cwd, named);
    if (values.help || !command) {
      io.out(say('cli.usage'));
      return values.help ? 0 : 2;
    }
    const run = new CommandRun(io, values, rest, say, lang);
    await run.dispatch(command);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(usageLines(say, lang, e.message, command).join('\n'));
      return 2;
    }
    const user = isTresseError(e) ? e : (systemErrorOf(e, project) ?? fileErrorOf(e));
    if (user) {
      io.err(user.format(lang));
      return 1;
    }
    io.err(say('cli.internal', { message: (e as Error).stack ?? String(e) }));
    return 1;
  }
}

export class CommandRun {
  constructor(
    readonly io: CliIo,
    readonly values: Values,
    readonly args: string[],
    readonly say: (key: CliMessage, params?: Record<string, unknown>) => string,
    readonly lang: Lang,
  ) {}

  arg(i: number, what: string): string {
    const v = this.args[i];
    if (v === undefined) throw new UsageError(this.say('cli.missing', { what }));
    return v;
  }

  path(i: number): string {
    return resolve(this.io.cwd, this.arg(i, 'PROJET / PROJECT'));
  }

  /** A message in its singular or plural form, `count` filled in. */
  sayN(key: CliPluralMessage, count: number, params: Record<string, unknown> = {}): string {
    return this.say(`${key}.${pluralForm(this.lang, count)}` as CliMessage, { count, ...params });
  }

  /** A --kind value as users write it; an unknown one is bad usage, answered with the accepted kinds. */
  kind(value: string): SourceKind {
    try {
      return parseSourceKind(value);
    } catch (e) {
      if (isTresseError(e) && e.code === 'source.kind') throw new UsageError(e.format(this.lang));
      throw e;
    }
  }

  print(json: unknown, text: () => string): void {
    this.io.out(this.values.json ? JSON.stringify(json, null, 2) : text());
  }

  /**
   * Opens the project named by the first argument for the length of one command. Commands that
   * change it act as --coder; read commands use --coder as a filter and never add a coder. A new
   * coder is recorded with the first change attributed to them, so a refused command leaves the
   * file as it was.
   */
  withProject<T>(fn: (ctx: ProjectContext) => T, writes = false): T extends Promise<infer U> ? Promise<U> : T {
    // Reads do not take the project's lock, so they work while the desktop app has it open; writes do.
    const ctx = openProject(this.path(0), writes ? this.values.coder : undefined, { lock: writes, newCoder: 'on-first-use' });
    const stale = takenOverBy(ctx.db);
    if (stale) this.io.err(robustnessMessage('lock.takenOver', this.lang, stale));
    let result: unknown;
    try {
      result = fn(ctx);
    } catch (e) {
      closeProject(ctx);
      throw e;
    }
    if (result instanceof Promise) {
      return result.finally(() => closeProject(ctx)) as never;
    }
    closeProject(ctx);
    return result as never;
  }

  withProjectAs<T>(fn: (ctx: ProjectContext) => T) {
    return this.withProject(fn, true);
  }

  async dispatch(command: string): Promise<void> {
    switch (command) {
      case 'init':
        return this.init();
      case 'demo':
        return this.demo();
      case 'import':
        return this.import();
      case 'sources':
        return this.sources();
      case 'case':
        return this.caseCommand();
      case 'codebook':
        return this.codebook();
      case 'code':
        return this.code();
      case 'codings':
        return this.codings();
      case 'search':
        return this.search();
      default: {
        const extra = await loadCommand(command);
        if (!extra) throw new UsageError(this.say('cli.unknownCommand', { name: command }));
        return extra(this);
      }
    }
  }

  private init(): void {
    const path = this.path(0);
    // Built beside its destination: a killed init leaves no empty, table-less project behind.
    const { ctx } = createProjectBeside(path, {
      grid: this.values.grid ?? 'six-themes',
      ...(this.values.name ? { name: this.values.name } : {}),
      ...(this.values.coder ? { coder: this.values.coder } : {}),
    }, () => undefined);
    const info = projectInfo(ctx);
    closeProject(ctx);
    this.print(info, () => this.say('cli.created', { path, grid: info.grid, coder: info.coder.name }));
  }

  private async demo(): Promise<void> {
    const path = this.path(0);
    // The demo brings the importers for its documents; loaded here, not at every start.
    const { createDemoProject } = await import('../service/demo.ts');
    await createDemoProject(path);
    const ctx = openProject(path);
    const info = projectInfo(ctx);
    closeProject(ctx);
    this.print(info, () => this.say('cli.demoCreated', { path, sources: info.counts.sources, codings: info.counts.codings }));
  }

  private async import(): Promise<void> {
    const files = this.args.slice(1);
    if (files.length === 0) throw new UsageError(this.say('cli.missing', { what: 'FICHIER / FILE' }));
    // A REFI-QDA project is a whole project, not a source: it has its own command.
    if (files.length === 1 && /\.qdpx$/i.test(files[0]!)) return (await loadCommand('import-qdpx'))!(this);
    const kindArg = this.values.kind?.[0];
    if (!kindArg) throw new UsageError(this.say('cli.missing', { what: '--kind' }));
    const kind = this.kind(kindArg);
    if (this.values.name && files.length > 1) throw new UsageError('--name + ' + files.length);
    let failures = 0;
    const results = await this.withProjectAs(async (ctx) => {
      const caseIds = this.values.case ? [resolveCase(ctx.db, this.values.case).id] : [];
      const out = [];
      for (const file of files) {
        const full = resolve(this.io.cwd, file);
        try {
          const bytes = readUserFile(full);
          const r = await importSource(ctx, {
            fileName: basename(full),
            bytes,
            kind,
            caseIds,
            ...(this.values.name ? { name: this.values.name } : {}),
            ...(this.values['turn-pattern'] ? { turnPatterns: this.values['turn-pattern'] } : {}),
          });
          out.push(r);
          if (!this.values.json) {
            this.io.out(this.say('cli.imported', { name: r.source.name, id: r.source.id, length: r.source.length }));
            for (const note of r.notes) this.io.out(`  ${formatImportNote(note, this.lang)}`);
          }
        } catch (e) {
          failures++;
          const user = isTresseError(e) ? e : (fileErrorOf(e, full) ?? systemErrorOf(e, this.path(0)));
          const message = user ? user.format(this.lang) : this.say('cli.internal', { message: (e as Error).stack ?? String(e) });
          this.io.err(this.say('cli.importFailed', { file, message }));
        }
      }
      return out;
    });
    // Notes are printed as sentences in the user's language, as in the text output.
    const worded = results.map((r) => ({ ...r, notes: r.notes.map((n) => formatImportNote(n, this.lang)) }));
    if (this.values.json) this.io.out(JSON.stringify(worded, null, 2));
    if (failures === 1) throw new TresseError('import.failedOne', { total: files.length });
    if (failures > 1) throw new TresseError('import.failedMany', { failed: failures, total: files.length });
  }

  private sources(): void {
    this.withProject((ctx) => {
      const sources = listSources(ctx.db);
      const cases = new Map(listCases(ctx.db).map((c) => [c.id, c.name]));
      this.print(sources, () =>
        sources.length === 0
          ? this.say('cli.noSources')
          : sources
              .map(
                (s) =>
                  `${String(s.id).padStart(4)}  ${this.say(`cli.kind.${s.kind}`).padEnd(11)} ${s.name}  [${this.say('cli.sourceSize', {
                    length: s.length,
                    codings: this.sayN('cli.codingCount', s.codingCount),
                  })}]` +
                  (s.caseIds.length
                    ? `  ${this.sayN('cli.sourceCases', s.caseIds.length, { cases: s.caseIds.map((id) => cases.get(id)).join(', ') })}`
                    : ''),
              )
              .join('\n'),
      );
    });
  }

  private caseCommand(): void {
    const sub = this.args[0];
    const run = new CommandRun(this.io, this.values, this.args.slice(1), this.say, this.lang);
    switch (sub) {
      case 'list':
        return run.withProject((ctx) => {
          const cases = listCases(ctx.db);
          run.print(cases, () =>
            cases
              .map((c) => {
                const attrs = Object.entries(c.attributes).map(([k, v]) => `${k}=${v.join(';')}`);
                return `${c.name}${c.description ? ` — ${c.description}` : ''}${attrs.length ? `\n    ${attrs.join(', ')}` : ''}`;
              })
              .join('\n'),
          );
        });
      case 'create':
        return run.withProjectAs((ctx) => {
          const c = createCase(ctx, { name: run.arg(1, 'NOM / NAME'), description: this.values.description ?? '' });
          run.print(c, () => this.say('cli.caseCreated', { name: c.name, id: c.id }));
        });
      case 'set':
        return run.withProjectAs((ctx) => {
          const c = resolveCase(ctx.db, run.arg(1, 'CAS / CASE'));
          const assignments = run.args.slice(2);
          if (assignments.length === 0) throw new UsageError(this.say('cli.missing', { what: 'ATTRIBUT=VALEUR' }));
          const type = this.values.type ?? 'text';
          if (!(ATTRIBUTE_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type ${type}`);
          ctx.db.transaction(() => {
            for (const a of assignments) {
              const eq = a.indexOf('=');
              if (eq <= 0) throw new UsageError(a);
              const name = a.slice(0, eq).trim();
              const values = a.slice(eq + 1).split(';').map((v) => v.trim()).filter(Boolean);
              if (!findAttribute(ctx.db, 'case', name)) {
                defineAttribute(ctx, { name, type: type as AttributeType, multi: values.length > 1 });
              }
              setAttributeValues(ctx, { caseId: c.id }, name, values);
              if (!this.values.json) this.io.out(this.say('cli.attributeSet', { case: c.name, name, values: values.join('; ') }));
            }
          })();
          if (this.values.json) this.io.out(JSON.stringify(resolveCase(ctx.db, c.name), null, 2));
        });
      case 'link':
        return run.withProjectAs((ctx) => {
          const c = resolveCase(ctx.db, run.arg(1, 'CAS / CASE'));
          const refs = run.args.slice(2);
          if (refs.length === 0) throw new UsageError(this.say('cli.missing', { what: 'SOURCE' }));
          ctx.db.transaction(() => {
            for (const ref of refs) {
              const s = resolveSource(ctx.db, ref);
              linkSource(ctx, c.id, s.id);
              if (!this.values.json) this.io.out(this.say('cli.linked', { source: s.name, case: c.name }));
            }
          })();
        });
      default:
        throw new UsageError(this.say('cli.unknownCommand', { name: `case ${sub ?? ''}` }));
    }
  }

  private codebook(): void {
    const sub = this.args[0];
    const run = new CommandRun(this.io, this.values, this.args.slice(1), this.say, this.lang);
    switch (sub) {
      case 'list':
        return run.withProject((ctx) => {
          const codes = listCodes(ctx.db);
          const byId = new Map(codes.map((c) => [c.id, c]));
          run.print(codes, () =>
            codes
              .slice()
              .sort((a, b) => codePath(byId, a.id).join('\u0000').localeCompare(codePath(byId, b.id).join('\u0000')))
              .map((c) => {
                const depth = codePath(byId, c.id).length - 1;
                return `${'  '.repeat(depth)}${c.abbrev ? `[${c.abbrev}] ` : ''}${c.name} (${c.codingCount})`;
              })
              .join('\n'),
          );
        });
      case 'add':
        return run.withProjectAs((ctx) => {
          const parentId = this.values.parent ? resolveCode(ctx.db, this.values.parent).id : null;
          const code = addCode(ctx, {
            name: run.arg(1, 'NOM / NAME'),
            parentId,
            ...(this.values.abbrev ? { abbrev: this.values.abbrev } : {}),
            ...(this.values.color ? { color: this.values.color } : {}),
            ...(this.values.definition ? { definition: this.values.definition } : {}),
            codable: !this.values['not-codable'],
          });
          const byId = new Map(listCodes(ctx.db).map((c) => [c.id, c]));
          run.print(code, () => this.say('cli.codeAdded', { path: codePath(byId, code.id).join(' / ') }));
        });
      case 'import':
        return run.withProjectAs((ctx) => {
          const file = resolve(this.io.cwd, run.arg(1, 'FICHIER / FILE'));
          const format = extname(file).toLowerCase() === '.csv' ? 'csv' : 'json';
          const counts = importCodebook(ctx, format, readFileSync(file, 'utf8'));
          run.print(counts, () => this.say('cli.codebookImported', counts));
        });
      case 'export':
        return run.withProject((ctx) => {
          const format = this.values.format ?? (this.values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
          if (format !== 'json' && format !== 'csv') throw new UsageError(`--format ${format}`);
          const text = exportCodebook(ctx.db, format, this.lang);
          if (this.values.out) {
            const out = resolve(this.io.cwd, this.values.out);
            writeFileBeside(out, text);
            this.io.out(this.say('cli.written', { path: out }));
          } else {
            this.io.out(text);
          }
        });
      default:
        throw new UsageError(this.say('cli.unknownCommand', { name: `codebook ${sub ?? ''}` }));
    }
  }

  private code(): void {
    this.withProjectAs((ctx) => {
      const source = resolveSource(ctx.db, this.arg(1, 'SOURCE'));
      const code = resolveCode(ctx.db, this.arg(2, 'CODE'));
      const text = getSourceText(ctx.db, source.id);
      let range: { start: number; end: number };
      if (this.values.text !== undefined) {
        if (this.values.start !== undefined || this.values.end !== undefined) throw new UsageError('--text + --start/--end');
        range = locatePassage(text, this.values.text, source.name, intOption(this.values.occurrence, '--occurrence'));
      } else {
        const start = intOption(this.values.start, '--start');
        const end = intOption(this.values.end, '--end');
        if (start === undefined || end === undefined) throw new UsageError(this.say('cli.missing', { what: '--start/--end | --text' }));
        range = { start, end };
      }
      const valence = this.values.valence;
      if (valence !== undefined && valence !== '+' && valence !== '-') throw new UsageError(`--valence ${valence}`);
      const segment = this.values.segment;
      if (segment !== undefined && !(SEGMENT_KINDS as readonly string[]).includes(segment)) throw new UsageError(`--segment ${segment}`);
      const coding = addCoding(ctx, {
        sourceId: source.id,
        codeId: code.id,
        ...range,
        valence: (valence as Valence | undefined) ?? null,
        ...(segment ? { segmentKind: segment as SegmentKind } : {}),
        memo: this.values.memo ?? null,
      });
      const excerpt = Array.from(text).slice(coding.start, coding.end).join('');
      this.print(coding, () =>
        this.say('cli.coded', {
          code: code.abbrev ?? code.name,
          text: excerpt.length > 70 ? `${excerpt.slice(0, 67)}…` : excerpt,
          source: source.name,
          start: coding.start,
          end: coding.end,
        }),
      );
    });
  }

  private codings(): void {
    this.withProject((ctx) => {
      const codeId = this.values.code ? resolveCode(ctx.db, this.values.code).id : undefined;
      const sourceIds = this.values.source ? [resolveSource(ctx.db, this.values.source).id] : undefined;
      let attribute: { name: string; values: string[] } | undefined;
      if (this.values.attribute) {
        const eq = this.values.attribute.indexOf('=');
        if (eq <= 0) throw new UsageError(`--attribute ${this.values.attribute}`);
        attribute = {
          name: this.values.attribute.slice(0, eq).trim(),
          values: this.values.attribute.slice(eq + 1).split(';').map((v) => v.trim()),
        };
      }
      const excerpts = retrieveExcerpts(ctx.db, {
        ...(codeId !== undefined ? { codeId } : {}),
        includeSubcodes: !!this.values.subcodes,
        ...(sourceIds ? { sourceIds } : {}),
        ...(this.values.kind ? { sourceKinds: this.values.kind.map((k) => this.kind(k)) } : {}),
        ...(this.values.coder ? { coderIds: [requireCoder(ctx.db, this.values.coder).id] } : {}),
        ...(attribute ? { caseAttribute: attribute } : {}),
      });
      this.print(excerpts, () =>
        excerpts.length === 0
          ? this.say('cli.noResults')
          : [
              this.say('cli.excerpts', { count: excerpts.length }),
              ...excerpts.map(
                (x) =>
                  `— ${x.codeName} · ${x.sourceName} [${x.start}–${x.end}] · ${x.coderName}` +
                  (x.caseNames.length ? ` · ${x.caseNames.join(', ')}` : '') +
                  (x.valence ? ` · ${x.valence}` : '') +
                  `\n  « ${x.text.replace(/\n/g, ' ')} »` +
                  (x.memo ? `\n  mémo : ${x.memo}` : ''),
              ),
            ].join('\n'),
      );
    });
  }

  private search(): void {
    // Usage is checked before the project is opened: a bad command line never touches it.
    const query = this.args.slice(1).join(' ');
    if (this.args.length > 0 && !query.trim()) throw new UsageError(this.say('cli.missingQuery'));
    const limit = intOption(this.values.limit, '--limit') ?? 50;
    if (limit < 1) throw new UsageError(`--limit ${limit}`);
    const sourceKinds = this.values.kind?.map((k) => this.kind(k));
    this.withProject((ctx) => {
      const result = searchSources(ctx.db, query, { limit, ...(sourceKinds ? { sourceKinds } : {}) });
      const sources = this.sayN('cli.sourceCount', result.sourceCount);
      this.print(result, () =>
        [
          result.truncated
            ? this.say('cli.hitsLimited', { shown: this.sayN('cli.hitsShown', result.hits.length), limit, sources })
            : result.hits.length === 0
              ? this.say('cli.noResults')
              : this.say('cli.hits', { hits: this.sayN('cli.hitCount', result.hits.length), sources }),
          ...result.hits.map(
            (h) =>
              `— ${h.sourceName} [${h.start}–${h.end}]  ${h.snippet.slice(0, h.snippetStart)}[${h.snippet.slice(
                h.snippetStart,
                h.snippetEnd,
              )}]${h.snippet.slice(h.snippetEnd)}`,
          ),
        ].join('\n'),
      );
    });
  }
}

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name} ${value}`);
  return Number(value);
}
