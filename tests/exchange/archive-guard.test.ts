// The one archive guard, through the real service import paths (importSource for .docx/.odt,
// importQdpx for .qdpx) on a real project file: every hostile archive is refused with a French
// catalogue message naming the file, and the project file stays byte-identical.
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { GuardedArchive } from '../../exchange/archive/guard.ts';
import { OFFICE_LIMITS } from '../../exchange/archive/limits.ts';
import { writeProject } from '../../exchange/refi/write-project.ts';
import { importQdpx } from '../../service/refi.ts';
import { importSource, listSources } from '../../service/sources.ts';
import { newProject } from '../helpers/project.ts';
import { sampleSnapshot } from './refi/fixtures.ts';
import {
  bombEntry,
  DOCX_CLOSE,
  DOCX_OPEN,
  docxEntries,
  entry,
  expectRefused,
  ODT_CLOSE,
  ODT_OPEN,
  odtEntries,
  rawZip,
  refusal,
  type RawEntry,
} from './hostile-archives.ts';

const MiB = 1024 * 1024;
const SENTENCE = 'Le secret partagé ne pose aucun problème entre nous. ';
const times: string[] = [];
afterAll(() => console.log(`refusal times (ms):\n  ${times.join('\n  ')}`));

const importFile = (ctx: ReturnType<typeof newProject>, fileName: string, bytes: Uint8Array) => () => importSource(ctx, { fileName, bytes, kind: 'interview' });

/** Entries of a valid .qdpx, rebuilt field by field so that one of them can be made to lie. */
function qdpxEntries(): RawEntry[] {
  const files = unzipSync(writeProject(sampleSnapshot(), { mtime: new Date('2026-01-01T00:00:00Z') }));
  return Object.entries(files).map(([name, data]) => entry(name, data));
}

function withEntry(entries: RawEntry[], name: (n: string) => boolean, change: (e: RawEntry) => RawEntry): RawEntry[] {
  let hit = false;
  const out = entries.map((e) => (!hit && name(e.name) ? ((hit = true), change(e)) : e));
  expect(hit).toBe(true);
  return out;
}

function rssGrowth<T>(run: () => Promise<T>): Promise<{ result: T; mb: number }> {
  const before = process.memoryUsage().rss;
  return run().then((result) => ({ result, mb: (process.memoryUsage().rss - before) / MiB }));
}

