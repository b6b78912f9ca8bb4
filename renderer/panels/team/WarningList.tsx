// What an import or a merge could not bring over: always listed, never dropped silently.
import type { TeamWarning } from '../../../service/contract/index.ts';
import { useLang } from '../../i18n/lang-context.tsx';

export function WarningList({ warnings }: { warnings: readonly TeamWarning[] }) {
  const { t, lang } = useLang();
  if (warnings.length === 0) return <p className="team-ok">{t('team.warnings.none')}</p>;
  return (
    <section className="team-warnings" aria-label={t('team.warnings.title', { count: warnings.length })}>
      <h4>{t('team.warnings.title', { count: warnings.length })}</h4>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w[lang]}</li>
        ))}
      </ul>
    </section>
  );
}
