// The layering of issue 11: no two folders import each other (nor a longer loop), and SQL lives
// in db/ (storage) and service/ only. bench/ may use SQL: it builds large projects directly and
// times a hand-written query beside the product's. tests/ may too (it is not scanned): a test
// checks what the project file holds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCycles, folderCycles, scanSources } from './source-scan.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SQL_FOLDERS = new Set(['db', 'service', 'bench']);

describe('the source folders', () => {
  const scan = scanSources(ROOT);

  it('import one another in one direction only', () => {
    expect(scan.imports.length).toBeGreaterThan(50);
    expect(describeCycles(folderCycles(scan.imports))).toBe('');
  });

  it('let the renderer reach the service through the contract only (service/contract/)', () => {
    const intoService = scan.imports.filter((i) => i.from === 'renderer' && i.to === 'service');
    expect(intoService.length).toBeGreaterThan(10);
    const elsewhere = intoService.filter((i) => !/(^|\/)service\/contract\//.test(i.specifier)).map((i) => `${i.file}:${i.line} ${i.specifier}`);
    expect(elsewhere).toEqual([]);
  });

  it('hold SQL only in db/ and service/ (and bench/)', () => {
    expect(scan.sql.some((s) => s.folder === 'db')).toBe(true);
    const misplaced = scan.sql.filter((s) => !SQL_FOLDERS.has(s.folder)).map((s) => `${s.file}:${s.line} ${s.what}`);
    expect(misplaced).toEqual([]);
  });
});

describe('the scan', () => {
  const root = mkdtempSync(join(tmpdir(), 'tresse-layers-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('model/a.ts', `// import { x } from '../service/s.ts'\nexport type { T } from '../i18n/t.ts';\n`);
  write('i18n/t.ts', `export type T = 1;\nconst m = await import('../analysis/m.ts');\n`);
  write('analysis/m.ts', `import type { A } from '../model/a.ts';\nconst re = /x/;\nre.exec('SELECT-free text');\n`);
  write('analysis/q.ts', `// SELECT id FROM sources, in words only\nexport const pick = 'Select a file from the list';\n`);
  write('service/s.ts', `import { m } from '../analysis/m.ts';\nexport const rows = (db: any) => db.prepare('SELECT 1').all();\n`);
  write(
    'cli/c.ts',
    `export function f(ctx: any, n: number) {\n  ctx.db.exec('PRAGMA optimize');\n  return ctx.db.transaction(() => n)();\n}\nexport const q = \`DELETE FROM codes WHERE id = \${1}\`;\n`,
  );
  const scan = scanSources(root, ['model', 'i18n', 'analysis', 'service', 'cli']);

  it('finds a loop through three folders, a type export and a dynamic import included, and names the files', () => {
    const cycles = folderCycles(scan.imports);
    expect(cycles.map((c) => c.folders)).toEqual([['analysis', 'i18n', 'model']]);
    const text = describeCycles(cycles);
    expect(text).toContain('i18n/t.ts:2 imports ../analysis/m.ts');
    expect(text).toContain('model/a.ts:2 imports ../i18n/t.ts');
    expect(text).not.toContain('service');
  });

  it('finds SQL calls and strings by file and line, not words in comments, interface text or RegExp.exec', () => {
    const found = scan.sql.map((s) => `${s.file}:${s.line} ${s.what}`).sort();
    expect(found).toEqual(['cli/c.ts:2 .exec(', 'cli/c.ts:3 .transaction(', 'cli/c.ts:5 DELETE FROM', 'service/s.ts:2 .prepare(']);
  });
});
