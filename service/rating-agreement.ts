// Agreement between coders who rated cases on a scale ("Gravité" 1-5): each coder's ratings are a
// case attribute of its own ("Gravité (Alice)", "Gravité (Bruno)"), so the reliability data are
// cases x attributes, a case without a value for an attribute being missing data. Krippendorff's
// alpha at the chosen level of measurement, with its bootstrap interval (analysis/agreement/).
//
// Values: numbers as they are; yes/no as 1/0; text as a number when it reads as one ("3", "3,5"),
// else as a category, which only the nominal level accepts ('rating.textOrdinal'). Dates are
// refused, as is a case with several values for one attribute (which one would be the rating?).
// Read only: nothing in the project changes, whatever is refused.
import { bootstrapAlpha, checkSamples, DEFAULT_BOOTSTRAP_SAMPLES, pairCount, type AlphaInterval } from '../analysis/agreement/bootstrap.ts';
import {
  checkMetric,
  coincidenceMatrix,
  krippendorffAlpha,
  percentAgreement,
  type Category,
  type Metric,
  type WeightedUnit,
} from '../analysis/agreement/coefficients.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { AttributeType } from '../model/types.ts';
import { findAttribute } from './attributes.ts';

export const MAX_RATING_CODERS = 30;

export interface RatingAgreementQuery {
  /** One case attribute per coder, 2 to 30. */
  attributes: string[];
  metric: string;
  /** Bootstrap resamples (100..100,000); default 2,000. */
  samples?: number;
}

export interface RatedAttribute {
  name: string;
  type: AttributeType;
  /** Cases with a value for this attribute. */
  rated: number;
}

export interface RatingAgreement {
  metric: Metric;
  /** Attributes compared, one per coder. */
  coders: number;
  /** Cases in the project. */
  cases: number;
  /** Cases rated by at least two of the compared attributes: the units alpha compares. */
  units: number;
  /** n..: values in those cases, the values alpha pairs. */
  pairableValues: number;
  /** Pairs of values within cases (M of the bootstrap). */
  pairs: number;
  alpha: number | null;
  /** Share of agreeing pairs of values within cases (exact equality, whatever the metric). */
  percentAgreement: number | null;
  /** Bootstrap interval (Hayes & Krippendorff 2007); null when alpha is undefined. */
  interval: AlphaInterval | null;
  attributes: RatedAttribute[];
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

function categoryOf(type: AttributeType, stored: string | number): Category {
  if (type === 'number' || type === 'boolean') return Number(stored);
  const text = String(stored).trim();
  return NUMBER.test(text) ? Number(text.replace(',', '.')) : text;
}

export function ratingAgreement(db: Db, query: RatingAgreementQuery): RatingAgreement {
  const names = query.attributes.map((n) => n.trim());
  if (names.length < 2 || names.length > MAX_RATING_CODERS || new Set(names).size !== names.length) {
    throw new TresseError('rating.attributes', { count: new Set(names).size });
  }
  const metric = query.metric;
  checkMetric(metric);
  const samples = query.samples ?? DEFAULT_BOOTSTRAP_SAMPLES;
  checkSamples(samples);
  const defs = names.map((name) => {
    const def = findAttribute(db, 'case', name);
    if (!def) throw new TresseError('rating.attributeNotFound', { name });
    if (def.type === 'date') throw new TresseError('rating.dateAttribute', { name: def.name });
    return def;
  });

  const cases = stmt(db, 'SELECT id, name FROM cases ORDER BY id').all() as Array<{ id: number; name: string }>;
  const row = new Map(cases.map((c, i) => [c.id, i]));
  const data: Array<Array<Category | null>> = cases.map(() => new Array<Category | null>(defs.length).fill(null));
  const attributes = defs.map((def, a): RatedAttribute => {
    const values = stmt(db, 'SELECT case_id AS caseId, value FROM attribute_values WHERE attribute_id = ? AND case_id IS NOT NULL ORDER BY id').all(
      def.id,
    ) as Array<{
      caseId: number;
      value: string | number;
    }>;
    let rated = 0;
    for (const { caseId, value } of values) {
      const i = row.get(caseId)!;
      if (data[i]![a] !== null) throw new TresseError('rating.severalValues', { case: cases[i]!.name, name: def.name });
      const v = categoryOf(def.type, value);
      if (metric !== 'nominal' && typeof v === 'string') throw new TresseError('rating.textOrdinal', { name: def.name, value: v, metric });
      data[i]![a] = v;
      rated++;
    }
    return { name: def.name, type: def.type, rated };
  });

  const units: WeightedUnit[] = data.map((values) => ({ values, count: 1 }));
  const cm = coincidenceMatrix(units);
  return {
    metric,
    coders: defs.length,
    cases: cases.length,
    units: data.filter((values) => values.filter((v) => v !== null).length >= 2).length,
    pairableValues: cm.n,
    pairs: pairCount(units),
    alpha: krippendorffAlpha(units, metric),
    percentAgreement: percentAgreement(units),
    interval: bootstrapAlpha(units, metric, { samples }),
    attributes,
  };
}
