// The everyday commands: init, demo, import, sources, case, codebook, code, codings, search. Each
// parses its arguments, calls contract methods through the run's api, and prints the result.
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { TresseError, isTresseError } from '../../i18n/error.ts';
import { formatImportNote } from '../../i18n/import-notes.ts';
import { systemErrorOf } from '../../i18n/node-errors.ts';
import { ATTRIBUTE_TYPES, SEGMENT_KINDS, type AttributeType, type SegmentKind, type Valence } from '../../model/types.ts';
import { codePath } from '../../service/codebook.ts';
import { defaultCoderName } from '../../service/project.ts';
import { writeFileBeside } from '../../service/write-beside.ts';
import { CallError } from '../api.ts';
import { fileErrorOf, readUserFile } from '../files.ts';
import { UsageError } from '../io.ts';
import { intOption, type CommandRun } from '../run.ts';
import { quotation } from '../../analysis/quotes/quotation.ts';

async function init(run: CommandRun): Promise<void> {
  const path = run.path(0);
  const { values } = run;
  const info = await run.session((api) =>
    api.createProject({
      path,
      grid: values.grid ?? 'six-themes',
      ...(values.name ? { name: values.name } : {}),
      // At a terminal the account's name is the user's; --coder "" is refused like an empty name anywhere.
      coder: values.coder ?? defaultCoderName(),
    }),
  );
  run.print(info, () => run.say('cli.created', { path, grid: info.grid, coder: info.coder.name }));
}

async function demo(run: CommandRun): Promise<void> {
  const path = run.path(0);
  const info = await run.session((api) => api.createDemoProject({ path }));
  run.print(info, () => run.say('cli.demoCreated', { path, sources: info.counts.sources, codings: info.counts.codings }));
}

/** One file's refusal, worded for the user: the service's, a file's, or the project file's. */
function refusalText(run: CommandRun, e: unknown, file: string): string {
  if (e instanceof CallError) return e.message;
  const user = isTresseError(e) ? e : (fileErrorOf(e, file) ?? systemErrorOf(e, run.path(0)));
  return user ? user.format(run.lang) : run.say('cli.internal', { message: (e as Error).stack ?? String(e) });
}

async function importFiles(run: CommandRun): Promise<void> {
  const { values } = run;
  const files = run.args.slice(1);
  if (files.length === 0) throw new UsageError(run.say('cli.missing', { what: 'FICHIER / FILE' }));
  // A REFI-QDA project is a whole project, not a source: it has its own command.
  if (files.length === 1 && /\.qdpx$/i.test(files[0]!)) {
    const { loadCommand } = await import('./index.ts');
    return (await loadCommand('import-qdpx'))!(run);
  }
  const kindArg = values.kind?.[0];
  if (!kindArg) throw new UsageError(run.say('cli.missing', { what: '--kind' }));
  const kind = run.kind(kindArg);
  if (values.name && files.length > 1) throw new UsageError('--name + ' + files.length);
  let failures = 0;
  const results = await run.withProjectAs(async (api) => {
    const caseIds = values.case ? [(await api.findCase({ ref: values.case })).id] : [];
    const out = [];
    for (const file of files) {
      const full = resolve(run.io.cwd, file);
      try {
        const r = await api.importSource({
          fileName: basename(full),
          bytes: readUserFile(full),
          kind,
          caseIds,
          ...(values.name ? { name: values.name } : {}),
          ...(values['turn-pattern'] ? { turnPatterns: values['turn-pattern'] } : {}),
        });
        out.push(r);
        if (!values.json) {
          run.io.out(run.say('cli.imported', { name: r.source.name, id: r.source.id, length: r.source.length }));
          for (const note of r.notes) run.io.out(`  ${formatImportNote(note, run.lang)}`);
        }
      } catch (e) {
        failures++;
        run.io.err(run.say('cli.importFailed', { file, message: refusalText(run, e, full) }));
      }
    }
    return out;
  });
  // Notes are printed as sentences in the user's language, as in the text output.
  const worded = results.map((r) => ({ ...r, notes: r.notes.map((n) => formatImportNote(n, run.lang)) }));
  if (values.json) run.io.out(JSON.stringify(worded, null, 2));
  if (failures === 1) throw new TresseError('import.failedOne', { total: files.length });
  if (failures > 1) throw new TresseError('import.failedMany', { failed: failures, total: files.length });
}

