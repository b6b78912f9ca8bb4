// The way into the confidentiality dialog, in the project header.
import { useState } from 'react';
import { useT } from '../../i18n/lang-context.tsx';
import { PrivacyDialog } from './PrivacyDialog.tsx';

export function PrivacyButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('privacy.open')}
      </button>
      {open && <PrivacyDialog onClose={() => setOpen(false)} />}
    </>
  );
}
