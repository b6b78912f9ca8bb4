import type { Db } from '../db/open.ts';
import type { StructureSegment } from '../model/types.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import { NameMatcher, type NameEntry, type NameMatch } from '../text/name-match.ts';
import { applyReplacements, type Replacement } from '../text/remap.ts';
import { nowIso, type ProjectContext } from './context.ts';
import { FIELD_COLUMNS } from './pseudonym-columns.ts';
import { placeNames, type PlaceNames } from './pseudonym-places.ts';
import { forgetRealNames, listPseudonyms } from './pseudonyms.ts';
import { parseStructure, readStructure, writeStructure } from './structure.ts';
import { planTextChange, writeTextChange } from './text-change.ts';

// Applying the pseudonym table to the whole project, in two steps: a preview of every match in
// context (each with an id the user accepts or not), then one transaction that rewrites what was
// accepted. Source texts are rewritten with their codings and structure following the words
// (service/text-change.ts); every other column that can hold a name is rewritten as plain text,
// speaker labels and section headings inside the source's structure, a memo's rich text with its
// plain text. Which columns those are is declared in service/pseudonym-columns.ts, with the reason
// for each column left alone (coder names are the researchers', not participants').

/**
 * Speaker labels and section headings sit in the source's structure (sources.structure, JSON):
 * they are the field `source_structure.speaker` / `source_structure.heading` of the source
 * (`rowId` is the source's id), `segment` telling which of its segments, `label` the label as
 * written. `name` and `parent` say, for the user, what the row is (service/pseudonym-places.ts).
 */
export type MatchTarget =
  | { kind: 'source'; sourceId: number; name: string }
  | ({ kind: 'field'; table: string; column: string; rowId: number; segment?: number; label?: string } & PlaceNames);

const STRUCTURE_TABLE = 'source_structure';

export interface PseudonymMatch {
  /** Stable while the project does not change: what `applyPseudonyms` accepts. */
  id: string;
  target: MatchTarget;
  /** Code points in the source text or field. */
  start: number;
  end: number;
  found: string;
  replacement: string;
  entryId: number;
  /** Up to 40 characters of context on each side. */
  before: string;
  after: string;
}

export interface PseudonymPreview {
  matches: PseudonymMatch[];
  /** Short forms shared by several people: not replaced automatically. */
  ambiguous: Array<{ form: string; pseudonyms: string[] }>;
}

export interface PseudonymResult {
  replaced: number;
  sources: number;
  fields: number;
  codings: { moved: number; changed: number };
  realNamesForgotten: boolean;
}

const CONTEXT = 40;

function matcherFor(db: Db, entries?: readonly NameEntry[]): { matcher: NameMatcher; entries: readonly NameEntry[] } {
  const list = entries ?? listPseudonyms(db).flatMap((e) => (e.realName ? [{ id: e.id, realName: e.realName, pseudonym: e.pseudonym }] : []));
  return { matcher: new NameMatcher(list), entries: list };
}

function existingFields(db: Db) {
  return FIELD_COLUMNS.filter((f) => (db.pragma(`table_info(${f.table})`) as { name: string }[]).some((c) => c.name === f.column));
}

function toMatch(id: string, target: MatchTarget, cps: readonly string[], m: NameMatch): PseudonymMatch {
  return {
    id,
    target,
    start: m.start,
    end: m.end,
    found: m.found,
    replacement: m.replacement,
    entryId: m.entryId,
    before: cps.slice(Math.max(0, m.start - CONTEXT), m.start).join(''),
    after: cps.slice(m.end, m.end + CONTEXT).join(''),
  };
}

/**
 * Every place where a real name of the table occurs. `entries` replaces the table (a dry run of a
 * table not yet saved).
 */
export function previewPseudonyms(db: Db, entries?: readonly NameEntry[]): PseudonymPreview {
  const { matcher, entries: list } = matcherFor(db, entries);
  const pseudonymOf = new Map(list.map((e) => [e.id, e.pseudonym]));
  return {
    matches: collectMatches(db, matcher),
    ambiguous: matcher.ambiguous.map((a) => ({ form: a.form, pseudonyms: a.entryIds.map((id) => pseudonymOf.get(id) ?? '?') })),
  };
}

