// The project's text language through the contract, as every front end sets it: read, set, refused
// when unknown, and followed by the next search at once (word forms and stop words).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../service/workspace.ts';
import { addText, tempDir } from '../helpers/project.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';

const open: Workspace[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function ok<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await answer;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the text language through the contract', () => {
  it('is French by default, is set, and the next search follows it', async () => {
    const dir = tempDir();
    const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    open.push(ws);
    ws.create(join(dir, 'etude.tresse'), { grid: 'empty', coder: 'Camille' });
    addText(ws.project, 'Interview 1', 'Running the service is hard; the partners run it.');
    const call = callerOf(contextOf(ws));
    expect(await ok(call('getTextLanguage'))).toBe('fr');
    const before = await ok(call('search', { query: 'the' }));
    expect(before.hits).toHaveLength(2);
    expect(before).not.toHaveProperty('onlyCommonWords');

    expect(await ok(call('setTextLanguage', { language: 'en' }))).toBe('en');
    expect(await ok(call('getTextLanguage'))).toBe('en');
    const common = await ok(call('search', { query: 'the' }));
    expect(common).toMatchObject({ hits: [], onlyCommonWords: true, commonWords: ['the'] });
    const run = await ok(call('search', { query: 'run' }));
    expect(run.hits.map((h) => h.snippet.slice(h.snippetStart, h.snippetEnd))).toEqual(['Running', 'run']);

    const refused = await call('setTextLanguage', { language: 'de' });
    expect(refused.ok).toBe(false);
    expect(await ok(call('getTextLanguage'))).toBe('en');
  });
});
