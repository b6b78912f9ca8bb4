// Seeded, deterministic fuzzing of the archive formats through the real service import paths
// (importSource for .docx/.odt, importQdpx for .qdpx) on a real project file. Each mutation of a
// valid small file (byte flips, truncation, runs of NUL bytes, in the archive or in the XML inside
// it) must either import or be refused with a TresseError worded in French, and a refusal must
// leave the project file byte-identical. A failure names the seed and the mutation to replay it.
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeProject } from '../../exchange/refi/write-project.ts';
import { TresseError } from '../../i18n/error.ts';
import type { ProjectContext } from '../../service/context.ts';
import { importQdpx } from '../../service/refi.ts';
import { importSource } from '../../service/sources.ts';
import { makeDocx, makeOdt } from '../fixtures/import/make.ts';
import { newProject } from '../helpers/project.ts';
import { random } from '../helpers/hostile-files.ts';
import { entry, projectFiles, rawZip } from './hostile-archives.ts';
import { sampleSnapshot } from './refi/fixtures.ts';

type Mutation = { label: string; apply(bytes: Uint8Array): Uint8Array };

function mutations(rand: () => number): Mutation {
  const at = (n: number) => Math.floor(rand() * n);
  const kind = at(3);
  if (kind === 0) {
    const count = 1 + at(8);
    const flips = Array.from({ length: count }, () => [rand(), at(256)] as const);
    return {
      label: `flip ${count} bytes`,
      apply: (b) => {
        const out = b.slice();
        for (const [where, value] of flips) out[Math.floor(where * out.length)] = value;
        return out;
      },
    };
  }
  if (kind === 1) {
    const where = rand();
    return { label: `truncate at ${(where * 100).toFixed(1)} %`, apply: (b) => b.slice(0, Math.floor(where * b.length)) };
  }
  const where = rand();
  const length = 1 + at(16);
  const insert = rand() < 0.5;
  return {
    label: `${insert ? 'insert' : 'overwrite with'} ${length} NUL bytes at ${(where * 100).toFixed(1)} %`,
    apply: (b) => {
      const i = Math.floor(where * b.length);
      if (!insert) {
        const out = b.slice();
        out.fill(0, i, i + length);
        return out;
      }
      const out = new Uint8Array(b.length + length);
      out.set(b.subarray(0, i));
      out.set(b.subarray(i), i + length);
      return out;
    },
  };
}

/** A mutation of one XML part, re-zipped with a correct CRC, so that the XML parser meets the damage. */
function inPart(files: Record<string, Uint8Array>, part: string, m: Mutation): Mutation {
  return {
    label: `${m.label} in ${part}`,
    apply: () => rawZip(Object.entries(files).map(([name, data]) => entry(name, name === part ? m.apply(data) : data, name === 'mimetype' ? 0 : 8))),
  };
}

interface Format {
  name: string;
  file: string;
  valid: Uint8Array;
  part: string;
  run(ctx: ProjectContext, bytes: Uint8Array): unknown;
}

const CASES_PER_FORMAT = { archive: 90, part: 40 };

describe('fuzzing .docx, .odt and .qdpx through the service', () => {
  const formats: Format[] = [];
  beforeAll(async () => {
    formats.push(
      {
        name: 'docx',
        file: 'entretien.docx',
        valid: await makeDocx(),
        part: 'word/document.xml',
        run: (ctx, bytes) => importSource(ctx, { fileName: 'entretien.docx', bytes, kind: 'interview' }),
      },
      {
        name: 'odt',
        file: 'reunion.odt',
        valid: makeOdt(),
        part: 'content.xml',
        run: (ctx, bytes) => importSource(ctx, { fileName: 'reunion.odt', bytes, kind: 'observation' }),
      },
      {
        name: 'qdpx',
        file: 'equipe.qdpx',
        valid: writeProject(sampleSnapshot(), { mtime: new Date('2026-01-01T00:00:00Z') }),
        part: 'project.qde',
        run: (ctx, bytes) => importQdpx(ctx, bytes, { fileName: 'equipe.qdpx' }),
      },
    );
  });

  for (const [index, name] of ['docx', 'odt', 'qdpx'].entries()) {
    it(`${name}: ${CASES_PER_FORMAT.archive} archive mutations and ${CASES_PER_FORMAT.part} XML mutations never crash and never touch a refusing project`, async () => {
      const format = formats.find((f) => f.name === name)!;
      const files = unzipSync(format.valid);
      const seed = 20260 + index;
      const rand = random(seed);
      const ctx = newProject();
      const outcome = { imported: 0, refused: 0, codes: new Map<string, number>() };
      for (let i = 0; i < CASES_PER_FORMAT.archive + CASES_PER_FORMAT.part; i++) {
        const m = mutations(rand);
        const mutation = i < CASES_PER_FORMAT.archive ? m : inPart(files, format.part, m);
        const bytes = mutation.apply(format.valid);
        const before = projectFiles(ctx);
        const where = `seed ${seed}, case ${i}: ${mutation.label}`;
        try {
          await format.run(ctx, bytes);
          outcome.imported++;
        } catch (e) {
          if (!(e instanceof TresseError)) throw new Error(`${where}: not a TresseError: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
          outcome.refused++;
          outcome.codes.set(e.code, (outcome.codes.get(e.code) ?? 0) + 1);
          const message = e.format('fr');
          expect(message, where).not.toMatch(/\{\w+\}|undefined|NaN|invalid zip|unexpected end|Z_DATA_ERROR|RangeError|TypeError/i);
          expect(projectFiles(ctx), where).toEqual(before);
        }
      }
      console.log(`${name}: ${outcome.imported} imported, ${outcome.refused} refused (${[...outcome.codes].map(([c, n]) => `${c} ${n}`).join(', ')})`);
      expect(outcome.refused).toBeGreaterThan(0);
    });
  }
});