describe('zip bombs in office documents', () => {
  // 400 MB of a French sentence in about 400 kB: the measured failure of issue 13.
  const unit = SENTENCE.repeat(Math.ceil(MiB / SENTENCE.length));
  const docxBomb = rawZip([...docxEntries('').filter((e) => e.name !== 'word/document.xml'), bombEntry('word/document.xml', DOCX_OPEN, unit, 400, DOCX_CLOSE)]);
  const odtBomb = rawZip([odtEntries('')[0]!, bombEntry('content.xml', ODT_OPEN, unit, 400, ODT_CLOSE)]);

  it('refuses a .docx that inflates 400 MB from a few hundred kB, before inflating it', async () => {
    expect(docxBomb.length).toBeLessThan(2 * MiB);
    const ctx = newProject();
    const { result, mb } = await rssGrowth(() => expectRefused(ctx, importFile(ctx, 'bombe.docx', docxBomb)));
    times.push(`docx zip bomb (${(docxBomb.length / 1024).toFixed(0)} kB → 400 MB): ${result.ms.toFixed(0)} ms, resident memory +${mb.toFixed(0)} MB`);
    expect(result.error.code).toBe('archive.tooLarge');
    expect(result.error.format('fr')).toMatch(
      /^« bombe\.docx » est refusé : une fois décompressé il ferait 4\d\d Mo \(limite pour un fichier Word \(\.docx\) : 200 Mo\)\.$/,
    );
    expect(mb).toBeLessThan(200);
    expect(listSources(ctx.db)).toEqual([]);
  });

  it('refuses a smaller bomb, under the total limit, by its expansion ratio', async () => {
    const ctx = newProject();
    for (const [file, bomb] of [
      [
        'bombe.docx',
        rawZip([...docxEntries('').filter((e) => e.name !== 'word/document.xml'), bombEntry('word/document.xml', DOCX_OPEN, unit, 150, DOCX_CLOSE)]),
      ],
      ['bombe.odt', rawZip([odtEntries('')[0]!, bombEntry('content.xml', ODT_OPEN, unit, 150, ODT_CLOSE)])],
    ] as const) {
      const { result, mb } = await rssGrowth(() => expectRefused(ctx, importFile(ctx, file, bomb)));
      times.push(`${file} zip bomb (${(bomb.length / 1024).toFixed(0)} kB → 150 MB): ${result.ms.toFixed(0)} ms, resident memory +${mb.toFixed(0)} MB`);
      expect(result.error.code).toBe('archive.ratio');
      expect(result.error.format('fr')).toMatch(
        new RegExp(`^« ${file.replace('.', '\\.')} » est refusé : l’élément « [a-z/]+\\.xml » se décompresse \\d+ fois .*bombe de décompression`),
      );
      expect(mb).toBeLessThan(200);
    }
  });

  it('refuses the 400 MB bomb in an .odt', async () => {
    const ctx = newProject();
    const { result, mb } = await rssGrowth(() => expectRefused(ctx, importFile(ctx, 'bombe.odt', odtBomb)));
    times.push(`odt zip bomb (400 MB): ${result.ms.toFixed(0)} ms, resident memory +${mb.toFixed(0)} MB`);
    expect(result.error.code).toBe('archive.tooLarge');
    expect(result.error.format('fr')).toContain('« bombe.odt » est refusé');
    expect(mb).toBeLessThan(200);
  });

  it('refuses a bomb whose headers declare a small size, without inflating past it', async () => {
    const lying = rawZip(
      withEntry(
        [...docxEntries('').filter((e) => e.name !== 'word/document.xml'), bombEntry('word/document.xml', DOCX_OPEN, unit, 300, DOCX_CLOSE)],
        (n) => n === 'word/document.xml',
        (e) => ({ ...e, size: 16 }),
      ),
    );
    const ctx = newProject();
    const { result, mb } = await rssGrowth(() => expectRefused(ctx, importFile(ctx, 'menteur.docx', lying)));
    times.push(`docx entry declaring 16 bytes, holding 300 MB: ${result.ms.toFixed(0)} ms, resident memory +${mb.toFixed(0)} MB`);
    expect(result.error.code).toBe('archive.sizeMismatch');
    expect(result.error.format('fr')).toBe(
      '« menteur.docx » est refusé : l’élément « word/document.xml » n’a pas la taille que l’archive annonce (archive endommagée ou falsifiée).',
    );
    expect(mb).toBeLessThan(200);
  });

  it('refuses entries that share their compressed data (an overlapping-entries bomb)', async () => {
    const parts = docxEntries('<w:p><w:r><w:t>Bonjour</w:t></w:r></w:p>');
    const zip = rawZip(parts);
    // Point the second central entry at the first entry's local header.
    const view = new DataView(zip.buffer);
    const centrals: number[] = [];
    for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) centrals.push(i);
    view.setUint32(centrals[1]! + 42, 0, true);
    const ctx = newProject();
    const { error } = await expectRefused(ctx, importFile(ctx, 'chevauchement.docx', zip));
    expect(['archive.entryDamaged', 'archive.sizeMismatch']).toContain(error.code);
    expect(error.format('fr')).toContain('« chevauchement.docx »');
  });
});

