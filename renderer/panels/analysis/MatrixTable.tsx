// A matrix as a real table: column headers, row headers (themes open onto their sub-codes), cells
// as buttons that open their excerpts, and for the triangulation grids a last column with the
// row's verdict, where dissonance and silence stand out.
import { useMemo, useState } from 'react';
import type { Matrix, MatrixRow } from '../../../analysis/matrix/types.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { cellFace, coderWords, hasChildren, parentKeys, rowLabel, shade, visibleRows, type CellMode } from './matrix-view.ts';

export interface OpenCell {
  row: MatrixRow;
  column: number;
}

interface Props {
  matrix: Matrix;
  mode: CellMode;
  /** Rows fold under their theme (not for the square co-occurrence matrix). */
  foldable: boolean;
  onOpen: (cell: OpenCell) => void;
  /** Shown for the triangulation grids: opens the row's verdict. */
  onVerdict?: (row: MatrixRow) => void;
}

export function MatrixTable({ matrix, mode, foldable, onOpen, onVerdict }: Props) {
  const t = useT();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => (foldable ? visibleRows(matrix.rows, expanded) : matrix.rows), [foldable, matrix.rows, expanded]);
  const max = useMemo(() => Math.max(0, ...matrix.rows.flatMap((r) => r.cells.map((c) => c.count))), [matrix.rows]);
  const parents = useMemo(() => parentKeys(matrix.rows), [matrix.rows]);
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const index = new Map(matrix.rows.map((r, i) => [r.key, i]));
  const square = mode.kind === 'cooccurrence';
  const whose = coderWords(matrix.coders, t);

  return (
    <div className="matrix-wrap">
      {foldable && parents.length > 0 && (
        <div className="matrix-fold">
          <button type="button" className="link" onClick={() => setExpanded(new Set(parents))}>
            {t('analysis.expandAll')}
          </button>
          <button type="button" className="link" onClick={() => setExpanded(new Set())}>
            {t('analysis.collapseAll')}
          </button>
        </div>
      )}
      <div className="matrix-scroll">
        <table className={`matrix-table${square ? ' square' : ''}`}>
          <caption>
            {matrix.title}
            {matrix.notes.map((n) => (
              <span key={n} className="matrix-note">
                {n}
              </span>
            ))}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="row-head">
                {t(matrix.rowMode === 'questions' ? 'analysis.head.question' : 'analysis.head.code')}
              </th>
              {matrix.columns.map((c) => (
                <th key={c.key} scope="col" title={c.label}>
                  {c.label}
                  {mode.kind === 'presence' && c.caseTotal !== undefined && (
                    <span className="col-total">{t('analysis.head.cases', { count: c.caseTotal })}</span>
                  )}
                </th>
              ))}
              {onVerdict && (
                <th scope="col" className="verdict-head">
                  {t('analysis.head.verdict')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const i = index.get(row.key)!;
              const parent = foldable && hasChildren(matrix.rows, i);
              const open = expanded.has(row.key);
              const verdict = row.verdict?.verdict;
              const silent = (row.silent ?? []).length > 0;
              return (
                <tr key={row.key} className={`depth-${Math.min(row.depth, 3)}${verdict ? ` verdict-${verdict}` : ''}`} data-row={row.abbrev ?? row.label}>
                  <th scope="row" style={{ paddingInlineStart: `${0.4 + row.depth * 1.1}rem` }}>
                    <span className="row-label">
                      {parent ? (
                        <button
                          type="button"
                          className="twist"
                          aria-expanded={open}
                          aria-label={t(open ? 'analysis.collapse' : 'analysis.expand', { row: row.abbrev ?? row.label })}
                          onClick={() => toggle(row.key)}
                        >
                          {open ? '▾' : '▸'}
                        </button>
                      ) : (
                        foldable && <span className="twist-space" aria-hidden="true" />
                      )}
                      <span>{rowLabel(row)}</span>
                    </span>
                  </th>
                  {row.cells.map((cell, j) => {
                    const column = matrix.columns[j]!;
                    const face = cellFace(mode, cell, column, square && matrix.columns[j]!.key === row.key, t, whose);
                    if (face.blank) return <td key={column.key} className="cell-blank" aria-label={t('analysis.cell.diagonal')} />;
                    const s = face.silent || face.noMaterial ? 0 : shade(mode.kind === 'cooccurrence' ? Number(face.main) : cell.count, max);
                    return (
                      <td
                        key={column.key}
                        className={face.silent ? 'cell-silent' : face.noMaterial ? 'cell-nomaterial' : cell.count === 0 ? 'cell-zero' : undefined}
                        data-state={cell.state}
                      >
                        <button
                          type="button"
                          className="cell-button"
                          title={face.tooltip || undefined}
                          style={s > 0 ? { background: `rgba(31, 95, 168, ${(0.06 + s * 0.3).toFixed(2)})` } : undefined}
                          aria-label={`${rowLabel(row)} × ${column.label} : ${face.spoken}${cell.synthesis ? `, ${t('analysis.cell.hasSynthesis')} : ${cell.synthesis}` : ''}`}
                          onClick={() => onOpen({ row, column: j })}
                        >
                          <span className="cell-main">{face.main}</span>
                          {/* Abbreviations of what the name says in words, drawn from the attribute so
                              that the name holds every word shown (WCAG 2.5.3). */}
                          {face.meta && <span className="cell-meta" data-text={face.meta} aria-hidden="true" />}
                          {face.valence && <span className="cell-meta cell-valence" data-text={face.valence} aria-hidden="true" />}
                          {cell.synthesis && (
                            <span className="cell-synthesis" title={cell.synthesis}>
                              ✎ {cell.synthesis}
                            </span>
                          )}
                        </button>
                      </td>
                    );
                  })}
                  {onVerdict && (
                    <td className="verdict-cell">
                      <button type="button" className="verdict-button" onClick={() => onVerdict(row)}>
                        <span className="visually-hidden">{t('analysis.verdict.edit', { row: rowLabel(row) })}</span>
                        {verdict ? (
                          <span className={`verdict-badge ${verdict}`}>{t(`analysis.verdict.${verdict}`)}</span>
                        ) : (
                          !silent && <span className="verdict-none">{t('analysis.verdict.unset')}</span>
                        )}
                        {silent && (
                          <span className="verdict-badge silence">
                            {t('analysis.verdict.silenceIn', {
                              columns: (row.silent ?? []).map((k) => matrix.columns.find((c) => c.key === k)?.label ?? k).join(', '),
                            })}
                          </span>
                        )}
                        {row.verdict?.note && <span className="verdict-note">{row.verdict.note}</span>}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
