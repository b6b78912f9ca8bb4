// Research questions as the project stores them (research_questions, research_question_codes):
// what a question-row matrix reads, and what the researcher edits.
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { ResearchQuestion } from '../analysis/matrix/questions.ts';
import { getCode } from './codebook.ts';
import { newGuid, nowIso, type ProjectContext } from './context.ts';

type QuestionRow = Omit<ResearchQuestion, 'codeIds'> & { codeList: string | null };

const QUESTION_SQL = `SELECT id, guid, name, description, position,
  (SELECT group_concat(code_id) FROM (SELECT code_id FROM research_question_codes
     WHERE question_id = q.id ORDER BY position)) AS codeList
  FROM research_questions q`;

const toQuestion = ({ codeList, ...q }: QuestionRow): ResearchQuestion => ({
  ...q,
  codeIds: codeList ? codeList.split(',').map(Number) : [],
});

export function listQuestions(db: Db): ResearchQuestion[] {
  return (stmt(db, `${QUESTION_SQL} ORDER BY position, id`).all() as QuestionRow[]).map(toQuestion);
}

export function getQuestion(db: Db, id: number): ResearchQuestion {
  const row = stmt(db, `${QUESTION_SQL} WHERE id = ?`).get(id) as QuestionRow | undefined;
  if (!row) throw new TresseError('question.notFound', { ref: String(id) });
  return toQuestion(row);
}

/** A question from its name (case ignored) or its number. */
export function resolveQuestion(db: Db, ref: string): ResearchQuestion {
  const t = ref.trim();
  const row = stmt(db, 'SELECT id FROM research_questions WHERE name = ? COLLATE NOCASE').get(t) as { id: number } | undefined;
  if (row) return getQuestion(db, row.id);
  if (/^\d+$/.test(t) && stmt(db, 'SELECT 1 FROM research_questions WHERE id = ?').get(Number(t))) return getQuestion(db, Number(t));
  throw new TresseError('question.notFound', { ref });
}

export function addQuestion(ctx: ProjectContext, input: { name: string; codeIds: number[]; description?: string }): ResearchQuestion {
  const name = input.name.trim();
  if (!name) throw new TresseError('value.invalid', { field: 'name', value: input.name });
  return ctx.db.transaction(() => {
    if (stmt(ctx.db, 'SELECT 1 FROM research_questions WHERE name = ? COLLATE NOCASE').get(name)) {
      throw new TresseError('question.exists', { name });
    }
    const position = (stmt(ctx.db, 'SELECT coalesce(max(position) + 1, 0) AS p FROM research_questions').get() as { p: number }).p;
    const info = stmt(ctx.db, 'INSERT INTO research_questions (guid, name, description, position, created_at) VALUES (?, ?, ?, ?, ?)').run(
      newGuid(),
      name,
      input.description ?? '',
      position,
      nowIso(),
    );
    const id = Number(info.lastInsertRowid);
    writeCodes(ctx.db, id, name, input.codeIds);
    return getQuestion(ctx.db, id);
  })();
}

/** Replaces the codes of a question, in the given order. */
export function setQuestionCodes(ctx: ProjectContext, id: number, codeIds: number[]): ResearchQuestion {
  return ctx.db.transaction(() => {
    const q = getQuestion(ctx.db, id);
    writeCodes(ctx.db, id, q.name, codeIds);
    return getQuestion(ctx.db, id);
  })();
}

export function removeQuestion(ctx: ProjectContext, id: number): ResearchQuestion {
  return ctx.db.transaction(() => {
    const q = getQuestion(ctx.db, id);
    stmt(ctx.db, 'DELETE FROM research_questions WHERE id = ?').run(id);
    return q;
  })();
}

function writeCodes(db: Db, id: number, name: string, codeIds: number[]): void {
  const unique = [...new Set(codeIds)];
  if (unique.length === 0) throw new TresseError('question.noCodes', { name });
  for (const c of unique) getCode(db, c);
  stmt(db, 'DELETE FROM research_question_codes WHERE question_id = ?').run(id);
  const ins = stmt(db, 'INSERT INTO research_question_codes (question_id, code_id, position) VALUES (?, ?, ?)');
  unique.forEach((c, i) => ins.run(id, c, i));
}
