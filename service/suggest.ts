// Code suggestions for a passage, a turn, or the uncoded passages of a source: the codebook's codes
// ranked by the project's own codings and the codes' definitions (analysis/suggest/rank.ts), each
// with the words and the excerpts it rests on, and, when there is little or nothing to suggest, why.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Coding } from '../model/types.ts';
import { countsFor, isUncoded, type CodedRange } from '../analysis/suggest/passage-codes.ts';
import { rankCodes, type RankedCode } from '../analysis/suggest/rank.ts';
import type { TrainingSet } from '../analysis/suggest/training.ts';
import { OffsetIndex } from '../text/offsets.ts';
import { passagesOf, type Passage } from '../text/passages.ts';
import { termsOf } from '../text/terms.ts';
import { stopWordShares, wordsOfTerms } from '../text/term-words.ts';
import { TEXT_LANGUAGES, wordFormsOf, type TextLanguage, type WordForms } from '../text/word-forms.ts';
import { addCoding } from './codings.ts';
import type { ProjectContext } from './context.ts';
import { dismissalsOf, dismissedFor, type PassageCode } from './suggest-dismissals.ts';
import { suggestionModel } from './suggest-model.ts';
import { parseStructure } from './structure.ts';
import { projectWordForms } from './text-language.ts';

interface SuggestionExample {
  codingId: number;
  sourceId: number;
  sourceName: string;
  start: number;
  end: number;
  /** The excerpt's first words. */
  text: string;
}

export interface SuggestedCode {
  codeId: number;
  name: string;
  abbrev: string | null;
  color: string;
  /** Cosine similarity to the code's examples, 0 to 1. */
  score: number;
  /** The passage's words that weigh most for this code, as written in it. */
  words: string[];
  examples: SuggestionExample[];
  /** How many codings the code has learnt from. */
  codings: number;
}

/** Why there is nothing, or little, to suggest; worded by the front end (i18n/ui-suggest.ts). */
export type SuggestNote =
  | { kind: 'noCodings'; definitions: number }
  | { kind: 'emptyPassage' }
  | { kind: 'otherLanguage'; language: TextLanguage; projectLanguage: TextLanguage }
  | { kind: 'noSharedWords' }
  | { kind: 'allCoded' }
  | { kind: 'fewExamples'; code: string; codings: number };

export interface PassageSuggestions {
  sourceId: number;
  start: number;
  end: number;
  /** 1-based turn number when the passage is a turn. */
  turn: number | null;
  speaker: string | null;
  suggestions: SuggestedCode[];
  notes: SuggestNote[];
}

export interface SourceSuggestions {
  sourceId: number;
  /** The source's passages (turns, else paragraphs) that no coding counts for. */
  uncoded: number;
  /** Those with at least one suggestion, in text order. */
  passages: PassageSuggestions[];
  notes: SuggestNote[];
}

/** Where to suggest: a range, or a turn (1-based) of a source with turns, or its paragraph of that number. */
export type SuggestTarget = { sourceId: number; limit?: number } & ({ start: number; end: number } | { turn: number });

const DEFAULT_LIMIT = 5;
const EXAMPLE_CHARS = 240;
const EXAMPLES_SHOWN = 3;

interface SourceRow {
  id: number;
  name: string;
  text: string;
  structure: string;
}

function sourceOf(db: Db, sourceId: number): SourceRow {
  const row = stmt(db, 'SELECT id, name, text, structure FROM sources WHERE id = ?').get(sourceId) as SourceRow | undefined;
  if (!row) throw new TresseError('source.notFound', { ref: String(sourceId) });
  return row;
}

/** The source's codings, or those overlapping one passage (a long interview may hold thousands). */
function codingsOf(db: Db, sourceId: number, within?: { start: number; end: number }): CodedRange[] {
  if (!within) return stmt(db, 'SELECT code_id AS codeId, start, end FROM codings WHERE source_id = ?').all(sourceId) as CodedRange[];
  return stmt(db, 'SELECT code_id AS codeId, start, end FROM codings WHERE source_id = ? AND start < ? AND end > ?').all(
    sourceId,
    within.end,
    within.start,
  ) as CodedRange[];
}

/** Suggestions for one passage: a selection, or a turn. */
export function suggestCodes(db: Db, target: SuggestTarget): PassageSuggestions {
  const source = sourceOf(db, target.sourceId);
  const index = new OffsetIndex(source.text);
  let passage: Passage;
  if ('turn' in target) {
    const found = passagesOf(source.text, parseStructure(source.structure))[target.turn - 1];
    if (!found) throw new TresseError('suggest.noTurn', { turn: target.turn, source: source.name });
    passage = found;
  } else {
    const { start, end } = target;
    if (start < 0 || end <= start || end > index.codePointLength) throw new TresseError('coding.range', { start, end, length: index.codePointLength });
    passage = { start, end, turn: null, speaker: null };
  }
  const session = new Session(db, source, index, passage);
  return session.suggest(passage, target.limit ?? DEFAULT_LIMIT, true);
}

/** Suggestions for every passage of a source that nothing is coded in yet ("suggest for the uncoded turns"). */
export function suggestForSource(db: Db, sourceId: number, limit = 3): SourceSuggestions {
  const source = sourceOf(db, sourceId);
  const session = new Session(db, source, new OffsetIndex(source.text));
  const uncoded = passagesOf(source.text, parseStructure(source.structure)).filter((p) => isUncoded(p, session.codings));
  const passages = uncoded.map((p) => session.suggest(p, limit, false)).filter((p) => p.suggestions.length > 0);
  const notes = session.projectNotes();
  if (uncoded.length === 0) notes.push({ kind: 'allCoded' });
  const language = otherLanguage(source.text, session.forms);
  if (language) notes.push(language);
  if (uncoded.length > 0 && passages.length === 0 && notes.length === 0) notes.push({ kind: 'noSharedWords' });
  return { sourceId, uncoded: uncoded.length, passages, notes };
}

