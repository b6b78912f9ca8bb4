// Turns codings into reliability data and agreement figures, at three units of analysis.
//
// Which sources count: the caller says (`sourceIds`, the scope; the service takes the sources every
// compared coder marked done). Whether a source was coded plays no part: a source in scope that
// nobody coded is agreement on absence, and counts as such.
//
// Values: for a given code, a coder's value on a unit is 1 (the code is applied there) or 0. Every
// compared coder gives a value to every unit of a source in scope, so Fleiss' kappa loses no unit.
//
// Units:
// - character: each character (code point) of each source in scope is a unit, per code; figures
//              are also given per code and source (as NVivo reports them).
// - segment:   each coder's segments (their codings of a code, merged where they overlap), each
//              checked from its own side against the other coders' (segment-agreement.ts, MAXQDA's
//              rule, the threshold holding for every pair). There is no "nobody coded it" unit, so
//              only percent agreement and Brennan & Prediger's kappa are given: Cohen's and Fleiss'
//              kappa and alpha could never be positive there.
// - document:  each source in scope is a unit, per code: did the coder apply the code anywhere in it?
//
// Character unit also: Krippendorff's alpha for unitizing (uα, |uα, cuα and |uα per code; see
// unitizing.ts), which treats the codings as stretches of a continuum rather than independent
// characters. Alpha comes with its bootstrap interval (Hayes & Krippendorff 2007, bootstrap.ts).
//
// "Overall" pools the codes: every (unit, code) pair is one binary unit and the coefficients are
// computed once on the pooled table. It is not an average of the per-code figures, so frequent codes
// and long sources weigh more, as they do in the text.
//
// Characters are never materialised: each (source, code) is swept along its sorted coding
// boundaries and the run lengths between boundaries are added to a table of presence patterns
// (a bit mask of the coders who have the code there), i.e. weighted units.

import { TresseError } from '../../i18n/error.ts';
import type { Coding } from '../../model/types.ts';
import { bootstrapAlpha, type AlphaInterval } from './bootstrap.ts';
import type { KappaResult, WeightedUnit } from './coefficients.ts';
import { patternCoefficients } from './pattern-coefficients.ts';
import { checkSegments, segmentFigures, type SegmentCheck } from './segment-agreement.ts';
import { DEFAULT_OVERLAP_THRESHOLD } from './segments.ts';
import { unitizingAlpha, type UnitizingAlphaResult, type UnitizingContinuum } from './unitizing.ts';

export type AgreementUnit = 'character' | 'segment' | 'document';

export type CodingSpan = Pick<Coding, 'sourceId' | 'codeId' | 'coderId' | 'start' | 'end'>;

export interface AgreementInput {
  codings: ReadonlyArray<CodingSpan>;
  /** The coders to compare (at least two); codings by anyone else are ignored. */
  coderIds: number[];
  /** Length in code points of each source's normalised text. */
  sourceLengths: ReadonlyMap<number, number>;
  /** The sources compared (the scope); each must have a length in `sourceLengths`. */
  sourceIds: ReadonlyArray<number>;
  unit: AgreementUnit;
  /** Codes to report; default: every code the compared coders used in the included sources. */
  codeIds?: number[];
  /** Segment unit only: minimum overlap / union for two passages to match (default 0.5). */
  overlapThreshold?: number;
}

export interface AgreementFigures {
  /** Units compared (characters, segments or sources; for "overall", unit x code pairs). */
  units: number;
  percentAgreement: number | null;
  /** Only when exactly two coders are compared; never at segment level. */
  cohenKappa: KappaResult | null;
  /** Never at segment level. */
  fleissKappa: number | null;
  /** Nominal (binary presence/absence) alpha; never at segment level. */
  krippendorffAlpha: number | null;
  /** Bootstrap interval of that alpha (per code and pooled; not per source). */
  alphaInterval: AlphaInterval | null;
  /** Segment level only: Brennan & Prediger's kappa, chance 1/q with q the number of codes compared. */
  brennanPredigerKappa: number | null;
  /**
   * Character level only: Krippendorff's alpha for unitizing. Per code: |uα of the code against
   * everything else; pooled: uα over every code and the gaps. Not given per source.
   */
  unitizingAlpha: number | null;
  /** Segment level only: segments that agree and do not, and the chance term 1/q. */
  segments: { agreeing: number; nonAgreeing: number; chance: number | null } | null;
  /** Units where each coder applied the code (segment level: each coder's segments), in `coderIds` order. */
  presentByCoder: number[];
}

