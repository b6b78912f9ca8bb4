// Passages like a coding or a selection, best first, with the words they share:
//   tresse similar PROJECT (--coding ID | --source S --start N --end N [--code CODE]) [--limit N] [--json]
import type { SimilarPassages } from '../../service/contract/index.ts';
import { UsageError } from '../io.ts';
import { intOption, type CommandRun } from '../run.ts';

async function similar(run: CommandRun): Promise<void> {
  // Usage is checked before the project is opened: a bad command line never touches it.
  const { values } = run;
  run.path(0);
  const codingId = intOption(values.coding, '--coding');
  const start = intOption(values.start, '--start');
  const end = intOption(values.end, '--end');
  const limit = intOption(values.limit, '--limit');
  if (limit !== undefined && limit < 1) throw new UsageError(`--limit ${limit}`);
  const selection = values.source !== undefined || start !== undefined || end !== undefined;
  if (codingId !== undefined && (selection || values.code !== undefined)) throw new UsageError('--coding + --source/--start/--end/--code');
  if (codingId === undefined && (values.source === undefined || start === undefined || end === undefined)) {
    throw new UsageError(run.say('cli.missing', { what: '--coding ID | --source S --start N --end N' }));
  }
  const result = await run.withProject(async (api) => {
    const bound = limit !== undefined ? { limit } : {};
    if (codingId !== undefined) return api.similarPassages({ codingId, ...bound });
    const sourceId = (await api.findSource({ ref: values.source! })).id;
    const codeId = values.code !== undefined ? (await api.findCode({ ref: values.code })).id : undefined;
    return api.similarPassages({ sourceId, start: start!, end: end!, ...(codeId !== undefined ? { codeId } : {}), ...bound });
  });
  run.print(result, () => similarText(run, result));
}

function similarText(run: CommandRun, r: SimilarPassages): string {
  const head = run.say('cli.similarQuery', { source: r.query.sourceName, start: r.query.start, end: r.query.end, words: r.query.words.join(', ') });
  if (r.nothing === 'onlyStopWords') return `${head}\n${run.say('cli.similarOnlyStopWords')}`;
  if (r.nothing === 'noSharedWords') return `${head}\n${run.say('cli.similarNone')}`;
  return [
    head,
    run.sayN('cli.similarCount', r.passages.length),
    ...r.passages.map((p, i) => {
      const where = p.turn !== null ? run.say('cli.similarTurn', { turn: p.turn, speaker: p.speaker ?? '' }) : '';
      return (
        `${String(i + 1).padStart(3)}. ${p.score.toFixed(2)}  ${p.sourceName} [${p.start}–${p.end}]${where ? ` ${where}` : ''}\n` +
        `     ${run.say('cli.similarShared', { words: p.words.join(', ') })}\n` +
        `     ${marked(p.snippet, p.marks)}`
      );
    }),
  ].join('\n');
}

/** The snippet with its shared words between brackets, as `search` marks its hits. */
function marked(snippet: string, marks: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const m of marks) {
    out += `${snippet.slice(at, m.start)}[${snippet.slice(m.start, m.end)}]`;
    at = m.end;
  }
  return out + snippet.slice(at);
}

export { similar };
