// Where the code picker opens for a selected passage: below it, else above it, else as near to it
// as the window allows. Always inside the window: a picker placed off-screen still takes the focus,
// and a keyboard user would be typing into something they cannot see.

export interface Box {
  top: number;
  bottom: number;
  left: number;
}

export interface Size {
  width: number;
  height: number;
}

export const PICKER_MARGIN = 6;

export function placePicker(anchor: Box, picker: Size, window: Size, margin = PICKER_MARGIN): { top: number; left: number } {
  const maxTop = Math.max(margin, window.height - picker.height - margin);
  const fits = (top: number) => top >= margin && top <= maxTop;
  const below = anchor.bottom + margin;
  const above = anchor.top - margin - picker.height;
  // Neither fits (a passage taller than the window, or one scrolled out of it): the nearest place
  // inside the window, which covers part of the passage rather than hide the picker.
  const top = fits(below) ? below : fits(above) ? above : Math.min(Math.max(below, margin), maxTop);
  const left = Math.max(margin, Math.min(anchor.left, window.width - picker.width - margin));
  return { top, left };
}
