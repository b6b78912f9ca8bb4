import type { Lang } from '../../i18n/lang.ts';
import { useLang } from '../i18n/lang-context.tsx';

const LANGS: Lang[] = ['fr', 'en'];

/** FR / EN: a two-button group; the pressed one is the current language. */
export function LangSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} lang={l} onClick={() => void setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
