import { readCsv } from '../codebooks/csv-format.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { jsonSyntaxError } from '../i18n/json-error.ts';
import { foldText, nameForms, type NameEntry } from '../text/name-match.ts';
import { resolveCase } from './cases.ts';
import { nowIso, type ProjectContext } from './context.ts';

// The project's table of real names and pseudonyms (db/migrations/0003-confidentiality.ts): one
// pseudonym per person across the whole corpus, tied to that person's case when there is one.

export interface PseudonymEntry {
  id: number;
  /** null once the user chose to forget the real names after applying them. */
  realName: string | null;
  pseudonym: string;
  caseId: number | null;
  caseName: string | null;
  createdAt: string;
  appliedAt: string | null;
}

export interface PseudonymInput {
  realName: string;
  pseudonym: string;
  /** Case name, number or GUID. */
  case?: string | null;
}

const ENTRY_SQL = `SELECT p.id, p.real_name AS realName, p.pseudonym, p.case_id AS caseId, c.name AS caseName,
  p.created_at AS createdAt, p.applied_at AS appliedAt FROM pseudonyms p LEFT JOIN cases c ON c.id = p.case_id`;

export function listPseudonyms(db: Db): PseudonymEntry[] {
  return stmt(db, `${ENTRY_SQL} ORDER BY p.id`).all() as PseudonymEntry[];
}

/** Real names still known to the project (for the export scanner). */
export function realNames(db: Db): string[] {
  return listPseudonyms(db).flatMap((e) => (e.realName ? [e.realName] : []));
}

export function realKey(name: string): string {
  return foldText(name.trim().replace(/\s+/g, ' '));
}

/**
 * The table as it would be with `inputs` added (new people get negative ids), checked: a person
 * already given another pseudonym, or a pseudonym already given to someone else, is refused.
 */
export function checkPseudonyms(db: Db, inputs: readonly PseudonymInput[]): { entries: NameEntry[]; added: PseudonymInput[] } {
  const entries: NameEntry[] = listPseudonyms(db).flatMap((e) => (e.realName ? [{ id: e.id, realName: e.realName, pseudonym: e.pseudonym }] : []));
  const byKey = new Map(entries.map((e) => [realKey(e.realName), e]));
  const taken = new Map(listPseudonyms(db).map((e) => [e.pseudonym.toLowerCase(), e.realName]));
  const added: PseudonymInput[] = [];
  inputs.forEach((input, i) => {
    const realName = clean(input.realName);
    const pseudonym = clean(input.pseudonym);
    if (!realName || !pseudonym) throw new TresseError('pseudonym.empty', { line: i + 1 });
    // "Monsieur" or "B." alone would match ordinary words, never a person.
    if (nameForms({ id: 0, realName, pseudonym }).length === 0) throw new TresseError('pseudonym.notAName', { realName });
    const existing = byKey.get(realKey(realName));
    if (existing) {
      if (existing.pseudonym.toLowerCase() !== pseudonym.toLowerCase()) {
        throw new TresseError('pseudonym.conflict', { realName, existing: existing.pseudonym });
      }
      added.push({ ...input, realName, pseudonym });
      return;
    }
    if (taken.has(pseudonym.toLowerCase())) throw new TresseError('pseudonym.taken', { pseudonym });
    const entry = { id: -(i + 1), realName, pseudonym };
    entries.push(entry);
    byKey.set(realKey(realName), entry);
    taken.set(pseudonym.toLowerCase(), realName);
    added.push({ ...input, realName, pseudonym });
  });
  return { entries, added };
}