describe('archives that lie, are damaged or are encrypted', () => {
  it('refuses a .qdpx entry whose headers say 16 bytes while it holds 300 MB', async () => {
    const big = bombEntry('sources/lourd.txt', '', SENTENCE.repeat(Math.ceil(MiB / SENTENCE.length)), 300, '');
    const entries = withEntry(
      qdpxEntries(),
      (n) => n.startsWith('sources/'),
      (e) => ({ ...big, name: e.name, size: 16 }),
    );
    const ctx = newProject();
    const { result, mb } = await rssGrowth(() => expectRefused(ctx, () => importQdpx(ctx, rawZip(entries), { fileName: 'equipe.qdpx' })));
    times.push(`qdpx entry declaring 16 bytes, holding 300 MB: ${result.ms.toFixed(0)} ms, resident memory +${mb.toFixed(0)} MB`);
    expect(result.error.code).toBe('archive.sizeMismatch');
    expect(result.error.format('fr')).toMatch(/^« equipe\.qdpx » est refusé : l’élément « sources\/.*\.txt » n’a pas la taille/);
    expect(mb).toBeLessThan(200);
  });

  it('refuses a .qdpx entry whose CRC-32 does not match its content', async () => {
    const entries = withEntry(
      qdpxEntries(),
      (n) => n.startsWith('sources/'),
      (e) => ({ ...e, crc: (e.crc ^ 0x00010000) >>> 0 }),
    );
    const ctx = newProject();
    const { error, ms } = await expectRefused(ctx, () => importQdpx(ctx, rawZip(entries), { fileName: 'equipe.qdpx' }));
    times.push(`qdpx wrong CRC-32: ${ms.toFixed(0)}`);
    expect(error.code).toBe('archive.checksum');
    expect(error.format('fr')).toMatch(
      /^« equipe\.qdpx » est endommagé : l’élément « sources\/.*\.txt » ne correspond pas à sa somme de contrôle \(CRC-32\)\.$/,
    );
  });

  it('refuses a .qdpx whose local header disagrees with the central directory', async () => {
    const good = rawZip(qdpxEntries());
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(22, 999, true); // the first local header's uncompressed size
    const ctx = newProject();
    const { error } = await expectRefused(ctx, () => importQdpx(ctx, bad, { fileName: 'equipe.qdpx' }));
    expect(error.code).toBe('archive.sizeMismatch');
  });

  it('refuses encrypted entries (general-purpose flag bit 0) in every format', async () => {
    const cases: Array<[string, RawEntry[], string]> = [
      ['chiffre.docx', docxEntries('<w:p><w:r><w:t>Bonjour</w:t></w:r></w:p>'), 'word/document.xml'],
      ['chiffre.odt', odtEntries('<text:p>Bonjour</text:p>'), 'content.xml'],
      ['chiffre.qdpx', qdpxEntries(), 'project.qde'],
    ];
    for (const [file, entries, target] of cases) {
      const zip = rawZip(
        withEntry(
          entries,
          (n) => n === target,
          (e) => ({ ...e, flags: 0x0001 }),
        ),
      );
      const ctx = newProject();
      const run = file.endsWith('.qdpx') ? () => importQdpx(ctx, zip, { fileName: file }) : importFile(ctx, file, zip);
      const { error, ms } = await expectRefused(ctx, run);
      times.push(`${file} encrypted entry: ${ms.toFixed(0)}`);
      expect(error.code, file).toBe('archive.encrypted');
      expect(error.format('fr')).toBe(
        `« ${file} » est protégé par un mot de passe (élément « ${target} » chiffré) : enregistrez-le sans mot de passe, puis réessayez.`,
      );
    }
  });

  it('refuses a truncated archive, something that is not a zip, and damaged compressed data', async () => {
    const docx = rawZip(docxEntries('<w:p><w:r><w:t>Bonjour, je suis infirmière au CMP.</w:t></w:r></w:p>'));
    const ctx = newProject();
    const cut = await expectRefused(ctx, importFile(ctx, 'coupé.docx', docx.subarray(0, Math.floor(docx.length * 0.6))));
    times.push(`truncated docx: ${cut.ms.toFixed(0)}`);
    expect(cut.error.format('fr')).toBe('« coupé.docx » est incomplet : l’archive Word (.docx) s’arrête avant sa fin (copie ou téléchargement interrompu ?).');

    const qdpx = rawZip(qdpxEntries());
    const cutQdpx = await expectRefused(ctx, () => importQdpx(ctx, qdpx.subarray(0, qdpx.length - 40), { fileName: 'coupé.qdpx' }));
    times.push(`truncated qdpx: ${cutQdpx.ms.toFixed(0)}`);
    expect(cutQdpx.error.code).toBe('archive.truncated');

    const text = await expectRefused(ctx, importFile(ctx, 'renommé.docx', new TextEncoder().encode('Ceci est un texte, pas un document Word.')));
    expect(text.error.format('fr')).toBe(
      '« renommé.docx » n’est pas un fichier Word (.docx) lisible : ce n’est pas une archive ZIP (un autre type de fichier, ou un fichier renommé).',
    );

    // Garbage where the deflated document should be, with headers that still add up.
    const garbage = withEntry(
      docxEntries('<w:p/>'),
      (n) => n === 'word/document.xml',
      (e) => ({ ...e, body: new Uint8Array(e.body.length).fill(0xff) }),
    );
    const invalid = await expectRefused(ctx, importFile(ctx, 'abîmé.docx', rawZip(garbage)));
    expect(invalid.error.format('fr')).toBe(
      '« abîmé.docx » est endommagé : l’élément « word/document.xml » de l’archive Word (.docx) est illisible (données compressées invalides).',
    );
    for (const e of [cut.error, cutQdpx.error, text.error, invalid.error])
      expect(e.format('fr')).not.toMatch(/invalid zip|unexpected end|Z_DATA_ERROR|incorrect header|RangeError/i);
  });

  it('refuses entries that climb out of the archive and unknown compression methods', async () => {
    const ctx = newProject();
    const slip = await expectRefused(ctx, importFile(ctx, 'evasion.docx', rawZip([...docxEntries('<w:p/>'), entry('../../.bashrc', 'x')])));
    expect(slip.error.format('fr')).toBe('« evasion.docx » est refusé : l’élément « ../../.bashrc » pointe hors de l’archive (chemin absolu ou « .. »).');
    const lzma = withEntry(
      docxEntries('<w:p/>'),
      (n) => n === 'word/document.xml',
      (e) => ({ ...e, method: 14 }),
    );
    const method = await expectRefused(ctx, importFile(ctx, 'lzma.docx', rawZip(lzma)));
    expect(method.error.code).toBe('archive.method');
  });
});

