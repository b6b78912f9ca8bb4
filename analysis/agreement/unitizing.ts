// Krippendorff's alpha for unitizing continua (the u-alpha family), for coded text.
//
// Input. A continuum is one source: `length` characters (code points), positions 0..length-1. Each
// of `coders` coders marks sections [start, end) with a category (a code). What a coder did not
// mark is that coder's gap (the empty category). Several continua (sources) are pooled: their
// coincidences and disagreements are summed, and no section or gap runs from one source into the
// next. A source no one marked still counts (it is all gap for everyone).
//
// Overlaps. The measures assume that a coder's sections of one category do not overlap, and the
// all-category measures (uα, |uα, cuα) that each coder partitions the continuum into mutually
// exclusive sections. Text coding allows several codes on one passage, so before computing:
// - a coder's overlapping sections of the same category are merged into one section (adjacent
//   ones stay two sections: two units that touch);
// - for the all-category measures, where one coder's sections of different categories overlap,
//   the stretch carries the combination as its value (a composite category such as {a, b}), and
//   sections are cut where the combination changes;
// - the per-category measures look at one category at a time (k versus everything else), so
//   other categories never interfere with them.
//
// Output. Every coefficient is null when undefined (no disagreement can be expected: e.g. every
// coder marked nothing, or everything, in the same way), never NaN.
// - Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the reliability of unitizing textual
//   continua: Further developments", Quality & Quantity 50, 2347-2364:
//     uAlpha        uα: unitizing and coding together, all categories and the gap (nominal);
//     binaryUAlpha  |uα: valued units versus gaps, categories ignored;
//     cuAlpha       cuα: the coding of the stretches where the coders' valued units intersect
//                   (unitizing ignored); `cuCoverage` says how much of the pooled continuum that is;
//     perCategory   for each category k: (k)uα, the per-value breakdown of cuα (with its coverage;
//                   over the stretches where k is the coder's only code), and |uα computed on the
//                   continuum of k alone (k versus everything else: the figure to read per code).
//   Observed coincidences: intersection lengths summed over ordered pairs of coders, / (m - 1).
//   Expected: as in alpha for coding, but a unit cannot be paired with itself (its l^2 self-pairs
//   leave), while a gap is divisible (only its l one-character self-pairs leave). For cuα each
//   valued section weighs its share of the intersections and its own self-pairs are that share
//   squared (this reproduces the published cuα = .724 of Krippendorff 2019, Figure 12.11).
// - Krippendorff (2004), Content Analysis 2nd ed. §12.4 and "Measuring the reliability of
//   qualitative text analysis data", Quality & Quantity 38, 787-800: the per-category uα_k of a
//   continuum of L discrete elements (characters), L the pooled length, and the combined
//   1 - ΣD_o / ΣD_e. The 2016 paper shows it misbehaves with three coders or more: prefer |uα there.
// - Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological
//   Methodology 25, 47-76: the same observed disagreement with the expected disagreement of a
//   truly continuous continuum (the limit of the 2004 form as the resolution grows).
//
// Bad input (fewer than two or more than 30 coders, a coder index out of range, a section outside
// its continuum or empty) throws a TresseError. Cost: one merge-like sweep per pair of coders and
// continuum, no per-character loop: about 1 s for 500 sources of 50-70k characters, 100,000
// sections, 60 codes, 2 coders.

import { TresseError } from '../../i18n/error.ts';

export type UnitizingCategory = string | number;

export interface UnitizingSection {
  /** Coder index, 0 <= coder < coders. */
  coder: number;
  /** Half-open [start, end) in characters, 0 <= start < end <= length (integers). */
  start: number;
  end: number;
  category: UnitizingCategory;
}

export interface UnitizingContinuum {
  /** Number of characters (a positive integer). */
  length: number;
  sections: ReadonlyArray<UnitizingSection>;
}

/** One continuum, or several pooled. */
export type UnitizingInput =
  { coders: number; length: number; sections: ReadonlyArray<UnitizingSection> } | { coders: number; continua: ReadonlyArray<UnitizingContinuum> };

