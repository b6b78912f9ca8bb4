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
//     perCategory   for each category k: (k)uα, the per-value breakdown of cuα (with its coverage),
//                   and |uα computed on the continuum of k alone (k versus everything else).
// - Krippendorff (2004), Content Analysis 2nd ed. §12.4 and "Measuring the reliability of
//   qualitative text analysis data", Quality & Quantity 38, 787-800: the per-category uα_k of a
//   continuum of L discrete elements (characters), and the combined 1 - ΣD_o / ΣD_e.
// - Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological
//   Methodology 25, 47-76: the same observed disagreement with the expected disagreement of a
//   truly continuous continuum (the limit of the 2004 form as the resolution grows).

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

export declare function unitizingAlpha(input: UnitizingInput): UnitizingAlphaResult;