describe('the guard itself', () => {
  const ctx = { file: 'x.docx', format: 'Word (.docx)' };

  it('checks the entry count and the total size from the directory, before reading any entry', () => {
    const many = rawZip(Array.from({ length: OFFICE_LIMITS.maxEntries + 1 }, (_, i) => entry(`word/media/${i}.bin`, '', 0)));
    expect(() => new GuardedArchive(many, ctx, OFFICE_LIMITS)).toThrowError(expect.objectContaining({ code: 'archive.tooManyEntries' }));
    const two = rawZip([entry('a.xml', 'x'.repeat(600)), entry('b.xml', 'y'.repeat(600))]);
    const e = (() => {
      try {
        new GuardedArchive(two, ctx, { ...OFFICE_LIMITS, maxTotalBytes: 1000 });
      } catch (err) {
        return err as { code: string; format(l: 'fr' | 'en'): string };
      }
      throw new Error('accepted');
    })();
    expect(e.code).toBe('archive.tooLarge');
    expect(e.format('en')).toBe('"x.docx" is refused: uncompressed it would take 1 MB (limit for a Word (.docx) file: 1 MB).');
  });

  it('reads what honest archives hold: stored and deflated entries, names in UTF-8, and a data descriptor', () => {
    const honest = rawZip([entry('mimetype', 'application/vnd.oasis.opendocument.text', 0), entry('sources/entretien é.txt', 'Bonjour 👋')]);
    const zip = new GuardedArchive(honest, ctx, OFFICE_LIMITS);
    expect(zip.entries.map((e) => e.path)).toEqual(['mimetype', 'sources/entretien é.txt']);
    expect(new TextDecoder().decode(zip.read('sources/entretien é.txt'))).toBe('Bonjour 👋');
    expect(zip.read('absent.txt')).toBeUndefined();
    // Bit 3: the local header carries zeros; the central directory is what counts.
    const described = rawZip([{ ...entry('a.txt', 'abc'), flags: 0x0008 }]);
    const view = new DataView(described.buffer);
    view.setUint32(14, 0, true);
    view.setUint32(18, 0, true);
    view.setUint32(22, 0, true);
    expect(new TextDecoder().decode(new GuardedArchive(described, ctx, OFFICE_LIMITS).read('a.txt'))).toBe('abc');
  });

  it('refuses a forged directory with a TresseError, never a RangeError', async () => {
    const good = rawZip(docxEntries('<w:p/>'));
    const endAt = good.length - 22;
    for (const [field, value] of [
      [endAt + 10, 0xffff],
      [endAt + 12, 0x7fffffff],
      [endAt + 16, 0x7fffffff],
    ] as const) {
      const bad = good.slice();
      new DataView(bad.buffer).setUint16(field, value & 0xffff, true);
      if (field !== endAt + 10) new DataView(bad.buffer).setUint32(field, value, true);
      const e = await refusal(() => new GuardedArchive(bad, ctx, OFFICE_LIMITS));
      expect(e.code).toMatch(/^archive\./);
    }
  });
});
