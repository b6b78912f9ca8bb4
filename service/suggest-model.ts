// The project's suggestion model (analysis/suggest/training.ts), kept with the open connection and
// brought up to date before each use from a log of changes: only the codings added, moved or
// removed since, and the codes whose words changed, are read and tokenised again. Nothing leaves
// the machine.
//
// The log is kept by temporary triggers of the connection that holds a model, created with it: a
// project where nobody asked for a suggestion (a .qdpx import writing 100,000 codings, the command
// line) writes no log at all. A write by another connection (data_version) compares everything.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TrainingSet } from '../analysis/suggest/training.ts';
import type { TextLanguage, WordForms } from '../text/word-forms.ts';
import { termsOf } from '../text/terms.ts';
import { codingTerms } from './suggest-terms.ts';
import { projectWordForms } from './text-language.ts';

interface Cached {
  set: TrainingSet;
  language: TextLanguage;
  /** What each example was built from (coding: code, source, range, text hash; code: its fields). */
  keys: Map<number, string>;
  /** The last change of the log it has learnt. */
  seq: number;
  /** The connection's data_version when it last learnt: another connection's writes change it. */
  dataVersion: number;
}

const models = new WeakMap<Db, Cached>();

/**
 * What changed since the model last learnt: one row per coding added, moved or removed, -1 for a
 * code's words changed, NULL for what asks to look at everything again (a source's text, a code
 * made codable or not, or deleted). Bounded: a model more than 100,000 changes behind looks again.
 */
function watchChanges(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS temp.suggest_changes (seq INTEGER PRIMARY KEY, coding_id INTEGER);
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_coding_added AFTER INSERT ON main.codings BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (new.id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_coding_removed AFTER DELETE ON main.codings BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (old.id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_coding_moved AFTER UPDATE OF start, end, code_id, source_id ON main.codings BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (new.id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_code_changed AFTER UPDATE OF name, definition, inclusion, example ON main.codes BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (-1); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_code_codable AFTER UPDATE OF codable ON main.codes BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (NULL); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_code_added AFTER INSERT ON main.codes BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (-1); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_code_removed AFTER DELETE ON main.codes BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (NULL); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_text_changed AFTER UPDATE OF text ON main.sources BEGIN
      INSERT INTO suggest_changes (coding_id) VALUES (NULL); END;
    CREATE TEMP TRIGGER IF NOT EXISTS suggest_changes_bounded AFTER INSERT ON suggest_changes WHEN new.seq % 1000 = 0 BEGIN
      DELETE FROM suggest_changes WHERE seq <= new.seq - 100000; END;`);
}

const dataVersion = (db: Db) => db.pragma('data_version', { simple: true }) as number;

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

const CODINGS_SQL = `SELECT k.id, k.code_id AS codeId, k.source_id AS sourceId, k.start, k.end, s.text_hash AS hash
  FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id WHERE c.codable = 1`;

/** The model over every coding and codable code's definition, up to date with the project. */
export function suggestionModel(db: Db): TrainingSet {
  const forms = projectWordForms(db);
  let cached = models.get(db);
  if (!cached) watchChanges(db);
  // Two queries: each of max() and min() alone reads one end of the key; together they read the table.
  const last = (stmt(db, 'SELECT max(seq) AS n FROM suggest_changes').get() as { n: number | null }).n ?? 0;
  const version = dataVersion(db);
  if (cached && cached.language === forms.language && cached.seq === last && cached.dataVersion === version) return cached.set;
  if (!cached || cached.language !== forms.language) {
    cached = { set: new TrainingSet(), language: forms.language, keys: new Map(), seq: -1, dataVersion: version };
    models.set(db, cached);
  }
  const first = (stmt(db, 'SELECT min(seq) AS n FROM suggest_changes').get() as { n: number | null }).n;
  const changes =
    cached.seq >= 0 && cached.dataVersion === version && first !== null && first <= cached.seq + 1
      ? (stmt(db, 'SELECT coding_id AS codingId FROM suggest_changes WHERE seq > ?').all(cached.seq) as Array<{ codingId: number | null }>)
      : null;
  if (changes === null || changes.some((c) => c.codingId === null)) learnAll(db, cached, forms);
  else {
    if (changes.some((c) => c.codingId === -1)) learnDefinitions(db, cached, forms);
    const ids = [...new Set(changes.map((c) => c.codingId!).filter((id) => id > 0))];
    const rows = ids.length ? (stmt(db, `${CODINGS_SQL} AND k.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as CodingRow[]) : [];
    const found = new Set(rows.map((r) => r.id));
    for (const id of ids) {
      if (found.has(id)) continue;
      cached.set.remove(id);
      cached.keys.delete(id);
    }
    learnCodings(db, cached, forms, rows);
  }
  cached.seq = last;
  cached.dataVersion = version;
  return cached.set;
}

/** Every coding and code compared with what the model holds: only what differs is read again. */
function learnAll(db: Db, cached: Cached, forms: WordForms): void {
  const wanted = new Set<number>(learnDefinitions(db, cached, forms));
  const rows = stmt(db, CODINGS_SQL).all() as CodingRow[];
  for (const k of rows) wanted.add(k.id);
  for (const id of [...cached.keys.keys()]) {
    if (wanted.has(id)) continue;
    cached.set.remove(id);
    cached.keys.delete(id);
  }
  learnCodings(db, cached, forms, rows);
}

/** The codable codes' definitions, each read again when its words changed; returns their example ids. */
function learnDefinitions(db: Db, cached: Cached, forms: WordForms): number[] {
  const codes = stmt(db, 'SELECT id, name, definition, inclusion, example FROM codes WHERE codable = 1').all() as CodeRow[];
  const ids = codes.map((c) => -c.id);
  const kept = new Set(ids);
  for (const id of [...cached.keys.keys()]) {
    if (id < 0 && !kept.has(id)) {
      cached.set.remove(id);
      cached.keys.delete(id);
    }
  }
  for (const c of codes) {
    const key = `d${definitionText(c)}`;
    if (cached.keys.get(-c.id) === key) continue;
    cached.set.add({ id: -c.id, codeId: c.id, terms: termsOf(definitionText(c), forms) });
    cached.keys.set(-c.id, key);
  }
  return ids;
}

/** The codings among `rows` the model does not hold as they are now, read from their sources' texts. */
function learnCodings(db: Db, cached: Cached, forms: WordForms, rows: readonly CodingRow[]): void {
  const changed = new Map<number, Array<CodingRow & { key: string }>>();
  for (const k of rows) {
    const key = `${k.codeId}:${k.sourceId}:${k.start}:${k.end}:${k.hash}`;
    if (cached.keys.get(k.id) === key) continue;
    const list = changed.get(k.sourceId);
    if (list) list.push({ ...k, key });
    else changed.set(k.sourceId, [{ ...k, key }]);
  }
  for (const [sourceId, list] of changed) {
    const { text } = stmt(db, 'SELECT text FROM sources WHERE id = ?').get(sourceId) as { text: string };
    const termsOfRange = codingTerms(text, forms, list);
    for (const k of list) {
      cached.set.add({ id: k.id, codeId: k.codeId, terms: termsOfRange(k.start, k.end) });
      cached.keys.set(k.id, k.key);
    }
  }
}
