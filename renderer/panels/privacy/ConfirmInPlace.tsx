// A question asked in place, for steps that cannot be undone (a restore, deleting backups): the
// tabs are already inside a dialog, so no second dialog. The confirm button takes the focus;
// Escape cancels without closing the dialog around it.
import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/lang-context.tsx';

export function ConfirmInPlace(props: { message: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const messageId = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      className="privacy-confirm"
      role="alertdialog"
      aria-label={props.confirmLabel}
      aria-describedby={messageId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <p id={messageId}>{props.message}</p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button ref={confirm} type="button" className="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </div>
  );
}
