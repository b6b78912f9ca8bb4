// Shared by the team tests: the demo project, and a project's content in a form two projects can be
// compared by (names and paths instead of ids and GUIDs, which an exchange may change).
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { listCases } from '../../../service/cases.ts';
import { codePath, listCodes } from '../../../service/codebook.ts';
import { listCoders } from '../../../service/coders.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { createDemoProject } from '../../../service/demo.ts';
import { listMemos } from '../../../service/memos.ts';
import { closeProject, openProject } from '../../../service/project.ts';
import { getSource, listSources } from '../../../service/sources.ts';
import { tempDir } from '../../helpers/project.ts';

const open: ProjectContext[] = [];
afterEach(() => {
  while (open.length) closeProject(open.pop()!);
});

/** A fresh copy of the demo project (Camille and Léo double-coded interviews 1 and 2), opened as Camille. */
export async function demoProject(dir = tempDir(), file = 'demo.tresse'): Promise<ProjectContext> {
  const path = join(dir, file);
  await createDemoProject(path);
  const ctx = openProject(path, 'Camille');
  open.push(ctx);
  return ctx;
}

/** Closes the context after the test. */
export function track(ctx: ProjectContext): ProjectContext {
  open.push(ctx);
  return ctx;
}

export function projectContent(db: Db) {
  const codes = listCodes(db);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: number) => codePath(byId, id).join(' / ');
  const sources = listSources(db).map((s) => getSource(db, s.id));
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const coderName = new Map(listCoders(db).map((c) => [c.id, c.name]));
  const codings = db
    .prepare(
      `SELECT k.id, k.source_id AS sourceId, k.code_id AS codeId, k.coder_id AS coderId, k.start, k.end,
         (SELECT m.text FROM memos m WHERE m.coding_id = k.id ORDER BY m.id LIMIT 1) AS memo FROM codings k`,
    )
    .all() as { id: number; sourceId: number; codeId: number; coderId: number; start: number; end: number; memo: string | null }[];
  const codingKey = new Map(
    codings.map((k) => [k.id, `${sourceName.get(k.sourceId)} | ${path(k.codeId)} | ${coderName.get(k.coderId)} | ${k.start}-${k.end}`]),
  );
  const caseName = new Map(listCases(db).map((c) => [c.id, c.name]));
  const target = (t: ReturnType<typeof listMemos>[number]['target']) =>
    t.kind === 'project'
      ? 'project'
      : t.kind === 'source'
        ? `source ${sourceName.get(t.id)}`
        : t.kind === 'case'
          ? `case ${caseName.get(t.id)}`
          : t.kind === 'code'
            ? `code ${path(t.id)}`
            : `coding ${codingKey.get(t.id)}`;
  return {
    sources: sources.map((s) => ({ name: s.name, kind: s.kind, text: s.text })).sort((a, b) => a.name.localeCompare(b.name)),
    codes: codes.map((c) => ({ path: path(c.id), color: c.color, definition: c.definition, codable: c.codable })).sort((a, b) => a.path.localeCompare(b.path)),
    codings: codings.map((k) => `${codingKey.get(k.id)}${k.memo ? ` | ${k.memo}` : ''}`).sort(),
    cases: listCases(db)
      .map((c) => ({
        name: c.name,
        description: c.description,
        attributes: c.attributes,
        sources: c.sourceIds.map((id) => sourceName.get(id)).sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    memos: listMemos(db)
      .filter((m) => m.target.kind !== 'coding')
      .map((m) => `${target(m.target)} | ${m.title} | ${m.text}`)
      .sort(),
  };
}
