// A filter on one set of sources or of codes, for the excerpts and the matrices.
import type { SetKind } from '../../../model/types.ts';
import { useSets } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Field } from '../../ui/Field.tsx';

export function SetSelect({ kind, value, onChange }: { kind: SetKind; value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  const sets = useSets(kind);
  if (sets.length === 0 && value === null) return null;
  return (
    <Field label={t(kind === 'sources' ? 'sets.filter.sources' : 'sets.filter.codes')}>
      {(id) => (
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
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
