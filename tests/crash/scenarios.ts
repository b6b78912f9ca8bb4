import { resolveCode } from '../../service/codebook.ts';
import type { ProjectContext } from '../../service/context.ts';
import { newGuid, nowIso } from '../../service/context.ts';
import { savePseudonyms } from '../../service/pseudonyms.ts';
import { addParsedSource } from '../../service/sources.ts';
import { addCode } from '../../service/codebook.ts';
import { normaliseText } from '../../text/normalise.ts';
import { sliceCodePoints } from '../../text/offsets.ts';

// The three interrupted operations: what each worker does (tests/crash/worker.ts), how the test
// prepares the project, and what must hold after a kill: the whole change or none of it.

export const IMPORT_BATCH = 300;
export const MERGE_CODES = 8;
export const MERGE_CODINGS = 3_000;
export const PSEUDO_SOURCES = 150;

export function importBatch(ctx: ProjectContext, round: number): void {
  ctx.db.transaction(() => {
    for (let i = 0; i < IMPORT_BATCH; i++) {
      const text = `Entretien ${round}-${i}. ${'Le secret partagé aide la cellule à agir vite. '.repeat(40)}`;
      addParsedSource(
        ctx,
        { text: normaliseText(text), format: 'txt', encoding: 'utf-8', structure: [{ kind: 'turn', start: 0, end: 10, speaker: 'P1' }], notes: [] },
        { name: `lot ${round} n° ${i}`, kind: 'interview', fileName: null },
      );
    }
  })();
}

/** Whole batches only: 0 or IMPORT_BATCH sources of each round, each with its turn. */
export function checkImport(ctx: ProjectContext): { batches: number } {
  const names = ctx.db.prepare('SELECT name FROM sources').pluck().all() as string[];
  const byRound = new Map<string, number>();
  for (const n of names) {
    const round = /^lot (\d+) /.exec(n)![1]!;
    byRound.set(round, (byRound.get(round) ?? 0) + 1);
  }
  for (const [round, n] of byRound) if (n !== IMPORT_BATCH) throw new Error(`round ${round}: ${n} sources of ${IMPORT_BATCH}`);
  const turns = ctx.db.prepare('SELECT coalesce(sum(json_array_length(structure)), 0) FROM sources').pluck().get() as number;
  if (turns !== names.length) throw new Error(`${names.length} sources but ${turns} turns`);
  return { batches: byRound.size };
}

export function prepareMerge(ctx: ProjectContext): void {
  const text = 'abcdefghij'.repeat(10_000);
  const src = addParsedSource(
    ctx,
    { text: normaliseText(text), format: 'txt', encoding: 'utf-8', structure: [], notes: [] },
    { name: 'Long', kind: 'document', fileName: null },
  );
  ctx.db.transaction(() => {
    addCode(ctx, { name: 'Survivant', parentId: null });
    const ins = ctx.db.prepare('INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let c = 0; c < MERGE_CODES; c++) {
      const code = addCode(ctx, { name: `Fusion ${c}`, parentId: null });
      for (let k = 0; k < MERGE_CODINGS; k++) {
        const start = c * MERGE_CODINGS + k;
        ins.run(newGuid(), src.id, code.id, ctx.coder.id, start, start + 5, nowIso());
      }
    }
  })();
}

export function mergeTargets(ctx: ProjectContext): { survivor: number; codes: number[] } {
  const survivor = resolveCode(ctx.db, 'Survivant').id;
  const codes = ctx.db.prepare("SELECT id FROM codes WHERE name LIKE 'Fusion %' ORDER BY id").pluck().all() as number[];
  return { survivor, codes };
}

/** Each merged code is gone with all its codings on the survivor; each other code has all of its own. */
export function checkMerge(ctx: ProjectContext): { merged: number } {
  const total = ctx.db.prepare('SELECT count(*) FROM codings').pluck().get() as number;
  if (total !== MERGE_CODES * MERGE_CODINGS) throw new Error(`${total} codings, expected ${MERGE_CODES * MERGE_CODINGS}`);
  const { survivor, codes } = mergeTargets(ctx);
  const count = ctx.db.prepare('SELECT count(*) FROM codings WHERE code_id = ?').pluck();
  for (const id of codes) if (count.get(id) !== MERGE_CODINGS) throw new Error(`code ${id}: ${count.get(id)} codings`);
  const merged = MERGE_CODES - codes.length;
  if (count.get(survivor) !== merged * MERGE_CODINGS) throw new Error(`survivor has ${count.get(survivor)} codings for ${merged} merges`);
  return { merged };
}

