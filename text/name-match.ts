import { OffsetIndex } from './offsets.ts';

// Finding people's names in text to pseudonymise them. Matching ignores case and accents, takes
// whole words only (a hyphen joins words: the rule for "Marie" does not touch "Marie-Claire" nor
// "Jean-Marie"), and tries the longest forms first, so "Marie-Claire D." is replaced as a whole and
// never half-replaced by the rule for another person's "Marie".
//
// Forms recognised for "Marie-Claire Dupont" -> "Louise Martin" (given names = every word but the
// surname; the surname is the last word, or starts at a particle: "Jean de la Fontaine"):
//   full        Marie-Claire Dupont  -> Louise Martin   (also "Marie Claire Dupont")
//   reversed    Dupont Marie-Claire  -> Martin Louise   (lists, registers)
//   initials    M.-C. Dupont, M-C Dupont, MC Dupont, M.C. Dupont -> L. Martin, L Martin...
//   given+S.    Marie-Claire D.      -> Louise M.
//   given       Marie-Claire         -> Louise
//   surname     Dupont               -> Martin          (so "Mme Dupont" -> "Mme Martin")
// A short form (given name or surname alone) shared by two people with different pseudonyms is
// ambiguous: it is left out, and reported, so the user decides case by case.
// A name written in capitals gets its pseudonym in capitals.
//
// A name given with a title ("Monsieur B.", "Mme Dupont", "Dr Marie Roux") matches with any
// spelling of that title ("monsieur B.", "M. B.", "Madame Dupont") and its name part in the case
// written (or in capitals): the bare word "monsieur" is never a name, nor is a lone initial "B.".
// Initials keep their case in every name ("M.-C. Dupont", not "m.-c. dupont").

export interface NameEntry {
  id: number;
  realName: string;
  pseudonym: string;
}

export type FormKind = 'full' | 'reversed' | 'initials' | 'given-initial' | 'given' | 'surname';

export interface NameForm {
  entryId: number;
  kind: FormKind;
  form: string;
  replacement: string;
  /**
   * The title the form starts with, as written in the real name ("Monsieur", "Mme", "Dr"): any
   * spelling of it matches ("monsieur", "M.", "Mr"), and is kept in the text when the pseudonym
   * has a title too ("monsieur B." -> "monsieur K.").
   */
  title?: string;
  /** The replacement is for the name after the title, the title found staying. */
  keepTitle?: boolean;
  /**
   * Letters (of the form after its title) that must be found in the case written: initials, and
   * every letter of a name given with a title. A capital stays a capital, so the initial "B." is
   * not the letter "b." and "Monsieur Rose" is not the flower. A name in capitals throughout
   * ("MONSIEUR B.") still matches.
   */
  caseMask?: boolean[];
}

export interface NameMatch {
  entryId: number;
  kind: FormKind;
  /** Code points in the searched text. */
  start: number;
  end: number;
  found: string;
  replacement: string;
}

const PARTICLES = new Set(['de', 'du', 'des', 'del', 'della', 'di', 'da', 'le', 'la', 'van', 'von', 'der', 'den', 'ben', 'ibn', 'el', 'al', "d'", 'd’']);

// Titles written before a name, by what they mean: any spelling of one matches any other, and a
// title on its own is never a name (the bare word "monsieur" in ordinary text is not replaced).
const TITLE_GROUPS: ReadonlyArray<readonly string[]> = [
  ['monsieur', 'm.', 'm', 'mr', 'mr.', 'mister'],
  ['madame', 'mme', 'mme.', 'mrs', 'mrs.', 'ms', 'ms.'],
  ['mademoiselle', 'mlle', 'mlle.', 'miss'],
  ['messieurs', 'mm.'],
  ['mesdames', 'mmes', 'mmes.'],
  ['docteur', 'docteure', 'dr', 'dr.', 'doctor'],
  ['professeur', 'professeure', 'pr', 'pr.', 'prof', 'prof.', 'professor'],
  ['maitre', 'me', 'me.'],
];
const TITLE_OF = new Map(TITLE_GROUPS.flatMap((group) => group.map((t) => [t, group] as const)));

