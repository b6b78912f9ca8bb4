// The case-attribute filter of the retrieval view: the values the cases already have are offered,
// and what the user types matches them whatever its case ("infirmière" finds "Infirmière"), then is
// sent as the stored values, typed (a number as a number, oui/non as a boolean), since the service
// compares them exactly. Pure, so it is tested without a browser.
import type { Case } from '../../../model/types.ts';
import { formatValues, type AttributeValue } from '../cases/attribute-values.ts';

type YesNo = { yes: string; no: string };

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase();
const shown = (v: AttributeValue, yesNo: YesNo) => formatValues([v], yesNo);

function valuesOf(cases: readonly Case[], attribute: string): AttributeValue[] {
  const seen = new Map<string, AttributeValue>();
  for (const c of cases) for (const v of c.attributes[attribute] ?? []) seen.set(`${typeof v}:${String(v)}`, v);
  return [...seen.values()];
}

/** The values cases have for the attribute, as shown, each once, in alphabetical order. */
export function attributeChoices(cases: readonly Case[], attribute: string, yesNo: YesNo, lang: string): string[] {
  const shownValues = new Set(valuesOf(cases, attribute).map((v) => shown(v, yesNo)));
  return [...shownValues].sort((a, b) => a.localeCompare(b, lang, { numeric: true }));
}

/**
 * What to send for the typed text ("a ; b" for several values): each part is every existing value
 * it matches without regard to case (several when "Oui" and "oui" both exist), or itself when none.
 */
export function filterValues(typed: string, cases: readonly Case[], attribute: string, yesNo: YesNo): AttributeValue[] {
  const existing = valuesOf(cases, attribute);
  const out: AttributeValue[] = [];
  for (const part of typed
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const number = Number(part.replace(/\s/g, '').replace(',', '.'));
    const matching = existing.filter((v) => (typeof v === 'number' ? Number.isFinite(number) && v === number : fold(shown(v, yesNo)) === fold(part)));
    for (const v of matching.length > 0 ? matching : [part]) if (!out.includes(v)) out.push(v);
  }
  return out;
}
