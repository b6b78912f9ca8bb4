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

/** Every form under which a person's name is looked for, with what replaces it. */
export function nameForms(entry: NameEntry): NameForm[] {
  const real = splitName(entry.realName);
  const fake = splitName(entry.pseudonym);
  const pseudo = entry.pseudonym.trim();
  const forms: NameForm[] = [];
  const add = (kind: FormKind, form: string, replacement: string) => {
    if (form.trim()) forms.push({ entryId: entry.id, kind, form, replacement });
  };
  add('full', entry.realName.trim(), pseudo);
  if (real.surname) {
    const fg = fake.surname ? fake.given : pseudo;
    const fs = fake.surname;
    const join = (x: string, y: string) => (y ? `${x} ${y}` : x);
    add('reversed', `${real.surname} ${real.given}`, fs ? `${fs} ${fg}` : pseudo);
    const styles: Array<[boolean, boolean]> = [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ];
    for (const [dots, hyphen] of styles) {
      add('initials', `${initials(real.given, dots, hyphen)} ${real.surname}`, fs ? join(initials(fg, dots, hyphen), fs) : pseudo);
    }
    add('given-initial', `${real.given} ${surnameInitial(real.surname)}`, fs ? `${fg} ${surnameInitial(fs)}` : pseudo);
    add('given', real.given, fg);
    add('surname', real.surname, fs || pseudo);
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

export class NameMatcher {
  readonly forms: NameForm[];
  /** Short forms shared by several people, left out of the matching. */
  readonly ambiguous: Array<{ form: string; entryIds: number[] }> = [];
  /** Forms by their first word (folded), longest first, each with a pattern anchored where it is tried. */
  private readonly byFirstWord = new Map<string, Array<{ form: NameForm; re: RegExp }>>();

  constructor(entries: readonly NameEntry[]) {
    const byKey = new Map<string, NameForm[]>();
    for (const e of entries) {
      for (const f of nameForms(e)) {
        const key = foldText(f.form).replace(/[\s.\-\u2010\u2011]+/g, ' ').trim();
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
      const first = FIRST_WORD.exec(foldText(form.form))?.[0];
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ form, re: new RegExp(`${BEFORE}(?:${formPattern(form.form)})${AFTER}`, 'uy') });
      this.byFirstWord.set(first, list);
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
      for (const { form, re } of candidates) {
        re.lastIndex = w.index;
        const m = re.exec(folded);
        if (!m) continue;
        // Folding keeps one code point per code point, so positions carry over to the real text.
        const start = foldedIndex.toCodePoint(m.index);
        const end = foldedIndex.toCodePoint(m.index + m[0].length);
        const found = text.slice(index.toUtf16(start), index.toUtf16(end));
        matches.push({ entryId: form.entryId, kind: form.kind, start, end, found, replacement: keepCapitals(found, form.replacement) });
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
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
    ? replacement.toUpperCase()
    : replacement;
}
