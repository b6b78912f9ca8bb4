import { markdownHeadings } from '../exchange/import/markdown.ts';
import { compileTurnPatterns, matchTurnLabel, speakerFilter, type TurnLabel } from '../exchange/import/turns.ts';
import type { StructureSegment } from '../model/types.ts';
import { codePointLength } from '../text/offsets.ts';
import type { PositionMap, Replacement } from '../text/remap.ts';

// What a change of a source's text does to its speaker turns and sections. Positions always
// follow the text (text/remap.ts). When the edit is a correction typed by the researcher
// (`followLabels`), the labels written in the text count as well, read as the importer reads them
// (exchange/import/turns.ts, markdown headings):
// - a turn whose label line is deleted, or whose label alone is deleted, is no longer a turn;
//   the text it keeps joins the turn just before it (as with two turns merged into one line);
// - a section whose heading line is deleted is no longer a section; its text joins the section
//   before it at the same level;
// - a label or heading rewritten renames its turn or section;
// - a new line starting with a speaker label starts a new turn, which cuts the turn it falls in.
// Pseudonymisation does not follow labels: it rewrites speaker labels and headings itself.

type Range = { start: number; end: number };

export interface StructureShift {
  /** The segment's index in the structure before the change (service/structure.ts); null for an added turn. */
  id: number | null;
  kind: 'turn' | 'section';
  change: 'moved' | 'removed' | 'relabelled' | 'added';
  /** Speaker or heading: as it was, or as written for an added turn. */
  label: string;
  /** The new speaker or heading of a relabelled segment. */
  newLabel?: string;
  /** The first words of its text after the label (from the old text for a removed segment). */
  excerpt: string;
  before: Range | null;
  /** null: the segment is removed. */
  after: Range | null;
  /** A removed segment whose text stays: the speaker or heading of the turn or section that now holds it, if any. */
  joins?: string | null;
}

export interface StructureChange {
  shifts: StructureShift[];
  /** The structure after the change, in position order. */
  structure: StructureSegment[];
}

const detector = compileTurnPatterns();

interface Item {
  seg: StructureSegment;
  id: number;
  after: Range | null;
  /** 'gone': none of its text is left; 'label': its label or heading is. */
  removed: 'gone' | 'label' | null;
  newLabel?: string;
  joins?: string | null;
}

export function planStructureChange(
  segments: readonly StructureSegment[],
  oldText: string,
  newText: string,
  replacements: readonly Replacement[],
  map: PositionMap,
  options: { followLabels: boolean },
): StructureChange {
  if (segments.length === 0) return { shifts: [], structure: [] };
  const oldCps = Array.from(oldText);
  const newCps = Array.from(newText);
  const items: Item[] = segments.map((s, id) => {
    // An empty segment (a heading with no body) keeps its place as a point.
    const after = s.end > s.start ? map.mapRange(s.start, s.end) : { start: map.mapStart(s.start), end: map.mapStart(s.start) };
    return { seg: s, id, after, removed: after ? null : 'gone' };
  });
  const added: Array<Extract<StructureSegment, { kind: 'turn' }>> = [];
  if (options.followLabels && replacements.length > 0) {
    followLabels(items, added, oldCps, newCps, replacements, map);
  }
  const kept = items.filter((it) => it.after && !it.removed);
  const structure: StructureSegment[] = [
    ...kept.map((it): StructureSegment => {
      const s = { ...it.seg, start: it.after!.start, end: it.after!.end };
      if (it.newLabel === undefined) return s;
      return s.kind === 'turn' ? { ...s, speaker: it.newLabel } : { ...s, heading: it.newLabel };
    }),
    ...added,
  ].sort((a, b) => a.start - b.start);

  const shifts: StructureShift[] = [];
  for (const it of items) {
    const s = it.seg;
    const label = s.kind === 'turn' ? s.speaker : s.heading;
    const before = { start: s.start, end: s.end };
    if (it.removed) {
      const shift: StructureShift = { id: it.id, kind: s.kind, change: 'removed', label, excerpt: excerpt(oldCps, s), before, after: null };
      if (it.removed === 'label') shift.joins = it.joins ?? null;
      shifts.push(shift);
      continue;
    }
    const after = it.after!;
    if (it.newLabel === undefined && after.start === s.start && after.end === s.end) continue;
    const now = { ...s, ...after };
    const shift: StructureShift = { id: it.id, kind: s.kind, change: 'moved', label, excerpt: excerpt(newCps, now), before, after };
    if (it.newLabel !== undefined) {
      shift.change = 'relabelled';
      shift.newLabel = it.newLabel;
    }
    shifts.push(shift);
  }
  for (const t of added) {
    shifts.push({
      id: null,
      kind: 'turn',
      change: 'added',
      label: t.speaker,
      excerpt: excerpt(newCps, t),
      before: null,
      after: { start: t.start, end: t.end },
    });
  }
  return { shifts, structure };
}

