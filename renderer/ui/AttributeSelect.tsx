// A case attribute chosen by name, with a first option for "none"; the matrix filters and the
// crosstab tabs pick attributes the same way.
import type { AttributeDef } from '../../model/types.ts';

export function AttributeSelect({
  id,
  attributes,
  value,
  none,
  onChange,
}: {
  id: string;
  attributes: readonly AttributeDef[];
  value: string;
  none: string;
  onChange: (name: string) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {attributes.map((a) => (
        <option key={a.id} value={a.name}>
          {a.name}
        </option>
      ))}
    </select>
  );
}