function collectMatches(db: Db, matcher: NameMatcher): PseudonymMatch[] {
  const matches: PseudonymMatch[] = [];
  const sources = stmt(db, 'SELECT id, name, text FROM sources ORDER BY id').all() as { id: number; name: string; text: string }[];
  for (const s of sources) {
    const target: MatchTarget = { kind: 'source', sourceId: s.id, name: s.name };
    const found = matcher.find(s.text);
    const cps = found.length ? Array.from(s.text) : [];
    for (const m of found) matches.push(toMatch(`s${s.id}:${m.start}-${m.end}`, target, cps, m));
  }
  for (const f of existingFields(db)) {
    const rows = db.prepare(`SELECT rowid AS id, "${f.column}" AS value FROM "${f.table}" WHERE typeof("${f.column}") = 'text' ORDER BY rowid`).all() as {
      id: number;
      value: string;
    }[];
    for (const r of rows) {
      const found = matcher.find(r.value);
      if (found.length === 0) continue;
      const target: MatchTarget = { kind: 'field', table: f.table, column: f.column, rowId: r.id, ...placeNames(db, f.table, r.id) };
      const cps = Array.from(r.value);
      for (const m of found) matches.push(toMatch(`${f.table}.${f.column}#${r.id}:${m.start}-${m.end}`, target, cps, m));
    }
  }
  collectStructureMatches(db, matcher, matches);
  return matches;
}

/** Speaker labels, then section headings, each in position order within its source. */
function collectStructureMatches(db: Db, matcher: NameMatcher, matches: PseudonymMatch[]): void {
  const rows = stmt(db, `SELECT id, name, structure FROM sources WHERE structure <> '[]' ORDER BY id`).all() as {
    id: number;
    name: string;
    structure: string;
  }[];
  for (const column of ['speaker', 'heading'] as const) {
    for (const r of rows) {
      // A label repeated on every turn is searched once.
      const found = new Map<string, NameMatch[]>();
      parseStructure(r.structure).forEach((seg, segment) => {
        const value = seg.kind === 'turn' ? (column === 'speaker' ? seg.speaker : null) : column === 'heading' ? seg.heading : null;
        if (!value) return;
        let list = found.get(value);
        if (!list) found.set(value, (list = matcher.find(value)));
        if (list.length === 0) return;
        const target: MatchTarget = {
          kind: 'field',
          table: STRUCTURE_TABLE,
          column,
          rowId: r.id,
          segment,
          label: value,
          parent: { kind: 'source', name: r.name },
        };
        const cps = Array.from(value);
        for (const m of list) matches.push(toMatch(`${STRUCTURE_TABLE}.${column}#${r.id}.${segment}:${m.start}-${m.end}`, target, cps, m));
      });
    }
  }
}

function groupKey(target: MatchTarget): string {
  if (target.kind === 'source') return `s${target.sourceId}`;
  return `${target.table}.${target.column}#${target.rowId}${target.segment === undefined ? '' : `.${target.segment}`}`;
}

/**
 * Rewrites the accepted matches ('all', or ids from `previewPseudonyms`) in one transaction.
 * An accepted id that the project no longer shows (it changed since the preview) refuses the
 * whole application. With `forgetRealNames`, the real names are then removed from the table; call
 * `scrubOldText` (service/scrub.ts) afterwards so that no copy of the old text stays in the file.
 */
