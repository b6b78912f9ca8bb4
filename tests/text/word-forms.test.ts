import { describe, expect, it } from 'vitest';
import { wordFormsOf } from '../../text/word-forms.ts';

describe('word forms', () => {
  const fr = wordFormsOf('fr');
  const en = wordFormsOf('en');

  it('gives the inflected French forms of the issue one stem, folded', () => {
    expect(fr.stem('secrets')).toBe(fr.stem('secret'));
    expect(fr.stem('partenaires')).toBe(fr.stem('partenaire'));
    expect(fr.stem('stigmatisée')).toBe(fr.stem('stigmatisé'));
    expect(fr.stem('Hôpitaux')).toBe(fr.stem('hôpital'));
    expect(fr.stem('hôpital')).toBe('hopital');
  });

  it('keeps unrelated words apart', () => {
    expect(fr.stem('secret')).not.toBe(fr.stem('secrétaire'));
    expect(fr.stem('partenaire')).not.toBe(fr.stem('partage'));
  });

  it('stems English by its own rules', () => {
    expect(en.stem('partners')).toBe(en.stem('partner'));
    expect(en.stem('running')).toBe('run');
  });

  it('knows the stop words of each language, folded', () => {
    expect(fr.isStopWord('de')).toBe(true);
    expect(fr.isStopWord('meme')).toBe(true);
    expect(fr.isStopWord('secret')).toBe(false);
    expect(en.isStopWord('the')).toBe(true);
    expect(en.isStopWord('de')).toBe(false);
  });
});