function titleGroup(word: string): readonly string[] | undefined {
  return TITLE_OF.get(foldText(word));
}

/** A single letter, or letters each with a dot ("B", "B.", "M.-C.", "J.M."). */
function isInitials(word: string): boolean {
  return /^\p{L}$/u.test(word) || /^(?:\p{L}\.[-\u2010\u2011]?)+$/u.test(word);
}

/** The titles a name starts with, and the name itself; a name that is all titles has no title. */
export function splitTitle(name: string): { title: string; rest: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  let n = 0;
  while (n < words.length - 1 && titleGroup(words[n]!)) n++;
  return { title: words.slice(0, n).join(' '), rest: words.slice(n).join(' ') };
}

/** Given names and surname of a full name; a single word is a surname-less name. */
export function splitName(name: string): { given: string; surname: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { given: words.join(' '), surname: '' };
  let s = words.length - 1;
  while (s > 1 && PARTICLES.has(foldText(words[s - 1]!))) s--;
  return { given: words.slice(0, s).join(' '), surname: words.slice(s).join(' ') };
}

function initials(given: string, dots: boolean, hyphen: boolean): string {
  const parts = given.split(/[-‐‑\s]+/).filter(Boolean);
  const letters = parts.map((p) => Array.from(p)[0]!.toUpperCase() + (dots ? '.' : ''));
  return letters.join(hyphen ? '-' : '');
}

function surnameInitial(surname: string): string {
  const words = surname.split(/\s+/);
  return `${Array.from(words[words.length - 1]!)[0]!.toUpperCase()}.`;
}

/**
 * Whether a form names somebody by itself: not when it is only titles and initials ("Monsieur",
 * "B.", "M.-C. D." cut out of a longer name), except the real name as the user wrote it when that
 * has two words or more ("Monsieur B.", "M.-C. D.").
 */
function namesSomeone(form: string, isFull: boolean, initialWords: number): boolean {
  const words = form.trim().split(/\s+/).filter(Boolean);
  if (words.every((w) => titleGroup(w))) return false;
  if (words.some((w, i) => i >= initialWords && !titleGroup(w) && !isInitials(w))) return true;
  return isFull && words.length >= 2;
}

/** Which letters of `form` keep their case: those of words `sensitive` picks. */
function caseMaskOf(form: string, sensitive: (word: string, index: number) => boolean): boolean[] | undefined {
  const mask: boolean[] = [];
  form
    .trim()
    .split(/\s+/)
    .forEach((word, i) => {
      for (const c of word) if (/\p{L}/u.test(c)) mask.push(sensitive(word, i));
    });
  return mask.some(Boolean) ? mask : undefined;
}

