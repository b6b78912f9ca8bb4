// What every matrix tab shares under its own controls: the matrix fetched with counts only (a
// cell's excerpts come when it is opened), the table or its pictures, the exports, and the dialogs
// of a cell and of a row's verdict.
import { useState, type ReactNode } from 'react';
import type { GridRef } from '../../../service/contract/index.ts';
import type { MatrixRequest, MatrixRow } from '../../../analysis/matrix/types.ts';
import { useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';
import { CellDialog } from './CellDialog.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { MatrixTable, type OpenCell } from './MatrixTable.tsx';
import type { CellMode } from './matrix-view.ts';
import { PictureGallery } from './PictureGallery.tsx';
import { VerdictDialog } from './VerdictDialog.tsx';

interface Props {
  /** Shown: matrices are fetched only then. */
  active: boolean;
  /** null while the tab still lacks a choice (a case, an attribute). */
  request: MatrixRequest | null;
  mode: CellMode;
  foldable: boolean;
  /** Syntheses and verdicts go here; null for the matrices that take none. */
  grid: GridRef | null;
  baseName: string;
  controls: ReactNode;
  /** What to say while `request` is null. */
  prompt?: string;
}

export function MatrixSection({ active, request, mode, foldable, grid, baseName, controls, prompt }: Props) {
  const t = useT();
  const [show, setShow] = useState<'table' | 'pictures'>('table');
  const [cell, setCell] = useState<OpenCell | null>(null);
  const [verdictRow, setVerdictRow] = useState<MatrixRow | null>(null);
  const key = request ? JSON.stringify(request) : '';

  // Counts only; keyed by the request's value, and fetched again after any change that touches
  // matrices (a coding, a synthesis, a question: renderer/data/invalidation.ts).
  const found = useApiQuery('computeMatrix', request ? { ...request, excerptIds: false } : null, { enabled: active, ownErrors: true });
  const matrix = found.data ?? null;
  const [dismissed, setDismissed] = useState<unknown>(null);
  const error = found.error && found.error !== dismissed ? errorText(found.error, t) : null;

  // Another request: the open cell and verdict belonged to the previous matrix.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setCell(null);
    setVerdictRow(null);
  }

  // The open cell follows a recomputed matrix (its synthesis and counts).
  const current = (c: OpenCell | null) => (c && matrix ? { row: matrix.rows.find((r) => r.key === c.row.key) ?? c.row, column: c.column } : c);

  return (
    <div className="matrix-section">
      <div className="matrix-controls">{controls}</div>
      {request && (
        <div className="matrix-toolbar">
          <div className="segmented" role="group" aria-label={t('analysis.show')}>
            <button type="button" aria-pressed={show === 'table'} onClick={() => setShow('table')}>
              {t('analysis.show.table')}
            </button>
            <button type="button" aria-pressed={show === 'pictures'} onClick={() => setShow('pictures')}>
              {t('analysis.show.pictures')}
            </button>
          </div>
          <ExportButtons request={request} baseName={baseName} />
        </div>
      )}
      <ErrorNotice message={error} onDismiss={() => setDismissed(found.error)} />
      {!request && prompt && <p className="placeholder">{prompt}</p>}
      {request && show === 'pictures' && <PictureGallery request={request} baseName={baseName} />}
      {request && show === 'table' && matrix && (
        <MatrixTable
          key={`${matrix.type}:${matrix.rowMode}`}
          matrix={matrix}
          mode={mode}
          foldable={foldable}
          onOpen={setCell}
          {...(grid ? { onVerdict: setVerdictRow } : {})}
        />
      )}
      {request && matrix && cell && <CellDialog matrix={matrix} request={request} cell={current(cell)!} grid={grid} onClose={() => setCell(null)} />}
      {matrix && grid && verdictRow && <VerdictDialog matrix={matrix} row={verdictRow} grid={grid} onClose={() => setVerdictRow(null)} />}
    </div>
  );
}
