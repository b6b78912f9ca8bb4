import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ParsedSource, SourceKind, StructureSegment } from '../../model/types.ts';
import type { ProjectContext } from '../../service/context.ts';
import { closeProject, createProject } from '../../service/project.ts';
import { addParsedSource } from '../../service/sources.ts';
import { normaliseText } from '../../text/normalise.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tresse-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new project file in a temporary folder, through the real migrations; closed after the test. */
export function newProject(options: { grid?: string; coder?: string } = {}): ProjectContext {
  const path = join(tempDir(), 'projet.tresse');
  const ctx = createProject(path, { grid: options.grid ?? 'six-themes', coder: options.coder ?? 'Camille' });
  cleanups.push(() => closeProject(ctx));
  return ctx;
}

export function addText(ctx: ProjectContext, name: string, text: string, kind: SourceKind = 'interview', structure: StructureSegment[] = []) {
  const parsed: ParsedSource = { text: normaliseText(text), format: 'txt', encoding: 'utf-8', structure, notes: [] };
  return addParsedSource(ctx, parsed, { name, kind, fileName: `${name}.txt` });
}
