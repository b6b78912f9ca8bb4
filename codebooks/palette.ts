// The colour a new code gets when nobody chose one: the palette colour least used among its future
// siblings, then among all codes, so that a new code stands apart from its neighbours in the margin
// and never silently takes a theme's colour while another is free. Shared by the service (codes
// made without a colour, as from the code picker) and the "New code" dialog (which shows it first).

/** Colour-blind-safe hues (Okabe-Ito). */
export const PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999'] as const;

export function defaultCodeColor(codes: ReadonlyArray<{ parentId: number | null; color: string }>, parentId: number | null): string {
  const uses = (among: ReadonlyArray<{ color: string }>) => {
    const n = new Map<string, number>(PALETTE.map((c) => [c, 0]));
    for (const c of among) {
      const color = c.color.toLowerCase();
      if (n.has(color)) n.set(color, n.get(color)! + 1);
    }
    return n;
  };
  const siblings = uses(codes.filter((c) => c.parentId === parentId));
  const everywhere = uses(codes);
  // Stable: on a tie, the palette's own order.
  return [...PALETTE].sort((a, b) => siblings.get(a)! - siblings.get(b)! || everywhere.get(a)! - everywhere.get(b)!)[0]!;
}
