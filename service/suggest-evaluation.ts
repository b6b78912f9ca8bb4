// `tresse suggest PROJET --evaluate`: the suggestions' precision measured leave-one-source-out on
// the project's own codings (analysis/suggest/evaluate.ts), beside the "most frequent codes" baseline.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { evaluateSuggestions, type EvaluatedSource, type Evaluation } from '../analysis/suggest/evaluate.ts';
import type { Example } from '../analysis/suggest/training.ts';
import { OffsetIndex } from '../text/offsets.ts';
import { passagesOf } from '../text/passages.ts';
import { termsOf } from '../text/terms.ts';
import { definitionText } from './suggest-model.ts';
import { codingTerms } from './suggest-terms.ts';
import { parseStructure } from './structure.ts';
import { projectWordForms } from './text-language.ts';

export type { Evaluation };

/** Every coded source and every codable code's definition, read and tokenised once, then evaluated. */
export function evaluateProjectSuggestions(db: Db): Evaluation {
  return evaluateSuggestions(...evaluationInput(db));
}

function evaluationInput(db: Db): [EvaluatedSource[], Example[]] {
  const forms = projectWordForms(db);
  const codes = stmt(db, 'SELECT id, name, definition, inclusion, example FROM codes WHERE codable = 1').all() as Parameters<typeof definitionText>[0][];
  const definitions = codes.map((c) => ({ id: -c.id, codeId: c.id, terms: termsOf(definitionText(c), forms) }));
  const codable = new Set(codes.map((c) => c.id));
  const rows = stmt(db, 'SELECT id, code_id AS codeId, source_id AS sourceId, start, end FROM codings ORDER BY source_id, start, id').all() as Array<{
    id: number;
    codeId: number;
    sourceId: number;
    start: number;
    end: number;
  }>;
  const bySource = new Map<number, typeof rows>();
  for (const k of rows) {
    if (!codable.has(k.codeId)) continue;
    const list = bySource.get(k.sourceId);
    if (list) list.push(k);
    else bySource.set(k.sourceId, [k]);
  }
  const sources: EvaluatedSource[] = [];
  const read = stmt(db, 'SELECT text, structure FROM sources WHERE id = ?');
  for (const [id, codings] of bySource) {
    const { text, structure } = read.get(id) as { text: string; structure: string };
    const index = new OffsetIndex(text);
    const slice = (start: number, end: number) => text.slice(index.toUtf16(start), index.toUtf16(Math.min(end, index.codePointLength)));
    const excerpt = codingTerms(text, forms, codings);
    sources.push({
      id,
      passages: passagesOf(text, parseStructure(structure)).map((p) => ({ start: p.start, end: p.end, terms: termsOf(slice(p.start, p.end), forms) })),
      codings: codings.map((k) => ({ id: k.id, codeId: k.codeId, start: k.start, end: k.end, terms: excerpt(k.start, k.end) })),
    });
  }
  return [sources, definitions];
}
