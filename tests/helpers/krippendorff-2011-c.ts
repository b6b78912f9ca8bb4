// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, example C: four observers
// rate 12 units; null marks a missing value. Published: nominal .743, ordinal .815, interval .849,
// ratio .797. Each observer is a case attribute, as a team stores its ratings.
const _ = null;
export const OBSERVERS: Record<string, Array<number | null>> = {
  'Gravité (Alice)': [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  'Gravité (Bruno)': [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  'Gravité (Chloé)': [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  'Gravité (David)': [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
};
