// Reviewing where coders differ, and settling it. The list is findDisagreements (same matching and
// source rule as the agreement figures) with the passages' texts and the codings behind each passage.
//
// Resolving one disagreement (a group of passages of one code in one source):
// - accept, with `coder`: that coder's reading wins for this group.
//   * If the coder applied the code here, each of their codings in the group is copied (same range,
//     valence and segment kind) to every coder who did not apply it; a copy that already exists is
//     not added twice. The coders who had it keep their own codings.
//   * If the coder did not apply the code here, the group's codings of the coders who did are removed.
//   * When every coder applied it on different stretches ('boundaries'), the others' codings of the
//     group are replaced by copies of the coder's.
//   Either way the group then counts as agreement once the figures are recomputed.
// - keep-both: the difference is deliberate (two defensible readings). Nothing is changed; a memo
//   titled KEEP_BOTH_TITLE goes on each coding of the group, so the review shows it as settled,
//   while the figures still count it as a disagreement (they must stay honest).
// - discuss: a memo titled DISCUSS_TITLE (the user's note) goes on each coding of the group, to be
//   taken up at the next team meeting.
import { findDisagreements, type Disagreement } from '../analysis/agreement/disagreements.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { SegmentKind, Valence } from '../model/types.ts';
import { OffsetIndex, sliceCodePoints } from '../text/offsets.ts';
import { agreementData, sourceNames } from './agreement.ts';
import { codePath, listCodes } from './codebook.ts';
import { requireCoder } from './coders.ts';
import { absorbContained, coveringCoding, insertCoding } from './codings.ts';
import type { ProjectContext } from './context.ts';
import { saveMemo } from './memos.ts';

export const KEEP_BOTH_TITLE = 'Désaccord : lectures gardées toutes deux';
export const DISCUSS_TITLE = 'Désaccord : à discuter';

export interface ReviewPassage {
  coderId: number;
  coderName: string;
  start: number;
  end: number;
  text: string;
  /** The coder's codings of the code that make up this passage. */
  codingIds: number[];
}

export interface ReviewItem extends Omit<Disagreement, 'passages'> {
  /** Stable while the codings do not change: source:code:start:end. */
  id: string;
  sourceName: string;
  codeName: string;
  codePath: string[];
  codersWithNames: string[];
  codersWithoutNames: string[];
  passages: ReviewPassage[];
  status: 'open' | 'kept' | 'discuss';
  notes: string[];
}

export interface DisagreementOptions {
  coders: string[];
  codeRef?: string;
  overlapThreshold?: number;
  includeBoundaryDifferences?: boolean;
}

export function listDisagreements(db: Db, options: DisagreementOptions): ReviewItem[] {
  const data = agreementData(db, options.coders, options.codeRef);
  const found = findDisagreements({
    codings: data.codings,
    coderIds: data.coders.map((c) => c.id),
    sourceLengths: data.sourceLengths,
    sourceIds: data.scope.sourceIds,
    ...(data.codeIds ? { codeIds: data.codeIds } : {}),
    ...(options.overlapThreshold !== undefined ? { overlapThreshold: options.overlapThreshold } : {}),
    ...(options.includeBoundaryDifferences ? { includeBoundaryDifferences: true } : {}),
  });
  const coderName = new Map(data.coders.map((c) => [c.id, c.name]));
  const codes = new Map(listCodes(db).map((c) => [c.id, c]));
  const names = sourceNames(db);
  const texts = new Map<number, { text: string; index: OffsetIndex }>();
  const slice = (id: number, start: number, end: number) => {
    let t = texts.get(id);
    if (!t) {
      const text = (stmt(db, 'SELECT text FROM sources WHERE id = ?').get(id) as { text: string }).text;
      texts.set(id, (t = { text, index: new OffsetIndex(text) }));
    }
    return sliceCodePoints(t.text, start, end, t.index);
  };
  const memos = reviewMemos(db);
  const inPassage = stmt(db, 'SELECT id FROM codings WHERE source_id = ? AND code_id = ? AND coder_id = ? AND start >= ? AND end <= ? ORDER BY start, id');
  return found.map((d) => {
    const passages = d.passages.map((p) => ({
      ...p,
      coderName: coderName.get(p.coderId) ?? String(p.coderId),
      text: slice(d.sourceId, p.start, p.end),
      codingIds: (inPassage.all(d.sourceId, d.codeId, p.coderId, p.start, p.end) as { id: number }[]).map((r) => r.id),
    }));
    const { status, notes } = reviewStatus(
      memos,
      passages.flatMap((p) => p.codingIds),
    );
    return {
      ...d,
      id: `${d.sourceId}:${d.codeId}:${d.start}:${d.end}`,
      sourceName: names.get(d.sourceId) ?? String(d.sourceId),
      codeName: codes.get(d.codeId)?.name ?? String(d.codeId),
      codePath: codePath(codes, d.codeId),
      codersWithNames: d.codersWith.map((id) => coderName.get(id) ?? String(id)),
      codersWithoutNames: d.codersWithout.map((id) => coderName.get(id) ?? String(id)),
      passages,
      status,
      notes,
    };
  });
}

