// The "Méthode" page: definitions and references of every agreement figure, in the user's language
// (i18n/method-page.ts holds the text). Reached from the header, the Team panel and the Help menu.
import { METHOD_SECTIONS, METHOD_TITLE, methodText } from '../../../i18n/method-page.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useLang } from '../../i18n/lang-context.tsx';
import './method.css';

export function MethodPage() {
  const { t, lang } = useLang();
  const { setView } = useWorkbench();
  return (
    <article className="method-page" aria-labelledby="method-title">
      <div className="panel-head">
        <h2 id="method-title">{methodText(METHOD_TITLE, lang)}</h2>
        <button type="button" onClick={() => setView('team')}>
          {t('method.back')}
        </button>
      </div>
      {METHOD_SECTIONS.map((s) => (
        <section key={s.id} id={`method-${s.id}`} aria-labelledby={`method-${s.id}-title`}>
          <h3 id={`method-${s.id}-title`}>{methodText(s.title, lang)}</h3>
          {s.id.endsWith('references') ? (
            <ul className="method-references">
              {s.paragraphs.map((p, i) => (
                <li key={i}>{methodText(p, lang)}</li>
              ))}
            </ul>
          ) : (
            s.paragraphs.map((p, i) => <p key={i}>{methodText(p, lang)}</p>)
          )}
        </section>
      ))}
    </article>
  );
}