/** Codes the passage with the suggested code: a coding like any other (removeCoding undoes it). */
export function acceptSuggestion(ctx: ProjectContext, s: PassageCode): Coding {
  return addCoding(ctx, { sourceId: s.sourceId, codeId: s.codeId, start: s.start, end: s.end });
}

/** One source's suggestions: the model, its codings and dismissals, read once for all its passages. */
class Session {
  readonly model: TrainingSet;
  readonly forms: WordForms;
  readonly codings: CodedRange[];
  private readonly dismissals: PassageCode[];
  private readonly codes: Map<number, { name: string; abbrev: string | null; color: string; codable: number }>;

  constructor(
    private readonly db: Db,
    private readonly source: SourceRow,
    private readonly index: OffsetIndex,
    /** The one passage asked for, when it is one: only the codings over it are read. */
    within?: Passage,
  ) {
    this.model = suggestionModel(db);
    this.forms = projectWordForms(db);
    this.codings = codingsOf(db, source.id, within);
    this.dismissals = dismissalsOf(db, source.id);
    const rows = stmt(db, 'SELECT id, name, abbrev, color, codable FROM codes').all() as Array<{
      id: number;
      name: string;
      abbrev: string | null;
      color: string;
      codable: number;
    }>;
    this.codes = new Map(rows.map((r) => [r.id, r]));
  }

  suggest(p: Passage, limit: number, explainEmpty: boolean): PassageSuggestions {
    const text = this.source.text.slice(this.index.toUtf16(p.start), this.index.toUtf16(p.end));
    const terms = termsOf(text, this.forms);
    // Not the codes it already has, nor those dismissed for it.
    const skip = dismissedFor(this.dismissals, p.start, p.end);
    for (const k of this.codings) if (countsFor(k, p)) skip.add(k.codeId);
    for (const [id, c] of this.codes) if (c.codable !== 1) skip.add(id);
    const ranked = rankCodes(this.model, terms, { limit, skip });
    const words = wordsOfTerms(text, this.forms);
    const suggestions = ranked.map((r) => this.explain(r, words));
    const notes: SuggestNote[] = [];
    if (explainEmpty) {
      notes.push(...this.projectNotes());
      if (terms.length === 0) notes.push({ kind: 'emptyPassage' });
      else {
        const language = otherLanguage(text, this.forms);
        if (language) notes.push(language);
        else if (suggestions.length === 0 && this.model.size > 0) notes.push({ kind: 'noSharedWords' });
      }
    }
    for (const s of suggestions) if (s.codings <= 1) notes.push({ kind: 'fewExamples', code: s.name, codings: s.codings });
    return { sourceId: this.source.id, start: p.start, end: p.end, turn: p.turn, speaker: p.speaker, suggestions, notes };
  }

  /** What the whole project lacks: no codings at all means suggestions rest on definitions alone. */
  projectNotes(): SuggestNote[] {
    let codings = 0;
    let definitions = 0;
    for (const id of this.model.codeIds()) {
      const t = this.model.totals(id)!;
      codings += t.codings;
      if (t.examples > t.codings) definitions++;
    }
    return codings === 0 ? [{ kind: 'noCodings', definitions }] : [];
  }

  private explain(r: RankedCode, words: Map<string, string>): SuggestedCode {
    const code = this.codes.get(r.codeId)!;
    return {
      codeId: r.codeId,
      name: code.name,
      abbrev: code.abbrev,
      color: code.color,
      score: r.score,
      words: r.terms.map((t) => words.get(t) ?? t),
      examples: examplesOf(this.db, r.examples),
      codings: r.codings,
    };
  }
}

function examplesOf(db: Db, ids: readonly number[]): SuggestionExample[] {
  const read = stmt(
    db,
    `SELECT k.id AS codingId, k.source_id AS sourceId, s.name AS sourceName, k.start, k.end, substr(s.text, k.start + 1, min(k.end - k.start, ?)) AS text
     FROM codings k JOIN sources s ON s.id = k.source_id WHERE k.id = ?`,
  );
  const out: SuggestionExample[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (out.length === EXAMPLES_SHOWN) break;
    const row = read.get(EXAMPLE_CHARS + 1, id) as SuggestionExample | undefined;
    // Two coders' codings of one passage are one excerpt to read.
    const place = row && `${row.sourceId}:${row.start}:${row.end}`;
    if (!row || seen.has(place!)) continue;
    seen.add(place!);
    const long = row.end - row.start > EXAMPLE_CHARS;
    out.push({ ...row, text: long ? `${[...row.text].slice(0, EXAMPLE_CHARS).join('').trimEnd()}…` : row.text.trim() });
  }
  return out;
}

/** A passage of at least a dozen words whose stop words are mostly another language's. */
function otherLanguage(text: string, forms: WordForms): SuggestNote | null {
  const languages = TEXT_LANGUAGES;
  const { words, stops } = stopWordShares(text, languages.map(wordFormsOf));
  if (words < 12) return null;
  const own = stops[languages.indexOf(forms.language)]!;
  let best = -1;
  languages.forEach((l, i) => {
    if (l !== forms.language && stops[i]! > 2 * own + 2 && (best < 0 || stops[i]! > stops[best]!)) best = i;
  });
  return best < 0 ? null : { kind: 'otherLanguage', language: languages[best]!, projectLanguage: forms.language };
}
