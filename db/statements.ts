import type { Db } from './open.ts';
import type Database from 'better-sqlite3';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepared once per connection: the hot paths (add a coding, list codings) skip re-parsing SQL. */
export function stmt(db: Db, sql: string): Database.Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let s = byText.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byText.set(sql, s);
  }
  return s;
}
