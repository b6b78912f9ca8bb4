// French writes œ/æ both as ligatures and as two letters ("cœur"/"coeur"). The search index and
// its queries write them out (db/search-index.ts), so that either spelling finds the other.

const SPLIT: Record<string, string> = { œ: 'oe', æ: 'ae', Œ: 'OE', Æ: 'AE' };

/** The text with œ/æ (Œ/Æ) written as two letters, so both spellings compare equal. */
export function foldLigatures(text: string): string {
  return text.replace(/[œæŒÆ]/g, (c) => SPLIT[c]!);
}
