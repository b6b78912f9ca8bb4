// A row of tabs: arrow keys, Home and End move between them (the ARIA tabs pattern). Each tab is
// `${idPrefix}-tab-${tab}` and controls `${idPrefix}-panel-${tab}`, which the caller renders.
import { useRef, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../i18n/lang-context.tsx';

export function TabList<T extends string>(props: {
  idPrefix: string;
  label: string;
  className: string;
  tabs: ReadonlyArray<{ tab: T; label: MessageKey }>;
  value: T;
  onChange: (tab: T) => void;
}) {
  const { idPrefix, tabs, value, onChange } = props;
  const t = useT();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((x) => x.tab === value);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + tabs.length) % tabs.length;
    onChange(tabs[j]!.tab);
    buttons.current[j]?.focus();
  };
  return (
    <div className={props.className} role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
      {tabs.map((x, i) => (
        <button
          key={x.tab}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${x.tab}`}
          aria-controls={`${idPrefix}-panel-${x.tab}`}
          aria-selected={value === x.tab}
          tabIndex={value === x.tab ? 0 : -1}
          onClick={() => onChange(x.tab)}
        >
          {t(x.label)}
        </button>
      ))}
    </div>
  );
}