const PARAGRAPH = (i: number) =>
  `Enquêtrice : Entretien ${i}, qui vous a orientée ?\nP${i} : Marie-Claire Dupont, la coordinatrice. Ensuite Mme Dupont a appelé Jean-Marie Lefèvre. ` +
  'Le bailleur est venu avec le CMP. '.repeat(120);
export const CODED = ['Marie-Claire Dupont, la coordinatrice', 'Mme Dupont a appelé Jean-Marie Lefèvre', 'Le bailleur est venu'];
export const CODED_AFTER = ['Louise Martin, la coordinatrice', 'Mme Martin a appelé Paul Moreau', 'Le bailleur est venu'];

export function preparePseudonymize(ctx: ProjectContext): void {
  ctx.db.transaction(() => {
    const code = resolveCode(ctx.db, 'PA').id;
    for (let i = 0; i < PSEUDO_SOURCES; i++) {
      const text = PARAGRAPH(i);
      const s = addParsedSource(
        ctx,
        { text: normaliseText(text), format: 'txt', encoding: 'utf-8', structure: [], notes: [] },
        { name: `E${i}`, kind: 'interview', fileName: null },
      );
      for (const passage of CODED) {
        const at = Array.from(text.slice(0, text.indexOf(passage))).length;
        ctx.db
          .prepare('INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(newGuid(), s.id, code, ctx.coder.id, at, at + Array.from(passage).length, nowIso());
      }
    }
  })();
  savePseudonyms(ctx, [
    { realName: 'Marie-Claire Dupont', pseudonym: 'Louise Martin' },
    { realName: 'Jean-Marie Lefèvre', pseudonym: 'Paul Moreau' },
  ]);
}

/** All sources pseudonymised or none, and every coding on the same words. */
export function checkPseudonymize(ctx: ProjectContext): { applied: boolean } {
  const sources = ctx.db.prepare('SELECT id, text FROM sources').all() as { id: number; text: string }[];
  const withName = sources.filter((s) => s.text.includes('Marie-Claire Dupont')).length;
  if (withName !== 0 && withName !== sources.length) throw new Error(`${withName} of ${sources.length} sources still hold the real name`);
  const applied = withName === 0;
  const expected = new Set(applied ? CODED_AFTER : CODED);
  const codings = ctx.db.prepare('SELECT source_id AS sourceId, start, end FROM codings').all() as { sourceId: number; start: number; end: number }[];
  const textOf = new Map(sources.map((s) => [s.id, s.text]));
  for (const k of codings) {
    const t = sliceCodePoints(textOf.get(k.sourceId)!, k.start, k.end);
    if (!expected.has(t)) throw new Error(`coding on "${t}" after ${applied ? 'applying' : 'nothing'}`);
  }
  const marked = ctx.db.prepare('SELECT count(*) FROM pseudonyms WHERE applied_at IS NOT NULL').pluck().get() as number;
  if (marked !== (applied ? 2 : 0)) throw new Error(`${marked} pseudonyms marked applied`);
  return { applied };
}

export const QDPX_SOURCES = 120;
export const QDPX_CODINGS_PER_SOURCE = 20;

/** A teammate's project, exported as .qdpx: what import-qdpx makes a new project from. */
export function prepareQdpxProject(ctx: ProjectContext): { sources: number; codings: number } {
  ctx.db.transaction(() => {
    const code = resolveCode(ctx.db, 'PA').id;
    const ins = ctx.db.prepare('INSERT INTO codings (guid, source_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < QDPX_SOURCES; i++) {
      const text = `Entretien ${i}. ${'Le secret partagé aide la cellule à agir vite, avec le bailleur et le CMP. '.repeat(80)}`;
      const s = addParsedSource(
        ctx,
        { text: normaliseText(text), format: 'txt', encoding: 'utf-8', structure: [], notes: [] },
        { name: `E${i}`, kind: 'interview', fileName: null },
      );
      for (let k = 0; k < QDPX_CODINGS_PER_SOURCE; k++) ins.run(newGuid(), s.id, code, ctx.coder.id, k * 50, k * 50 + 40, nowIso());
    }
  })();
  return { sources: QDPX_SOURCES, codings: QDPX_SOURCES * QDPX_CODINGS_PER_SOURCE };
}

/** A project made from that .qdpx holds all of it. */
export function checkQdpxProject(ctx: ProjectContext): { sources: number; codings: number } {
  const count = (table: string) => ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const found = { sources: count('sources'), codings: count('codings') };
  const expected = { sources: QDPX_SOURCES, codings: QDPX_SOURCES * QDPX_CODINGS_PER_SOURCE };
  if (found.sources !== expected.sources || found.codings !== expected.codings) {
    throw new Error(`incomplete project: ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  }
  return found;
}