/** Character unit: Krippendorff's alpha for unitizing (Krippendorff, Mathet, Bouvry & Widlöcher 2016). */
export interface UnitizingFigures {
  /** uα: unitizing and coding together, every code and the gaps. */
  uAlpha: number | null;
  /** |uα: coded stretches against gaps, codes ignored. */
  binaryUAlpha: number | null;
  /** cuα: the coding where the coders' coded stretches meet, and the share of the text that is. */
  cuAlpha: number | null;
  cuCoverage: number;
}

export interface CodeAgreement extends AgreementFigures {
  codeId: number;
}

/** Character unit: one source's figures, per code and pooled over codes. */
export interface SourceAgreement {
  sourceId: number;
  perCode: CodeAgreement[];
  overall: AgreementFigures;
}

export interface AgreementReport {
  unit: AgreementUnit;
  coderIds: number[];
  overlapThreshold: number | null;
  /** Sources compared (the scope, sorted); the same for every code. */
  sourceIds: number[];
  perCode: CodeAgreement[];
  /** Character unit only: per source, per code and pooled (empty at the other units). */
  perSource: SourceAgreement[];
  /** Character unit only. */
  unitizing: UnitizingFigures | null;
  /** Pooled over codes, see the file comment. */
  overall: AgreementFigures;
}

/** Presence-pattern table: bit i of the key = coder i has the code; value = number of units. */
export type PatternCounts = Map<number, number>;

const MAX_CODERS = 30; // patterns are 31-bit masks

export interface PreparedCodings {
  coderIndex: Map<number, number>;
  sourceIds: number[];
  codeIds: number[];
  /** Codings of included sources and selected codes, clipped to the source, grouped by source then code. */
  groups: Map<number, Map<number, CodingSpan[]>>;
}

export function validateCoders(coderIds: ReadonlyArray<number>): void {
  const distinct = new Set(coderIds).size;
  if (distinct < 2 || distinct !== coderIds.length || distinct > MAX_CODERS) {
    throw new TresseError('agreement.coders', { count: distinct });
  }
}

export function validateThreshold(t: number): void {
  if (!(t > 0 && t <= 1)) throw new TresseError('agreement.threshold', { value: String(t) });
}

/** Keeps the codings of the sources in scope, compared coders and selected codes, grouped by source then code. */
export function prepareCodings(
  codings: ReadonlyArray<CodingSpan>,
  coderIds: ReadonlyArray<number>,
  sourceLengths: ReadonlyMap<number, number>,
  scope: ReadonlyArray<number>,
  codeIds?: ReadonlyArray<number>,
): PreparedCodings {
  validateCoders(coderIds);
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const sourceIds = [...new Set(scope)].filter((id) => sourceLengths.has(id)).sort((a, b) => a - b);
  const included = new Set(sourceIds);
  const wanted = codeIds ? new Set(codeIds) : null;
  const used = new Set<number>();
  const groups = new Map<number, Map<number, CodingSpan[]>>();
  for (const c of codings) {
    if (!coderIndex.has(c.coderId) || !included.has(c.sourceId)) continue;
    if (wanted && !wanted.has(c.codeId)) continue;
    const length = sourceLengths.get(c.sourceId)!;
    const start = Math.max(0, c.start);
    const end = Math.min(length, c.end);
    if (end <= start) continue;
    used.add(c.codeId);
    let byCode = groups.get(c.sourceId);
    if (!byCode) groups.set(c.sourceId, (byCode = new Map()));
    let list = byCode.get(c.codeId);
    if (!list) byCode.set(c.codeId, (list = []));
    list.push(start === c.start && end === c.end ? c : { ...c, start, end });
  }
  const codes = codeIds ? [...new Set(codeIds)] : [...used].sort((a, b) => a - b);
  return { coderIndex, sourceIds, codeIds: codes, groups };
}

function addCount(table: PatternCounts, mask: number, count: number): void {
  if (count > 0) table.set(mask, (table.get(mask) ?? 0) + count);
}

/**
 * Sweeps one (source, code) group: adds to `table` the number of characters covered by each
 * non-empty presence pattern, and returns how many characters some coder covered.
 */
