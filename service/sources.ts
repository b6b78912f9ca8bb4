import { basename } from 'node:path';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { defaultSourceName, guessSourceKind } from '../exchange/import/guess-kind.ts';
import type { ImportOptions } from '../exchange/import/index.ts';
import { parseForImport } from '../exchange/import/parse-for-import.ts';
import { TresseError } from '../i18n/error.ts';
import type { ImportNote, ParsedSource, Source, SourceKind, SourceSummary } from '../model/types.ts';
import { hashText, hashUtf8 } from '../text/hash.ts';
import { codePointLength } from '../text/offsets.ts';
import { newGuid, nowIso, type ProjectContext } from './context.ts';
import { indexSoon } from './search-soon.ts';
import { parseStructure, structureJson } from './structure.ts';

export interface ImportRequest extends ImportOptions {
  fileName: string;
  bytes: Uint8Array;
  kind: SourceKind;
  /** Defaults to the file name without its extension and encoding suffix (defaultSourceName). */
  name?: string;
  caseIds?: number[];
  /** A case to link by name, created with the source when the project has none of that name. */
  newCase?: string;
}

/** What the import dialog proposes for a file before importing it. */
export interface ImportGuess {
  fileName: string;
  name: string;
  kind: SourceKind;
}

/**
 * Reads a file as the import would (where it would, with the same limits) and guesses its kind and
 * name, writing nothing: a file the import would refuse is refused here with the same message.
 */
export async function guessImport(req: { fileName: string; bytes: Uint8Array } & ImportOptions): Promise<ImportGuess> {
  const options: ImportOptions = {};
  if (req.turnPatterns) options.turnPatterns = req.turnPatterns;
  if (req.maxBytes) options.maxBytes = req.maxBytes;
  const parsed = await parseForImport(req.bytes, req.fileName, options);
  const fileName = basename(req.fileName);
  return { fileName, name: defaultSourceName(fileName), kind: guessSourceKind({ text: parsed.text, structure: parsed.structure, fileName }) };
}

export interface ImportResult {
  source: SourceSummary;
  notes: ImportNote[];
}

/**
 * Imports a file as a new source. The file is parsed before anything is written, then the source,
 * its structure and its case links go in one transaction: a refused or failed import leaves the
 * project exactly as it was.
 */
export async function importSource(ctx: ProjectContext, req: ImportRequest): Promise<ImportResult> {
  const options: ImportOptions = {};
  if (req.turnPatterns) options.turnPatterns = req.turnPatterns;
  if (req.maxBytes) options.maxBytes = req.maxBytes;
  // Office and PDF files, and large or user-patterned texts, in a worker with time and memory
  // limits: a hostile file cannot take this process down.
  const parsed = await parseForImport(req.bytes, req.fileName, options);
  const name = req.name?.trim() || defaultSourceName(basename(req.fileName));
  const newCase = req.newCase?.trim();
  const source = addParsedSource(ctx, parsed, {
    name,
    kind: req.kind,
    fileName: basename(req.fileName),
    caseIds: req.caseIds ?? [],
    ...(newCase ? { newCase } : {}),
  });
  return { source, notes: parsed.notes };
}

export interface NewSourceMeta {
  name: string;
  kind: SourceKind;
  fileName: string | null;
  caseIds?: number[];
  /** A case linked by name, created in the same transaction when missing (so a refused import leaves none). */
  newCase?: string;
  guid?: string;
  /** Who added it and when, when not the current coder now (a source merged from another project). */
  importedBy?: number;
  importedAt?: string;
}

