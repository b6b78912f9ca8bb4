// Where the code picker opens for a selected passage: below it, else above it, never on it. Always
// inside the window: a picker placed off-screen still takes the focus, and a keyboard user would be
// typing into something they cannot see. When neither side has room for the whole picker, the side
// with more room gets a shorter one (its list scrolls); when neither has room for a usable one (a
// passage as tall as the window), it goes beside the passage's lines; covering the passage is the
// last resort.

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right?: number;
}

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  /** Set when the picker must be shorter than it would be to keep off the passage. */
  maxHeight?: number;
}

export const PICKER_MARGIN = 6;
/** The shortest picker still usable: the search field, three codes and the buttons. */
export const PICKER_MIN_HEIGHT = 220;

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * `anchor` is the passage's box; `avoid`, when given, its line boxes (a selection's client rects),
 * which the picker must not cover.
 */
export function placePicker(anchor: Box, picker: Size, window: Size, margin = PICKER_MARGIN, avoid: readonly Rect[] = []): Placement {
  const lines = avoid.filter((r) => r.bottom > r.top && r.right > r.left && r.bottom > 0 && r.top < window.height);
  const zone: Box =
    lines.length > 0
      ? {
          top: Math.min(...lines.map((r) => r.top)),
          bottom: Math.max(...lines.map((r) => r.bottom)),
          left: anchor.left,
        }
      : anchor;
  const maxTop = Math.max(margin, window.height - picker.height - margin);
  const clampLeft = (left: number) => Math.max(margin, Math.min(left, window.width - picker.width - margin));
  const left = clampLeft(anchor.left);
  const fits = (top: number) => top >= margin && top <= maxTop;
  // A passage scrolled out of the window leaves the whole window on that side.
  const below = Math.max(zone.bottom + margin, margin);
  const above = Math.min(zone.top - margin - picker.height, maxTop);
  if (fits(below)) return { top: below, left };
  if (fits(above)) return { top: above, left };

  // A shorter picker on the side with more room.
  const roomBelow = window.height - margin - below;
  const roomAbove = Math.min(zone.top, window.height) - 2 * margin;
  if (Math.max(roomBelow, roomAbove) >= PICKER_MIN_HEIGHT) {
    return roomBelow >= roomAbove ? { top: below, left, maxHeight: roomBelow } : { top: margin, left, maxHeight: roomAbove };
  }

  // Beside the lines: the free place nearest to the anchor.
  const height = Math.min(picker.height, window.height - 2 * margin);
  const clampTop = (top: number) => Math.max(margin, Math.min(top, window.height - height - margin));
  const tops = new Set([anchor.top, anchor.bottom + margin, margin, ...lines.flatMap((r) => [r.bottom + margin, r.top - margin - height])].map(clampTop));
  const lefts = new Set([anchor.left, margin, ...lines.flatMap((r) => [r.right + margin, r.left - margin - picker.width])].map(clampLeft));
  let best: Placement | null = null;
  let bestDistance = Infinity;
  for (const top of tops) {
    for (const l of lefts) {
      const box = { top, bottom: top + height, left: l, right: l + picker.width };
      if (lines.some((r) => overlaps(box, r))) continue;
      const distance = Math.abs(top - anchor.bottom) + Math.abs(l - anchor.left);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = height < picker.height ? { top, left: l, maxHeight: height } : { top, left: l };
      }
    }
  }
  if (best) return best;
  // Nowhere free: the nearest place inside the window, which covers part of the passage rather
  // than hide the picker.
  const top = Math.min(below, maxTop);
  return height < picker.height ? { top, left, maxHeight: height } : { top, left };
}
