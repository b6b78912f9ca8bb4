// One action of a team section at a time: a busy flag for its buttons, and its failure shown
// beside it (not at the top of the window, far from the form the user is looking at).
import { useCallback, useState } from 'react';
import { useT } from '../../i18n/lang-context.tsx';
import { errorText } from '../../ui/error-text.ts';

export function useTask() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action();
      } catch (e) {
        setError(errorText(e, t));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, setError, clearError: () => setError(null), run };
}
