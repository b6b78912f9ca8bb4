import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../exchange/import/index.ts';
import { utf8 } from '../../fixtures/import/make.ts';
import { covered, expectWellFormed, failure, turnsOf, noteTexts } from './helpers.ts';

const VTT = `WEBVTT - entretien Teams

NOTE exporté automatiquement,
relu par l’enquêtrice

STYLE
::cue { color: yellow }

1
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Enquêtrice>Bonjour, on commence ?</v>

2
00:00:05.250 --> 00:00:09.000
<v.loud Marie Dupont><i>Oui</i>, allons-y &amp; voyons 😊
sur deux lignes.

00:01:02.000 --> 00:01:05.000
Sans locuteur &lt;inaudible&gt;.

01:00:00.000 --> 01:00:02.000
<v Enquêtrice><c.jaune>Merci</c> <00:00:01.500>beaucoup.
`;

const SRT = `1
00:00:01,000 --> 00:00:03,000
Enquêteur : Vous êtes bailleur social ?

2
00:00:03,500 --> 00:00:06,000
<font color="#ffffff">Karim : Oui, depuis dix ans.</font>

3
00:00:06,000 --> 00:00:08,000
{\\an8}Il faut dire : c’est compliqué.

4
00:01:10,120 --> 00:01:12,000
Karim : Voilà.
`;

describe('WebVTT', () => {
  it('makes one line and one timestamped turn per cue, speaker kept in the text', async () => {
    const r = await parseSourceFile(utf8(VTT), 'teams.vtt');
    expect(r.format).toBe('vtt');
    expect(r.text).toBe(
      [
        'Enquêtrice : Bonjour, on commence ?',
        'Marie Dupont : Oui, allons-y & voyons 😊 sur deux lignes.',
        'Sans locuteur <inaudible>.',
        'Enquêtrice : Merci beaucoup.',
      ].join('\n'),
    );
    expect(turnsOf(r).map((t) => [t.speaker, t.timestampMs])).toEqual([
      ['Enquêtrice', 1000],
      ['Marie Dupont', 5250],
      ['', 62_000],
      ['Enquêtrice', 3_600_000],
    ]);
    expect(covered(r, turnsOf(r)[1]!)).toBe('Marie Dupont : Oui, allons-y & voyons 😊 sur deux lignes.\n');
    expectWellFormed(r);
  });

  it('gives each voice of a cue its own line and turn, at the cue’s time', async () => {
    const vtt =
      'WEBVTT\n\n00:00:07.000 --> 00:00:09.000\n<v Marie>Oui</v> <v Enquêtrice>D’accord</v>\n\n00:00:10.000 --> 00:00:12.000\n<v Marie>Bon,\nalors</v>\n<v.loud Paul>Non !\n';
    const r = await parseSourceFile(utf8(vtt), 'voix.vtt');
    expect(r.text).toBe(['Marie : Oui', 'Enquêtrice : D’accord', 'Marie : Bon, alors', 'Paul : Non !'].join('\n'));
    expect(turnsOf(r).map((t) => [t.speaker, t.timestampMs, covered(r, t).trimEnd()])).toEqual([
      ['Marie', 7000, 'Marie : Oui'],
      ['Enquêtrice', 7000, 'Enquêtrice : D’accord'],
      ['Marie', 10_000, 'Marie : Bon, alors'],
      ['Paul', 10_000, 'Paul : Non !'],
    ]);
    expectWellFormed(r);
  });

  it('does not announce speaker turns for a transcript that names no speaker', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour à tous.\n\n00:00:03.000 --> 00:00:04.000\nOn commence.\n';
    const r = await parseSourceFile(utf8(vtt), 'whisper.vtt');
    expect(r.text).toBe('Bonjour à tous.\nOn commence.');
    expect(noteTexts(r).filter((n) => n.includes('tour'))).toEqual([]);
    // The cues stay turns without a speaker so that each line keeps its time.
    expect(turnsOf(r).map((t) => [t.speaker, t.timestampMs])).toEqual([
      ['', 1000],
      ['', 3000],
    ]);
  });

  it('keeps "<" and ">" that are not cue tags, and decodes entities', async () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n3 < 5 mais 7 > 2, <b>gras</b> <u>souligné</u> <lang fr>oui</lang> <ruby>漢<rt>kan</rt></ruby>\n\n' +
      '00:00:03.000 --> 00:00:04.000\n<very> bien &lt;v&gt; &amp; a&nbsp;b\n';
    const r = await parseSourceFile(utf8(vtt), 'signes.vtt');
    expect(r.text).toBe('3 < 5 mais 7 > 2, gras souligné oui 漢kan\n<very> bien <v> & a\u00A0b');
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n<I>Enfin</I> x<y et y>z\n';
    expect((await parseSourceFile(utf8(srt), 'signes.srt')).text).toBe('Enfin x<y et y>z');
  });

  it('refuses a .vtt without any cue', async () => {
    expect((await failure(parseSourceFile(utf8('WEBVTT\n\nNOTE rien\n'), 'vide.vtt'))).code).toBe('import.noCues');
    expect((await failure(parseSourceFile(utf8('\n\n'), 'vide.vtt'))).code).toBe('import.empty');
  });
});

describe('SubRip', () => {
  it('reads a leading "Nom :" as the speaker, strips tags, and leaves unlabelled cues without speaker', async () => {
    const r = await parseSourceFile(utf8(SRT.replace(/\n/g, '\r\n')), 'zoom.SRT');
    expect(r.format).toBe('srt');
    expect(r.text).toBe(
      ['Enquêteur : Vous êtes bailleur social ?', 'Karim : Oui, depuis dix ans.', 'Il faut dire : c’est compliqué.', 'Karim : Voilà.'].join('\n'),
    );
    expect(turnsOf(r).map((t) => [t.speaker, t.timestampMs])).toEqual([
      ['Enquêteur', 1000],
      ['Karim', 3500],
      ['', 6000],
      ['Karim', 70_120],
    ]);
    expectWellFormed(r);
  });
});
