// A row's name and its verdict in words, as the exports, the pictures and the command line show them.
import type { Lang } from '../../i18n/lang.ts';
import { label } from './labels.ts';
import type { Matrix, MatrixRow } from './types.ts';

export const rowLabel = (r: Pick<MatrixRow, 'abbrev' | 'label'>): string => (r.abbrev ? `${r.abbrev} — ${r.label}` : r.label);

/** The set verdict, and the silent columns, in words: "dissonance ; silence : Documents". */
export function verdictText(m: Pick<Matrix, 'columns'>, r: Pick<MatrixRow, 'verdict' | 'silent'>, lang: Lang = 'fr'): string {
  const parts: string[] = [];
  if (r.verdict) parts.push(label(`verdict.${r.verdict.verdict}`, lang));
  if (r.silent?.length) {
    const names = r.silent.map((k) => m.columns.find((c) => c.key === k)?.label ?? k);
    parts.push(label('verdict.silenceIn', lang, { columns: names.join(', ') }));
  }
  return parts.join(' ; ');
}
