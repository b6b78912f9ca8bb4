// @vitest-environment jsdom
// The modal dialog keeps the keyboard when its focused control goes away: Escape still closes it
// and Tab comes back inside, even from <body>; a focus lost that way returns to the dialog.
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../renderer/ui/Dialog.tsx';
import { flush, mount, press, type Mounted } from '../transcript/render.ts';

let view: Mounted | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

function Busy({ onClose }: { onClose: () => void }) {
  const [gone, setGone] = useState(false);
  return (
    <Dialog title="Confidentialité" onClose={onClose}>
      <input aria-label="Intervalle" />
      {gone ? (
        <p>Sauvegarde en cours…</p>
      ) : (
        <button type="button" onClick={() => setGone(true)}>
          Sauvegarder maintenant
        </button>
      )}
      <button type="button">Fermer</button>
    </Dialog>
  );
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')!;
const named = (text: string) => Array.from(document.querySelectorAll('button')).find((b) => b.textContent === text)!;

describe('the dialog', () => {
  it('closes on Escape and keeps Tab inside when the focus has fallen to <body>', async () => {
    const onClose = vi.fn();
    view = await mount(<Busy onClose={onClose} />);
    named('Sauvegarder maintenant').focus();
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    await press(document.body, 'Tab');
    expect(dialog().contains(document.activeElement)).toBe(true);
    (document.activeElement as HTMLElement).blur();
    await press(document.body, 'Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('brings the focus back into the dialog when the focused button disappears', async () => {
    view = await mount(<Busy onClose={() => {}} />);
    const button = named('Sauvegarder maintenant');
    button.focus();
    await act(async () => button.click());
    await flush(80);
    expect(document.activeElement).toBe(dialog());
    // From the dialog itself, Tab goes to its first control, never to the page behind.
    await press(document.activeElement!, 'Tab');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Intervalle');
  });

  it('wraps Tab from the last control to the first, and Shift+Tab back', async () => {
    view = await mount(<Busy onClose={() => {}} />);
    named('Fermer').focus();
    await press(document.activeElement!, 'Tab');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Intervalle');
    await press(document.activeElement!, 'Tab', { shiftKey: true });
    expect(document.activeElement).toBe(named('Fermer'));
  });

  it('lets only the innermost of two open dialogs answer Escape', async () => {
    const outer = vi.fn();
    const inner = vi.fn();
    view = await mount(
      <div>
        <Dialog title="A" onClose={outer}>
          <button type="button">a</button>
        </Dialog>
        <Dialog title="B" onClose={inner}>
          <button type="button">b</button>
        </Dialog>
      </div>,
    );
    await press(document.body, 'Escape');
    expect(inner).toHaveBeenCalledOnce();
    expect(outer).not.toHaveBeenCalled();
  });
});