/** Krippendorff (1995 / 2004) figures for one category, or combined over categories. */
export interface ClassicUnitizingAlpha {
  /** Observed disagreement uD_o. */
  observed: number;
  /** Expected disagreement uD_e; null when undefined (the category is never used). */
  expected: number | null;
  alpha: number | null;
}

export interface UnitizingCategoryAlpha {
  /** (k)uα (2016): reliability of value k among intersecting valued units. */
  kuAlpha: number | null;
  /** Share of the coincidences of k with any valued unit among all coincidences of k (0..1). */
  kuCoverage: number;
  /** |uα (2016) on the continuum of k alone: k versus everything else. */
  binaryUAlpha: number | null;
  /** Krippendorff (2004) uα_k, discrete continuum. */
  alpha2004: ClassicUnitizingAlpha;
  /** Krippendorff (1995) uα_k, continuous continuum. */
  alpha1995: ClassicUnitizingAlpha;
}

export interface UnitizingAlphaResult {
  coders: number;
  /** Pooled length (sum of the continua's lengths). */
  length: number;
  uAlpha: number | null;
  binaryUAlpha: number | null;
  cuAlpha: number | null;
  /** Share of all pairable values (coders x length) that intersect valued units on both sides (0..1). */
  cuCoverage: number;
  perCategory: Map<UnitizingCategory, UnitizingCategoryAlpha>;
  /** 2004 form over all categories: 1 - Σ_k D_o(k) / Σ_k D_e(k). */
  alpha2004: ClassicUnitizingAlpha;
  /** 1995 form over all categories, same combination. */
  alpha1995: ClassicUnitizingAlpha;
}

// ---------------------------------------------------------------------------------------------
// Preparation

const MAX_CODERS = 30;
const GAP = -1;

/** Per coder: merged sections of one category in one continuum, flat [start0, end0, start1, end1, ...]. */
type SpansByCoder = number[][];

interface Prepared {
  coders: number;
  lengths: number[];
  totalLength: number;
  categories: UnitizingCategory[];
  /** Per continuum: category index -> that category's sections, per coder. */
  byCategory: Array<Map<number, SpansByCoder>>;
}

function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function prepare(input: UnitizingInput): Prepared {
  const { coders } = input;
  if (!isInteger(coders) || coders < 2 || coders > MAX_CODERS) throw new TresseError('agreement.coders', { count: String(coders) });
  const continua = 'continua' in input ? input.continua : [{ length: input.length, sections: input.sections }];
  const categoryIndex = new Map<UnitizingCategory, number>();
  const categories: UnitizingCategory[] = [];
  const lengths: number[] = [];
  const byCategory: Array<Map<number, SpansByCoder>> = [];
  let totalLength = 0;
  for (const continuum of continua) {
    const { length } = continuum;
    if (!isInteger(length) || length < 0) throw new TresseError('value.invalid', { field: 'length', value: String(length) });
    const raw = new Map<number, Array<Array<[number, number]>>>();
    for (const s of continuum.sections) {
      if (!isInteger(s.coder) || s.coder < 0 || s.coder >= coders) throw new TresseError('value.invalid', { field: 'coder', value: String(s.coder) });
      if (!isInteger(s.start) || !isInteger(s.end) || s.start < 0 || s.end > length || s.start >= s.end) {
        throw new TresseError('coding.range', { start: String(s.start), end: String(s.end), length });
      }
      if (typeof s.category !== 'string' && typeof s.category !== 'number')
        throw new TresseError('value.invalid', { field: 'category', value: String(s.category) });
      let k = categoryIndex.get(s.category);
      if (k === undefined) {
        k = categories.length;
        categoryIndex.set(s.category, k);
        categories.push(s.category);
      }
      let perCoder = raw.get(k);
      if (!perCoder) raw.set(k, (perCoder = Array.from({ length: coders }, () => [])));
      perCoder[s.coder]!.push([s.start, s.end]);
    }
    const merged = new Map<number, SpansByCoder>();
    for (const [k, perCoder] of raw) merged.set(k, perCoder.map(mergeOverlapping));
    lengths.push(length);
    byCategory.push(merged);
    totalLength += length;
  }
  return { coders, lengths, totalLength, categories, byCategory };
}

