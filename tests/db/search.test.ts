import { describe, expect, it } from 'vitest';
import { parseQuery, queryGroups, searchSources } from '../../db/search.ts';
import { sliceCodePoints } from '../../text/offsets.ts';
import { addText, newProject } from '../helpers/project.ts';
import { indexAgainstRebuild } from '../helpers/search-scan.ts';

/** How a query's clauses combine, written as FTS5 would read it. */
function shape(query: string): string {
  const { all, none } = queryGroups(parseQuery(query));
  const term = (c: { tokens: string[]; prefix: boolean }) => `"${c.tokens.join(' ')}"${c.prefix ? '*' : ''}`;
  let q = all.map((g) => (g.length === 1 ? term(g[0]!) : `(${g.map(term).join(' OR ')})`)).join(' AND ');
  for (const c of none) q += ` NOT ${term(c)}`;
  return q;
}

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
    expect(shape('chat) (b')).toBe('"chat" AND "b"');
  });

  it('reads AND, OR and NOT in capitals as operators, and in lower case as words', () => {
    const { ctx, a, b } = setup();
    // "secret AND partage" used to ask for the word "and" too, and found nothing.
    const both = searchSources(ctx.db, 'secret AND partage');
    expect(both.sourceCount).toBe(1);
    expect(both.hits.map((h) => sliceCodePoints(A, h.start, h.end))).toEqual(['secret', 'secret', 'partagé', 'partage']);
    expect(new Set(searchSources(ctx.db, 'secret OR cellule').hits.map((h) => h.sourceId))).toEqual(new Set([a.id, b.id]));
    expect(searchSources(ctx.db, 'securite NOT bailleur').hits.map((h) => h.sourceId)).toEqual([b.id]);
    // Words that are not stop words: a stop word typed alone is left out (tests/db/search-forms.test.ts).
    expect(shape('chat chien OR loup NOT rat')).toBe('"chat" AND ("chien" OR "loup") NOT "rat"');
    expect(shape('chat and chien or loup')).toBe('"chat" AND "and" AND "chien" AND "or" AND "loup"');
  });

  it('takes French and curly quotes as phrase marks too', () => {
    expect(shape('« secret partage »')).toBe('"secret partage"');
    expect(shape('“secret partage”*')).toBe('"secret partage"*');
  });

  it('limits the hits and says so', () => {
    const { ctx } = setup();
    // Not "le": a stop word alone is too common to search.
    const result = searchSources(ctx.db, 'bailleur', { limit: 1 });
    expect(result.hits).toHaveLength(1);
    expect(result.truncated).toBe(true);
  });

  it('follows deletions and text changes, whether or not the source was indexed yet', () => {
    const { ctx, a, b } = setup();
    const integrity = () => {
      const { now, rebuilt } = indexAgainstRebuild(ctx.db);
      if (JSON.stringify(now) !== JSON.stringify(rebuilt)) throw new Error('the index differs from one rebuilt from the texts');
    };
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

describe('full-text search across the œ/æ ligatures', () => {
  const LIG = `P2 : 😀 J'ai le cœur serré. Ma sœur aînée dit que Œuvres complètes est une belle œuvre.`;
  const PLAIN = `P3 : Le coeur du problème, c'est le curriculum vitae de ma soeur ainee.`;

  function setupLigatures() {
    const ctx = newProject();
    const lig = addText(ctx, 'Entretien 2', LIG);
    const plain = addText(ctx, 'Entretien 3', PLAIN);
    const textOf = (id: number) => (id === lig.id ? LIG : PLAIN);
    const words = (query: string) =>
      searchSources(ctx.db, query).hits.map((h) => {
        // The snippet highlight and the code-point range must both land on the word as written.
        expect(h.snippet.slice(h.snippetStart, h.snippetEnd)).toBe(sliceCodePoints(textOf(h.sourceId), h.start, h.end));
        return `${h.sourceId === lig.id ? 'lig' : 'plain'}:${sliceCodePoints(textOf(h.sourceId), h.start, h.end)}`;
      });
    return { ctx, lig, plain, words };
  }

  it('"coeur" finds "cœur" and "cœur" finds "coeur", each hit on the word as written', () => {
    const { words } = setupLigatures();
    expect(words('coeur').sort()).toEqual(['lig:cœur', 'plain:coeur']);
    expect(words('cœur').sort()).toEqual(['lig:cœur', 'plain:coeur']);
  });

  it('matches whatever the case: "OEUVRE" finds "œuvre" (and its plural), and "oeuv*" finds "Œuvres" and "œuvre"', () => {
    const { words } = setupLigatures();
    expect(words('"OEUVRE"')).toEqual(['lig:œuvre']);
    expect(words('OEUVRE')).toEqual(['lig:Œuvres', 'lig:œuvre']);
    expect(words('oeuv*')).toEqual(['lig:Œuvres', 'lig:œuvre']);
  });

  it('matches a phrase in either spelling: "soeur aînée" finds "sœur aînée"', () => {
    const { words } = setupLigatures();
    expect(words('"soeur aînée"').sort()).toEqual(['lig:sœur aînée', 'plain:soeur ainee']);
    expect(words('"sœur ainee"').sort()).toEqual(['lig:sœur aînée', 'plain:soeur ainee']);
  });

  it('gives code-point positions of the word in the text (the emoji before it counts as one)', () => {
    const { ctx, lig } = setupLigatures();
    const hit = searchSources(ctx.db, 'coeur').hits.find((h) => h.sourceId === lig.id)!;
    expect(hit.start).toBe(Array.from(LIG.slice(0, LIG.indexOf('cœur'))).length);
    expect(hit.end).toBe(hit.start + 4);
  });

  it('excludes either spelling with -word', () => {
    const { ctx, plain } = setupLigatures();
    // "ma" quoted: a stop word typed alone outside quotes is left out.
    expect(searchSources(ctx.db, '"ma" -cœur').hits.map((h) => h.sourceId)).toEqual([]);
    expect(searchSources(ctx.db, '"ma" -oeuvre').hits.map((h) => h.sourceId)).toEqual([plain.id]);
  });

  it('folds a query as the index folds words: case, accents, œ/æ written out', () => {
    expect(shape('Coeur secret')).toBe('"coeur" AND "secret"');
    expect(shape('CŒUR')).toBe('"coeur"');
    expect(shape('"Sœur aînée" -vitæ')).toBe('"soeur ainee" NOT "vitae"');
    expect(shape('partag*')).toBe('"partag"*');
  });
});