export function sweepCharacters(spans: ReadonlyArray<CodingSpan>, coderIndex: ReadonlyMap<number, number>, table: PatternCounts): number {
  const k = coderIndex.size;
  const stride = 2 * k;
  // Event = position * 2k + coder * 2 + (1 for a start); ends sort before starts at one position,
  // which does not matter since a zero-length stretch adds nothing.
  const events = new Float64Array(spans.length * 2);
  let e = 0;
  for (const s of spans) {
    const i = coderIndex.get(s.coderId)!;
    events[e++] = s.start * stride + i * 2 + 1;
    events[e++] = s.end * stride + i * 2;
  }
  events.sort();
  const depth = new Int32Array(k);
  let mask = 0;
  let prev = 0;
  let covered = 0;
  for (let j = 0; j < events.length; j++) {
    const ev = events[j]!;
    const pos = Math.floor(ev / stride);
    const rest = ev - pos * stride;
    const coder = rest >> 1;
    if (mask !== 0 && pos > prev) {
      addCount(table, mask, pos - prev);
      covered += pos - prev;
    }
    prev = pos;
    if (rest & 1) {
      if (depth[coder]!++ === 0) mask |= 1 << coder;
    } else if (--depth[coder]! === 0) mask &= ~(1 << coder);
  }
  return covered;
}

/** Character unit: one presence-pattern table per (source, code), absence included. */
export function characterTables(prep: PreparedCodings, sourceLengths: ReadonlyMap<number, number>): Map<number, Map<number, PatternCounts>> {
  const out = new Map<number, Map<number, PatternCounts>>();
  for (const sourceId of prep.sourceIds) {
    const length = sourceLengths.get(sourceId)!;
    const byCode = prep.groups.get(sourceId);
    const tables = new Map<number, PatternCounts>();
    for (const codeId of prep.codeIds) {
      const table: PatternCounts = new Map();
      const spans = byCode?.get(codeId);
      const covered = spans ? sweepCharacters(spans, prep.coderIndex, table) : 0;
      addCount(table, 0, length - covered);
      tables.set(codeId, table);
    }
    out.set(sourceId, tables);
  }
  return out;
}

function addTable(into: PatternCounts, from: PatternCounts): void {
  for (const [mask, count] of from) addCount(into, mask, count);
}

/**
 * Per-code presence-pattern tables at character or document level; at character level, the sum of
 * the per-source tables (characterTables), which the caller already has for the per-source figures.
 */
export function patternTables(
  prep: PreparedCodings,
  unit: 'character' | 'document',
  bySource: ReadonlyMap<number, ReadonlyMap<number, PatternCounts>>,
): Map<number, PatternCounts> {
  const tables = new Map<number, PatternCounts>(prep.codeIds.map((id) => [id, new Map()]));
  if (unit === 'character') {
    for (const byCode of bySource.values()) for (const [codeId, t] of byCode) addTable(tables.get(codeId)!, t);
  } else if (unit === 'document') {
    for (const sourceId of prep.sourceIds) {
      const byCode = prep.groups.get(sourceId);
      for (const [codeId, table] of tables) {
        let mask = 0;
        for (const s of byCode?.get(codeId) ?? []) mask |= 1 << prep.coderIndex.get(s.coderId)!;
        addCount(table, mask, 1);
      }
    }
  }
  return tables;
}

function toUnits(table: PatternCounts, k: number): WeightedUnit[] {
  const units: WeightedUnit[] = [];
  for (const [mask, count] of table) {
    const values = new Array<number>(k);
    for (let i = 0; i < k; i++) values[i] = (mask >> i) & 1;
    units.push({ values, count });
  }
  return units;
}

export function figuresFromPatterns(table: PatternCounts, k: number, withInterval: boolean): AgreementFigures {
  let total = 0;
  const presentByCoder = new Array<number>(k).fill(0);
  for (const [mask, count] of table) {
    total += count;
    for (let i = 0; i < k; i++) if ((mask >> i) & 1) presentByCoder[i]! += count;
  }
  return {
    units: total,
    ...patternCoefficients(table, k),
    alphaInterval: withInterval ? bootstrapAlpha(toUnits(table, k), 'nominal') : null,
    brennanPredigerKappa: null,
    unitizingAlpha: null,
    segments: null,
    presentByCoder,
  };
}