export function applyPseudonyms(ctx: ProjectContext, options: { accept: readonly string[] | 'all'; forgetRealNames?: boolean }): PseudonymResult {
  return ctx.db
    .transaction(() => {
      const { matcher } = matcherFor(ctx.db);
      const matches = collectMatches(ctx.db, matcher);
      const byId = new Map(matches.map((m) => [m.id, m]));
      const accepted = options.accept === 'all' ? matches : [...new Set(options.accept)].map((id) => byId.get(id));
      const missing = accepted.filter((m) => m === undefined).length;
      if (missing > 0) throw new TresseError('pseudonym.stale', { count: missing });
      const groups = new Map<string, PseudonymMatch[]>();
      for (const m of accepted as PseudonymMatch[]) {
        const key = groupKey(m.target);
        const list = groups.get(key) ?? [];
        list.push(m);
        groups.set(key, list);
      }
      const result: PseudonymResult = { replaced: 0, sources: 0, fields: 0, codings: { moved: 0, changed: 0 }, realNamesForgotten: false };
      const usedEntries = new Set<number>();
      // Labels of one source's structure are rewritten together: one read and one write of its JSON.
      const labels = new Map<number, Map<number, Replacement[]>>();
      for (const list of groups.values()) {
        list.sort((a, b) => a.start - b.start);
        const reps: Replacement[] = list.map((m) => ({ start: m.start, end: m.end, text: m.replacement }));
        const target = list[0]!.target;
        if (target.kind === 'source') {
          const { text } = stmt(ctx.db, 'SELECT text FROM sources WHERE id = ?').get(target.sourceId) as { text: string };
          const plan = planTextChange(ctx.db, target.sourceId, text, reps);
          writeTextChange(ctx.db, plan);
          result.sources++;
          result.codings.moved += plan.moved.length;
          result.codings.changed += plan.changed.length;
        } else if (target.table === STRUCTURE_TABLE && target.segment !== undefined) {
          const ofSource = labels.get(target.rowId) ?? new Map<number, Replacement[]>();
          ofSource.set(target.segment, reps);
          labels.set(target.rowId, ofSource);
          result.fields++;
        } else {
          rewriteField(ctx.db, target, reps, () => rewriteRichText(ctx.db, matcher, target.rowId, new Set(list.map((m) => m.entryId))));
          result.fields++;
        }
        result.replaced += list.length;
        for (const m of list) usedEntries.add(m.entryId);
      }
      for (const [sourceId, bySegment] of labels) rewriteLabels(ctx.db, sourceId, bySegment);
      const now = nowIso();
      const mark = stmt(ctx.db, 'UPDATE pseudonyms SET applied_at = ? WHERE id = ?');
      for (const id of usedEntries) mark.run(now, id);
      if (options.forgetRealNames) {
        forgetRealNames(ctx);
        result.realNamesForgotten = true;
      }
      stmt(ctx.db, `INSERT INTO pseudonymisation_runs (applied_at, coder_id, replacements, sources, real_names_forgotten) VALUES (?, ?, ?, ?, ?)`).run(
        now,
        ctx.coder.id,
        result.replaced,
        result.sources,
        options.forgetRealNames ? 1 : 0,
      );
      return result;
    })
    .immediate();
}

function rewriteField(db: Db, target: Extract<MatchTarget, { kind: 'field' }>, reps: Replacement[], richText: () => void): void {
  const { table, column, rowId } = target;
  const { value } = db.prepare(`SELECT "${column}" AS value FROM "${table}" WHERE rowid = ?`).get(rowId) as { value: string };
  const next = applyReplacements(value, reps);
  try {
    db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`).run(next, rowId);
  } catch (e) {
    // A case, code or question renamed onto another's name: the whole application is refused.
    if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new TresseError('pseudonym.collision', { value: next });
    throw e;
  }
  if (table === 'memos' && column === 'text') richText();
}

/** Replaces within speaker labels and headings; a segment's positions in the text do not change. */
function rewriteLabels(db: Db, sourceId: number, bySegment: ReadonlyMap<number, Replacement[]>): void {
  const segments = readStructure(db, sourceId).map((seg, index): StructureSegment => {
    const reps = bySegment.get(index);
    if (!reps) return seg;
    return seg.kind === 'turn' ? { ...seg, speaker: applyReplacements(seg.speaker, reps) } : { ...seg, heading: applyReplacements(seg.heading, reps) };
  });
  writeStructure(db, sourceId, segments);
}

/**
 * A memo's rich text (Lexical JSON) holds the same words as its plain text: the names accepted in
 * the plain text are replaced there too, JSON-escaped.
 */
function rewriteRichText(db: Db, matcher: NameMatcher, memoId: number, entryIds: Set<number>): void {
  const { rich } = stmt(db, 'SELECT rich_text AS rich FROM memos WHERE id = ?').get(memoId) as { rich: string | null };
  if (!rich) return;
  const reps = matcher
    .find(rich)
    .filter((m) => entryIds.has(m.entryId))
    .map((m) => ({ start: m.start, end: m.end, text: JSON.stringify(m.replacement).slice(1, -1) }));
  if (reps.length) stmt(db, 'UPDATE memos SET rich_text = ? WHERE id = ?').run(applyReplacements(rich, reps), memoId);
}
