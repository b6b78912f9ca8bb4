import { OffsetIndex } from './offsets.ts';

// Finding a passage that a person typed (in a shell, a form) in a source text. Keyboards give
// straight quotes and plain spaces; transcripts from Word carry typographic apostrophes,
// guillemets and no-break spaces before : ; ? !. The typed passage becomes one regular expression
// in which those characters stand for their whole family, so one scan of the text finds every
// occurrence and the match covers the text's own characters.

/** Apostrophes: straight, right and left single quotes, modifier letter apostrophe. */
const APOSTROPHES = "'\u2019\u2018\u02BC";
/** Double quotes: straight, guillemets, curly, low. */
const QUOTES = '"\u00AB\u00BB\u201C\u201D\u201E';
/** French typography puts a (narrow) no-break space before these, which a typist often leaves out. */
const HIGH_PUNCTUATION = ':;?!';

type Token = { kind: 'space' } | { kind: 'quote' } | { kind: 'char'; ch: string };

function tokenise(passage: string): Token[] {
  const tokens: Token[] = [];
  for (const ch of passage) {
    if (/\s/u.test(ch)) {
      if (tokens.at(-1)?.kind !== 'space') tokens.push({ kind: 'space' });
    } else if (QUOTES.includes(ch)) {
      tokens.push({ kind: 'quote' });
    } else {
      tokens.push({ kind: 'char', ch });
    }
  }
  return tokens;
}

function charPattern(ch: string): string {
  if (APOSTROPHES.includes(ch)) return `[${APOSTROPHES}]`;
  return /[\^$\\.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** White space next to a quote, or before high punctuation, may be there or not. */
function spaceOptional(before: Token | undefined, after: Token | undefined): boolean {
  return before?.kind === 'quote' || after?.kind === 'quote' || (after?.kind === 'char' && HIGH_PUNCTUATION.includes(after.ch));
}

/**
 * The tolerant pattern of a typed passage (NFC, trimmed), or null when nothing is left of it.
 * Any run of white space matches any run (space, tab, line break, no-break spaces).
 */
export function passagePattern(passage: string): RegExp | null {
  const tokens = tokenise(passage.normalize('NFC').trim());
  if (tokens.length === 0) return null;
  let source = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (t.kind === 'space') {
      // Trimmed, so a space token always has a neighbour on each side.
      source += spaceOptional(prev, tokens[i + 1]) ? '\\s*' : '\\s+';
      continue;
    }
    // Typed without a space where the text may have one (`"oui"` against `« oui »`, `Bonjour?`).
    if (prev !== undefined && prev.kind !== 'space' && spaceOptional(prev, t)) source += '\\s*';
    source += t.kind === 'quote' ? `[${QUOTES}]` : charPattern(t.ch);
  }
  return new RegExp(source, 'gu');
}

/**
 * Every place a typed passage occurs in a text, as code-point ranges over the text, in order.
 * Occurrences may overlap ("aa" occurs twice in "aaa"), as with an exact search from each position.
 */
export function findPassage(text: string, passage: string): Array<{ start: number; end: number }> {
  const pattern = passagePattern(passage);
  if (!pattern) return [];
  const hits: Array<{ start: number; end: number }> = [];
  let index: OffsetIndex | undefined;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    index ??= new OffsetIndex(text);
    hits.push({ start: index.toCodePoint(m.index), end: index.toCodePoint(m.index + m[0].length) });
    // Restart one character further on, not after the match, so overlapping occurrences count.
    pattern.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
  }
  return hits;
}