/** Review memos (keep-both, discuss) by coding id, read once per listing. */
function reviewMemos(db: Db): Map<number, { title: string; text: string }[]> {
  const rows = stmt(db, 'SELECT coding_id AS codingId, title, text FROM memos WHERE coding_id IS NOT NULL AND title IN (?, ?) ORDER BY id').all(
    KEEP_BOTH_TITLE,
    DISCUSS_TITLE,
  ) as { codingId: number; title: string; text: string }[];
  const out = new Map<number, { title: string; text: string }[]>();
  for (const r of rows) (out.get(r.codingId) ?? out.set(r.codingId, []).get(r.codingId)!).push(r);
  return out;
}

function reviewStatus(memos: Map<number, { title: string; text: string }[]>, codingIds: number[]): { status: ReviewItem['status']; notes: string[] } {
  const rows = codingIds.flatMap((id) => memos.get(id) ?? []);
  const status = rows.some((r) => r.title === KEEP_BOTH_TITLE) ? 'kept' : rows.length > 0 ? 'discuss' : 'open';
  return { status, notes: [...new Set(rows.map((r) => r.text).filter(Boolean))] };
}

export type Resolution =
  | { action: 'accept'; item: ReviewItem; coder: string }
  | { action: 'keep-both'; item: ReviewItem; note?: string }
  | { action: 'discuss'; item: ReviewItem; note: string };

export interface ResolutionResult {
  codingsAdded: number;
  codingsRemoved: number;
  memosAdded: number;
}

export function resolveDisagreement(ctx: ProjectContext, r: Resolution): ResolutionResult {
  return ctx.db.transaction(() => {
    const out: ResolutionResult = { codingsAdded: 0, codingsRemoved: 0, memosAdded: 0 };
    const item = r.item;
    const existing = (ids: number[]) => ids.filter((id) => stmt(ctx.db, 'SELECT 1 FROM codings WHERE id = ?').get(id) !== undefined);
    if (r.action === 'accept') {
      const winner = requireCoder(ctx.db, r.coder);
      const own = item.passages.filter((p) => p.coderId === winner.id);
      // On different stretches, the others' own readings of the group give way to the winner's.
      const targets = item.kind === 'boundaries' ? item.codersWith.filter((id) => id !== winner.id) : item.codersWithout;
      if (own.length > 0 && item.kind === 'boundaries') {
        for (const id of existing(item.passages.filter((p) => p.coderId !== winner.id).flatMap((p) => p.codingIds))) {
          stmt(ctx.db, 'DELETE FROM codings WHERE id = ?').run(id);
          out.codingsRemoved++;
        }
      }
      if (own.length > 0) {
        for (const id of existing(own.flatMap((p) => p.codingIds))) {
          const k = stmt(
            ctx.db,
            'SELECT source_id AS sourceId, code_id AS codeId, start, end, valence, segment_kind AS segmentKind FROM codings WHERE id = ?',
          ).get(id) as {
            sourceId: number;
            codeId: number;
            start: number;
            end: number;
            valence: Valence | null;
            segmentKind: SegmentKind;
          };
          for (const other of targets) {
            // Already inside one of theirs: a second coding would count the passage twice.
            if (coveringCoding(ctx.db, { sourceId: k.sourceId, codeId: k.codeId, coderId: other }, k.start, k.end)) continue;
            absorbContained(ctx.db, insertCoding(ctx, { ...k, coderId: other }, 'keep'));
            out.codingsAdded++;
          }
        }
      } else if (item.codersWithout.includes(winner.id)) {
        for (const id of existing(item.passages.flatMap((p) => p.codingIds))) {
          stmt(ctx.db, 'DELETE FROM codings WHERE id = ?').run(id);
          out.codingsRemoved++;
        }
      } else {
        throw new TresseError('team.coderNotInDisagreement', { coder: winner.name });
      }
      return out;
    }
    const title = r.action === 'keep-both' ? KEEP_BOTH_TITLE : DISCUSS_TITLE;
    const text = r.note?.trim() ?? '';
    if (r.action === 'discuss' && !text) throw new TresseError('value.invalid', { field: 'note', value: '' });
    for (const id of existing(item.passages.flatMap((p) => p.codingIds))) {
      saveMemo(ctx, { target: { kind: 'coding', id }, title, text });
      out.memosAdded++;
    }
    return out;
  })();
}
