import { describe, expect, it } from 'vitest';
import { parseQuery, searchSources, toFtsQuery } from '../../db/search.ts';
import { sliceCodePoints } from '../../text/offsets.ts';
import { addText, newProject } from '../helpers/project.ts';

const A = `Enquêtrice : Et le secret professionnel ?
P1 : Le secret partagé, pour moi, ça ne pose aucun problème 😀. La sécurité des personnes passe avant.
Enquêtrice : Et avec le bailleur ?
P1 : Avec le bailleur social on partage le minimum.`;
const B = `Compte rendu de la cellule. Le partage d'informations reste délicat ; la sécurité du logement est évoquée.`;

function setup() {
  const ctx = newProject();
  const a = addText(ctx, 'Entretien 1', A);
  const b = addText(ctx, 'Réunion du 3 mars', B, 'observation');
  return { ctx, a, b };
}

describe('full-text search', () => {
  it('finds accented words typed without accents, with the exact position of each hit', () => {
    const { ctx, a, b } = setup();
    const result = searchSources(ctx.db, 'securite');
    expect(result.sourceCount).toBe(2);
    expect(result.hits).toHaveLength(2);
    for (const hit of result.hits) {
      const text = hit.sourceId === a.id ? A : B;
      expect(sliceCodePoints(text, hit.start, hit.end)).toBe('sécurité');
      expect(hit.snippet.slice(hit.snippetStart, hit.snippetEnd)).toBe('sécurité');
    }
    expect(new Set(result.hits.map((h) => h.sourceId))).toEqual(new Set([a.id, b.id]));
  });

  it('matches a phrase typed without accents: "secret partage" finds "secret partagé"', () => {
    const { ctx, a } = setup();
    const result = searchSources(ctx.db, '"secret partage"');
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]!.sourceId).toBe(a.id);
    expect(sliceCodePoints(A, result.hits[0]!.start, result.hits[0]!.end)).toBe('secret partagé');
  });

  it('keeps code-point positions right after an emoji', () => {
    const { ctx } = setup();
    const hit = searchSources(ctx.db, 'sécurité', { sourceKinds: ['interview'] }).hits[0]!;
    expect(sliceCodePoints(A, hit.start, hit.end)).toBe('sécurité');
    expect(A.indexOf('sécurité')).not.toBe(hit.start); // the emoji shifts UTF-16 offsets by one
  });

  it('supports prefix queries and exclusions', () => {
    const { ctx, b } = setup();
    const prefix = searchSources(ctx.db, 'partag*');
    expect(prefix.hits.map((h) => sliceCodePoints(h.sourceId === b.id ? B : A, h.start, h.end))).toEqual(
      expect.arrayContaining(['partagé', 'partage', 'partage']),
    );
    const excluded = searchSources(ctx.db, 'securite -bailleur');
    expect(excluded.hits.map((h) => h.sourceId)).toEqual([b.id]);
  });

  it('treats punctuation in a query as text, not as query syntax', () => {
    const { ctx } = setup();
    expect(() => searchSources(ctx.db, 'secret) OR (NEAR"')).not.toThrow();
    expect(toFtsQuery(parseQuery('a AND b'))).toBe('"a" AND "and" AND "b"');
  });

  it('limits the hits and says so', () => {
    const { ctx } = setup();
    const result = searchSources(ctx.db, 'le', { limit: 2 });
    expect(result.hits).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });

  it('follows deletions and text changes, whether or not the source was indexed yet', () => {
    const { ctx, a, b } = setup();
    const integrity = () => ctx.db.prepare("INSERT INTO sources_fts(sources_fts) VALUES ('integrity-check')").run();
    ctx.db.prepare('DELETE FROM sources WHERE id = ?').run(b.id); // still queued: never indexed
    expect(searchSources(ctx.db, 'securite').hits.map((h) => h.sourceId)).toEqual([a.id]);
    ctx.db.prepare('UPDATE sources SET text = ? WHERE id = ?').run('Un texte corrigé sur le relogement.', a.id);
    expect(searchSources(ctx.db, 'bailleur').hits).toHaveLength(0);
    expect(searchSources(ctx.db, 'corrige').hits).toHaveLength(1);
    expect(integrity).not.toThrow();
    ctx.db.prepare('DELETE FROM sources WHERE id = ?').run(a.id); // indexed: must leave the index
    expect(searchSources(ctx.db, 'corrige').hits).toHaveLength(0);
    expect(integrity).not.toThrow();
  });
});
