import { useId, type ReactNode } from 'react';

/**
 * A labelled control. The label points at the control by id instead of wrapping it, so a select's
 * accessible name is its label alone, not the label followed by every option.
 */
export function Field({ label, className, children }: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${className ? ' ' + className : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
