import { TresseError } from '../i18n/error.ts';
import { diffTexts } from '../text/diff.ts';
import { normaliseText } from '../text/normalise.ts';
import type { ProjectContext } from './context.ts';
import { getSourceSummary, getSourceText } from './sources.ts';
import { planTextChange, writeTextChange, type CodingShift, type StructureShift } from './text-change.ts';

// Correcting a source after it has been coded (a typo, a mis-transcribed word, a paragraph
// rewritten): the new text is compared with the old one and every coding stays on its words.
// Codings whose whole text disappears are listed first and only removed once the user agrees.

export interface SourceEditEffect {
  sourceId: number;
  sourceName: string;
  /** Changed stretches of the old text, in code points, with their new text. */
  changes: Array<{ start: number; end: number; oldText: string; newText: string }>;
  oldLength: number;
  newLength: number;
  unchanged: number;
  moved: CodingShift[];
  changed: CodingShift[];
  removed: CodingShift[];
  /**
   * Speaker turns and sections that move, are renamed, removed (their label line or label deleted)
   * or added (a new line with a speaker label); saving leaves exactly this structure.
   */
  structure: StructureShift[];
}

function plan(ctx: ProjectContext, sourceId: number, newText: string) {
  const summary = getSourceSummary(ctx.db, sourceId);
  const oldText = getSourceText(ctx.db, sourceId);
  const text = normaliseText(newText);
  if (!text.trim()) throw new TresseError('edit.empty', { source: summary.name });
  const replacements = diffTexts(oldText, text);
  return { summary, plan: planTextChange(ctx.db, sourceId, oldText, replacements, { followLabels: true }) };
}

/** What saving `newText` would do to the source's codings and structure; changes nothing. */
export function previewSourceEdit(ctx: ProjectContext, sourceId: number, newText: string): SourceEditEffect {
  return describe(ctx, sourceId, newText).effect;
}

function describe(ctx: ProjectContext, sourceId: number, newText: string) {
  const { summary, plan: p } = plan(ctx, sourceId, newText);
  const oldCps = Array.from(p.oldText);
  const effect: SourceEditEffect = {
    sourceId,
    sourceName: summary.name,
    changes: p.replacements.map((r) => ({
      start: r.start,
      end: r.end,
      oldText: oldCps.slice(r.start, r.end).join(''),
      newText: r.text,
    })),
    oldLength: oldCps.length,
    newLength: Array.from(p.newText).length,
    unchanged: p.unchanged,
    moved: p.moved,
    changed: p.changed,
    removed: p.removed,
    structure: p.structure,
  };
  return { effect, plan: p };
}

/**
 * Saves a source's new text in one transaction. Refused with 'edit.removalNeedsConfirm' when
 * codings would lose all their text, unless `confirmRemoval`.
 */
export function applySourceEdit(ctx: ProjectContext, sourceId: number, newText: string, options: { confirmRemoval: boolean }): SourceEditEffect {
  return ctx.db
    .transaction(() => {
      const { effect, plan: p } = describe(ctx, sourceId, newText);
      if (effect.removed.length > 0 && !options.confirmRemoval) {
        throw new TresseError('edit.removalNeedsConfirm', { source: effect.sourceName, count: effect.removed.length });
      }
      if (effect.changes.length > 0) writeTextChange(ctx.db, p);
      return effect;
    })
    .immediate();
}
