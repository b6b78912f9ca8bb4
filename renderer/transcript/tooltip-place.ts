// Where the tooltip of a hovered passage goes: below and to the right of the pointer, as usual,
// but flipped to the other side where it would leave the window (a passage at the right edge of a
// wide window, or near its bottom), so that its codes and memo stay readable.

/** Gap between the pointer and the tooltip, clear of the arrow's tail. */
export const TOOLTIP_OFFSET = { x: 12, y: 16 } as const;
/** Kept clear at the window's edges. */
const EDGE = 4;

export interface Size {
  width: number;
  height: number;
}

/** The tooltip's top-left corner, in window coordinates, for a pointer at (x, y). */
export function placeTooltip(pointer: { x: number; y: number }, size: Size, window: Size): { left: number; top: number } {
  return {
    left: place(pointer.x, TOOLTIP_OFFSET.x, size.width, window.width),
    top: place(pointer.y, TOOLTIP_OFFSET.y, size.height, window.height),
  };
}

/** One axis: after the pointer if it fits, else before it, and never past the window's start. */
function place(at: number, offset: number, length: number, room: number): number {
  const after = at + offset;
  if (after + length <= room - EDGE) return after;
  const before = at - offset - length;
  if (before >= EDGE) return before;
  // Fits on neither side: as much of it in view as the window allows, from its start.
  return Math.max(EDGE, Math.min(after, room - EDGE - length));
}
