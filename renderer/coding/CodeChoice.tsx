// A button that opens the keyboard code picker beside it: wherever a code is chosen to apply or to
// act on (code every search hit, a merge target), the same fuzzy search finds it through typos.
import { useRef, useState, type ReactNode } from 'react';
import type { CodeWithCount } from '../../service/contract/index.ts';
import { useWorkbench } from '../app/workbench-context.tsx';
import { CodePicker, type PickExtras } from './CodePicker.tsx';

export interface CodeChoiceProps {
  codes: CodeWithCount[];
  onChoose(codeId: number, extras: PickExtras): void;
  /** The picker's name ("Code à appliquer"). */
  label: string;
  children: ReactNode;
  disabled?: boolean;
  className?: string;
  anyCode?: boolean;
  withExtras?: boolean;
  autoFocus?: boolean;
  /** For a label that points at the button. */
  id?: string;
}

export function CodeChoice({ codes, onChoose, label, children, disabled, className, anyCode, withExtras = false, autoFocus, id }: CodeChoiceProps) {
  const { recentCodeIds } = useWorkbench();
  const button = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const close = () => {
    setAnchor(null);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        id={id}
        type="button"
        className={className}
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        autoFocus={autoFocus}
        onClick={(e) => setAnchor(e.currentTarget.getBoundingClientRect())}
      >
        {children}
      </button>
      {anchor && (
        <CodePicker
          codes={codes}
          recentCodeIds={recentCodeIds}
          anchor={anchor}
          label={label}
          allowCreate={false}
          anyCode={anyCode}
          withExtras={withExtras}
          onCancel={close}
          onPick={(choice, extras) => {
            if (!('codeId' in choice)) return;
            setAnchor(null);
            onChoose(choice.codeId, extras);
          }}
        />
      )}
    </>
  );
}
