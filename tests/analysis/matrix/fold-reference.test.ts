// The matrix's hot path (aggregate.ts: one sweep per source over codings put in text order by a
// typed-array sort) against the plain rule, passagesOf over each row's codings in each source, on
// random codings with ties, nested codes and valences: the same cells, ids in the same order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldCells } from '../../../analysis/matrix/aggregate.ts';
import { columnPlan } from '../../../analysis/matrix/columns.ts';
import { DEFAULT_KIND_COLUMNS } from '../../../analysis/matrix/kind-columns.ts';
import { passagesOf, toColumns, type CodingRange } from '../../../analysis/matrix/passages.ts';
import { codeTree, rowItems } from '../../../analysis/matrix/rows.ts';
import type { SourceFacts } from '../../../analysis/matrix/sources.ts';

const codes = [
  { id: 1, parentId: null, name: 'Cadre légal', abbrev: 'CL', color: '#000' },
  { id: 2, parentId: 1, name: 'Secret partagé', abbrev: 'CL1', color: '#000' },
  { id: 3, parentId: 1, name: 'Soins sans consentement', abbrev: 'CL2', color: '#000' },
  { id: 4, parentId: 3, name: 'Tiers', abbrev: 'CL21', color: '#000' },
];
const sources: SourceFacts[] = [
  { id: 10, name: 'Entretien P1', kind: 'interview', caseIds: [1] },
  { id: 11, name: 'Entretien P2', kind: 'interview', caseIds: [2] },
  { id: 12, name: 'Charte', kind: 'document', caseIds: [] },
  { id: 13, name: 'Cellule', kind: 'observation', caseIds: [1, 2] },
];
const facts = new Map(sources.map((s) => [s.id, s]));
const plan = columnPlan({ by: 'kind' }, sources, { kindColumns: DEFAULT_KIND_COLUMNS, attribute: null });

const codingsArb = fc
  .array(
    fc.record({
      codeId: fc.integer({ min: 1, max: 4 }),
      sourceId: fc.constantFrom(10, 11, 12, 13),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 15 }),
      valence: fc.constantFrom('+' as const, '-' as const, null),
    }),
    { maxLength: 60 },
  )
  .map((list) => list.map(({ length, ...k }, i): CodingRange => ({ ...k, id: 100 + i, coderId: 1, end: k.start + length })));

describe('matrix cells', () => {
  it('are those of passagesOf over each row’s codings in each source', () => {
    for (const mode of ['codes', 'themes'] as const) {
      const items = rowItems(codeTree(codes), mode, []);
      fc.assert(
        fc.property(codingsArb, (codings) => {
          const swept = foldCells(toColumns(codings), items, plan, facts, null, { withIds: true, withValences: true });
          const counted = foldCells(toColumns(codings), items, plan, facts, null, { withIds: false, withValences: true });
          items.forEach((row, r) => {
            plan.columns.forEach((_, c) => {
              const expected = { count: 0, codings: 0, positive: 0, negative: 0, sources: 0, cases: new Set<number>(), ids: [] as number[] };
              for (const s of sources) {
                if (!plan.place(s).some((p) => p.column === c)) continue;
                const mine = codings.filter((k) => k.sourceId === s.id && row.codeIds.includes(k.codeId));
                if (mine.length === 0) continue;
                const p = passagesOf(mine, null);
                expected.count += p.count;
                expected.codings += mine.length;
                expected.positive += p.positive;
                expected.negative += p.negative;
                expected.sources++;
                for (const id of s.caseIds) expected.cases.add(id);
                expected.ids.push(...p.ids);
              }
              const { cases, ids, ...counts } = expected;
              const want = { ...counts, cases: cases.size };
              expect(swept[r]![c]).toEqual({ ...want, excerptIds: ids });
              expect(counted[r]![c]).toEqual({ ...want, excerptIds: [] });
            });
          });
        }),
        { numRuns: 300 },
      );
    }
  });
});
