// The interface language for the whole window. Switching it also tells the service, so that
// error messages coming back from the project are worded in the same language.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { useApiCall } from '../data/hooks.ts';

interface LangState {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => Promise<void>;
}

const LangContext = createContext<LangState>({ lang: 'fr', t: translator('fr'), setLang: async () => {} });

export function LangProvider({ initial, children }: { initial: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initial);
  const call = useApiCall();
  // What the service worded (column labels, refusals) is fetched again in the new language.
  const setLang = useCallback(
    async (next: Lang) => {
      setLangState(next);
      document.documentElement.lang = next;
      await call('setLang', { lang: next });
    },
    [call],
  );
  const value = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useContext(LangContext).t;
}

export function useLang(): LangState {
  return useContext(LangContext);
}
