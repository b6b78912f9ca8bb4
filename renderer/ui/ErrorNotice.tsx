import { useT } from '../i18n/lang-context.tsx';

/** An error the user should read: announced by screen readers, dismissable. */
export function ErrorNotice({ message, onDismiss }: { message: string | null; onDismiss?: () => void }) {
  const t = useT();
  if (!message) return null;
  return (
    <div className="error-notice" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