/** Sorts one coder's sections of one category and merges those that overlap; touching ones stay apart. */
function mergeOverlapping(spans: Array<[number, number]>): number[] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const flat: number[] = [];
  for (const [start, end] of spans) {
    const n = flat.length;
    if (n > 0 && start < flat[n - 1]!) flat[n - 1] = Math.max(flat[n - 1]!, end);
    else flat.push(start, end);
  }
  return flat;
}

/** 1 - D_o / D_e, or null when no disagreement can be expected (D_e is 0 up to rounding). */
function alphaOf(observed: number, expected: number, scale: number): number | null {
  if (!(expected > 1e-12 * scale)) return null;
  return 1 - observed / expected;
}

// ---------------------------------------------------------------------------------------------
// The 2016 family: uα, |uα, cuα and (k)uα, from one sweep over every pair of coders.

interface Partition {
  starts: number[];
  ends: number[];
  /** Value id of each section, GAP for the gap. */
  values: number[];
  /** Id of the first section in the pooled numbering (for the per-section cuα sums). */
  firstId: number;
}

/**
 * A coder's sections in one continuum as a partition of [0, length): cut wherever one of their
 * sections starts or ends; each piece carries the set of categories present (a single category
 * keeps its category index as value id, a combination gets an id of its own), or GAP.
 */
function partitionOf(
  length: number,
  spans: ReadonlyArray<[number, number[]]>,
  categoryCount: number,
  composite: Map<string, number>,
  firstId: number,
): Partition {
  const events: number[] = [];
  const width = 2 * categoryCount;
  // One number per event, ends before starts at the same position so touching units stay apart.
  for (const [k, flat] of spans) {
    for (let i = 0; i < flat.length; i += 2) events.push(flat[i]! * width + categoryCount + k, flat[i + 1]! * width + k);
  }
  const sorted = Float64Array.from(events).sort();
  const starts: number[] = [];
  const ends: number[] = [];
  const values: number[] = [];
  const active: number[] = [];
  let cursor = 0;
  let e = 0;
  while (e < sorted.length) {
    const pos = Math.floor(sorted[e]! / width);
    if (pos > cursor) {
      starts.push(cursor);
      ends.push(pos);
      values.push(valueOf(active, categoryCount, composite));
      cursor = pos;
    }
    for (; e < sorted.length && Math.floor(sorted[e]! / width) === pos; e++) {
      const code = sorted[e]! - pos * width;
      if (code >= categoryCount) {
        const k = code - categoryCount;
        let at = active.length;
        while (at > 0 && active[at - 1]! > k) at--;
        active.splice(at, 0, k);
      } else {
        active.splice(active.indexOf(code), 1);
      }
    }
  }
  if (cursor < length) {
    starts.push(cursor);
    ends.push(length);
    values.push(GAP);
  }
  return { starts, ends, values, firstId };
}

function valueOf(active: ReadonlyArray<number>, categoryCount: number, composite: Map<string, number>): number {
  if (active.length === 0) return GAP;
  if (active.length === 1) return active[0]!;
  const key = active.join('+');
  let id = composite.get(key);
  if (id === undefined) composite.set(key, (id = categoryCount + composite.size));
  return id;
}

interface FamilyFigures {
  uAlpha: number | null;
  binaryUAlpha: number | null;
  cuAlpha: number | null;
  cuCoverage: number;
  /** (k)uα and its coverage, by category index. */
  perValue: Map<number, { kuAlpha: number | null; kuCoverage: number }>;
}

