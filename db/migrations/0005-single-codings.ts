// One coding per coder, code and passage: a coding whose range lies inside another of the same
// source, code and coder counted and quoted the same words twice. Each one is folded into the widest
// coding that holds it (the first in the source, then the oldest, when two equally wide do), which
// takes its memos; the number folded is told to the user once (db/open.ts, migrationNotices).
import type { Db } from '../open.ts';

export const sql = /* sql */ `
CREATE TEMP TABLE keyed_codings AS SELECT id, code_id, source_id, coder_id, start, end FROM codings;
CREATE INDEX temp.keyed_codings_by_key ON keyed_codings(code_id, source_id, coder_id, start, end, id);
CREATE TEMP TABLE widest_codings (id INTEGER PRIMARY KEY, code_id INTEGER, source_id INTEGER, coder_id INTEGER, start INTEGER, end INTEGER);
INSERT INTO widest_codings
SELECT k.id, k.code_id, k.source_id, k.coder_id, k.start, k.end FROM keyed_codings k
WHERE NOT EXISTS (
  SELECT 1 FROM keyed_codings o
  WHERE o.code_id = k.code_id AND o.source_id = k.source_id AND o.coder_id = k.coder_id
    AND o.start <= k.start AND o.end >= k.end AND (o.start < k.start OR o.end > k.end OR o.id < k.id)
);
CREATE INDEX temp.widest_codings_by_key ON widest_codings(code_id, source_id, coder_id, start);

CREATE TEMP TABLE folded_codings (removed_id INTEGER PRIMARY KEY, kept_id INTEGER NOT NULL);
INSERT INTO folded_codings
SELECT r.id,
  (SELECT w.id FROM widest_codings w
   WHERE w.code_id = r.code_id AND w.source_id = r.source_id AND w.coder_id = r.coder_id AND w.start <= r.start AND w.end >= r.end
   ORDER BY w.start, w.id LIMIT 1)
FROM codings r WHERE r.id NOT IN (SELECT id FROM widest_codings);
DROP TABLE temp.widest_codings;
DROP TABLE temp.keyed_codings;

UPDATE memos SET coding_id = (SELECT kept_id FROM folded_codings WHERE removed_id = memos.coding_id)
WHERE coding_id IN (SELECT removed_id FROM folded_codings);
DELETE FROM codings WHERE id IN (SELECT removed_id FROM folded_codings);
`;

/** How many codings were folded, read before the temporary table goes with the transaction's end. */
export function folded(db: Db): number {
  const n = db.prepare('SELECT count(*) FROM temp.folded_codings').pluck().get() as number;
  db.exec('DROP TABLE temp.folded_codings');
  return n;
}
