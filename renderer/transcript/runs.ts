// Overlapping codings cannot nest as DOM elements, so the transcript is cut at every coding
// boundary into runs: each run is one text node carrying every coding that covers it.

export interface Span {
  id: number;
  /** Code points, end exclusive. */
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  /** Ids of the spans covering the whole run, ascending; empty for uncoded text. */
  ids: number[];
}

/**
 * Cuts [0, length) at every span boundary. The runs tile the text without gaps, so the text of
 * the runs joined is the text itself. Spans are clipped to the text; empty spans cut nothing.
 * O((n + k) log k) for k spans, plus the size of the output.
 */
export function flattenRuns(length: number, spans: readonly Span[]): Run[] {
  if (length <= 0) return [];
  const cuts = new Map<number, { opening: number[]; closing: number[] }>();
  const at = (p: number) => {
    let c = cuts.get(p);
    if (!c) cuts.set(p, (c = { opening: [], closing: [] }));
    return c;
  };
  for (const s of spans) {
    const start = Math.max(0, Math.min(s.start, length));
    const end = Math.max(0, Math.min(s.end, length));
    if (end <= start) continue;
    at(start).opening.push(s.id);
    at(end).closing.push(s.id);
  }
  at(0);
  at(length);
  const points = [...cuts.keys()].sort((a, b) => a - b);
  // Counted, not a set: two spans may share an id only by mistake, but then both still show.
  const active = new Map<number, number>();
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p = points[i]!;
    const c = cuts.get(p)!;
    for (const id of c.closing) {
      const n = active.get(id)! - 1;
      if (n === 0) active.delete(id);
      else active.set(id, n);
    }
    for (const id of c.opening) active.set(id, (active.get(id) ?? 0) + 1);
    runs.push({ start: p, end: points[i + 1]!, ids: [...active.keys()].sort((a, b) => a - b) });
  }
  return runs;
}