function family(p: Prepared): FamilyFigures {
  const m = p.coders;
  const K = p.categories.length;
  const composite = new Map<string, number>();
  const partitions: Partition[][] = [];
  let sectionCount = 0;
  p.byCategory.forEach((cats, c) => {
    const perCoder: Partition[] = [];
    for (let i = 0; i < m; i++) {
      const spans: Array<[number, number[]]> = [];
      for (const [k, byCoder] of cats) if (byCoder[i]!.length > 0) spans.push([k, byCoder[i]!]);
      const part = partitionOf(p.lengths[c]!, spans, K, composite, sectionCount);
      sectionCount += part.starts.length;
      perCoder.push(part);
    }
    partitions.push(perCoder);
  });
  const valueCount = K + composite.size;
  // Coincidences l_ck = (1 / (m-1)) sum over ordered pairs of coders of intersection lengths. Only
  // the diagonal is needed: D_o = l.. - sum_c l_cc, and every margin l_c. is the summed length of
  // the sections valued c, since each coder's partition meets every other coder's once.
  const diag = new Float64Array(valueCount);
  let diagGap = 0;
  // Per valued section: summed length of its intersections with other coders' valued sections.
  const valuedIntersections = new Float64Array(sectionCount);
  for (const perCoder of partitions) {
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const P = perCoder[i]!;
        const Q = perCoder[j]!;
        let a = 0;
        let b = 0;
        while (a < P.starts.length && b < Q.starts.length) {
          const x = Math.min(P.ends[a]!, Q.ends[b]!) - Math.max(P.starts[a]!, Q.starts[b]!);
          const va = P.values[a]!;
          const vb = Q.values[b]!;
          if (x > 0) {
            if (va === vb) {
              if (va === GAP) diagGap += 2 * x;
              else diag[va]! += 2 * x;
            }
            if (va !== GAP && vb !== GAP) {
              valuedIntersections[P.firstId + a]! += x;
              valuedIntersections[Q.firstId + b]! += x;
            }
          }
          if (P.ends[a]! < Q.ends[b]!) a++;
          else if (P.ends[a]! > Q.ends[b]!) b++;
          else {
            a++;
            b++;
          }
        }
      }
    }
  }
  const margin = new Float64Array(valueCount);
  const selfPairs = new Float64Array(valueCount);
  const cuMargin = new Float64Array(valueCount);
  const cuSelfPairs = new Float64Array(valueCount);
  let gapLength = 0;
  for (const perCoder of partitions) {
    for (const P of perCoder) {
      for (let s = 0; s < P.starts.length; s++) {
        const len = P.ends[s]! - P.starts[s]!;
        const v = P.values[s]!;
        if (v === GAP) {
          gapLength += len;
          continue;
        }
        margin[v]! += len;
        // A unit cannot be paired with itself by chance: its l^2 self-pairs leave the expected
        // coincidences; a gap is divisible, only each character's pairing with itself leaves.
        selfPairs[v]! += len * len;
        const share = valuedIntersections[P.firstId + s]! / (m - 1);
        cuMargin[v]! += share;
        cuSelfPairs[v]! += share * share;
      }
    }
  }
  const total = m * p.totalLength;
  let allSelfPairs = gapLength;
  let expectedDiag = gapLength * gapLength - gapLength;
  let observedDiag = diagGap;
  for (let v = 0; v < valueCount; v++) {
    allSelfPairs += selfPairs[v]!;
    expectedDiag += margin[v]! * margin[v]! - selfPairs[v]!;
    observedDiag += diag[v]!;
  }
  const pairs = total * total - allSelfPairs;
  const uAlpha = alphaOf(total - observedDiag / (m - 1), total - (total * expectedDiag) / pairs, total);
  const binaryUAlpha = alphaOf(gapLength - diagGap / (m - 1), (total * gapLength * (total - gapLength)) / pairs, total);

  let cuTotal = 0;
  let cuAllSelfPairs = 0;
  let cuExpectedDiag = 0;
  let cuObservedDiag = 0;
  for (let v = 0; v < valueCount; v++) {
    cuTotal += cuMargin[v]!;
    cuAllSelfPairs += cuSelfPairs[v]!;
    cuExpectedDiag += cuMargin[v]! * cuMargin[v]! - cuSelfPairs[v]!;
    cuObservedDiag += diag[v]!;
  }
  const cuPairs = cuTotal * cuTotal - cuAllSelfPairs;
  const cuAlpha = cuTotal > 0 && cuPairs > 0 ? alphaOf(cuTotal - cuObservedDiag / (m - 1), cuTotal - (cuTotal * cuExpectedDiag) / cuPairs, total) : null;

  const perValue = new Map<number, { kuAlpha: number | null; kuCoverage: number }>();
  for (let k = 0; k < K; k++) {
    const lk = cuMargin[k]!;
    const kuCoverage = margin[k]! > 0 ? lk / margin[k]! : 0;
    let kuAlpha: number | null = null;
    if (lk > 0 && cuPairs > 0) {
      const eRow = (cuTotal * (lk * cuTotal - cuSelfPairs[k]!)) / cuPairs;
      const eDiag = (cuTotal * (lk * lk - cuSelfPairs[k]!)) / cuPairs;
      const observed = lk - diag[k]! / (m - 1);
      const expected = eRow - eDiag;
      // Row k's observed share of disagreement over its expected share (the 2016 paper's (k)uα).
      kuAlpha = expected > 1e-12 * total ? 1 - ((eRow / lk) * observed) / expected : null;
    }
    perValue.set(k, { kuAlpha, kuCoverage });
  }
  return { uAlpha, binaryUAlpha, cuAlpha, cuCoverage: total > 0 ? cuTotal / total : 0, perValue };
}

