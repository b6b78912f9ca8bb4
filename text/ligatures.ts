// French writes œ/æ both as ligatures and as two letters ("cœur"/"coeur"), and FTS5's unicode61
// tokenizer keeps them apart. Queries are therefore widened to every spelling, and hits compared
// on the ligature-free form.

const SPLIT: Record<string, string> = { œ: 'oe', æ: 'ae', Œ: 'OE', Æ: 'AE' };
const JOIN: Record<string, string> = { oe: 'œ', ae: 'æ', o: 'œ', a: 'æ' };

/** The text with œ/æ (Œ/Æ) written as two letters, so both spellings compare equal. */
export function foldLigatures(text: string): string {
  return text.replace(/[œæŒÆ]/g, (c) => SPLIT[c]!);
}

/** A place where the spelling can change: what is typed there, and its two spellings. */
interface Slot {
  at: number;
  length: number;
  plain: string;
  ligature: string;
}

/**
 * The spellings of a lower-case word or phrase with each oe/ae/œ/æ swapped: the text as given
 * first, then the all-plain and all-ligature forms (texts usually keep to one), then mixes; at
 * most `max`, since each spelling is one more FTS5 term to look up. For a prefix, a final o/a
 * may begin a ligature ("co*" also means "cœ*").
 */
export function ligatureSpellings(text: string, options: { prefix?: boolean; max?: number } = {}): string[] {
  const max = options.max ?? 8;
  const slots: Slot[] = [];
  for (const m of text.matchAll(/oe|ae|œ|æ/g)) {
    const plain = SPLIT[m[0]] ?? m[0];
    slots.push({ at: m.index, length: m[0].length, plain, ligature: JOIN[plain]! });
  }
  const last = text.at(-1);
  if (options.prefix && (last === 'o' || last === 'a')) {
    slots.push({ at: text.length - 1, length: 1, plain: last, ligature: JOIN[last]! });
  }
  if (slots.length === 0) return [text];

  const spell = (pick: (slot: Slot, i: number) => string) => {
    let out = '';
    let pos = 0;
    slots.forEach((slot, i) => {
      out += text.slice(pos, slot.at) + pick(slot, i);
      pos = slot.at + slot.length;
    });
    return out + text.slice(pos);
  };
  const found = new Set<string>([text, spell((s) => s.plain), spell((s) => s.ligature)]);
  // Mixes, by bit mask over the slots (bit set: the spelling not typed there).
  const typed = (s: Slot) => text.slice(s.at, s.at + s.length);
  const other = (s: Slot) => (typed(s) === s.plain ? s.ligature : s.plain);
  const masks = 2 ** Math.min(slots.length, 16);
  for (let mask = 1; mask < masks && found.size < max; mask++) {
    found.add(spell((s, i) => (mask & (1 << i) ? other(s) : typed(s))));
  }
  return [...found].slice(0, max);
}
