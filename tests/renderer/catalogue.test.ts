// The interface speaks French first and English second, from one catalogue: every entry has both,
// placeholders agree between the two, and every key a component asks for exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, isMessageKey, translator } from '../../i18n/catalogue.ts';
import { errorMessages } from '../../i18n/errors.ts';
import { uiMessages } from '../../i18n/ui.ts';
import { codingMessages } from '../../i18n/ui-coding.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the message catalogue', () => {
  it('has a non-empty French and English text for every key, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(catalogue) as Array<[string, { fr: string; en: string }]>) {
      expect(entry.fr.trim(), key).not.toBe('');
      expect(entry.en.trim(), key).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.fr));
    }
  });

  it('keeps the three message files apart: no key defined twice', () => {
    const keys = [...Object.keys(errorMessages), ...Object.keys(uiMessages), ...Object.keys(codingMessages)];
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(twice).toEqual([]);
  });

  it('words a message in the chosen language and fills its placeholders', () => {
    expect(translator('fr')('search.count', { count: 3, sources: 2 })).toBe('3 résultat(s) dans 2 source(s).');
    expect(translator('en')('search.count', { count: 3, sources: 2 })).toBe('3 hit(s) in 2 source(s).');
  });

  it('knows every key the renderer asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'renderer'))) {
      const text = readFileSync(file, 'utf8');
      // Literal keys: t('key'), t("key"), and message-key strings in tables such as label: 'view.cases'.
      for (const m of text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) {
        if (!isMessageKey(m[1]!)) missing.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
      // Template keys such as t(`attrType.${type}`): some key must start with the fixed part.
      for (const m of text.matchAll(/\bt\(\s*`([^`$]+)\$\{/g)) {
        if (!Object.keys(catalogue).some((k) => k.startsWith(m[1]!))) missing.push(`${relative(ROOT, file)}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds keys in the scan at all (the scan itself works)', () => {
    const text = readFileSync(join(ROOT, 'renderer/panels/search/SearchPanel.tsx'), 'utf8');
    expect([...text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].length).toBeGreaterThan(3);
  });
});
