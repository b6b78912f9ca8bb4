import { resolveCode } from '../../../service/codebook.ts';
import { insertCoding, listCodingsOfSource } from '../../../service/codings.ts';
import type { ProjectContext } from '../../../service/context.ts';
import { getSourceText } from '../../../service/sources.ts';
import { locatePassage } from '../../../service/codings.ts';
import { sliceCodePoints } from '../../../text/offsets.ts';

/** Codes a passage quoted exactly (it must occur once), returns the coding id. */
export function codePassage(ctx: ProjectContext, sourceId: number, code: string, passage: string, occurrence?: number): number {
  const text = getSourceText(ctx.db, sourceId);
  const range = locatePassage(text, passage, 'test', occurrence);
  return insertCoding(ctx, { sourceId, codeId: resolveCode(ctx.db, code).id, ...range }).id;
}

/** Each coding's text, by coding id. */
export function codedTexts(ctx: ProjectContext, sourceId: number): Map<number, string> {
  const text = getSourceText(ctx.db, sourceId);
  return new Map(listCodingsOfSource(ctx.db, sourceId).map((k) => [k.id, sliceCodePoints(text, k.start, k.end)]));
}

/** A synthetic interview of about `kb` kilobytes, with speaker turns. */
export function longInterview(kb: number): string {
  const lines: string[] = [];
  const answers = [
    'Le secret partagé nous aide à agir vite quand la situation du logement se dégrade.',
    'On se retrouve à la cellule tous les mois, avec le bailleur, le CMP et le CCAS.',
    'Franchement, la personne ne voulait voir personne, elle refusait les soins depuis des années.',
    'Ce qui aide, c’est la confiance entre partenaires, on se connaît maintenant.',
  ];
  for (let i = 0; lines.join('\n').length < kb * 1024; i++) {
    lines.push(`Enquêtrice : Question ${i} — pouvez-vous préciser ?`);
    lines.push(`P2 : ${answers[i % answers.length]} (réponse ${i})`);
  }
  return `${lines.join('\n')}\n`;
}
