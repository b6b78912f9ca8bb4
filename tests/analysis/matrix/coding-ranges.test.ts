// The codings the matrices read (service/matrix-queries.ts codingRanges), against the query they
// were read with before (one JSON array per field over the whole table): the same codings in the
// same order, field for field, with and without the filters that bear on codings.
import { describe, expect, it } from 'vitest';
import { benchProject } from '../../../bench/matrix.ts';
import type { CodingColumns } from '../../../analysis/matrix/passages.ts';
import type { MatrixFilter } from '../../../analysis/matrix/types.ts';
import { codingConditions, codingRanges, type RangeFields } from '../../../service/matrix-queries.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { closeProject } from '../../../service/project.ts';
import { tempDir } from '../../helpers/project.ts';

/** The former read: every field as one JSON array, in the codings_by_code index's order. */
function formerRanges(ctx: ProjectContext, filter: MatrixFilter, codeIds: number[] | undefined, fields: RangeFields): CodingColumns {
  const { sql: where, params } = codingConditions('k', filter);
  if (codeIds) {
    where.push(`k.code_id IN (${codeIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...codeIds);
  }
  const columns = [
    'source_id',
    'code_id',
    'start',
    'end',
    ...(fields.ids ? ['id'] : []),
    ...(fields.coders ? ['coder_id'] : []),
    ...(fields.valences ? ['valence'] : []),
  ];
  const arrays = ctx.db
    .prepare(`SELECT ${columns.map((c) => `json_group_array(k.${c})`).join(', ')} FROM codings k ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`)
    .raw()
    .get(...params) as string[];
  const [sourceId, codeId, start, end, ...rest] = arrays.map((json) => JSON.parse(json) as unknown[]) as number[][];
  return {
    sourceId: sourceId!,
    codeId: codeId!,
    start: start!,
    end: end!,
    id: fields.ids ? rest.shift()! : null,
    coderId: fields.coders ? rest.shift()! : null,
    valence: fields.valences ? (rest.shift()! as unknown as Array<'+' | '-' | null>) : null,
  };
}

describe('the codings a matrix reads', () => {
  it('are those the former one-array-per-field read gave, in the same order', () => {
    const ctx = benchProject(tempDir(), { sources: 24, codings: 900, codes: 20 });
    try {
      ctx.db.prepare("UPDATE codings SET valence = CASE id % 3 WHEN 0 THEN '+' WHEN 1 THEN '-' ELSE NULL END").run();
      const coders = (ctx.db.prepare('SELECT id FROM coders ORDER BY id').all() as { id: number }[]).map((c) => c.id);
      const codes = (ctx.db.prepare('SELECT id FROM codes ORDER BY id').all() as { id: number }[]).map((c) => c.id);
      const all = { ids: true, coders: true, valences: true };
      for (const filter of [{}, { coderIds: [coders[0]!] }, { from: '2026-01-01' }, { to: '2020-01-01' }] as MatrixFilter[]) {
        for (const codeIds of [undefined, codes.slice(2, 7), []]) {
          for (const fields of [all, { ids: false, coders: false, valences: false }, { ids: true, coders: false, valences: true }]) {
            expect(codingRanges(ctx.db, filter, codeIds, fields)).toEqual(formerRanges(ctx, filter, codeIds, fields));
          }
        }
      }
      expect(codingRanges(ctx.db, {}, undefined, all).sourceId).toHaveLength(900);
    } finally {
      closeProject(ctx);
    }
  });
});