/** Stores a parsed text (importers, the demo, merged projects). Refuses a text already present. */
export function addParsedSource(ctx: ProjectContext, parsed: ParsedSource, meta: NewSourceMeta): SourceSummary {
  const text = parsed.text;
  if (!text.trim()) throw new TresseError('import.empty', { file: meta.fileName ?? meta.name });
  const hash = parsed.utf8 ? hashUtf8(parsed.utf8) : hashText(text);
  const added = ctx.db.transaction(() => {
    const dup = findSourceByHash(ctx.db, hash);
    if (dup) throw new TresseError('import.duplicate', { file: meta.fileName ?? meta.name, existing: dup.name });
    const info = stmt(
      ctx.db,
      `INSERT INTO sources (guid, kind, name, text, text_hash, length, origin_file, origin_format, origin_encoding,
         imported_at, imported_by, structure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      meta.guid ?? newGuid(),
      meta.kind,
      meta.name,
      text,
      hash,
      codePointLength(text),
      meta.fileName,
      parsed.format,
      parsed.encoding,
      meta.importedAt ?? nowIso(),
      meta.importedBy ?? ctx.coder.id,
      structureJson(parsed.structure),
    );
    const id = Number(info.lastInsertRowid);
    // Not indexed for search here: the insert trigger queues it, and it is indexed with the other
    // sources added meanwhile, in one batch, once additions pause or at the next search.
    const link = stmt(ctx.db, 'INSERT OR IGNORE INTO case_sources (case_id, source_id) VALUES (?, ?)');
    for (const caseId of meta.caseIds ?? []) {
      if (!stmt(ctx.db, 'SELECT 1 FROM cases WHERE id = ?').get(caseId)) {
        throw new TresseError('case.notFound', { ref: String(caseId) });
      }
      link.run(caseId, id);
    }
    if (meta.newCase) link.run(caseIdNamed(ctx.db, meta.newCase), id);
    return getSourceSummary(ctx.db, id);
  })();
  indexSoon(ctx.db);
  return added;
}

/** The case of that name, created when the project has none. */
function caseIdNamed(db: Db, name: string): number {
  const row = stmt(db, 'SELECT id FROM cases WHERE name = ?').get(name) as { id: number } | undefined;
  if (row) return row.id;
  return Number(stmt(db, 'INSERT INTO cases (guid, name, description) VALUES (?, ?, ?)').run(newGuid(), name, '').lastInsertRowid);
}

export function findSourceByHash(db: Db, hash: string): SourceSummary | undefined {
  const row = stmt(db, 'SELECT id FROM sources WHERE text_hash = ? LIMIT 1').get(hash) as { id: number } | undefined;
  return row ? getSourceSummary(db, row.id) : undefined;
}

const SUMMARY_SQL = `SELECT s.id, s.guid, s.kind, s.name, s.length, s.text_hash AS textHash,
    s.origin_file AS fileName, s.origin_format AS format, s.origin_encoding AS encoding, s.imported_at AS importedAt,
    c.name AS importedBy,
    (SELECT group_concat(case_id) FROM case_sources WHERE source_id = s.id) AS caseIds,
    (SELECT count(*) FROM codings WHERE source_id = s.id) AS codingCount
  FROM sources s LEFT JOIN coders c ON c.id = s.imported_by`;

interface SummaryRow {
  id: number;
  guid: string;
  kind: SourceKind;
  name: string;
  length: number;
  textHash: string;
  fileName: string | null;
  format: string;
  encoding: string | null;
  importedAt: string;
  importedBy: string | null;
  caseIds: string | null;
  codingCount: number;
}

function toSummary(r: SummaryRow): SourceSummary {
  return {
    id: r.id,
    guid: r.guid,
    kind: r.kind,
    name: r.name,
    length: r.length,
    textHash: r.textHash,
    origin: { fileName: r.fileName, format: r.format, encoding: r.encoding, importedAt: r.importedAt, importedBy: r.importedBy },
    caseIds: r.caseIds
      ? r.caseIds
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
    codingCount: r.codingCount,
  };
}

export function listSources(db: Db): SourceSummary[] {
  return (stmt(db, `${SUMMARY_SQL} ORDER BY s.kind, s.name, s.id`).all() as SummaryRow[]).map(toSummary);
}

export function getSourceSummary(db: Db, id: number): SourceSummary {
  const row = stmt(db, `${SUMMARY_SQL} WHERE s.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new TresseError('source.notFound', { ref: String(id) });
  return toSummary(row);
}

export function getSource(db: Db, id: number): Source {
  const summary = getSourceSummary(db, id);
  const row = stmt(db, 'SELECT text, structure FROM sources WHERE id = ?').get(id) as { text: string; structure: string };
  return { ...summary, text: row.text, structure: parseStructure(row.structure) };
}

export function getSourceText(db: Db, id: number): string {
  const row = stmt(db, 'SELECT text FROM sources WHERE id = ?').get(id) as { text: string } | undefined;
  if (!row) throw new TresseError('source.notFound', { ref: String(id) });
  return row.text;
}

/** A source from what a user typed: its number, its GUID, its name or its file name. */
export function resolveSource(db: Db, ref: string): SourceSummary {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    const row = stmt(db, 'SELECT id FROM sources WHERE id = ?').get(Number(trimmed)) as { id: number } | undefined;
    if (row) return getSourceSummary(db, row.id);
  }
  const rows = stmt(db, `SELECT id FROM sources WHERE guid = ? COLLATE NOCASE OR name = ? COLLATE NOCASE OR origin_file = ? COLLATE NOCASE`).all(
    trimmed.replace(/[{}]/g, ''),
    trimmed,
    trimmed,
  ) as { id: number }[];
  if (rows.length === 0) throw new TresseError('source.notFound', { ref });
  if (rows.length > 1) throw new TresseError('source.ambiguous', { ref });
  return getSourceSummary(db, rows[0]!.id);
}

export function updateSource(ctx: ProjectContext, id: number, changes: { name?: string; kind?: SourceKind }): SourceSummary {
  return ctx.db.transaction(() => {
    getSourceSummary(ctx.db, id);
    if (changes.name !== undefined) {
      if (!changes.name.trim()) throw new TresseError('value.invalid', { field: 'name', value: changes.name });
      stmt(ctx.db, 'UPDATE sources SET name = ? WHERE id = ?').run(changes.name.trim(), id);
    }
    if (changes.kind !== undefined) stmt(ctx.db, 'UPDATE sources SET kind = ? WHERE id = ?').run(changes.kind, id);
    return getSourceSummary(ctx.db, id);
  })();
}

export function deleteSource(ctx: ProjectContext, id: number): void {
  ctx.db.transaction(() => {
    getSourceSummary(ctx.db, id);
    stmt(ctx.db, 'DELETE FROM sources WHERE id = ?').run(id);
  })();
}