// ---------------------------------------------------------------------------------------------
// One category k at a time: its units against everything else (the gap of the k-continuum).

interface BinaryPartition {
  starts: number[];
  ends: number[];
  unit: boolean[];
}

function binaryPartition(flat: ReadonlyArray<number>, length: number): BinaryPartition {
  const starts: number[] = [];
  const ends: number[] = [];
  const unit: boolean[] = [];
  let cursor = 0;
  for (let i = 0; i < flat.length; i += 2) {
    if (flat[i]! > cursor) {
      starts.push(cursor);
      ends.push(flat[i]!);
      unit.push(false);
    }
    starts.push(flat[i]!);
    ends.push(flat[i + 1]!);
    unit.push(true);
    cursor = flat[i + 1]!;
  }
  if (cursor < length) {
    starts.push(cursor);
    ends.push(length);
    unit.push(false);
  }
  return { starts, ends, unit };
}

interface PairSums {
  /** Summed length where both coders have a unit. */
  intersection: number;
  /** Krippendorff's (1995, 2004) squared differences delta^2 of the pair's overlapping sections. */
  squaredDifferences: number;
}

function comparePair(P: BinaryPartition, Q: BinaryPartition): PairSums {
  let intersection = 0;
  let squaredDifferences = 0;
  let a = 0;
  let b = 0;
  while (a < P.starts.length && b < Q.starts.length) {
    const sa = P.starts[a]!;
    const ea = P.ends[a]!;
    const sb = Q.starts[b]!;
    const eb = Q.ends[b]!;
    if (Math.min(ea, eb) > Math.max(sa, sb)) {
      if (P.unit[a] && Q.unit[b]) {
        intersection += Math.min(ea, eb) - Math.max(sa, sb);
        squaredDifferences += (sa - sb) ** 2 + (ea - eb) ** 2;
      } else if (P.unit[a] && sa >= sb && ea <= eb) {
        squaredDifferences += (ea - sa) ** 2; // a unit inside the other coder's gap
      } else if (Q.unit[b] && sb >= sa && eb <= ea) {
        squaredDifferences += (eb - sb) ** 2;
      }
    }
    if (ea < eb) a++;
    else if (ea > eb) b++;
    else {
      a++;
      b++;
    }
  }
  return { intersection, squaredDifferences };
}

interface CategoryFigures {
  binaryUAlpha: number | null;
  alpha2004: ClassicUnitizingAlpha;
  alpha1995: ClassicUnitizingAlpha;
}

