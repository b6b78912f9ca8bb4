// A small fixed project for code suggestions: three codes with nothing but their names (no
// definition words shared with the texts), three sources of paragraphs, each paragraph coded whole.
import { addCode } from '../../service/codebook.ts';
import { addCoding } from '../../service/codings.ts';
import type { ProjectContext } from '../../service/context.ts';
import { codePointLength } from '../../text/offsets.ts';
import { addText, newProject } from './project.ts';

export const SOURCES: Array<{ name: string; lines: Array<[string, 'A' | 'B' | 'C']> }> = [
  {
    name: 'S1',
    lines: [
      ["Le bailleur menace d'expulsion.", 'A'],
      ['Le psychiatre prescrit un traitement.', 'B'],
      ['Réunion annuelle du conseil.', 'A'],
    ],
  },
  {
    name: 'S2',
    lines: [
      ['Expulsion demandée par le bailleur.', 'A'],
      ['Traitement arrêté, psychiatre inquiet.', 'B'],
    ],
  },
  {
    name: 'S3',
    lines: [
      ['Le juge convoque la famille.', 'C'],
      ['Le traitement du psychiatre continue.', 'B'],
      ['Le juge tranche : la famille reste.', 'C'],
      ['Le bailleur attend.', 'C'],
    ],
  },
];

/** The project above; codes named A, B, C ("Xa", "Xb", "Xc" so that no name is a word of the texts). */
export function suggestProject(): { ctx: ProjectContext; codes: Record<'A' | 'B' | 'C', number>; sources: number[] } {
  const ctx = newProject({ grid: 'empty' });
  const codes = { A: addCode(ctx, { name: 'Xa' }).id, B: addCode(ctx, { name: 'Xb' }).id, C: addCode(ctx, { name: 'Xc' }).id };
  const sources: number[] = [];
  for (const s of SOURCES) {
    const src = addText(ctx, s.name, s.lines.map(([line]) => line).join('\n'));
    sources.push(src.id);
    let at = 0;
    for (const [line, code] of s.lines) {
      addCoding(ctx, { sourceId: src.id, codeId: codes[code], start: at, end: at + codePointLength(line) });
      at += codePointLength(line) + 1;
    }
  }
  return { ctx, codes, sources };
}
