// Quotations as a thesis cites them, through the contract on a real project: a transcript imported
// with its speakers and timestamps, a plain document, cases; the citation format set, refused,
// restored; every export in French and English, and the Word annex's styles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Excerpt } from '../../model/types.ts';
import type { TresseApi } from '../../service/contract/index.ts';
import { streamXml } from '../../exchange/xml-guard.ts';
import { Workspace } from '../../service/workspace.ts';
import { apiOf, contextOf } from '../helpers/contract.ts';

const NBSP = '\u00a0';
// Twelve paragraphs; the twelfth is the coordinator's turn at 00:08:55 (the thirteenth line is blank).
const TRANSCRIPT = [
  '[00:00:05] Enquêtrice : Bonjour, pouvez-vous vous présenter ?',
  '[00:00:09] Coordinatrice : Je coordonne la cellule depuis 2019.',
  ...Array.from({ length: 3 }, (_, i) => [`[00:0${i + 1}:00] Enquêtrice : Question ${i + 1} ?`, `[00:0${i + 1}:30] Coordinatrice : Réponse ${i + 1}.`]).flat(),
  '[00:07:00] Enquêtrice : Et le secret partagé ?',
  '[00:07:40] Coordinatrice : Il y a des règles.',
  '[00:08:10] Enquêtrice : Lesquelles ?',
  '[00:08:55] Coordinatrice : Le secret, on fait avec ce qu’on a. C’est ce qu’on appelle « le secret partagé »',
  '',
  '[00:09:30] Enquêtrice : Merci.',
].join('\n');
const NOTE = 'Article 1. La cellule se réunit chaque mois.\nArticle 2. Le compte rendu ne nomme personne.\n';

let dir: string;
let ws: Workspace;
let api: TresseApi;

