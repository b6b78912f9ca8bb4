import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSourceFile } from '../exchange/import/index.ts';
import type { AttributeType, ParsedSource, SegmentKind, SourceKind, Valence } from '../model/types.ts';
import { defineAttribute, setAttributeValues } from './attributes.ts';
import { createCase } from './cases.ts';
import { resolveCode } from './codebook.ts';
import { ensureCoder } from './coders.ts';
import { setSourceDone } from './source-done.ts';
import { insertCoding, locatePassage } from './codings.ts';
import { closeProject, renameProject } from './project.ts';
import { createProjectBeside } from './project-beside.ts';
import { saveMemo } from './memos.ts';
import { addParsedSource } from './sources.ts';

// The demo project: a synthetic French corpus (demo/corpus, written for Tresse) described by
// demo/manifest.json, built through the same importers and service calls a user's actions go through.

interface Manifest {
  name: string;
  description?: string;
  coders: string[];
  /** Per coder, the source files they read through and marked done (the agreement's scope). */
  done?: Record<string, string[]>;
  attributes: { name: string; type: AttributeType; multi?: boolean }[];
  cases: { name: string; description?: string; attributes: Record<string, unknown[]>; sources: string[] }[];
  sources: { file: string; kind: SourceKind; name: string }[];
  codings: {
    source: string;
    code: string;
    text: string;
    coder: string;
    valence?: Valence;
    segmentKind?: SegmentKind;
    memo?: string;
  }[];
}

/** Where the demo material sits next to the code; the packaged app passes its own folder. */
export function defaultDemoDir(): string {
  return fileURLToPath(new URL('../demo', import.meta.url));
}

export async function createDemoProject(path: string, demoDir: string = defaultDemoDir()): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(demoDir, 'manifest.json'), 'utf8')) as Manifest;
  // Parse every file first: the project is written in one transaction, which never spans an await.
  const parsed = new Map<string, ParsedSource>();
  for (const s of manifest.sources) {
    const bytes = readFileSync(join(demoDir, 'corpus', s.file));
    parsed.set(s.file, await parseSourceFile(new Uint8Array(bytes), s.file));
  }
  // Built beside its destination and put in place complete: a killed demo leaves no half-made project.
  const { ctx } = createProjectBeside(path, { name: manifest.name, grid: 'six-themes', coder: manifest.coders[0] ?? 'Camille' }, (ctx) =>
    ctx.db.transaction(() => {
      renameProject(ctx, manifest.name);
      const coders = new Map(manifest.coders.map((name) => [name, ensureCoder(ctx.db, name)]));
      const sources = new Map<string, { id: number; text: string }>();
      for (const s of manifest.sources) {
        const p = parsed.get(s.file)!;
        const summary = addParsedSource(ctx, p, { name: s.name, kind: s.kind, fileName: s.file });
        sources.set(s.file, { id: summary.id, text: p.text });
      }
      for (const a of manifest.attributes) defineAttribute(ctx, { name: a.name, type: a.type, multi: !!a.multi });
      for (const c of manifest.cases) {
        const created = createCase(ctx, { name: c.name, description: c.description ?? '' });
        for (const [name, values] of Object.entries(c.attributes)) {
          setAttributeValues(ctx, { caseId: created.id }, name, values);
        }
        const link = ctx.db.prepare('INSERT INTO case_sources (case_id, source_id) VALUES (?, ?)');
        for (const file of c.sources) link.run(created.id, sources.get(file)!.id);
      }
      for (const k of manifest.codings) {
        const src = sources.get(k.source)!;
        const range = locatePassage(src.text, k.text, k.source);
        insertCoding(ctx, {
          sourceId: src.id,
          codeId: resolveCode(ctx.db, k.code).id,
          ...range,
          coderId: coders.get(k.coder)!.id,
          valence: k.valence ?? null,
          segmentKind: k.segmentKind ?? 'verbatim',
          memo: k.memo ?? null,
        });
      }
      for (const [coder, files] of Object.entries(manifest.done ?? {})) {
        for (const file of files) setSourceDone(ctx, sources.get(file)!.id, true, coders.get(coder)!.name);
      }
      if (manifest.description) saveMemo(ctx, { target: { kind: 'project' }, title: 'À propos', text: manifest.description });
    })(),
  );
  closeProject(ctx);
}
