import { describe, expect, it } from 'vitest';
import { quotation } from '../../../analysis/quotes/quotation.ts';

const NBSP = '\u00a0';
const cut = { cutBefore: true, cutAfter: true };

describe('an excerpt quoted', () => {
  it('goes between the language’s marks on one line', () => {
    expect(quotation('  on fait\navec   ce qu’on a. ', 'fr')).toBe(`«${NBSP}on fait avec ce qu’on a.${NBSP}»`);
    expect(quotation('on fait avec.', 'en')).toBe('“on fait avec.”');
  });

  it('is never wrapped twice when its own marks already enclose it', () => {
    expect(quotation('« On fait avec. »', 'fr')).toBe(`«${NBSP}On fait avec.${NBSP}»`);
    expect(quotation('“On fait avec.”', 'fr')).toBe(`«${NBSP}On fait avec.${NBSP}»`);
    expect(quotation('"On fait avec."', 'en')).toBe('“On fait avec.”');
  });

  it('turns quotations inside it into inner marks, so a text ending with » gets no second »', () => {
    expect(quotation('ce qu’on appelle « le secret partagé »', 'fr')).toBe(`«${NBSP}ce qu’on appelle “le secret partagé”${NBSP}»`);
    expect(quotation('« a » et « b »', 'fr')).toBe(`«${NBSP}“a” et “b”${NBSP}»`);
    expect(quotation('what they call “shared secrecy”', 'en')).toBe('“what they call ‘shared secrecy’”');
  });

  it('puts no quotation marks around what is not the participant’s words (a paraphrase, a label)', () => {
    expect(quotation('Elle  décrit la cellule comme utile.', 'fr', { cutBefore: false, cutAfter: false }, false)).toBe('Elle décrit la cellule comme utile.');
    expect(quotation('« Non. »', 'en', cut, false)).toBe('[…] « Non. » […]');
  });

  it('marks with […] where the excerpt cuts a sentence of its source', () => {
    expect(quotation('on fait avec', 'fr', cut)).toBe(`«${NBSP}[…] on fait avec […]${NBSP}»`);
    expect(quotation('on fait avec', 'en', { cutBefore: false, cutAfter: true })).toBe('“on fait avec […]”');
  });

  it('skips the replacements only where they would change nothing: the same quotations as always replacing', () => {
    // The quotation as it was written before the shortcuts: every replacement made.
    const former = (text: string, lang: 'fr' | 'en') => {
      const flat = text.replace(/\s+/g, ' ').trim();
      const [open, close, inner, nested] = lang === 'fr' ? [`«${NBSP}`, `${NBSP}»`, [/«\s*/gu, /\s*»/gu], ['“', '”']] : ['“', '”', [/“/gu, /”/gu], ['‘', '’']];
      return { flat, replaced: `${open}${flat.replace(inner[0]!, nested[0]!).replace(inner[1]!, nested[1]!)}${close}` };
    };
    const texts = [
      'un mot',
      'deux  espaces',
      'tab\tici',
      `insécable${NBSP}là`,
      'ligne\nsuite',
      ' bords ',
      'il dit « non » puis',
      'say “no” then',
      'a «b',
      'c» d',
      '\u2003em',
    ];
    for (const text of texts) {
      for (const lang of ['fr', 'en'] as const) {
        const { flat, replaced } = former(text, lang);
        // Texts not enclosed in one pair of marks: the former path replaced the inner marks.
        if (!/^[«“"]/.test(flat)) expect(quotation(text, lang)).toBe(replaced);
        expect(quotation(text, lang, { cutBefore: false, cutAfter: false }, false)).toBe(flat);
      }
    }
  });
});
