// Inter-coder agreement over the project's codings (analysis/agreement does the arithmetic), with the
// names a reader needs: coders, sources compared and left out, code names and paths.
import {
  computeAgreement,
  validateCoders,
  validateThreshold,
  type AgreementFigures,
  type AgreementUnit,
  type CodeAgreement,
  type CodingSpan,
  type UnitizingFigures,
} from '../analysis/agreement/units.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Coder } from '../model/types.ts';
import { codeAndDescendants, codePath, listCodes, resolveCode } from './codebook.ts';
import { requireCoder } from './coders.ts';
import { agreementScope, type ScopeRule } from './source-done.ts';

export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['character', 'segment', 'document'];

export interface AgreementOptions {
  /** Coder names (at least two). */
  coders: string[];
  /** 'character', 'segment' or 'document'; anything else is refused with 'agreement.unit'. */
  unit: string;
  /** A code (abbreviation, path, name or GUID): that code and its sub-codes; default every code used. */
  codeRef?: string;
  /** Segment unit: minimum overlap / union for two passages to match (default 0.5). */
  overlapThreshold?: number;
}

export interface NamedCodeAgreement extends CodeAgreement {
  code: string;
  abbrev: string | null;
  path: string[];
}

export interface NamedSourceAgreement {
  id: number;
  name: string;
  perCode: NamedCodeAgreement[];
  overall: AgreementFigures;
}

export interface ProjectAgreement {
  unit: AgreementUnit;
  overlapThreshold: number | null;
  coders: Coder[];
  /** How the sources were chosen: 'done' = every compared coder marked them done; 'all' = no marks, every source. */
  scope: ScopeRule;
  /** The sources compared, coded or not. */
  sources: Array<{ id: number; name: string }>;
  /** Sources only some of the coders marked done: left out until the others mark them. */
  excludedSources: Array<{ id: number; name: string }>;
  perCode: NamedCodeAgreement[];
  /** Character unit: figures per source (per code and pooled), as NVivo reports them. */
  perSource: NamedSourceAgreement[];
  overall: AgreementFigures;
  /** Character unit: the u-alpha family over the scope. */
  unitizing: UnitizingFigures | null;
}

/** The material every agreement computation of the project starts from. */
export interface AgreementData {
  coders: Coder[];
  codings: CodingSpan[];
  sourceLengths: Map<number, number>;
  scope: ReturnType<typeof agreementScope>;
  codeIds: number[] | undefined;
}

export function agreementData(db: Db, coderNames: readonly string[], codeRef?: string): AgreementData {
  const coders = coderNames.map((n) => requireCoder(db, n));
  const ids = coders.map((c) => c.id);
  validateCoders(ids);
  const codings = db
    .prepare(
      `SELECT source_id AS sourceId, code_id AS codeId, coder_id AS coderId, start, end FROM codings
       WHERE coder_id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as CodingSpan[];
  const sourceLengths = new Map((stmt(db, 'SELECT id, length FROM sources').all() as { id: number; length: number }[]).map((s) => [s.id, s.length]));
  const codeIds = codeRef === undefined ? undefined : selectedCodes(db, codeRef);
  return { coders, codings, sourceLengths, scope: agreementScope(db, ids), codeIds };
}

/** The code and its codable descendants, in tree order. */
function selectedCodes(db: Db, codeRef: string): number[] {
  const root = resolveCode(db, codeRef);
  const wanted = new Set(codeAndDescendants(db, root.id));
  return listCodes(db)
    .filter((c) => wanted.has(c.id) && (c.codable || c.id === root.id))
    .map((c) => c.id);
}

function checkUnit(unit: string): AgreementUnit {
  const found = AGREEMENT_UNITS.find((u) => u === unit);
  if (!found) throw new TresseError('agreement.unit', { value: unit });
  return found;
}

export function projectAgreement(db: Db, options: AgreementOptions): ProjectAgreement {
  const unit = checkUnit(options.unit);
  if (options.overlapThreshold !== undefined) validateThreshold(options.overlapThreshold);
  const data = agreementData(db, options.coders, options.codeRef);
  const report = computeAgreement({
    codings: data.codings,
    coderIds: data.coders.map((c) => c.id),
    sourceLengths: data.sourceLengths,
    sourceIds: data.scope.sourceIds,
    unit,
    ...(data.codeIds ? { codeIds: data.codeIds } : {}),
    ...(options.overlapThreshold !== undefined ? { overlapThreshold: options.overlapThreshold } : {}),
  });
  const codes = new Map(listCodes(db).map((c) => [c.id, c]));
  const names = sourceNames(db);
  const named = (ids: number[]) => ids.map((id) => ({ id, name: names.get(id) ?? String(id) }));
  const namedCodes = (rows: CodeAgreement[]) =>
    rows
      .map((r) => ({
        ...r,
        code: codes.get(r.codeId)?.name ?? String(r.codeId),
        abbrev: codes.get(r.codeId)?.abbrev ?? null,
        path: codePath(codes, r.codeId),
      }))
      .sort((x, y) => x.path.join('\u0000').localeCompare(y.path.join('\u0000'), 'fr'));
  return {
    unit: report.unit,
    overlapThreshold: report.overlapThreshold,
    coders: data.coders,
    scope: data.scope.rule,
    sources: named(report.sourceIds),
    excludedSources: named(data.scope.partlyMarkedIds),
    perCode: namedCodes(report.perCode),
    perSource: report.perSource.map((s) => ({
      id: s.sourceId,
      name: names.get(s.sourceId) ?? String(s.sourceId),
      perCode: namedCodes(s.perCode),
      overall: s.overall,
    })),
    overall: report.overall,
    unitizing: report.unitizing,
  };
}

export function sourceNames(db: Db): Map<number, string> {
  return new Map((stmt(db, 'SELECT id, name FROM sources').all() as { id: number; name: string }[]).map((s) => [s.id, s.name]));
}
