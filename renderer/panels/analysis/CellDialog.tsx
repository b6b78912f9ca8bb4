// One cell of a matrix opened: its excerpts (each opens its passage in the source, as the retrieval
// view does) and, in the triangulation grids, the researcher's synthesis of the major ideas.
import { useState } from 'react';
import type { GridRef } from '../../../service/contract/index.ts';
import type { Matrix, MatrixRequest } from '../../../analysis/matrix/types.ts';
import { useApiCall, useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ExcerptList } from '../retrieval/ExcerptList.tsx';
import type { OpenCell } from './MatrixTable.tsx';
import { cellFace, coderWords, rowLabel } from './matrix-view.ts';

const PAGE = 50;

interface Props {
  matrix: Matrix;
  request: MatrixRequest;
  cell: OpenCell;
  /** Where a synthesis is written; null: this matrix takes none. */
  grid: GridRef | null;
  onClose: () => void;
}

export function CellDialog({ matrix, request, cell, grid, onClose }: Props) {
  const t = useT();
  const call = useApiCall();
  const column = matrix.columns[cell.column]!;
  const counts = cell.row.cells[cell.column]!;
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(counts.synthesis ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { excerptIds: _ids, ...withIds } = request;

  // "More" asks for a longer list from the start, so a change meanwhile (a coding) is never half shown.
  const [limit, setLimit] = useState(PAGE);
  const { data: page, error: readError } = useApiQuery(
    'matrixCellExcerpts',
    { request: withIds, rowKey: cell.row.key, columnKey: column.key, offset: 0, limit },
    { keepPrevious: true, ownErrors: true },
  );
  const excerpts = page?.excerpts ?? null;
  const total = page?.total ?? 0;

  const save = async () => {
    if (!grid) return;
    setBusy(true);
    setError(null);
    try {
      const done = await call('setCellSynthesis', { grid, rowKey: cell.row.key, columnKey: column.key, text });
      setText(done.text);
      setSaved(t(done.text ? 'analysis.synthesis.saved' : 'analysis.synthesis.cleared'));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('analysis.cellTitle', { row: rowLabel(cell.row), column: column.label })} onClose={onClose}>
      <div className="cell-detail">
        <p className="muted">
          {matrix.type === 'cooccurrence'
            ? t('analysis.cell.spoken', { count: counts.count, sources: counts.sources, cases: counts.cases })
            : cellFace({ kind: 'evidence', silence: true }, counts, column, false, t, coderWords(matrix.coders, t)).tooltip}
        </p>
        <ErrorNotice message={error ?? (readError ? errorText(readError, t) : null)} onDismiss={() => setError(null)} />
        {grid && (
          <section className="synthesis-editor" aria-labelledby="synthesis-title">
            <h3 id="synthesis-title">{t('analysis.synthesis.title')}</h3>
            <label className="field">
              <span>{t('analysis.synthesis.label')}</span>
              <textarea
                rows={4}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setSaved(null);
                }}
                placeholder={t('analysis.synthesis.hint')}
              />
            </label>
            <div className="analysis-actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
                {t('analysis.synthesis.save')}
              </button>
              <span role="status" className="status">
                {saved}
              </span>
            </div>
          </section>
        )}
        <section aria-labelledby="excerpts-title">
          <h3 id="excerpts-title">{t('analysis.excerpts.title', { count: total })}</h3>
          {excerpts === null ? (
            <p aria-busy="true" className="muted">
              {t('analysis.loading')}
            </p>
          ) : (
            <ExcerptList excerpts={excerpts} />
          )}
          {excerpts !== null && excerpts.length < total && (
            <button type="button" onClick={() => setLimit(excerpts.length + PAGE)}>
              {t('analysis.excerpts.more', { count: total - excerpts.length })}
            </button>
          )}
        </section>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
