// The project's suggestion model (analysis/suggest/training.ts), kept with the open connection and
// brought up to date before each use: only codings added, moved or removed since, and codes whose
// definition changed, are read and tokenised again. Nothing leaves the machine; nothing is stored.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TrainingSet } from '../analysis/suggest/training.ts';
import type { TextLanguage } from '../text/word-forms.ts';
import { OffsetIndex } from '../text/offsets.ts';
import { termsOf } from '../text/terms.ts';
import { projectWordForms } from './text-language.ts';

interface Cached {
  set: TrainingSet;
  language: TextLanguage;
  /** What each example was built from (coding: code, source, range, text hash; code: its fields). */
  keys: Map<number, string>;
  /** The connection's total changes and the file's data version when last brought up to date. */
  seen: string;
}

const models = new WeakMap<Db, Cached>();

interface CodingRow {
  id: number;
  codeId: number;
  sourceId: number;
  start: number;
  end: number;
  hash: string;
}

interface CodeRow {
  id: number;
  name: string;
  definition: string;
  inclusion: string;
  example: string;
}

/** The codes' own words: name, definition, inclusion criteria and example (exclusion says what they are not). */
export const definitionText = (c: CodeRow): string => [c.name, c.definition, c.inclusion, c.example].join('\n');

/** The model over every coding and codable code's definition, up to date with the project. */
export function suggestionModel(db: Db): TrainingSet {
  const forms = projectWordForms(db);
  let cached = models.get(db);
  if (!cached || cached.language !== forms.language) {
    cached = { set: new TrainingSet(), language: forms.language, keys: new Map(), seen: '' };
    models.set(db, cached);
  }
  // Nothing written by this connection or another since the last time: nothing to read.
  const seen = changeMark(db);
  if (seen === cached.seen) return cached.set;
  const { set, keys } = cached;
  const wanted = new Map<number, string>();

  const codes = stmt(db, 'SELECT id, name, definition, inclusion, example FROM codes WHERE codable = 1').all() as CodeRow[];
  const changedCodes: CodeRow[] = [];
  for (const c of codes) {
    const key = `d${definitionText(c)}`;
    wanted.set(-c.id, key);
    if (keys.get(-c.id) !== key) changedCodes.push(c);
  }
  const codings = stmt(
    db,
    `SELECT k.id, k.code_id AS codeId, k.source_id AS sourceId, k.start, k.end, s.text_hash AS hash
     FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id WHERE c.codable = 1`,
  ).all() as CodingRow[];
  const changed = new Map<number, CodingRow[]>();
  for (const k of codings) {
    const key = `${k.codeId}:${k.sourceId}:${k.start}:${k.end}:${k.hash}`;
    wanted.set(k.id, key);
    if (keys.get(k.id) === key) continue;
    const list = changed.get(k.sourceId);
    if (list) list.push(k);
    else changed.set(k.sourceId, [k]);
  }
  for (const id of [...keys.keys()]) {
    if (!wanted.has(id)) {
      set.remove(id);
      keys.delete(id);
    }
  }
  for (const c of changedCodes) {
    set.add({ id: -c.id, codeId: c.id, terms: termsOf(definitionText(c), forms) });
    keys.set(-c.id, wanted.get(-c.id)!);
  }
  for (const [sourceId, list] of changed) {
    const { text } = stmt(db, 'SELECT text FROM sources WHERE id = ?').get(sourceId) as { text: string };
    const index = new OffsetIndex(text);
    for (const k of list) {
      const excerpt = text.slice(index.toUtf16(Math.min(k.start, index.codePointLength)), index.toUtf16(Math.min(k.end, index.codePointLength)));
      set.add({ id: k.id, codeId: k.codeId, terms: termsOf(excerpt, forms) });
      keys.set(k.id, wanted.get(k.id)!);
    }
  }
  cached.seen = changeMark(db);
  return set;
}

/** Changes since the connection opened (its own) and the file's data version (other connections'). */
function changeMark(db: Db): string {
  const { n } = stmt(db, 'SELECT total_changes() AS n').get() as { n: number };
  return `${n}:${String(db.pragma('data_version', { simple: true }))}`;
}