function followLabels(
  items: Item[],
  added: Array<Extract<StructureSegment, { kind: 'turn' }>>,
  oldCps: string[],
  newCps: string[],
  replacements: readonly Replacement[],
  map: PositionMap,
): void {
  const knownSpeakers = items.flatMap((it) => (it.seg.kind === 'turn' ? [asLabel(it.seg.speaker)] : []));
  const isSpeaker = (label: TurnLabel) => speakerFilter([...knownSpeakers, label], detector)(label);
  // Where each replacement's text lies in the new text.
  const inserted: Range[] = [];
  let delta = 0;
  for (const r of replacements) {
    const length = codePointLength(r.text);
    inserted.push({ start: r.start + delta, end: r.start + delta + length });
    delta += length - (r.end - r.start);
  }
  const onlyInserted = (from: number, to: number) => inserted.some((r) => r.start <= from && to <= r.end);
  const touched = (from: number, to: number) => {
    // First replacement ending at or after `from`.
    let lo = 0;
    let hi = replacements.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (replacements[mid]!.end < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < replacements.length && replacements[lo]!.start <= to;
  };

  // 1. Labels and headings rewritten or deleted.
  let previous: Item | null = null;
  for (const it of items) {
    const s = it.seg;
    const after = it.after;
    const prev = previous;
    if (after && !it.removed) previous = it;
    if (!after || it.removed || !isLineStart(oldCps, s.start)) continue;
    const oldEnd = lineEnd(oldCps, s.start);
    if (!touched(s.start, oldEnd)) continue;
    const oldLine = oldCps.slice(s.start, oldEnd).join('');
    const readHeading = s.kind === 'section' ? headingReader(oldLine, s.heading) : null;
    if (s.kind === 'section' && !readHeading) continue;
    if (s.kind === 'turn' && matchTurnLabel(oldLine, detector)?.speaker !== s.speaker) continue;
    const remove = () => {
      it.removed = 'label';
      previous = prev;
    };
    if (s.kind === 'section' && !map.mapRange(s.start, oldEnd)) {
      remove();
      continue;
    }
    // The segment starts where its label's line now starts, when only new text comes before it on
    // that line (a timestamp typed before a label); otherwise its line is one it was joined to.
    const start = lineStart(newCps, after.start);
    if (start < after.start && (!onlyInserted(start, after.start) || (prev?.after && prev.after.start >= start))) {
      remove();
      continue;
    }
    after.start = start;
    const newLine = newCps.slice(start, lineEnd(newCps, start)).join('');
    let label: string | null;
    if (s.kind === 'turn') {
      const found = matchTurnLabel(newLine, detector);
      label = found && (found.speaker === s.speaker || isSpeaker(found)) ? found.speaker : null;
    } else {
      label = readHeading!(newLine);
    }
    if (!label) remove();
    else if (label !== (s.kind === 'turn' ? s.speaker : s.heading)) it.newLabel = label;
  }

  // 2. The text of a removed turn or section joins the one before it.
  let holder: Item | null = null;
  for (const it of items) {
    if (it.seg.kind !== 'turn' || !it.after) continue;
    if (!it.removed) holder = it;
    else if (it.removed === 'label') {
      if (holder && blank(newCps, holder.after!.end, it.after.start)) {
        holder.after!.end = Math.max(holder.after!.end, it.after.end);
        it.joins = labelOf(holder);
      } else {
        it.joins = null;
      }
    }
  }
  const sections = items.filter((it) => it.seg.kind === 'section' && it.after);
  const gone = sections.filter((it) => it.removed === 'label');
  if (gone.length > 0) {
    const kept = sections.filter((it) => !it.removed);
    const goneStarts = new Set(gone.map((it) => it.seg.start));
    // A section ending where a removed one began runs on, as the importer would read it, to the
    // next heading of its level or above.
    kept.forEach((it, i) => {
      if (!goneStarts.has(it.seg.end)) return;
      const level = (it.seg as { level: number }).level;
      const next = kept.slice(i + 1).find((n) => (n.seg as { level: number }).level <= level);
      it.after!.end = next ? next.after!.start : newCps.length;
    });
    for (const g of gone) {
      const at = g.after!.start;
      const within = kept.filter((k) => k.after!.start <= at && at < k.after!.end);
      const deepest = within[within.length - 1];
      g.joins = deepest ? labelOf(deepest) : null;
    }
  }

  const keptTurns = items.filter((it) => it.seg.kind === 'turn' && it.after && !it.removed);
  if (gone.length > 0) {
    // A turn that ended at a removed heading runs on to the next turn or heading, as imported.
    const goneStarts = new Set(gone.map((it) => it.seg.start));
    const keptStarts = items.filter((it) => it.after && !it.removed).map((it) => it.after!.start);
    for (const t of keptTurns) {
      if (!goneStarts.has(t.seg.end)) continue;
      const next = keptStarts.filter((p) => p > t.after!.start);
      t.after!.end = Math.max(t.after!.end, next.length > 0 ? Math.min(...next) : newCps.length);
    }
  }
  // Turns that did not overlap still do not (a label deleted with the text before it).
  for (let i = 1; i < keptTurns.length; i++) {
    const [a, b] = [keptTurns[i - 1]!, keptTurns[i]!];
    if (a.seg.end <= b.seg.start && a.after!.end > b.after!.start) a.after!.end = Math.max(a.after!.start, b.after!.start);
  }

  // 3. New lines starting with a speaker label start new turns.
  const starts = new Set(items.filter((it) => it.after && !it.removed).map((it) => it.after!.start));
  const candidates: Array<{ start: number; label: TurnLabel }> = [];
  for (const { start: from, end: to } of inserted) {
    for (let at = lineStart(newCps, from); at <= to && at <= newCps.length; at = lineEnd(newCps, at) + 1) {
      if (starts.has(at) || candidates.some((c) => c.start === at)) continue;
      const line = newCps.slice(at, lineEnd(newCps, at)).join('');
      const label = matchTurnLabel(line, detector);
      // Only a label the edit wrote or touched: a line already there keeps what it was.
      if (!label || from > at + codePointLength(line.slice(0, label.length))) continue;
      if (isSpeaker(label)) candidates.push({ start: at, label });
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  const turns = () => [...items.filter((it) => it.seg.kind === 'turn' && it.after && !it.removed).map((it) => it.after!), ...added];
  for (const [i, c] of candidates.entries()) {
    const enclosing = turns().find((t) => t.start < c.start && c.start < t.end);
    let end: number;
    if (enclosing) {
      end = enclosing.end;
      enclosing.end = c.start;
    } else {
      const later = [...starts, ...candidates.slice(i + 1).map((n) => n.start)].filter((p) => p > c.start);
      end = later.length > 0 ? Math.min(...later) : newCps.length;
    }
    added.push({ kind: 'turn', start: c.start, end, speaker: c.label.speaker, timestampMs: c.label.timestampMs });
  }
}

function labelOf(it: Item): string {
  return it.newLabel ?? (it.seg.kind === 'turn' ? it.seg.speaker : it.seg.heading);
}

function asLabel(speaker: string): TurnLabel {
  return { speaker, role: null, timestampMs: null, length: 0 };
}

/**
 * How to read the heading on a section's line, when the old line shows it: a markdown heading
 * ("## Le parcours") or the heading as the whole line (Word, OpenDocument). Null when the line
 * does not show it (the structure came from elsewhere): the heading is then left as it is.
 */
function headingReader(line: string, heading: string): ((line: string) => string | null) | null {
  if (markdownHeadings(line)[0]?.heading === heading) return (l) => markdownHeadings(l)[0]?.heading ?? null;
  const flat = (l: string) => l.replace(/\s+/gu, ' ').trim();
  if (flat(line) === heading) return (l) => flat(l) || null;
  return null;
}

function isLineStart(cps: string[], p: number): boolean {
  return p === 0 || cps[p - 1] === '\n';
}

function lineStart(cps: string[], p: number): number {
  while (p > 0 && cps[p - 1] !== '\n') p--;
  return p;
}

function lineEnd(cps: string[], p: number): number {
  while (p < cps.length && cps[p] !== '\n') p++;
  return p;
}

function blank(cps: string[], from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!/\s/u.test(cps[p]!)) return false;
  return true;
}

/** The first words of a segment after its label (a turn) or heading line (a section). */
function excerpt(cps: string[], s: StructureSegment, max = 60): string {
  let from = s.start;
  const end = Math.min(s.end, cps.length);
  if (s.kind === 'section') {
    from = Math.min(lineEnd(cps, s.start), end);
  } else {
    const line = cps.slice(s.start, Math.min(lineEnd(cps, s.start), end)).join('');
    const label = matchTurnLabel(line, detector);
    if (label) from += codePointLength(line.slice(0, label.length));
  }
  const words = cps
    .slice(from, Math.min(end, from + max * 4))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = Array.from(words);
  if (chars.length <= max && from + max * 4 >= end) return words;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