/** Every form under which a person's name is looked for, with what replaces it. */
export function nameForms(entry: NameEntry): NameForm[] {
  const realTitled = splitTitle(entry.realName);
  const fakeTitled = splitTitle(entry.pseudonym);
  const titled = realTitled.title !== '';
  const real = splitName(realTitled.rest);
  const fake = splitName(fakeTitled.rest);
  const pseudo = entry.pseudonym.trim();
  const fakeRest = fakeTitled.rest;
  const forms: NameForm[] = [];
  const add = (kind: FormKind, form: string, replacement: string, initialWords = 0, title?: string, keepTitle = false) => {
    const isFull = kind === 'full';
    if (!form.trim() || !namesSomeone(title ? `${title} ${form}` : form, isFull, initialWords)) return;
    // A name given with a title keeps its case everywhere; otherwise initials do.
    const caseMask = caseMaskOf(form, (word, i) => titled || i < initialWords || isInitials(word));
    forms.push({
      entryId: entry.id,
      kind,
      form: title ? `${title} ${form}` : form,
      replacement,
      ...(title ? { title } : {}),
      ...(keepTitle ? { keepTitle } : {}),
      ...(caseMask ? { caseMask } : {}),
    });
  };
  if (titled) add('full', realTitled.rest, fakeTitled.title ? fakeRest : pseudo, 0, realTitled.title, fakeTitled.title !== '');
  add('full', realTitled.rest, titled && fakeTitled.title ? fakeRest : pseudo);
  if (real.surname) {
    const fg = fake.surname ? fake.given : fakeRest;
    const fs = fake.surname;
    const join = (x: string, y: string) => (y ? `${x} ${y}` : x);
    add('reversed', `${real.surname} ${real.given}`, fs ? `${fs} ${fg}` : fakeRest);
    const styles: Array<[boolean, boolean]> = [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ];
    for (const [dots, hyphen] of styles) {
      add('initials', `${initials(real.given, dots, hyphen)} ${real.surname}`, fs ? join(initials(fg, dots, hyphen), fs) : fakeRest, 1);
    }
    add('given-initial', `${real.given} ${surnameInitial(real.surname)}`, fs ? `${fg} ${surnameInitial(fs)}` : fakeRest);
    add('given', real.given, fg);
    add('surname', real.surname, fs || fakeRest);
  }
  // One form per spelling (initials styles coincide for a single given name).
  const seen = new Set<string>();
  return forms.filter((f) => {
    const key = foldText(f.form);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const foldCache = new Map<string, string>();

/** Lower case without accents, one code point for one code point (positions are kept). */
export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  let f = foldCache.get(c);
  if (f === undefined) {
    const folded = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    f = Array.from(folded).length === 1 ? folded : c;
    foldCache.set(c, f);
  }
  return f;
}

export function foldText(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

const SPACE = '[\\s\\u00a0]';
const HYPHEN = '[-\\u2010\\u2011]';
const BEFORE = `(?<![\\p{L}\\p{N}\\p{M}])(?<![\\p{L}\\p{N}]${HYPHEN})`;
const AFTER = `(?![\\p{L}\\p{N}\\p{M}])(?!${HYPHEN}[\\p{L}\\p{N}])`;

/** A pattern over folded text, tolerant of spacing, hyphen and apostrophe variants. */
function formPattern(form: string): string {
  const chars = Array.from(foldText(form.trim()));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    if (/\s/u.test(c)) {
      while (chars[i + 1] !== undefined && /\s/u.test(chars[i + 1]!)) i++;
      out += `${SPACE}+`;
    } else if (/[-\u2010\u2011]/u.test(c)) {
      out += `(?:${HYPHEN}|${SPACE})`;
    } else if (c === "'" || c === '\u2019') {
      out += "['\u2019]";
    } else if (c === '.') {
      out += next !== undefined && !/\s/u.test(next) ? `\\.${SPACE}*` : '\\.';
    } else {
      out += c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
  }
  return out;
}

/** Any spelling of the title, folded, the longest first. */
function titlePattern(title: string): string {
  const words = title.split(/\s+/).map((w) => [...(titleGroup(w) ?? [foldText(w)])].sort((a, b) => b.length - a.length));
  return words.map((group) => `(?:${group.map((t) => formPattern(t)).join('|')})`).join(`${SPACE}+`);
}

/** The first words (folded) a form can start with: one per spelling of its title. */
function firstWords(form: NameForm): string[] {
  const spellings = form.title ? (titleGroup(form.title.split(/\s+/)[0]!) ?? [form.title]) : [form.form];
  return [...new Set(spellings.flatMap((w) => FIRST_WORD.exec(foldText(w))?.[0] ?? []))];
}

/** Whether the letters found keep the case the form asks for (or are all capitals). */
function caseKept(mask: readonly boolean[] | undefined, form: string, found: string): boolean {
  if (!mask) return true;
  const want = Array.from(form).filter((c) => /\p{L}/u.test(c));
  const got = Array.from(found).filter((c) => /\p{L}/u.test(c));
  if (got.length !== want.length) return false;
  if (got.every((c) => c === c.toUpperCase())) return true;
  const upper = (c: string) => c !== c.toLowerCase();
  return mask.every((sensitive, i) => !sensitive || upper(want[i]!) === upper(got[i]!));
}

interface CompiledForm {
  form: NameForm;
  re: RegExp;
  /** The form after its title: what the case mask covers. */
  rest: string;
}

export class NameMatcher {
  readonly forms: NameForm[];
  /** Short forms shared by several people, left out of the matching. */
  readonly ambiguous: Array<{ form: string; entryIds: number[] }> = [];
  /** Forms by their first word (folded), longest first, each with a pattern anchored where it is tried. */
  private readonly byFirstWord = new Map<string, CompiledForm[]>();

  constructor(entries: readonly NameEntry[]) {
    const byKey = new Map<string, NameForm[]>();
    for (const e of entries) {
      for (const f of nameForms(e)) {
        const key = foldText(f.form)
          .replace(/[\s.\-\u2010\u2011]+/g, ' ')
          .trim();
        const list = byKey.get(key) ?? [];
        list.push(f);
        byKey.set(key, list);
      }
    }
    const forms: NameForm[] = [];
    for (const list of byKey.values()) {
      const people = new Set(list.map((f) => f.entryId));
      const replacements = new Set(list.map((f) => f.replacement));
      if (people.size > 1 && replacements.size > 1) {
        this.ambiguous.push({ form: list[0]!.form, entryIds: [...people] });
        // A full name still wins over a short form of somebody else's.
        const full = list.filter((f) => f.kind === 'full');
        if (full.length === 1) forms.push(full[0]!);
        continue;
      }
      forms.push(...list.filter((f, i) => list.findIndex((g) => g.form === f.form) === i));
    }
    forms.sort((a, b) => foldText(b.form).length - foldText(a.form).length || a.entryId - b.entryId);
    this.forms = forms;
    for (const form of forms) {
      const rest = form.title ? form.form.slice(form.title.length).trim() : form.form;
      // A title and what follows it are two groups, so that the title found can be kept.
      const pattern = form.title ? `(${titlePattern(form.title)})(${SPACE}+)(?:${formPattern(rest)})` : `(?:${formPattern(rest)})`;
      const re = new RegExp(`${BEFORE}${pattern}${AFTER}`, 'uy');
      for (const first of firstWords(form)) {
        const list = this.byFirstWord.get(first) ?? [];
        list.push({ form, re, rest });
        this.byFirstWord.set(first, list);
      }
    }
  }

  /** Every name in the text, left to right, longest form first, without overlaps. */
  find(text: string): NameMatch[] {
    if (this.byFirstWord.size === 0) return [];
    const folded = foldText(text);
    const foldedIndex = new OffsetIndex(folded);
    const index = new OffsetIndex(text);
    const matches: NameMatch[] = [];
    let consumed = 0;
    // Only where a word starts that begins some form is anything tried: cheap for many people.
    for (const w of folded.matchAll(WORDS)) {
      if (w.index < consumed) continue;
      const candidates = this.byFirstWord.get(w[0]);
      if (!candidates) continue;
      for (const { form, re, rest } of candidates) {
        re.lastIndex = w.index;
        const m = re.exec(folded);
        if (!m) continue;
        // Folding keeps one code point per code point, so positions carry over to the real text.
        const at = (i: number) => foldedIndex.toCodePoint(i);
        const slice = (from: number, to: number) => text.slice(index.toUtf16(from), index.toUtf16(to));
        const start = at(m.index);
        const end = at(m.index + m[0].length);
        const restStart = form.title ? at(m.index + m[1]!.length + m[2]!.length) : start;
        const found = slice(start, end);
        if (!caseKept(form.caseMask, rest, slice(restStart, end))) continue;
        // "monsieur B." -> "monsieur K.": the title stays as written when the pseudonym has one too.
        const replacement = form.keepTitle
          ? slice(start, restStart) + keepCapitals(slice(restStart, end), form.replacement)
          : keepCapitals(found, form.replacement);
        matches.push({ entryId: form.entryId, kind: form.kind, start, end, found, replacement });
        consumed = m.index + m[0].length;
        break;
      }
    }
    return matches;
  }
}

const WORDS = /[\p{L}\p{N}]+/gu;
const FIRST_WORD = /[\p{L}\p{N}]+/u;

function keepCapitals(found: string, replacement: string): string {
  const letters = found.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() ? replacement.toUpperCase() : replacement;
}
