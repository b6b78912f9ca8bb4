// A modal dialog: focus moves in on open, Tab stays inside, Escape closes, and focus returns to
// whatever had it before. The keys are heard on the whole document, not only inside the dialog:
// when the focused control is disabled or removed (a button busy while its work runs, a question
// answered), the browser drops the focus on <body>, and Escape and Tab must still work from there.
// A focus lost that way is brought back into the dialog.
import { useEffect, useId, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Dialogs open now, innermost last: only that one answers the keys. */
const openDialogs: HTMLElement[] = [];

const focusables = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
const focusLost = () => document.activeElement === null || document.activeElement === document.body;

export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const previous = document.activeElement as HTMLElement | null;
    openDialogs.push(dialog);
    const isTop = () => openDialogs[openDialogs.length - 1] === dialog;
    const first = dialog.querySelector<HTMLElement>('[autofocus], ' + FOCUSABLE);
    (first ?? dialog).focus();

    // Bubbling phase: a control inside that handles Escape itself (and stops it) keeps it.
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isTop()) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(dialog);
      if (items.length === 0) {
        e.preventDefault();
        dialog.focus();
        return;
      }
      const active = document.activeElement;
      const inside = active instanceof Node && dialog.contains(active) && active !== dialog;
      const head = items[0]!;
      const tail = items[items.length - 1]!;
      if (!inside) {
        e.preventDefault();
        (e.shiftKey ? tail : head).focus();
      } else if (e.shiftKey && active === head) {
        e.preventDefault();
        tail.focus();
      } else if (!e.shiftKey && active === tail) {
        e.preventDefault();
        head.focus();
      }
    };
    // The focused control went away or was disabled (a busy button, a question answered): once the
    // browser has settled, and if nothing else took the focus, it goes back to the dialog itself,
    // from where Tab goes on. Disabling drops the focus without a focusout event, hence the observer.
    let pending = 0;
    const recover = () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => {
        if (isTop() && focusLost() && dialog.isConnected) dialog.focus();
      }, 30);
    };
    const changes = new MutationObserver(recover);
    changes.observe(dialog, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
    // Focus moved behind the dialog (a script, a screen reader's virtual cursor): bring it back.
    const onFocusIn = (e: FocusEvent) => {
      if (isTop() && e.target instanceof Node && !dialog.contains(e.target)) (focusables(dialog)[0] ?? dialog).focus();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    dialog.addEventListener('focusout', recover);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      dialog.removeEventListener('focusout', recover);
      changes.disconnect();
      window.clearTimeout(pending);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      previous?.focus?.();
    };
  }, []);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
