// Arrow-key movement between the options of a listbox (or the items of a tree): the focused item
// is the only one in the tab order, so Tab leaves the list and arrows move within it.
import type { KeyboardEvent } from 'react';

export function moveFocusInList(e: KeyboardEvent<HTMLElement>, itemSelector = '[role="option"]'): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(itemSelector));
  if (items.length === 0) return;
  e.preventDefault();
  const current = items.indexOf(document.activeElement as HTMLElement);
  let next = current;
  if (e.key === 'ArrowDown') next = Math.min(items.length - 1, current + 1);
  if (e.key === 'ArrowUp') next = Math.max(0, current - 1);
  if (e.key === 'Home') next = 0;
  if (e.key === 'End') next = items.length - 1;
  items[next]?.focus();
}

/** Enter or Space on an option does what a click does. */
export function activateOnKey(e: KeyboardEvent<HTMLElement>, action: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    action();
  }
}
