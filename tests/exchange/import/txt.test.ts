import { describe, expect, it } from 'vitest';
import { assertReadableText } from '../../../exchange/import/encoding.ts';
import { DEFAULT_MAX_BYTES, parseSourceFile } from '../../../exchange/import/index.ts';
import { codePointLength } from '../../../text/offsets.ts';
import { INTERVIEW_TURNS, utf8 } from '../../fixtures/import/make.ts';
import { covered, expectWellFormed, failure, turnsOf, noteTexts } from './helpers.ts';

const FRENCH = 'Enquêtrice : L’œuvre « commune » ? Ça dépend, à vrai dire… 12 €.\nMarie : Oui, très isolé.\nMarie : Œuvrer “ensemble”.';

function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let i = 0;
  if (bom) out.set([0xff, 0xfe], (i += 2) - 2);
  for (let k = 0; k < s.length; k++, i += 2) {
    const c = s.charCodeAt(k);
    out[i] = c & 0xff;
    out[i + 1] = c >> 8;
  }
  return out;
}

function swapBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1]!;
    out[i + 1] = b[i]!;
  }
  return out;
}

/** Windows-1252 bytes of a string made of Latin-1 letters and the 1252 punctuation used in French. */
function windows1252(s: string): Uint8Array {
  const extra: Record<string, number> = { '’': 0x92, œ: 0x9c, Œ: 0x8c, '…': 0x85, '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Uint8Array.from(Array.from(s, (ch) => extra[ch] ?? ch.charCodeAt(0)));
}

/** Mac-Roman bytes of French text using only characters that Windows-1252 would decode without error. */
function macRoman(s: string): Uint8Array {
  const mac: Record<string, number> = { é: 0x8e, à: 0x88, â: 0x89, ô: 0x99, î: 0x94, û: 0x9e, '’': 0xd5, '«': 0xc7, '»': 0xc8, '…': 0xc9 };
  return Uint8Array.from(Array.from(s, (ch) => mac[ch] ?? ch.charCodeAt(0)));
}

describe('plain text: encodings', () => {
  it('reads UTF-8 without BOM and finds the turns', async () => {
    const r = await parseSourceFile(utf8(INTERVIEW_TURNS.join('\n')), 'entretien-03.txt');
    expect(r.format).toBe('txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(INTERVIEW_TURNS.join('\n'));
    expect(turnsOf(r).map((t) => t.speaker)).toEqual(['Enquêtrice', 'Marie', 'Enquêtrice', 'Marie', 'Enquêtrice', 'Marie']);
    expect(turnsOf(r).map((t) => covered(r, t).trimEnd())).toEqual(INTERVIEW_TURNS);
    expect(noteTexts(r).some((n) => n.startsWith('6 tours de parole reconnus (Enquêtrice, Marie)'))).toBe(true);
    expectWellFormed(r);
  });

  it('removes a UTF-8 BOM, turns CRLF and CR into LF and composes accents (NFC)', async () => {
    const raw = '\uFEFFEnque\u0302trice : Ca\u0300 et la\u0300 ?\r\nMarie : De\u0301ja\u0300.\rFin.';
    const r = await parseSourceFile(utf8(raw), 'notes.TXT');
    expect(r.text).toBe('Enquêtrice : Cà et là ?\nMarie : Déjà.\nFin.');
    expect(r.encoding).toBe('utf-8');
    expect(turnsOf(r)[1]!.start).toBe('Enquêtrice : Cà et là ?\n'.length);
    expectWellFormed(r);
  });

  it('drops a doubled BOM so the text does not change when imported again', async () => {
    const r = await parseSourceFile(utf8('\uFEFF\uFEFFEnquêtrice : Bonjour.'), 'double-bom.txt');
    expect(r.text).toBe('Enquêtrice : Bonjour.');
    expect(turnsOf(r)).toEqual([{ kind: 'turn', start: 0, end: 21, speaker: 'Enquêtrice', timestampMs: null }]);
  });

  it('counts positions in code points after emoji', async () => {
    const text = 'Carnet 📓 du 3 mars 👩🏽‍⚕️\nEnquêtrice : Et alors 😅 ?\nMarie : Bien.\nMarie : Très bien.';
    const r = await parseSourceFile(utf8(text), 'carnet.txt');
    const first = turnsOf(r)[0]!;
    expect(first.start).toBe(codePointLength('Carnet 📓 du 3 mars 👩🏽‍⚕️\n'));
    expect(first.start).toBeLessThan(text.indexOf('Enquêtrice'));
    expect(covered(r, first)).toBe('Enquêtrice : Et alors 😅 ?\n');
    expect(turnsOf(r).map((t) => covered(r, t))).toEqual(['Enquêtrice : Et alors 😅 ?\n', 'Marie : Bien.\n', 'Marie : Très bien.']);
    expectWellFormed(r);
  });

  it('decodes Windows-1252 so that French accents and typography come through', async () => {
    const r = await parseSourceFile(windows1252(FRENCH), 'ancien.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(FRENCH);
    expect(noteTexts(r).some((n) => n.includes('Windows-1252'))).toBe(true);
    expect(turnsOf(r).map((t) => t.speaker)).toEqual(['Enquêtrice', 'Marie', 'Marie']);
  });

  it('accepts genuine Windows-1252 French: Word typography, accented capitals, words run together by …', async () => {
    const texts = [
      'Enquêtrice : Aujourd’hui, l’œuvre « collective » de ma sœur… coûte 12 € – c’est tout — voilà.',
      'ÉCOLE PRIMAIRE DÉJÀ OUVERTE\nÀ bientôt, Noël à l’hôpital.',
      'Ça va ? ÇA VA ! L’État, l’Île-de-France et l’Œuvre.',
      'Marie : euh…je sais pas, c’est\u00A0dur ; « oui » au 1er rendez-vous, n° 3.',
    ];
    for (const text of texts) {
      const r = await parseSourceFile(windows1252(text), 'word.txt');
      expect([r.encoding, r.text]).toEqual(['windows-1252', text]);
    }
  });

  it('reads UTF-16 little- and big-endian with a BOM, emoji included', async () => {
    const text = `${FRENCH} 😊`;
    const le = await parseSourceFile(utf16le(text), 'le.txt');
    expect([le.encoding, le.text]).toEqual(['utf-16le', text]);
    const be = await parseSourceFile(swapBytes(utf16le(text)), 'be.txt');
    expect([be.encoding, be.text]).toEqual(['utf-16be', text]);
    expect(turnsOf(be)).toEqual(turnsOf(le));
  });

  it('recognises UTF-16 without a BOM by its pattern of zero bytes', async () => {
    const le = await parseSourceFile(utf16le(FRENCH, false), 'sans-bom.txt');
    expect([le.encoding, le.text]).toEqual(['utf-16le', FRENCH]);
    const be = await parseSourceFile(swapBytes(utf16le(FRENCH, false)), 'sans-bom.txt');
    expect([be.encoding, be.text]).toEqual(['utf-16be', FRENCH]);
  });
});

describe('plain text: refusals', () => {
  it('refuses binary content renamed .txt', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(await failure(parseSourceFile(png, 'image.txt'))).toMatchObject({ code: 'import.binary', params: { file: 'image.txt' } });
    const controls = utf8(`Texte${'\u0001\u0002\u0003\u0004'.repeat(20)}fin`);
    expect((await failure(parseSourceFile(controls, 'c.md'))).code).toBe('import.binary');
  });

  it('counts as controls exactly \\p{Cc} other than tab, line feed, form feed and carriage return', () => {
    // The reference: the class as first written, with a look-ahead at every character.
    const reference = /(?![\t\n\f\r])\p{Cc}/u;
    for (let c = 0; c < 0x3000; c++) {
      const ch = String.fromCharCode(c);
      const refused = (() => {
        try {
          assertReadableText(`ab${ch.repeat(3)}`, 'c.txt');
          return false;
        } catch {
          return true;
        }
      })();
      expect(refused, c.toString(16)).toBe(c === 0 || reference.test(ch));
    }
  });

  it('refuses an RTF document renamed .txt', async () => {
    const rtf = utf8("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Enqu\\'eatrice : Bonjour.}");
    expect((await failure(parseSourceFile(rtf, 'wordpad.txt'))).code).toBe('import.binary');
  });

  it('refuses an empty or blank file', async () => {
    expect((await failure(parseSourceFile(new Uint8Array(0), 'vide.txt'))).code).toBe('import.empty');
    expect((await failure(parseSourceFile(utf8(' \n\t\r\n \u00A0 '), 'blanc.txt'))).code).toBe('import.empty');
    expect((await failure(parseSourceFile(utf8('\uFEFF'), 'bom.txt'))).code).toBe('import.empty');
    expect((await failure(parseSourceFile(utf8('\uFEFF\uFEFF\n'), 'bom.txt'))).code).toBe('import.empty');
  });

  it('refuses a file over the size limit, sizes in MB with one decimal', async () => {
    const big = new Uint8Array(1_300_000).fill(0x61);
    const f = await failure(parseSourceFile(big, 'C:\\Users\\lea\\gros.txt', { maxBytes: 1024 * 1024 }));
    expect(f).toEqual({ code: 'import.tooLarge', params: { file: 'gros.txt', size: '1.2', limit: '1.0' } });
    expect(DEFAULT_MAX_BYTES).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });

  it('refuses an unsupported extension', async () => {
    for (const name of ['entretien.doc', 'entretien', 'grille.xlsx', '.txt']) {
      expect((await failure(parseSourceFile(utf8('Bonjour'), name))).code).toBe('import.format');
    }
  });

  it('refuses a file that mixes UTF-8 and another encoding rather than guess', async () => {
    const mixed = new Uint8Array([...utf8('Déjà vu, '), 0xe9, ...utf8(' et été.')]);
    expect(await failure(parseSourceFile(mixed, 'mixte.txt'))).toMatchObject({ code: 'import.encoding', params: { file: 'mixte.txt' } });
  });

  it('refuses single-byte text that is not Windows-1252 (bytes it leaves undefined)', async () => {
    const other = Uint8Array.from([...utf8('Caf'), 0x8e, ...utf8(' cr'), 0x8f, ...utf8('me br'), 0x9d, ...utf8('l'), 0x81, ...utf8('e.')]);
    expect((await failure(parseSourceFile(other, 'mac.txt'))).code).toBe('import.encoding');
  });

  it('refuses Mac-Roman text rather than store it as Windows-1252 mojibake', async () => {
    // Read as Windows-1252 this would be "RŽunion ˆ lÕh™pital : Ç dŽjˆ È vu".
    const mac = macRoman('Réunion à l’hôpital : « déjà » vu');
    expect(await failure(parseSourceFile(mac, 'mac.txt'))).toMatchObject({ code: 'import.encoding', params: { file: 'mac.txt' } });
    // Without an é inside a word, the lone "à" (ˆ in Windows-1252) still gives it away.
    expect((await failure(parseSourceFile(macRoman('Il va à Paris demain.'), 'mac.txt'))).code).toBe('import.encoding');
    expect((await failure(parseSourceFile(macRoman('Marie : Bien sûr, je crois.'), 'mac.txt'))).code).toBe('import.encoding');
  });

  it('does not mistake a binary file with many zero bytes for BOM-less UTF-16', async () => {
    const binary = new Uint8Array(200);
    for (let i = 0; i < binary.length; i += 2) binary[i] = 1 + ((i * 7) % 31);
    expect((await failure(parseSourceFile(binary, 'donnees.txt'))).code).toBe('import.binary');
  });

  it('refuses UTF-16 that cannot be decoded', async () => {
    const broken = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]); // lone high surrogate
    expect((await failure(parseSourceFile(broken, 'casse.txt'))).code).toBe('import.encoding');
  });
});