async function sources(run: CommandRun): Promise<void> {
  const [list, cases] = await run.withProject(async (api) => [await api.listSources(), await api.listCases()] as const);
  const names = new Map(cases.map((c) => [c.id, c.name]));
  run.print(list, () =>
    list.length === 0
      ? run.say('cli.noSources')
      : list
          .map(
            (s) =>
              `${String(s.id).padStart(4)}  ${run.say(`cli.kind.${s.kind}`).padEnd(11)} ${s.name}  [${run.say('cli.sourceSize', {
                length: s.length,
                codings: run.sayN('cli.codingCount', s.codingCount),
              })}]` +
              (s.caseIds.length ? `  ${run.sayN('cli.sourceCases', s.caseIds.length, { cases: s.caseIds.map((id) => names.get(id)).join(', ') })}` : ''),
          )
          .join('\n'),
  );
}

/** ATTRIBUTE=V1;V2 as typed after `case set`. */
function assignment(text: string): { name: string; values: string[] } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(text);
  return {
    name: text.slice(0, eq).trim(),
    values: text
      .slice(eq + 1)
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean),
  };
}

async function caseCommand(parent: CommandRun): Promise<void> {
  const sub = parent.args[0];
  const run = parent.sub();
  const { values } = run;
  switch (sub) {
    case 'list': {
      const cases = await run.withProject((api) => api.listCases());
      return run.print(cases, () =>
        cases
          .map((c) => {
            const attrs = Object.entries(c.attributes).map(([k, v]) => `${k}=${v.join(';')}`);
            return `${c.name}${c.description ? ` — ${c.description}` : ''}${attrs.length ? `\n    ${attrs.join(', ')}` : ''}`;
          })
          .join('\n'),
      );
    }
    case 'create': {
      const name = run.arg(1, 'NOM / NAME');
      const c = await run.withProjectAs((api) => api.createCase({ name, description: values.description ?? '' }));
      return run.print(c, () => run.say('cli.caseCreated', { name: c.name, id: c.id }));
    }
    case 'set': {
      const ref = run.arg(1, 'CAS / CASE');
      const assignments = run.args.slice(2);
      if (assignments.length === 0) throw new UsageError(run.say('cli.missing', { what: 'ATTRIBUT=VALEUR' }));
      const type = values.type ?? 'text';
      if (!(ATTRIBUTE_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type ${type}`);
      const entries = assignments.map(assignment);
      const c = await run.withProjectAs(async (api) => {
        const found = await api.findCase({ ref });
        return api.setCaseAttributes({ caseId: found.id, type: type as AttributeType, values: entries });
      });
      if (values.json) return run.io.out(JSON.stringify(c, null, 2));
      for (const { name, values: vs } of entries) run.io.out(run.say('cli.attributeSet', { case: c.name, name, values: vs.join('; ') }));
      return;
    }
    case 'link': {
      const ref = run.arg(1, 'CAS / CASE');
      const refs = run.args.slice(2);
      if (refs.length === 0) throw new UsageError(run.say('cli.missing', { what: 'SOURCE' }));
      return run.withProjectAs(async (api) => {
        const c = await api.findCase({ ref });
        // Every source is found before the first link: a mistyped one links nothing.
        const found = [];
        for (const r of refs) found.push(await api.findSource({ ref: r }));
        for (const s of found) {
          await api.linkSource({ caseId: c.id, sourceId: s.id });
          if (!values.json) run.io.out(run.say('cli.linked', { source: s.name, case: c.name }));
        }
      });
    }
    default:
      throw new UsageError(run.say('cli.unknownCommand', { name: `case ${sub ?? ''}` }));
  }
}

async function codebook(parent: CommandRun): Promise<void> {
  const sub = parent.args[0];
  const run = parent.sub();
  const { values } = run;
  switch (sub) {
    case 'list': {
      const codes = await run.withProject((api) => api.listCodes());
      const byId = new Map(codes.map((c) => [c.id, c]));
      return run.print(codes, () =>
        codes
          .slice()
          .sort((a, b) => codePath(byId, a.id).join('\u0000').localeCompare(codePath(byId, b.id).join('\u0000')))
          .map((c) => `${'  '.repeat(codePath(byId, c.id).length - 1)}${c.abbrev ? `[${c.abbrev}] ` : ''}${c.name} (${c.codingCount})`)
          .join('\n'),
      );
    }
    case 'add': {
      const name = run.arg(1, 'NOM / NAME');
      const { code, codes } = await run.withProjectAs(async (api) => {
        const parentId = values.parent ? (await api.findCode({ ref: values.parent })).id : null;
        const code = await api.addCode({
          name,
          parentId,
          ...(values.abbrev ? { abbrev: values.abbrev } : {}),
          ...(values.color ? { color: values.color } : {}),
          ...(values.definition ? { definition: values.definition } : {}),
          codable: !values['not-codable'],
        });
        return { code, codes: await api.listCodes() };
      });
      const byId = new Map(codes.map((c) => [c.id, c]));
      return run.print(code, () => run.say('cli.codeAdded', { path: codePath(byId, code.id).join(' / ') }));
    }
    case 'import': {
      const file = resolve(run.io.cwd, run.arg(1, 'FICHIER / FILE'));
      const format = extname(file).toLowerCase() === '.csv' ? 'csv' : 'json';
      const text = readFileSync(file, 'utf8');
      const counts = await run.withProjectAs((api) => api.importCodebook({ format, text }));
      return run.print(counts, () => run.say('cli.codebookImported', counts));
    }
    case 'export': {
      const format = values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
      if (format !== 'json' && format !== 'csv') throw new UsageError(`--format ${format}`);
      const text = await run.withProject((api) => api.exportCodebook({ format }));
      if (!values.out) return run.io.out(text);
      const out = resolve(run.io.cwd, values.out);
      writeFileBeside(out, text);
      return run.io.out(run.say('cli.written', { path: out }));
    }
    default:
      throw new UsageError(run.say('cli.unknownCommand', { name: `codebook ${sub ?? ''}` }));
  }
}

async function code(run: CommandRun): Promise<void> {
  const { values } = run;
  const sourceRef = run.arg(1, 'SOURCE');
  const codeRef = run.arg(2, 'CODE');
  let range: { start: number; end: number } | undefined;
  const occurrence = intOption(values.occurrence, '--occurrence');
  if (values.text !== undefined) {
    if (values.start !== undefined || values.end !== undefined) throw new UsageError('--text + --start/--end');
  } else {
    const start = intOption(values.start, '--start');
    const end = intOption(values.end, '--end');
    if (start === undefined || end === undefined) throw new UsageError(run.say('cli.missing', { what: '--start/--end | --text' }));
    range = { start, end };
  }
  const valence = values.valence;
  if (valence !== undefined && valence !== '+' && valence !== '-') throw new UsageError(`--valence ${valence}`);
  const segment = values.segment;
  if (segment !== undefined && !(SEGMENT_KINDS as readonly string[]).includes(segment)) throw new UsageError(`--segment ${segment}`);
  const { coding, source, code, text } = await run.withProjectAs(async (api) => {
    const found = await api.findSource({ ref: sourceRef });
    const code = await api.findCode({ ref: codeRef });
    const where = range ?? (await api.locatePassage({ sourceId: found.id, text: values.text!, ...(occurrence !== undefined ? { occurrence } : {}) }));
    const input = {
      sourceId: found.id,
      codeId: code.id,
      ...where,
      valence: (valence as Valence | undefined) ?? null,
      ...(segment ? { segmentKind: segment as SegmentKind } : {}),
      memo: values.memo ?? null,
    };
    // --extend answers the offer a passage overlapping one's own coding of that code gets.
    const coding = values.extend ? (await api.extendCoding(input)).coding : await api.addCoding(input);
    const source = await api.getSource({ id: found.id });
    return { coding, source, code, text: source.text };
  });
  const excerpt = Array.from(text).slice(coding.start, coding.end).join('');
  run.print(coding, () =>
    run.say('cli.coded', {
      code: code.abbrev ?? code.name,
      text: excerpt.length > 70 ? `${excerpt.slice(0, 67)}…` : excerpt,
      source: source.name,
      start: coding.start,
      end: coding.end,
    }),
  );
}

async function codings(run: CommandRun): Promise<void> {
  const { values } = run;
  let attribute: { name: string; values: string[] } | undefined;
  const raw = values.attribute?.at(-1);
  if (raw) {
    const eq = raw.indexOf('=');
    if (eq <= 0) throw new UsageError(`--attribute ${raw}`);
    attribute = {
      name: raw.slice(0, eq).trim(),
      values: raw
        .slice(eq + 1)
        .split(';')
        .map((v) => v.trim()),
    };
  }
  const sourceKinds = values.kind?.map((k) => run.kind(k));
  const excerpts = await run.withProject(async (api) => {
    const codeId = values.code ? (await api.findCode({ ref: values.code })).id : undefined;
    const sourceIds = values.source ? [(await api.findSource({ ref: values.source })).id] : undefined;
    const coderIds = values.coder ? [(await api.findCoder({ name: values.coder })).id] : undefined;
    const sourceSetId = values['source-set'] ? (await api.findSet({ ref: values['source-set'], kind: 'sources' })).id : undefined;
    const codeSetId = values['code-set'] ? (await api.findSet({ ref: values['code-set'], kind: 'codes' })).id : undefined;
    return api.retrieve({
      ...(codeId !== undefined ? { codeId } : {}),
      includeSubcodes: !!values.subcodes,
      ...(sourceIds ? { sourceIds } : {}),
      ...(sourceKinds ? { sourceKinds } : {}),
      ...(coderIds ? { coderIds } : {}),
      ...(sourceSetId !== undefined ? { sourceSetId } : {}),
      ...(codeSetId !== undefined ? { codeSetId } : {}),
      ...(attribute ? { caseAttribute: attribute } : {}),
    });
  });
  run.print(excerpts, () =>
    excerpts.length === 0
      ? run.say('cli.noResults')
      : [
          run.say('cli.excerpts', { count: excerpts.length }),
          ...excerpts.map(
            (x) =>
              `— ${x.codeName} · ${x.citation} · ${x.coderName}` +
              (x.valence ? ` · ${x.valence}` : '') +
              `\n  ${quotation(x.text, run.lang, x.place, x.segmentKind === 'verbatim')}` +
              (x.memo ? `\n  mémo : ${x.memo}` : ''),
          ),
        ].join('\n'),
  );
}

async function search(run: CommandRun): Promise<void> {
  // Usage is checked before the project is opened: a bad command line never touches it.
  const query = run.args.slice(1).join(' ');
  if (run.args.length > 0 && !query.trim()) throw new UsageError(run.say('cli.missingQuery'));
  const limit = intOption(run.values.limit, '--limit') ?? 50;
  if (limit < 1) throw new UsageError(`--limit ${limit}`);
  const sourceKinds = run.values.kind?.map((k) => run.kind(k));
  const result = await run.withProject((api) => api.search({ query, limit, ...(sourceKinds ? { sourceKinds } : {}) }));
  const counted = run.sayN('cli.sourceCount', result.sourceCount);
  if (result.onlyCommonWords) {
    run.print(result, () => run.say('cli.onlyCommon', { words: (result.commonWords ?? []).join(' ') }));
    return;
  }
  run.print(result, () =>
    [
      result.truncated
        ? run.say('cli.hitsLimited', { shown: run.sayN('cli.hitsShown', result.hits.length), limit, sources: counted })
        : result.hits.length === 0
          ? run.say('cli.noResults')
          : run.say('cli.hits', { hits: run.sayN('cli.hitCount', result.hits.length), sources: counted }),
      ...(result.commonWords ? [run.say('cli.commonLeftOut', { words: result.commonWords.join(', ') })] : []),
      ...result.hits.map(
        (h) =>
          `— ${h.sourceName} [${h.start}–${h.end}]  ${h.snippet.slice(0, h.snippetStart)}[${h.snippet.slice(h.snippetStart, h.snippetEnd)}]${h.snippet.slice(h.snippetEnd)}`,
      ),
    ].join('\n'),
  );
}

export const coreCommands: Record<string, (run: CommandRun) => Promise<void>> = {
  init,
  demo,
  import: importFiles,
  sources,
  case: caseCommand,
  codebook,
  code,
  codings,
  search,
};
