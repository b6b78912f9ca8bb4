// Pseudonymisation: the table of people, then the review of every match and its application.
import { useCallback, useEffect, useState } from 'react';
import type { Case } from '../../../model/types.ts';
import type { PseudonymEntry } from '../../../service/pseudonyms.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { PseudonymReview } from './PseudonymReview.tsx';
import { PseudonymTable } from './PseudonymTable.tsx';

interface Props {
  cases: Case[];
  report: (e: unknown) => void;
  /** The project's texts changed (names replaced): the workbench reloads what it shows. */
  onProjectChanged: () => Promise<void>;
}

export function PseudonymsTab({ cases, report, onProjectChanged }: Props) {
  const t = useT();
  const [entries, setEntries] = useState<PseudonymEntry[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setEntries(await api.listPseudonyms());
    } catch (e) {
      report(e);
    }
  }, [report]);
  useEffect(() => void load(), [load]);

  return (
    <div className="privacy-tab">
      <p className="muted">{t('pseudo.intro')}</p>
      <PseudonymTable entries={entries} cases={cases} onChanged={load} onStatus={setStatus} report={report} />
      {status && (
        <p className="status" role="status">
          {status}
        </p>
      )}
      <PseudonymReview
        entries={entries}
        report={report}
        onChanged={async () => {
          await load();
          await onProjectChanged();
        }}
      />
    </div>
  );
}