/** Adds people to the table (or confirms those already there), all or none. */
export function savePseudonyms(ctx: ProjectContext, inputs: readonly PseudonymInput[]): PseudonymEntry[] {
  return ctx.db.transaction(() => {
    const { added } = checkPseudonyms(ctx.db, inputs);
    return added.map((input) => {
      const caseId = input.case ? resolveCase(ctx.db, input.case).id : null;
      const key = realKey(input.realName);
      const existing = stmt(ctx.db, 'SELECT id, case_id AS caseId FROM pseudonyms WHERE real_key = ?').get(key) as
        { id: number; caseId: number | null } | undefined;
      if (existing) {
        if (caseId !== null && existing.caseId !== caseId) {
          stmt(ctx.db, 'UPDATE pseudonyms SET case_id = ? WHERE id = ?').run(caseId, existing.id);
        }
        return getPseudonym(ctx.db, existing.id);
      }
      const info = stmt(ctx.db, 'INSERT INTO pseudonyms (real_name, real_key, pseudonym, case_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
        input.realName,
        key,
        input.pseudonym,
        caseId,
        nowIso(),
      );
      return getPseudonym(ctx.db, Number(info.lastInsertRowid));
    });
  })();
}

function clean(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

export function getPseudonym(db: Db, id: number): PseudonymEntry {
  const row = stmt(db, `${ENTRY_SQL} WHERE p.id = ?`).get(id) as PseudonymEntry | undefined;
  if (!row) throw new TresseError('value.invalid', { field: 'pseudonym', value: String(id) });
  return row;
}

export function deletePseudonym(ctx: ProjectContext, id: number): void {
  ctx.db.transaction(() => {
    getPseudonym(ctx.db, id);
    stmt(ctx.db, 'DELETE FROM pseudonyms WHERE id = ?').run(id);
  })();
}

/** Removes the real names from the table, keeping the pseudonyms and their cases. */
export function forgetRealNames(ctx: ProjectContext): number {
  return stmt(ctx.db, 'UPDATE pseudonyms SET real_name = NULL, real_key = NULL WHERE real_name IS NOT NULL').run().changes;
}

/**
 * Reads a table of pseudonyms: CSV (comma, semicolon or tab; an optional header line) with the
 * columns real name, pseudonym and optionally case; or JSON, an array of
 * {"realName", "pseudonym", "case"} objects or an object {"real name": "pseudonym"}.
 */
export function parsePseudonymMap(text: string, fileName: string): PseudonymInput[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const fail = (detail: string) => new TresseError('pseudonym.mapFormat', { file: fileName, detail });
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      throw jsonSyntaxError(fileName, trimmed, e);
    }
    if (Array.isArray(data)) {
      return data.map((item, i) => {
        const o = item as Record<string, unknown>;
        const realName = o.realName ?? o.real ?? o.name;
        const pseudonym = o.pseudonym;
        const c = o.case;
        if (typeof realName !== 'string' || typeof pseudonym !== 'string') throw fail(`#${i + 1}`);
        return { realName, pseudonym, case: typeof c === 'string' ? c : null };
      });
    }
    return Object.entries(data as Record<string, unknown>).map(([realName, pseudonym]) => {
      if (typeof pseudonym !== 'string') throw fail(realName);
      return { realName, pseudonym };
    });
  }
  const { records } = readCsv(trimmed);
  const rows = records.filter((r) => r.fields.some((f) => f.trim()));
  const first = rows[0]?.fields.map((f) => foldText(f.trim())) ?? [];
  const header = first.some((f) => /^(nom|real|vrai|pseudo|name)/.test(f)) && first.some((f) => f.startsWith('pseudo'));
  return rows.slice(header ? 1 : 0).map((r) => {
    const [realName = '', pseudonym = '', c = ''] = r.fields.map((f) => f.trim());
    if (!realName || !pseudonym) throw fail(`ligne ${r.line}`);
    return { realName, pseudonym, case: c || null };
  });
}

/** A person not yet applied is replaced as a whole (the table has no partial update), all or none. */
export function updatePseudonym(ctx: ProjectContext, id: number, input: PseudonymInput): PseudonymEntry {
  return ctx.db.transaction(() => {
    const old = getPseudonym(ctx.db, id);
    if (old.appliedAt !== null || old.realName === null) throw new TresseError('pseudonym.applied', { pseudonym: old.pseudonym });
    deletePseudonym(ctx, id);
    return savePseudonyms(ctx, [input])[0]!;
  })();
}
