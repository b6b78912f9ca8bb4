// A form field holding one code or none (the excerpts' code, the code agreement is limited to),
// chosen with the same keyboard picker as everywhere else rather than a list of every code.
import type { CodeWithCount } from '../../service/contract/index.ts';
import { codeLabel } from '../app/code-tree.ts';
import { useT } from '../i18n/lang-context.tsx';
import { CodeChoice } from './CodeChoice.tsx';

export interface CodeFieldProps {
  /** The id its label points at. */
  id: string;
  codes: CodeWithCount[];
  value: number | null;
  onChange(codeId: number | null): void;
  /** What the field says with no code ("Choisir un code…", "Tous les codes"). */
  empty: string;
}

export function CodeField({ id, codes, value, onChange, empty }: CodeFieldProps) {
  const t = useT();
  const code = value === null ? undefined : codes.find((c) => c.id === value);
  return (
    <div className="code-field">
      <CodeChoice id={id} codes={codes} anyCode label={t('picker.chooseCode')} className="code-field-button" onChoose={(codeId) => onChange(codeId)}>
        {code ? (
          <>
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            {codeLabel(code)}
          </>
        ) : (
          <span className="muted">{empty}</span>
        )}
      </CodeChoice>
      {code && (
        <button type="button" className="code-field-clear" aria-label={t('picker.clearCode', { name: codeLabel(code) })} onClick={() => onChange(null)}>
          ×
        </button>
      )}
    </div>
  );
}
