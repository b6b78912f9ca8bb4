// A modal dialog on the native <dialog>. showModal() puts it above the page, makes everything behind
// it inert (no click, no focus, hidden from screen readers) and announces it as a modal dialog named
// by its title; Escape reaches the innermost open one as a `cancel` event, even when the focus has
// fallen to <body> because its control was disabled or removed. What the element leaves to us:
// - Tab from the last control goes back to the first (Chromium would hand it to the browser's own
//   interface, or to nothing in the app's window), Shift+Tab the other way, and Tab from <body>
//   comes back in: keys are heard on the document, and only the innermost open dialog answers;
// - the focus goes back to the control that opened the dialog when it closes;
// - a press on the backdrop closes it;
// - a control inside that answers Escape itself and stops the key (an inline confirmation, a row
//   being edited) keeps it: the dialog stays open.
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './dialog.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const tabStops = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((e) => e.checkVisibility());

/** False while the view holding the dialog is hidden. */
const shownWithPage = (dialog: HTMLDialogElement) => dialog.parentElement?.checkVisibility() ?? false;

/** Dialogs open now, innermost last: only that one keeps Tab. */
const openDialogs: HTMLDialogElement[] = [];

function keepTab(dialog: HTMLDialogElement, e: KeyboardEvent): void {
  const stops = tabStops(dialog);
  const [head, tail] = [stops[0], stops.at(-1)];
  if (!head || !tail) return;
  const active = document.activeElement;
  const inside = active instanceof Node && dialog.contains(active) && active !== dialog;
  const next = !inside ? (e.shiftKey ? tail : head) : !e.shiftKey && active === tail ? head : e.shiftKey && active === head ? tail : null;
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });
  // Read while rendering: by the time effects run, a control's autoFocus has already taken the focus.
  const [opener] = useState(() => document.activeElement);
  /** An Escape is on its way and has not reached the document yet: a control inside may stop it. */
  const escapePending = useRef(false);

  /** Where autoFocus put the focus (kept for a second run of the effect, as StrictMode does). */
  const autoFocused = useRef<Element | null>(null);

  useLayoutEffect(() => {
    const dialog = ref.current!;
    // Rendered open but not modal, so that React's autoFocus could land; showModal() moves the
    // focus to the first control, so a focus already inside is put back where autoFocus put it.
    if (dialog.contains(document.activeElement) && document.activeElement !== dialog) autoFocused.current = document.activeElement;
    dialog.close();
    // A view kept mounted while hidden (the analysis, with a cell open, during a visit to the source)
    // hides its dialog too: that one must not keep the page inert, and is modal again on return.
    const follow = () => {
      const shown = shownWithPage(dialog);
      if (shown && !dialog.open) dialog.showModal();
      else if (!shown && dialog.open) dialog.close();
    };
    follow();
    const placed = autoFocused.current;
    if (dialog.open && placed instanceof HTMLElement && placed.isConnected) placed.focus();
    const views = new MutationObserver(follow);
    views.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
    return () => {
      views.disconnect();
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);

  useEffect(() => {
    const dialog = ref.current!;
    openDialogs.push(dialog);
    const started = (e: KeyboardEvent) => {
      if (e.key === 'Escape') escapePending.current = true;
    };
    const arrived = (e: KeyboardEvent) => {
      if (e.key === 'Escape') escapePending.current = false;
      else if (e.key === 'Tab' && !e.defaultPrevented && openDialogs.at(-1) === dialog) keepTab(dialog, e);
    };
    window.addEventListener('keydown', started, true);
    document.addEventListener('keydown', arrived);
    return () => {
      window.removeEventListener('keydown', started, true);
      document.removeEventListener('keydown', arrived);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      open
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // The element would close itself; React closes it by unmounting, when the caller agrees.
        e.preventDefault();
        if (escapePending.current) escapePending.current = false;
        else close.current();
      }}
      onClose={(e) => {
        // Closed by the browser all the same (a cancel it would not let us refuse): tell the caller.
        if (!e.currentTarget.open && shownWithPage(e.currentTarget)) close.current();
      }}
      onMouseDown={(e) => {
        // The body fills the dialog, so only a press on the backdrop lands on the element itself.
        if (e.target === e.currentTarget) close.current();
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
