// Checkboxes for the kinds of source a view is limited to (retrieval, matrices).
import type { SourceKind } from '../../model/types.ts';
import { useT } from '../i18n/lang-context.tsx';
import { KIND_GROUP, SOURCE_KINDS } from '../panels/sources/source-kinds.ts';

export function SourceKindChecks({ legend, value, onChange }: { legend: string; value: SourceKind[]; onChange: (kinds: SourceKind[]) => void }) {
  const t = useT();
  return (
    <fieldset className="kinds">
      <legend>{legend}</legend>
      {SOURCE_KINDS.map((k) => (
        <label key={k} className="check">
          <input type="checkbox" checked={value.includes(k)} onChange={(e) => onChange(e.target.checked ? [...value, k] : value.filter((x) => x !== k))} />
          {t(KIND_GROUP[k])}
        </label>
      ))}
    </fieldset>
  );
}
