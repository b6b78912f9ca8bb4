// The project's text language from the command line: shown, set, refused when unknown, and
// followed by `tresse search`, which also says when a query is too common to search.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tresse } from '../helpers/cli.ts';
import { tempDir } from '../helpers/project.ts';

describe('tresse language', () => {
  it('shows and sets the language of the texts, and search finds the word forms of that language', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'interview.txt'), 'P1: The partners run the house. Running it is hard.\n');
    expect((await tresse(dir, 'init', 'study.tresse', '--coder', 'Camille')).code).toBe(0);
    expect((await tresse(dir, 'import', 'study.tresse', 'interview.txt', '--kind', 'entretien', '--name', 'Interview')).code).toBe(0);
    expect((await tresse(dir, 'language', 'study.tresse')).out).toBe('fr');
    type Found = { hits: { snippet: string; snippetStart: number; snippetEnd: number }[] };
    const words = async () =>
      (JSON.parse((await tresse(dir, 'search', 'study.tresse', 'run', '--json')).out) as Found).hits.map((h) => h.snippet.slice(h.snippetStart, h.snippetEnd));
    expect(await words()).toEqual(['run']);

    expect((await tresse(dir, 'language', 'study.tresse', 'en')).out).toBe('en');
    expect((await tresse(dir, 'language', 'study.tresse', '--json')).out).toBe('"en"');
    expect(await words()).toEqual(['run', 'Running']);
    const common = await tresse(dir, 'search', 'study.tresse', 'the', '--lang', 'en');
    expect(common.code).toBe(0);
    expect(common.out).toContain('"the": these words are too common to search');

    const refused = await tresse(dir, 'language', 'study.tresse', 'de');
    expect(refused.code).not.toBe(0);
    expect((await tresse(dir, 'language', 'study.tresse')).out).toBe('en');
  });
});
