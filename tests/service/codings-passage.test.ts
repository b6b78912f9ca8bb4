import { describe, expect, it } from 'vitest';
import { resolveCode } from '../../service/codebook.ts';
import { addCoding, listCodingsOfSource, locatePassage } from '../../service/codings.ts';
import { getSourceText } from '../../service/sources.ts';
import { sliceCodePoints } from '../../text/offsets.ts';
import { addText, newProject } from '../helpers/project.ts';

// A transcript as Word leaves it: typographic apostrophes, guillemets with no-break spaces, a
// no-break space before the colon and a narrow no-break space before the question mark.
const WORD = [
  'Enquêtrice\u00A0: Bonjour, vous travaillez à l’hôpital depuis longtemps\u202F?',
  'P3\u00A0: Oui 🙂🙂, elle m’a dit «\u00A0on verra\u00A0» et puis',
  'plus rien. À l’hôpital, on attend.',
].join('\n');

/** The range must hold the text's own characters, whatever was typed. */
function located(typed: string, occurrence?: number): string {
  const r = locatePassage(WORD, typed, 'E3', occurrence);
  return sliceCodePoints(WORD, r.start, r.end);
}

describe('locating a typed passage', () => {
  it('takes a straight apostrophe for a typographic one', () => {
    expect(located("vous travaillez à l'hôpital")).toBe('vous travaillez à l’hôpital');
    expect(located("elle m'a dit")).toBe('elle m’a dit');
  });

  it('takes a plain space for the no-break space before a colon', () => {
    expect(located('Enquêtrice : Bonjour')).toBe('Enquêtrice\u00A0: Bonjour');
  });

  it('takes a plain space, or none, for the narrow no-break space before a question mark', () => {
    expect(located('depuis longtemps ?')).toBe('depuis longtemps\u202F?');
    expect(located('depuis longtemps?')).toBe('depuis longtemps\u202F?');
  });

  it('takes straight quotes for guillemets and their no-break spaces', () => {
    expect(located('dit "on verra" et puis')).toBe('dit «\u00A0on verra\u00A0» et puis');
    expect(located('"on verra"')).toBe('«\u00A0on verra\u00A0»');
  });

  it('takes a space for a line break, and runs of white space for one another', () => {
    expect(located('et puis plus rien.')).toBe('et puis\nplus rien.');
    expect(located('et   puis \n\t plus rien.')).toBe('et puis\nplus rien.');
    expect(located('  plus rien.  ')).toBe('plus rien.');
  });

  it('counts tolerant matches for the once-only rule and for --occurrence', () => {
    expect(() => located("l'hôpital")).toThrow(/occurs 2 times/);
    expect(located("l'hôpital", 2)).toBe('l’hôpital');
    const first = locatePassage(WORD, "l'hôpital", 'E3', 1);
    const second = locatePassage(WORD, "l'hôpital", 'E3', 2);
    expect(second.start).toBeGreaterThan(first.start);
    expect(second.start).toBe(Array.from(WORD).length - Array.from('l’hôpital, on attend.').length);
    expect(() => located("l'hôpital", 3)).toThrow(/occurs only 2/);
  });

  it('counts positions in code points when emoji come before the passage', () => {
    const r = locatePassage(WORD, "elle m'a dit", 'E3');
    const codePoints = Array.from(WORD);
    expect(codePoints.slice(r.start, r.end).join('')).toBe('elle m’a dit');
    // Two emoji before it: two UTF-16 units each, one code point each.
    expect(r.start).toBe(WORD.indexOf('elle m’a dit') - 2);
  });

  it('still says clearly when the passage is not there, or is empty', () => {
    expect(() => located("l'hôpital de jour")).toThrow(/not found.*l'hôpital de jour/);
    expect(() => located('   ')).toThrow(/not found/);
    // Letters stay exact: the tolerance is for what a keyboard cannot type.
    expect(() => located('enquêtrice : bonjour')).toThrow(/not found/);
  });

  it('stores a coding over the source text’s own characters', () => {
    const ctx = newProject();
    const src = addText(ctx, 'E3', WORD);
    const text = getSourceText(ctx.db, src.id);
    const range = locatePassage(text, 'Oui 🙂🙂, elle m\'a dit "on verra"', 'E3');
    addCoding(ctx, { sourceId: src.id, codeId: resolveCode(ctx.db, 'CL1').id, ...range });
    const [coding] = listCodingsOfSource(ctx.db, src.id);
    expect(sliceCodePoints(text, coding!.start, coding!.end)).toBe('Oui 🙂🙂, elle m’a dit «\u00A0on verra\u00A0»');
  });
});
