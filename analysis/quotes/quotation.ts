// An excerpt's text as a quotation: one line, between the language's quotation marks, never
// twice, with […] where the excerpt cuts a sentence of the source.
import type { Lang } from '../../i18n/lang.ts';

const MARKS: Record<Lang, { open: string; close: string; inner: [RegExp, RegExp]; nested: [string, string] }> = {
  // French typography: « » with no-break spaces inside; quotes within a quotation become “ ”.
  fr: { open: '«\u00a0', close: '\u00a0»', inner: [/«\s*/gu, /\s*»/gu], nested: ['“', '”'] },
  en: { open: '“', close: '”', inner: [/“/gu, /”/gu], nested: ['‘', '’'] },
};

const PAIRS: ReadonlyArray<[string, string]> = [
  ['«', '»'],
  ['“', '”'],
  ['"', '"'],
];

/** The text without its outer marks when one pair of them encloses all of it, else null. */
function enclosed(text: string): string | null {
  for (const [open, close] of PAIRS) {
    if (text.length < 2 || !text.startsWith(open) || !text.endsWith(close)) continue;
    const inner = text.slice(open.length, -close.length);
    if (open === close) {
      if (!inner.includes(open)) return inner.trim();
      continue;
    }
    // «a» et «b» starts and ends with marks but is two quotations: the inner marks must nest.
    let depth = 0;
    for (const ch of inner) {
      if (ch === open) depth++;
      else if (ch === close && --depth < 0) break;
    }
    if (depth === 0) return inner.trim();
  }
  return null;
}

export function quotation(text: string, lang: Lang, cut: { cutBefore: boolean; cutAfter: boolean } = { cutBefore: false, cutAfter: false }): string {
  const m = MARKS[lang];
  const flat = text.replace(/\s+/g, ' ').trim();
  const inside = enclosed(flat) ?? flat.replace(m.inner[0], m.nested[0]).replace(m.inner[1], m.nested[1]);
  const body = `${cut.cutBefore ? '[…] ' : ''}${inside}${cut.cutAfter ? ' […]' : ''}`;
  return `${m.open}${body}${m.close}`;
}
