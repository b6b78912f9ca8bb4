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
});
