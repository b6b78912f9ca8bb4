// Code suggestions on the grown bench project (bench/codings.ts: 100,000 codings of 60 codes):
// learning from every coding once, then a suggestion for a turn as the transcript asks for it,
// and the first suggestion after a new coding (the model brought up to date by that coding only).
import { performance } from 'node:perf_hooks';
import { addCode } from '../service/codebook.ts';
import { addCoding } from '../service/codings.ts';
import type { ProjectContext } from '../service/context.ts';
import { suggestCodes, type PassageSuggestions } from '../service/suggest.ts';
import { suggestionModel } from '../service/suggest-model.ts';
import { median, type Report } from './figure.ts';

const TURNS = 200;

export function suggestFigures(report: Report, ctx: ProjectContext): void {
  let t = performance.now();
  const model = suggestionModel(ctx.db);
  const trainMs = performance.now() - t;
  const codings = (ctx.db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
  report.expect(model.size >= codings, `the model learnt from ${model.size} examples, fewer than the ${codings} codings`);
  report.add({ name: `learn from every coding (${codings.toLocaleString('en')}), once per session`, value: trainMs / 1000, unit: 's', target: { below: 30 } });

  const sources = ctx.db.prepare('SELECT id FROM sources ORDER BY id').all() as { id: number }[];
  const times: number[] = [];
  let suggested = 0;
  for (let i = 0; i < TURNS; i++) {
    const sourceId = sources[i % sources.length]!.id;
    t = performance.now();
    const s = suggestCodes(ctx.db, { sourceId, turn: 2 + Math.floor(i / sources.length) });
    times.push(performance.now() - t);
    checkSane(report, s);
    if (s.suggestions.length > 0) suggested++;
  }
  report.expect(suggested > TURNS / 2, `only ${suggested} of ${TURNS} turns got a suggestion`);
  report.add({
    name: `suggest codes for a turn (${codings.toLocaleString('en')} codings), median`,
    value: median(times),
    unit: 'ms',
    target: { below: 50 },
    note: `slowest ${Math.max(...times).toFixed(1)} ms`,
  });

  // A code learnt from one new coding of one word: the next suggestion for that word elsewhere
  // (another source) must put it first, so the update is checked, not only timed.
  const code = addCode(ctx, { name: 'Code appris à l’instant' });
  const text = ctx.db.prepare('SELECT text FROM sources WHERE id = ?').get(sources[0]!.id) as { text: string };
  const word = /[\p{L}]{6,}/u.exec(text.text.slice(2000))!;
  const start = [...text.text.slice(0, 2000 + word.index)].length;
  addCoding(ctx, { sourceId: sources[0]!.id, codeId: code.id, start, end: start + [...word[0]].length });
  const other = ctx.db.prepare('SELECT text FROM sources WHERE id = ?').get(sources[1]!.id) as { text: string };
  const elsewhere = [...other.text.slice(0, other.text.indexOf(word[0]))].length;
  report.expect(elsewhere >= 0 && other.text.includes(word[0]), `"${word[0]}" is not in the second source`);
  t = performance.now();
  const after = suggestCodes(ctx.db, { sourceId: sources[1]!.id, start: elsewhere, end: elsewhere + [...word[0]].length });
  const afterMs = performance.now() - t;
  report.expect(after.suggestions[0]?.codeId === code.id, `the new coding's code is not suggested first for its word "${word[0]}"`);
  report.add({ name: 'the first suggestion after a new coding (model updated)', value: afterMs, unit: 'ms', target: { below: 200 } });
}

/** Best first, scores of a cosine, at most the 5 asked for, each with its words. */
function checkSane(report: Report, s: PassageSuggestions): void {
  const scores = s.suggestions.map((x) => x.score);
  report.expect(scores.length <= 5, `${scores.length} suggestions, 5 asked for`);
  report.expect(
    scores.every((x, i) => x > 0 && x <= 1 + 1e-9 && (i === 0 || x <= scores[i - 1]!)),
    `scores not in (0, 1] best first: ${scores.join(', ')}`,
  );
  report.expect(
    s.suggestions.every((x) => x.words.length > 0),
    'a suggestion without the words it rests on',
  );
}
