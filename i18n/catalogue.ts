// The one message catalogue of the interface: error messages, the workbench's labels and the
// coding views' labels, each entry in French and English side by side.
import { errorMessages } from './errors.ts';
import { exchangeReportMessages } from './exchange-report.ts';
import { interpolate, type Lang } from './lang.ts';
import { uiMessages } from './ui.ts';
import { codingMessages } from './ui-coding.ts';
import { privacyMessages } from './ui-privacy.ts';
import { teamMessages } from './ui-team.ts';
import { ratingMessages } from './ui-ratings.ts';
import { analysisMessages } from './ui-analysis.ts';
import { setMessages } from './ui-sets.ts';
import { similarMessages } from './ui-similar.ts';
import { suggestMessages } from './ui-suggest.ts';
import { robustnessMessages } from './robustness.ts';

export const catalogue = {
  ...errorMessages,
  ...uiMessages,
  ...codingMessages,
  ...privacyMessages,
  ...teamMessages,
  ...ratingMessages,
  ...analysisMessages,
  ...setMessages,
  ...similarMessages,
  ...suggestMessages,
  ...robustnessMessages,
  ...exchangeReportMessages,
} as const;

export type MessageKey = keyof typeof catalogue;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

export function translator(lang: Lang): Translate {
  return (key, params) => interpolate((catalogue[key] as { fr: string; en: string })[lang], params);
}
