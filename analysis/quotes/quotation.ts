// An excerpt's text as a quotation: one line, between the language's quotation marks, never
// twice, with […] where the excerpt cuts a sentence of the source.
import type { Lang } from '../../i18n/lang.ts';

/** `marks`: whether a text holds any mark `inner` replaces. */
const MARKS: Record<Lang, { open: string; close: string; inner: [RegExp, RegExp]; marks: RegExp; nested: [string, string] }> = {
  // French typography: « » with no-break spaces inside; quotes within a quotation become “ ”.
  fr: { open: '«\u00a0', close: '\u00a0»', inner: [/«\s*/gu, /\s*»/gu], marks: /[«»]/, nested: ['“', '”'] },
  en: { open: '“', close: '”', inner: [/“/gu, /”/gu], marks: /[“”]/, nested: ['‘', '’'] },
};

/** Whitespace that /\s+/ → ' ' would change: any but a space, or two in a row. */
const SPACES_TO_FOLD = /[^\S ]|\s\s/;

const NOT_CUT = { cutBefore: false, cutAfter: false };

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

/**
 * The excerpt as a thesis prints it. Only a verbatim passage goes between quotation marks: a
 * researcher's paraphrase, a non-answer or a question label (their segment kind) are not the
 * participant's words, and marks would say they are.
 */
export function quotation(text: string, lang: Lang, cut: { cutBefore: boolean; cutAfter: boolean } = NOT_CUT, verbatim = true): string {
  const m = MARKS[lang];
  // Most excerpts have only single spaces and no marks: the replacements, which copy the text
  // even when they change nothing, are skipped (an export quotes tens of thousands).
  const flat = (SPACES_TO_FOLD.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  const withCuts = (inside: string) => `${cut.cutBefore ? '[…] ' : ''}${inside}${cut.cutAfter ? ' […]' : ''}`;
  if (!verbatim) return withCuts(flat);
  const inside = enclosed(flat) ?? (m.marks.test(flat) ? flat.replace(m.inner[0], m.nested[0]).replace(m.inner[1], m.nested[1]) : flat);
  return `${m.open}${withCuts(inside)}${m.close}`;
}
