import { describe, expect, it } from 'vitest';
import { DEFAULT_CITATION, formatCitation, formatTimestamp, parseCitationFormat, type CitationValues } from '../../../analysis/quotes/citation.ts';
import { TresseError } from '../../../i18n/error.ts';

const E8: CitationValues = { source: 'E8', case: 'E8', speaker: 'coordinatrice', turn: '7', paragraph: '12', time: '00:08:55' };
const cite = (template: string, values: Partial<CitationValues> = {}) => formatCitation(parseCitationFormat(template), { ...E8, ...values });

function refusal(template: string): TresseError {
  try {
    parseCitationFormat(template);
  } catch (e) {
    if (e instanceof TresseError) return e;
  }
  throw new Error(`accepted: ${template}`);
}

describe('the citation format', () => {
  it('cites as the issue asks by default: (E8, coordinatrice, § 12, 00:08:55), the case named like its source once', () => {
    expect(cite(DEFAULT_CITATION)).toBe('E8, coordinatrice, § 12, 00:08:55');
    expect(cite(DEFAULT_CITATION, { source: 'Entretien 8' })).toBe('Entretien 8, E8, coordinatrice, § 12, 00:08:55');
    // "E1-logipsy" and "E1 Logipsy" are one name written twice.
    expect(cite(DEFAULT_CITATION, { source: 'E1-logipsy', case: 'E1 Logipsy' })).toBe('E1-logipsy, coordinatrice, § 12, 00:08:55');
  });

  it('drops a part with nothing to say together with the text before it', () => {
    expect(cite(DEFAULT_CITATION, { speaker: '', time: '' })).toBe('E8, § 12');
    expect(cite('{case} — {source} — tour {turn}', { case: '', turn: '' })).toBe('E8');
    expect(cite('{speaker} ({time}), § {paragraph}', { speaker: '' })).toBe('(00:08:55), § 12');
  });

  it('follows the order and the words the researcher wrote', () => {
    expect(cite('{time} · {speaker} · tour {turn}')).toBe('00:08:55 · coordinatrice · tour 7');
    expect(cite('Source : {source}, l. {paragraph}')).toBe('Source : E8, l. 12');
  });

  it('refuses an unknown placeholder, a lone brace and a template naming nothing, in both languages, listing what is allowed', () => {
    const unknown = refusal('{source}, {locuteur}');
    expect(unknown.code).toBe('citation.placeholder');
    expect(unknown.format('fr')).toBe(
      'Élément inconnu dans le format des citations : {locuteur}. Éléments possibles : {source} {case} {speaker} {turn} {paragraph} {time}. Le format n’a pas été modifié.',
    );
    expect(unknown.format('en')).toContain('Unknown part in the citation format: {locuteur}.');
    expect(refusal('{source, {case}').code).toBe('citation.brace');
    expect(refusal('{source} }').code).toBe('citation.brace');
    expect(refusal('{source').code).toBe('citation.brace');
    expect(refusal('§ 12').code).toBe('citation.empty');
    expect(refusal(`{source}${' '.repeat(200)}`).code).toBe('citation.tooLong');
  });

  it('writes timestamps as transcription software does, hours included', () => {
    expect(formatTimestamp(535_000)).toBe('00:08:55');
    expect(formatTimestamp(535_999)).toBe('00:08:55');
    expect(formatTimestamp(3_723_000)).toBe('01:02:03');
  });
});
