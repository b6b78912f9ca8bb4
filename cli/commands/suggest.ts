// Code suggestions from the command line, through the contract:
//   tresse suggest PROJECT SOURCE [--turn N] [--json]   one turn's suggestions, or those of every uncoded passage
//   tresse suggest PROJECT --evaluate [--json]          leave-one-source-out precision against the baseline
import { translator, type Translate } from '../../i18n/catalogue.ts';
import { suggestNoteText } from '../../i18n/suggest-notes.ts';
import type { PassageSuggestions, SuggestionEvaluation, SuggestNote } from '../../service/contract/index.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

async function suggestCommand(run: CommandRun): Promise<void> {
  const t = translator(run.lang);
  if (run.values.evaluate) {
    const e = await run.withProject((api) => api.evaluateSuggestions());
    run.print(e, () => evaluationLines(t, run.lang, e).join('\n'));
    return;
  }
  const ref = run.arg(1, 'SOURCE');
  const turn = run.values.turn === undefined ? undefined : Number(run.values.turn.trim());
  if (turn !== undefined && (!Number.isInteger(turn) || turn < 1)) throw new UsageError(`--turn ${run.values.turn}`);
  const result = await run.withProject(async (api) => {
    const source = await api.findSource({ ref });
    if (turn !== undefined) return { source: source.name, one: await api.suggestCodes({ sourceId: source.id, turn }) };
    return { source: source.name, all: await api.suggestForSource({ sourceId: source.id }) };
  });
  if ('one' in result && result.one) {
    const one = result.one;
    run.print(one, () => [heading(t, result.source, one, turn), ...passageLines(t, one, run.lang)].join('\n'));
    return;
  }
  const all = result.all!;
  run.print(all, () =>
    [
      `${result.source} — ${t('suggest.sourceCount', { withSuggestions: all.passages.length, uncoded: all.uncoded })}`,
      ...notes(t, all.notes),
      ...all.passages.flatMap((p) => ['', heading(t, null, p), ...passageLines(t, p, run.lang)]),
    ].join('\n'),
  );
}

/** "Tour 4 (P5)"; a paragraph by the number asked for, else by its place. */
function heading(t: Translate, source: string | null, p: PassageSuggestions, asked?: number): string {
  const where =
    p.turn !== null
      ? t('suggest.forTurn', { turn: p.turn, speaker: p.speaker ?? '' })
      : asked !== undefined
        ? t('suggest.forParagraph', { n: asked })
        : `${p.start}–${p.end}`;
  return source ? `${source} — ${where}` : where;
}

function passageLines(t: Translate, p: PassageSuggestions, lang: string): string[] {
  const lines = p.suggestions.length === 0 ? [`  ${t('suggest.none')}`] : [];
  p.suggestions.forEach((s, i) => {
    lines.push(
      `  ${i + 1}. ${s.abbrev ? `${s.abbrev} ` : ''}${s.name}  (${t('suggest.score', { score: s.score.toLocaleString(lang, { maximumFractionDigits: 2 }) })})`,
    );
    if (s.words.length) lines.push(`     ${t('suggest.words', { words: s.words.join(', ') })}`);
    for (const x of s.examples) lines.push(`     « ${oneLine(x.text)} » — ${x.sourceName}`);
  });
  return [...lines, ...notes(t, p.notes)];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

function notes(t: Translate, list: readonly SuggestNote[]): string[] {
  return list.map((n) => `  ! ${suggestNoteText(t, n)}`);
}

function evaluationLines(t: Translate, lang: string, e: SuggestionEvaluation): string[] {
  if (e.passages === 0) return [t('suggest.evaluationNothing')];
  const pct = (x: number) => x.toLocaleString(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rows: Array<[string, string, string]> = [
    ['', 'P@1', 'P@3'],
    [t('suggest.evaluationModel'), pct(e.model.at1), pct(e.model.at3)],
    [t('suggest.evaluationBaseline'), pct(e.baseline.at1), pct(e.baseline.at3)],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = [
    t('suggest.evaluation', { sources: e.sources, passages: e.passages }),
    ...rows.map((r) => `  ${r[0].padEnd(width)}  ${r[1].padStart(7)}  ${r[2].padStart(7)}`),
  ];
  if (e.baseline.at3 > 0)
    lines.push(t('suggest.evaluationRatio', { ratio: `${(e.model.at3 / e.baseline.at3).toLocaleString(lang, { maximumFractionDigits: 2 })} ×` }));
  return lines;
}

export const suggestCommands = { suggest: suggestCommand };
