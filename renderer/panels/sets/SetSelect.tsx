// A filter on one set of sources or of codes, for the excerpts and the matrices.
import { useEffect } from 'react';
import type { SetKind } from '../../../model/types.ts';
import { useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Field } from '../../ui/Field.tsx';

export function SetSelect({ kind, value, onChange }: { kind: SetKind; value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  const sets = useApiQuery('listSets', { kind }).data;
  // A set deleted while chosen: the filter lets go of it rather than asking for a set that is gone.
  const gone = value !== null && sets !== undefined && !sets.some((s) => s.id === value);
  useEffect(() => {
    if (gone) onChange(null);
  }, [gone, onChange]);
  if (!sets || (sets.length === 0 && value === null)) return null;
  return (
    <Field label={t(kind === 'sources' ? 'sets.filter.sources' : 'sets.filter.codes')}>
      {(id) => (
        <select id={id} value={gone ? '' : (value ?? '')} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('sets.filter.any')}</option>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