async function code(sourceId: number, codeRef: string, text: string, segmentKind: 'verbatim' | 'paraphrase' = 'verbatim'): Promise<void> {
  const { start, end } = await api.locatePassage({ sourceId, text });
  await api.addCoding({ sourceId, codeId: (await api.findCode({ ref: codeRef })).id, start, end, segmentKind });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-quotes-'));
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  api = apiOf(contextOf(ws));
  await api.createProject({ path: join(dir, 'these.tresse'), grid: 'six-themes', coder: 'Camille' });
  const e8 = await api.createCase({ name: 'E8' });
  const bytes = (s: string) => new TextEncoder().encode(s);
  const { source: interview } = await api.importSource({ fileName: 'E8.txt', bytes: bytes(TRANSCRIPT), kind: 'interview', caseIds: [e8.id] });
  const { source: charter } = await api.importSource({ fileName: 'Charte de la cellule.txt', bytes: bytes(NOTE), kind: 'document' });
  await code(interview.id, 'CL1', 'Le secret, on fait avec ce qu’on a.');
  await code(interview.id, 'CL1', 'C’est ce qu’on appelle « le secret partagé »');
  await code(interview.id, 'CL4', 'coordonne la cellule');
  await code(charter.id, 'CL1', 'Le compte rendu ne nomme personne.');
  await code(interview.id, 'CL4', 'Réponse 2.', 'paraphrase');
});
afterEach(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const retrieveCL1 = async (): Promise<Excerpt[]> => api.retrieve({ codeId: (await api.findCode({ ref: 'CL1' })).id });
const exportCsv = async () => new TextDecoder().decode(await api.exportMatrix({ request: { type: 'triangulation', rows: 'codes' }, format: 'csv' }));

describe('a quotation', () => {
  it('cites the source, the case, the speaker, the paragraph and the timestamp in the excerpt lists', async () => {
    const [charter, secret, partage] = await retrieveCL1().then((xs) => xs.sort((a, b) => a.sourceKind.localeCompare(b.sourceKind) || a.start - b.start));
    expect(charter!.citation).toBe('Charte de la cellule, § 2');
    expect(secret!.place).toEqual({ paragraph: 12, turn: 12, speaker: 'Coordinatrice', timestampMs: 535_000, cutBefore: false, cutAfter: false });
    // The case is named like its source: said once.
    expect(secret!.citation).toBe('E8, Coordinatrice, § 12, 00:08:55');
    expect(partage!.citation).toBe('E8, Coordinatrice, § 12, 00:08:55');
  });

  it('is quoted in every export with its citation, never code points, and a quote ending in » gets no second »', async () => {
    const csv = await exportCsv();
    expect(csv).toContain(`«${NBSP}Le secret, on fait avec ce qu’on a.${NBSP}» (E8, Coordinatrice, § 12, 00:08:55)`);
    expect(csv).toContain(`«${NBSP}C’est ce qu’on appelle “le secret partagé”${NBSP}» (E8, Coordinatrice, § 12, 00:08:55)`);
    expect(csv).toContain(`«${NBSP}Le compte rendu ne nomme personne.${NBSP}» (Charte de la cellule, § 2)`);
    // Cut inside its sentence: marked […] at both ends.
    expect(csv).toContain(`«${NBSP}[…] coordonne la cellule […]${NBSP}» (E8, Coordinatrice, § 2, 00:00:09)`);
    expect(csv).not.toMatch(/»\s*»|\d+–\d+/);
    // A paraphrase is not the participant's words: no quotation marks.
    expect(csv).toContain('\nRéponse 2. (E8, Coordinatrice, § 6, 00:02:30)');
    const html = new TextDecoder().decode(await api.exportMatrix({ request: { type: 'triangulation', rows: 'codes' }, format: 'html' }));
    expect(html).toContain(`«${NBSP}Le secret, on fait avec ce qu’on a.${NBSP}»<cite>E8, Coordinatrice, § 12, 00:08:55</cite>`);
  });

  it('takes English quotation marks in an English export', async () => {
    await api.setLang({ lang: 'en' });
    const csv = await exportCsv();
    expect(csv).toContain('“Le secret, on fait avec ce qu’on a.” (E8, Coordinatrice, § 12, 00:08:55)');
    expect(csv).toContain('“C’est ce qu’on appelle « le secret partagé »” (E8, Coordinatrice, § 12, 00:08:55)');
  });

  it('follows the project’s citation format everywhere, and an empty format brings back the default', async () => {
    const set = await api.setCitationFormat({ template: '{speaker} ({case}), {time}, tour {turn}' });
    expect(set.template).toBe('{speaker} ({case}), {time}, tour {turn}');
    expect((await api.getCitationFormat()).template).toBe(set.template);
    expect((await retrieveCL1()).map((x) => x.citation)).toContain('Coordinatrice (E8), 00:08:55, tour 12');
    expect(await exportCsv()).toContain('» (Coordinatrice (E8), 00:08:55, tour 12)');
    // The document has no speaker, case, time or turn: only what the format can say remains.
    expect((await retrieveCL1()).find((x) => x.sourceKind === 'document')!.citation).toBe('');
    const back = await api.setCitationFormat({ template: '  ' });
    expect(back.template).toBe(back.defaultTemplate);
    expect(await exportCsv()).toContain('» (E8, Coordinatrice, § 12, 00:08:55)');
  });

  it('refuses a format with an unknown placeholder in the user’s language and keeps the one in place', async () => {
    await api.setCitationFormat({ template: '{case}, § {paragraph}' });
    await expect(api.setCitationFormat({ template: '{source}, {locuteur}' })).rejects.toMatchObject({
      code: 'citation.placeholder',
      message: expect.stringContaining('Élément inconnu dans le format des citations : {locuteur}') as unknown,
    });
    await api.setLang({ lang: 'en' });
    await expect(api.setCitationFormat({ template: '{source} }' })).rejects.toMatchObject({
      code: 'citation.brace',
      message: expect.stringContaining('Unmatched brace in the citation format') as unknown,
    });
    expect((await api.getCitationFormat()).template).toBe('{case}, § {paragraph}');
    expect(await exportCsv()).toContain('” (E8, § 12)');
  });
});

describe('the Word annex', () => {
  it('uses named styles a student can restyle: Title, Heading 1 and 2, Quote, a table style', async () => {
    const files = unzipSync(await api.exportMatrix({ request: { type: 'triangulation', rows: 'codes' }, format: 'docx' }));
    const doc = strFromU8(files['word/document.xml']!);
    const styles = strFromU8(files['word/styles.xml']!);
    const used = (id: string) => doc.includes(`<w:pStyle w:val="${id}"/>`);
    expect(['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'TableText', 'TableHeading'].filter((id) => !used(id))).toEqual([]);
    expect(doc).toContain('<w:tblStyle w:val="TableGrid"/>');
    expect(doc).toContain('<w:rStyle w:val="QuoteReference"/>');
    // No formatting of their own on the quotations: the style decides.
    const quote = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Quote"\/>(?:(?!<\/w:p>)[\s\S])*?Le secret, on fait avec(?:(?!<\/w:p>)[\s\S])*<\/w:p>/.exec(
      doc,
    )![0];
    expect(quote).not.toMatch(/<w:(?:sz|i|b) /);
    expect(quote).toContain('(E8, Coordinatrice, § 12, 00:08:55)');
    const defined = (type: string, id: string, name: string) =>
      new RegExp(`<w:style w:type="${type}"[^>]* w:styleId="${id}"[^>]*>\\s*<w:name w:val="${name}"/>`).test(styles);
    expect(defined('paragraph', 'Quote', 'Quote')).toBe(true);
    expect(defined('paragraph', 'Heading1', 'Heading 1')).toBe(true);
    expect(defined('paragraph', 'Heading2', 'Heading 2')).toBe(true);
    expect(defined('paragraph', 'Title', 'Title')).toBe(true);
    expect(defined('table', 'TableGrid', 'Table Grid')).toBe(true);
    expect(defined('character', 'QuoteReference', 'Référence de citation')).toBe(true);
    // The header row's look lives in the table style.
    expect(styles).toMatch(/<w:tblStylePr w:type="firstRow">/);
    // Both parts are well-formed XML with every prefix declared (the reader Tresse imports .docx with).
    const events = { open: () => {}, close: () => {}, text: () => {} };
    for (const part of [doc, styles]) expect(() => streamXml(part, 'annexe.docx', events)).not.toThrow();
  });
});
