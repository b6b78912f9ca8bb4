// A spreadsheet opening a CSV runs a cell that starts with = + - @ (or a tab or carriage return) as
// a formula: a code named "=HYPERLINK(…)" or a note "+1" would become a live formula or a link.
// Such a cell gets a leading apostrophe, which spreadsheets show as plain text. Plain numbers
// ("-3", "-0,25") are not formulas and stay numbers. A cell that already starts with apostrophes
// before such a character gets one more, so that taking one off on import gives back exactly the
// text that was written.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

const risky = (v: string): boolean => FORMULA_START.test(v) && !PLAIN_NUMBER.test(v.replace(/^'+/, ''));

/** The cell as a spreadsheet should show it: text, never a formula. */
export const guardFormula = (v: string): string => (risky(v) ? `'${v}` : v);

/** The text a guarded cell was made from (what guardFormula added, and only that, comes off). */
export const unguardFormula = (v: string): string => (v.startsWith("'") && risky(v) ? v.slice(1) : v);
