// Applies a codebook merge plan (codebooks/merge.ts) to the project's codebook. The plan is made
// from the comparison of my codes with theirs and the user's decisions; nothing of mine is deleted.
import { compareCodebooks, nameKey, type CodebookDiff, type CompareCode } from '../codebooks/compare.ts';
import { TEXT_FIELDS, type TextField } from '../codebooks/tree.ts';
import { planMerge, type Decision, type MergePlan } from '../codebooks/merge.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { addCode, listCodes, moveCode, updateCode } from './codebook.ts';
import type { ProjectContext } from './context.ts';
import type { RichCode } from './refi-snapshot.ts';

/**
 * Codes as the comparison wants them: numbered, linked by parent id, order kept. Files from other
 * tools may hold a nameless code or two siblings of one name, which a project cannot: they are
 * named "? <guid>" and "name (2)" rather than refused.
 */
export function compareCodesOf(codes: readonly RichCode[]): CompareCode[] {
  const ids = new Map(codes.map((c, i) => [c.guid, i + 1]));
  const taken = new Set<string>();
  const nameOf = (c: RichCode): string => {
    const base = c.name.trim() || `? ${c.guid.slice(0, 8)}`;
    let name = base;
    for (let n = 2; taken.has(`${c.parentGuid}\u0000${nameKey(name)}`); n++) name = `${base} (${n})`;
    taken.add(`${c.parentGuid}\u0000${nameKey(name)}`);
    return name;
  };
  return codes.map((c, i) => ({
    id: i + 1,
    guid: c.guid,
    parentId: c.parentGuid === null ? null : (ids.get(c.parentGuid) ?? null),
    name: nameOf(c),
    abbrev: c.abbrev ?? null,
    color: c.color,
    definition: c.definition,
    inclusion: c.inclusion ?? '',
    exclusion: c.exclusion ?? '',
    example: c.example ?? '',
    codable: c.codable,
  }));
}

/** Codes to compare, and the text fields their source can hold (a .qdc or .qdpx carries only the definition). */
export interface CodebookSide {
  codes: CompareCode[];
  carried: readonly TextField[];
}

export function sideOfCodes(codes: readonly RichCode[]): CodebookSide {
  const carried = TEXT_FIELDS.filter((f) => f === 'definition' || codes.some((c) => c[f] !== undefined));
  return { codes: compareCodesOf(codes), carried };
}

export function projectSide(db: Db): CodebookSide {
  // listCodes orders by parent then position; the comparison walks from the roots, keeping sibling order.
  return { codes: listCodes(db), carried: TEXT_FIELDS };
}

/**
 * The comparison, without "redefined" differences in fields one side cannot hold: an example
 * missing from a .qdc is not a teammate's edit (and taking "theirs" must not blank mine).
 */
export function diffSides(a: CodebookSide, b: CodebookSide): CodebookDiff {
  const diff = compareCodebooks(a.codes, b.codes);
  const both = (f: TextField) => a.carried.includes(f) && b.carried.includes(f);
  diff.redefined = diff.redefined.map((r) => ({ ...r, fields: r.fields.filter(both) })).filter((r) => r.fields.length > 0);
  return diff;
}

export interface CodebookMergeResult {
  diff: CodebookDiff;
  plan: MergePlan;
  added: number;
  moved: number;
  renamed: number;
  updated: number;
  /** Their codes that land on one of mine under another GUID. */
  mapped: number;
  /** Their codes the user chose to leave out (their codings are not brought over). */
  ignored: number;
}

/** Compares, plans and applies in one transaction; refused plans (name clash, cycle) change nothing. */
export function applyCodebookMerge(ctx: ProjectContext, theirs: readonly RichCode[], decisions: readonly Decision[] = []): CodebookMergeResult {
  return ctx.db.transaction(() => {
    const diff = diffSides(projectSide(ctx.db), sideOfCodes(theirs));
    const plan = planMerge(diff, decisions);
    const result: CodebookMergeResult = { diff, plan, added: 0, moved: 0, renamed: 0, updated: 0, mapped: 0, ignored: 0 };
    const idOf = (guid: string | null): number | null => {
      if (guid === null) return null;
      const row = stmt(ctx.db, 'SELECT id FROM codes WHERE guid = ?').get(guid) as { id: number } | undefined;
      if (!row) throw new TresseError('code.notFound', { ref: guid });
      return row.id;
    };
    for (const op of plan.ops) {
      switch (op.op) {
        case 'add': {
          const { code } = op;
          const abbrevTaken = code.abbrev !== null && stmt(ctx.db, 'SELECT 1 FROM codes WHERE abbrev = ?').get(code.abbrev) !== undefined;
          addCode(ctx, {
            name: code.name,
            parentId: idOf(op.parentGuid),
            abbrev: abbrevTaken ? null : code.abbrev,
            color: code.color,
            definition: code.definition,
            inclusion: code.inclusion,
            exclusion: code.exclusion,
            example: code.example,
            codable: code.codable,
            guid: code.guid,
          });
          result.added++;
          break;
        }
        case 'move':
          moveCode(ctx, idOf(op.guid)!, idOf(op.parentGuid));
          result.moved++;
          break;
        case 'rename':
          updateCode(ctx, idOf(op.guid)!, { name: op.name });
          result.renamed++;
          break;
        case 'update':
          updateCode(ctx, idOf(op.guid)!, op.fields);
          result.updated++;
          break;
        case 'map':
          result.mapped++;
          break;
      }
    }
    result.ignored = Object.values(plan.guidMap).filter((g) => g === null).length;
    return result;
  })();
}
