// Pseudonymisation: the table of people, then the review of every match and its application.
import { useState } from 'react';
import type { Case } from '../../../model/types.ts';
import type { PseudonymEntry } from '../../../service/contract/index.ts';
import { useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { PseudonymReview } from './PseudonymReview.tsx';
import { PseudonymTable } from './PseudonymTable.tsx';

interface Props {
  cases: Case[];
  report: (e: unknown) => void;
  /** The project's texts changed (names replaced): what the workbench shows is fetched again by itself. */
  onProjectChanged: () => Promise<void>;
}

const NO_ENTRIES: PseudonymEntry[] = [];

export function PseudonymsTab({ cases, report, onProjectChanged }: Props) {
  const t = useT();
  const entries = useApiQuery('listPseudonyms', undefined).data ?? NO_ENTRIES;
  const [status, setStatus] = useState<string | null>(null);

  return (
    <div className="privacy-tab">
      <p className="muted">{t('pseudo.intro')}</p>
      <PseudonymTable entries={entries} cases={cases} onStatus={setStatus} report={report} />
      {status && (
        <p className="status" role="status">
          {status}
        </p>
      )}
      <PseudonymReview entries={entries} report={report} onChanged={onProjectChanged} />
    </div>
  );
}
