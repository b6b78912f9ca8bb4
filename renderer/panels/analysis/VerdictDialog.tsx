// A row's verdict: what the researcher concludes from its columns (convergence, complementarity,
// dissonance) with a note. Silence is not chosen: it is computed from empty columns and shown here.
import { useState } from 'react';
import type { GridRef } from '../../../service/contract/index.ts';
import { VERDICTS, type Matrix, type MatrixRow, type Verdict } from '../../../analysis/matrix/types.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';
import { rowLabel } from './matrix-view.ts';

interface Props {
  matrix: Matrix;
  row: MatrixRow;
  grid: GridRef;
  onClose: () => void;
}

export function VerdictDialog({ matrix, row, grid, onClose }: Props) {
  const t = useT();
  const call = useApiCall();
  const [verdict, setVerdict] = useState<Verdict | null>(row.verdict?.verdict ?? null);
  const [note, setNote] = useState(row.verdict?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const silent = (row.silent ?? []).map((k) => matrix.columns.find((c) => c.key === k)?.label ?? k);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('setRowVerdict', { grid, rowKey: row.key, verdict, note: verdict ? note : '' });
      onClose();
    } catch (e) {
      setError(errorText(e, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('analysis.verdict.title', { row: rowLabel(row) })} onClose={onClose}>
      <ErrorNotice message={error} onDismiss={() => setError(null)} />
      <p className="verdict-silence">{silent.length > 0 ? t('analysis.verdict.silenceIn', { columns: silent.join(', ') }) : t('analysis.verdict.noSilence')}</p>
      <fieldset className="verdict-choices">
        <legend>{t('analysis.head.verdict')}</legend>
        <label className="check">
          <input type="radio" name="verdict" checked={verdict === null} onChange={() => setVerdict(null)} />
          {t('analysis.verdict.none')}
        </label>
        {VERDICTS.map((v) => (
          <label key={v} className="check">
            <input type="radio" name="verdict" checked={verdict === v} onChange={() => setVerdict(v)} />
            <span className={`verdict-badge ${v}`}>{t(`analysis.verdict.${v}`)}</span>
            <small className="muted">{t(`analysis.verdict.${v}.hint`)}</small>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('analysis.verdict.note')}</span>
        <textarea rows={3} value={note} disabled={verdict === null} onChange={(e) => setNote(e.target.value)} placeholder={t('analysis.verdict.noteHint')} />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('common.save')}
        </button>
      </div>
    </Dialog>
  );
}