function categoryFigures(p: Prepared, k: number): CategoryFigures {
  const m = p.coders;
  const L = p.totalLength;
  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  let intersection = 0;
  let squaredDifferences = 0;
  p.byCategory.forEach((cats, c) => {
    const length = p.lengths[c]!;
    const byCoder = cats.get(k);
    if (!byCoder) {
      for (let i = 0; i < m && length > 0; i++) gapLengths.push(length);
      return;
    }
    const parts = byCoder.map((flat) => binaryPartition(flat, length));
    for (const part of parts) {
      for (let s = 0; s < part.starts.length; s++) (part.unit[s] ? unitLengths : gapLengths).push(part.ends[s]! - part.starts[s]!);
    }
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const sums = comparePair(parts[i]!, parts[j]!);
        intersection += sums.intersection;
        squaredDifferences += sums.squaredDifferences;
      }
    }
  });
  let unitLength = 0;
  let unitSquares = 0;
  for (const l of unitLengths) {
    unitLength += l;
    unitSquares += l * l;
  }
  // |uα of the k-continuum: a 2 x 2 coincidence matrix, units of k against gaps.
  const total = m * L;
  const gapLength = total - unitLength;
  const observedBinary = unitLength - (2 * intersection) / (m - 1);
  const expectedBinary = (total * unitLength * gapLength) / (total * total - unitSquares - gapLength);
  const binaryUAlpha = alphaOf(observedBinary, expectedBinary, total);

  // Krippendorff (2004): observed disagreement over ordered pairs of coders, per squared length.
  const observed = L > 0 ? (2 * squaredDifferences) / (m * (m - 1) * L * L) : 0;
  // Expected disagreement: every unit set anywhere by chance, against every unit (cubic term) and
  // inside every gap that can hold it. Gap lengths sorted with suffix sums answer "gaps >= l".
  gapLengths.sort((x, y) => x - y);
  const suffixLength = new Float64Array(gapLengths.length + 1);
  for (let g = gapLengths.length - 1; g >= 0; g--) suffixLength[g] = suffixLength[g + 1]! + gapLengths[g]!;
  const N = unitLengths.length;
  let discrete = 0;
  let continuous = 0;
  let unitPairs = 0;
  for (const l of unitLengths) {
    let lo = 0;
    let hi = gapLengths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gapLengths[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    const holding = gapLengths.length - lo;
    const room = suffixLength[lo]! - l * holding;
    discrete += ((N - 1) * (2 * l ** 3 - 3 * l * l + l)) / 3 + l * l * (room + holding);
    continuous += ((N - 1) * 2 * l ** 3) / 3 + l * l * room;
    unitPairs += l * (l - 1);
  }
  const expected2004 = N > 0 && L > 0 ? ((2 / L) * discrete) / (m * L * (m * L - 1) - unitPairs) : null;
  const expected1995 = N > 0 && L > 0 ? ((2 / L) * continuous) / (m * m * L * L - unitSquares) : null;
  return {
    binaryUAlpha,
    alpha2004: classic(observed, expected2004),
    alpha1995: classic(observed, expected1995),
  };
}

function classic(observed: number, expected: number | null): ClassicUnitizingAlpha {
  return { observed, expected, alpha: expected === null ? null : alphaOf(observed, expected, 1) };
}

function combined(figures: ReadonlyArray<ClassicUnitizingAlpha>): ClassicUnitizingAlpha {
  let observed = 0;
  let expected = 0;
  let any = false;
  for (const f of figures) {
    if (f.expected === null) continue;
    observed += f.observed;
    expected += f.expected;
    any = true;
  }
  return classic(observed, any ? expected : null);
}

/** The u-alpha family for coded continua; see the top of this file for the input, the output and the references. */
export function unitizingAlpha(input: UnitizingInput): UnitizingAlphaResult {
  const p = prepare(input);
  const fam = family(p);
  const perCategory = new Map<UnitizingCategory, UnitizingCategoryAlpha>();
  const all2004: ClassicUnitizingAlpha[] = [];
  const all1995: ClassicUnitizingAlpha[] = [];
  p.categories.forEach((category, k) => {
    const figures = categoryFigures(p, k);
    const ku = fam.perValue.get(k)!;
    perCategory.set(category, { kuAlpha: ku.kuAlpha, kuCoverage: ku.kuCoverage, ...figures });
    all2004.push(figures.alpha2004);
    all1995.push(figures.alpha1995);
  });
  return {
    coders: p.coders,
    length: p.totalLength,
    uAlpha: fam.uAlpha,
    binaryUAlpha: fam.binaryUAlpha,
    cuAlpha: fam.cuAlpha,
    cuCoverage: fam.cuCoverage,
    perCategory,
    alpha2004: combined(all2004),
    alpha1995: combined(all1995),
  };
}