/**
 * Agreement between the given coders, per code and pooled over codes, at the chosen unit.
 * Throws TresseError 'agreement.coders' (fewer than two distinct coders, or more than 30) and
 * 'agreement.threshold' (segment unit, threshold outside (0, 1]).
 */
export function computeAgreement(input: AgreementInput): AgreementReport {
  const threshold = input.overlapThreshold ?? DEFAULT_OVERLAP_THRESHOLD;
  if (input.unit === 'segment') validateThreshold(threshold);
  const prep = prepareCodings(input.codings, input.coderIds, input.sourceLengths, input.sourceIds, input.codeIds);
  const common = { unit: input.unit, coderIds: [...input.coderIds], sourceIds: prep.sourceIds };
  if (input.unit === 'segment')
    return { ...common, overlapThreshold: threshold, ...segmentLevel(prep, input.coderIds, threshold), perSource: [], unitizing: null };
  const k = input.coderIds.length;
  const perCodeAndPooled = (tables: ReadonlyMap<number, PatternCounts>, withInterval: boolean) => {
    const pooled: PatternCounts = new Map();
    const perCode: CodeAgreement[] = [];
    for (const codeId of prep.codeIds) {
      const table = tables.get(codeId)!;
      addTable(pooled, table);
      perCode.push({ codeId, ...figuresFromPatterns(table, k, withInterval) });
    }
    return { perCode, overall: figuresFromPatterns(pooled, k, withInterval) };
  };
  const perSource: SourceAgreement[] = [];
  const bySource = input.unit === 'character' ? characterTables(prep, input.sourceLengths) : new Map<number, Map<number, PatternCounts>>();
  for (const [sourceId, tables] of bySource) perSource.push({ sourceId, ...perCodeAndPooled(tables, false) });
  const { perCode, overall } = perCodeAndPooled(patternTables(prep, input.unit, bySource), true);
  const u = input.unit === 'character' ? unitizing(prep, input.sourceLengths) : null;
  if (u) {
    for (const row of perCode) row.unitizingAlpha = u.perCategory.get(row.codeId)?.binaryUAlpha ?? null;
    overall.unitizingAlpha = u.uAlpha;
  }
  return {
    ...common,
    overlapThreshold: null,
    perCode,
    overall,
    perSource,
    unitizing: u && { uAlpha: u.uAlpha, binaryUAlpha: u.binaryUAlpha, cuAlpha: u.cuAlpha, cuCoverage: u.cuCoverage },
  };
}

function segmentLevel(prep: PreparedCodings, coderIds: ReadonlyArray<number>, threshold: number): { perCode: CodeAgreement[]; overall: AgreementFigures } {
  const q = prep.codeIds.length;
  const checks = new Map<number, SegmentCheck[]>(prep.codeIds.map((id) => [id, []]));
  for (const byCode of prep.groups.values()) for (const [codeId, spans] of byCode) checks.get(codeId)!.push(checkSegments(spans, coderIds, threshold));
  const figures = (list: SegmentCheck[]): AgreementFigures => {
    const f = segmentFigures(list, coderIds, q);
    return {
      units: f.agreeing + f.nonAgreeing,
      percentAgreement: f.percentAgreement,
      cohenKappa: null,
      fleissKappa: null,
      krippendorffAlpha: null,
      alphaInterval: null,
      brennanPredigerKappa: f.kappa,
      unitizingAlpha: null,
      segments: { agreeing: f.agreeing, nonAgreeing: f.nonAgreeing, chance: f.chance },
      presentByCoder: f.perCoder.map((c) => c.agreeing + c.nonAgreeing),
    };
  };
  return { perCode: prep.codeIds.map((codeId) => ({ codeId, ...figures(checks.get(codeId)!) })), overall: figures([...checks.values()].flat()) };
}

function unitizing(prep: PreparedCodings, sourceLengths: ReadonlyMap<number, number>): UnitizingAlphaResult | null {
  const continua: UnitizingContinuum[] = prep.sourceIds
    .filter((id) => sourceLengths.get(id)! > 0)
    .map((id) => ({
      length: sourceLengths.get(id)!,
      sections: [...(prep.groups.get(id)?.values() ?? [])]
        .flat()
        .map((c) => ({ coder: prep.coderIndex.get(c.coderId)!, start: c.start, end: c.end, category: c.codeId })),
    }));
  if (continua.length === 0) return null;
  return unitizingAlpha({ coders: prep.coderIndex.size, continua });
}
