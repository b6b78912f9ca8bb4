// Search by word forms (issue 18): a word typed outside quotes finds the other forms of its stem
// in the project's language, each hit on the word as written; quoted words stay exact, prefixes
// stay prefixes of folded words, stop words alone are too common to search. The index agrees with
// the plain scan that stems every word of the texts itself (tests/helpers/search-scan.ts).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { APPLICATION_ID, openProjectDb } from '../../db/open.ts';
import { rebuildSearchIndex } from '../../db/search-index.ts';
import { catchUpSearchIndex, searchSources, SQL_FORMS } from '../../db/search.ts';
import type { SearchHit } from '../../model/types.ts';
import { sliceCodePoints } from '../../text/offsets.ts';
import type { TextLanguage } from '../../text/word-forms.ts';
import { addText, newProject, tempDir } from '../helpers/project.ts';
import { indexAgainstRebuild, scanSearch } from '../helpers/search-scan.ts';

const FR = [
  `Enquêtrice : Et le secret ?\nP1 : Les secrets de la famille, la secrétaire les garde. Un secret partagé avec les partenaires.`,
  `P2 : Le partenaire principal, c'est la mairie ; le partage reste difficile. Je me suis sentie stigmatisée.`,
  `P3 : Un usager stigmatisé, des personnes stigmatisées. La sécurité, les sécurités.`,
];
const EN = [
  `Interviewer: And your partners?\nP1: My partner helps. The partnership is new, and the partners run the house.`,
  `P2: Running the service is the hard part; she runs it alone. Secrets are kept.`,
];

function project(texts: readonly string[]) {
  const ctx = newProject();
  const sources = texts.map((t, i) => addText(ctx, `Source ${i + 1}`, t));
  return { ctx, ids: sources.map((s) => s.id) };
}

/** Each hit as the word (or phrase) written in its source, in rank then text order. */
function written(texts: readonly string[], ids: readonly number[], hits: readonly SearchHit[]): string[] {
  return hits.map((h) => {
    const text = texts[ids.indexOf(h.sourceId)]!;
    const word = sliceCodePoints(text, h.start, h.end);
    // The highlight of the snippet lands on the same word.
    expect(h.snippet.slice(h.snippetStart, h.snippetEnd)).toBe(word);
    return word;
  });
}

const sorted = (words: string[]) => [...words].sort();
const byPlace = (a: SearchHit, b: SearchHit) => a.sourceId - b.sourceId || a.start - b.start;

describe('search by word forms, in French', () => {
  it('finds the inflected forms of the issue and not the unrelated words', () => {
    const { ctx, ids } = project(FR);
    const words = (q: string) => sorted(written(FR, ids, searchSources(ctx.db, q, { limit: 1000 }).hits));
    expect(words('secret')).toEqual(['secret', 'secret', 'secrets']);
    expect(words('SECRETS')).toEqual(['secret', 'secret', 'secrets']);
    expect(words('secrétaire')).toEqual(['secrétaire']);
    expect(words('partenaire')).toEqual(['partenaire', 'partenaires']);
    expect(words('partage')).toEqual(['partage', 'partagé']);
    expect(words('stigmatisé')).toEqual(['stigmatisé', 'stigmatisée', 'stigmatisées']);
    expect(words('stigmatisée')).toEqual(['stigmatisé', 'stigmatisée', 'stigmatisées']);
    // Typed without its accents: the word reaches the stem of the way the texts write it.
    expect(words('securite')).toEqual(['sécurité', 'sécurités']);
    expect(words('stigmatisee')).toEqual(['stigmatisé', 'stigmatisée', 'stigmatisées']);
  });

  it('keeps quoted words and phrases exact, folded as before', () => {
    const { ctx, ids } = project(FR);
    const words = (q: string) => sorted(written(FR, ids, searchSources(ctx.db, q).hits));
    expect(words('"partenaire"')).toEqual(['partenaire']);
    expect(words('"secret"')).toEqual(['secret', 'secret']);
    expect(words('"stigmatisee"')).toEqual(['stigmatisée']);
    expect(words('"secret partagé"')).toEqual(['secret partagé']);
    expect(words('"secrets partagés"')).toEqual([]);
    // Unquoted words joined by an apostrophe or a hyphen: a phrase of word forms.
    expect(words("l'usager")).toEqual([]);
    expect(words('familles')).toEqual(['famille']);
  });

  it('keeps a prefix a prefix of folded words', () => {
    const { ctx, ids } = project(FR);
    const words = (q: string) => sorted(written(FR, ids, searchSources(ctx.db, q).hits));
    expect(words('partag*')).toEqual(['partage', 'partagé']);
    expect(words('secr*')).toEqual(['secret', 'secret', 'secrets', 'secrétaire']);
    expect(words('"secret partag"*')).toEqual(['secret partagé']);
  });

  it('excludes every form of a negated word, and only the exact one when quoted', () => {
    const { ctx, ids } = project(FR);
    const sources = (q: string) => [...new Set(searchSources(ctx.db, q).hits.map((h) => ids.indexOf(h.sourceId) + 1))].sort();
    expect(sources('partenaire')).toEqual([1, 2]);
    expect(sources('partenaire -partenaires')).toEqual([]);
    expect(sources('partenaire -"partenaires"')).toEqual([2]);
    expect(sources('stigmatisé -stigmatisées')).toEqual([]);
    expect(sources('stigmatisé -"stigmatisées"')).toEqual([2]);
    expect(sources('stigmatisé NOT secret')).toEqual([2, 3]);
    expect(sources('partenaire OR sécurité')).toEqual([1, 2, 3]);
  });

  it('answers a query of stop words alone as too common, and leaves them out of a larger one', () => {
    const { ctx, ids } = project(FR);
    const alone = searchSources(ctx.db, 'de la');
    expect(alone).toEqual({ hits: [], sourceCount: 0, truncated: false, commonWords: ['de', 'la'], onlyCommonWords: true });
    expect(searchSources(ctx.db, 'Les').onlyCommonWords).toBe(true);
    const larger = searchSources(ctx.db, 'le partenaire de la mairie');
    expect(larger.commonWords).toEqual(['le', 'de', 'la']);
    expect(larger.onlyCommonWords).toBe(false);
    expect(sorted(written(FR, ids, larger.hits))).toEqual(sorted(written(FR, ids, searchSources(ctx.db, 'partenaire mairie').hits)));
    // Inside quotes they count.
    expect(written(FR, ids, searchSources(ctx.db, '"le partage"').hits)).toEqual(['le partage']);
    expect(searchSources(ctx.db, '"la"').hits.length).toBeGreaterThan(0);
    // A query without stop words says nothing of them.
    expect(searchSources(ctx.db, 'partenaire')).not.toHaveProperty('commonWords');
  });

  it('ranks by the forms found: more forms of the word, higher', () => {
    const { ctx, ids } = project(FR);
    const hits = searchSources(ctx.db, 'stigmatisé').hits;
    // Source 3 holds two forms in a shorter text than source 2's one.
    expect(ids.indexOf(hits[0]!.sourceId) + 1).toBe(3);
  });

  it('finds the same hits as the plain scan that stems every word itself', () => {
    const { ctx } = project(FR);
    for (const q of [
      'secret',
      'secrets',
      'partenaire',
      'stigmatisée',
      'securite',
      'le partenaire',
      'secret partagé',
      '"secret partagé"',
      'partag*',
      'secret -mairie',
      'sécurité OR secret',
      'de la',
    ]) {
      const expected = scanSearch(ctx.db, q);
      const got = searchSources(ctx.db, q, { limit: 10_000 });
      expect([...got.hits].sort(byPlace), q).toEqual(expected.hits);
      expect(got.sourceCount, q).toBe(expected.sources.length);
    }
  });

  it('reads the words of a stem through one index of the vocabulary', () => {
    const { ctx } = project(FR);
    catchUpSearchIndex(ctx.db);
    const plan = (ctx.db.prepare(`EXPLAIN QUERY PLAN ${SQL_FORMS}`).all({ language: 'fr', stem: 'secret', word: 'secret' }) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.some((d) => d.includes('SCAN search_forms'))).toBe(false);
  });
});

describe('search by word forms, in English and after a change of language', () => {
  const search = (ctx: ReturnType<typeof project>['ctx'], q: string, language: TextLanguage) => searchSources(ctx.db, q, { language, limit: 1000 });

  it('finds the English forms in an English project', () => {
    const { ctx, ids } = project(EN);
    const words = (q: string) => sorted(written(EN, ids, search(ctx, q, 'en').hits));
    expect(words('partner')).toEqual(['partner', 'partners', 'partners']);
    expect(words('partners')).toEqual(['partner', 'partners', 'partners']);
    expect(words('partnership')).toEqual(['partnership']);
    expect(words('run')).toEqual(['Running', 'run', 'runs']);
    expect(words('"partner"')).toEqual(['partner']);
    expect(search(ctx, 'the and', 'en').onlyCommonWords).toBe(true);
    for (const q of ['partner', 'run -secrets', 'the partners', 'partn*']) {
      const expected = scanSearch(ctx.db, q, 60, 'en');
      expect([...search(ctx, q, 'en').hits].sort(byPlace), q).toEqual(expected.hits);
    }
  });

  it('follows the language at once: the index holds the stems of both', () => {
    const { ctx, ids } = project(EN);
    const words = (q: string, l: TextLanguage) => sorted(written(EN, ids, search(ctx, q, l).hits));
    // In French, "the" is a word like another and "running" is not a form of "run".
    expect(words('the', 'fr')).toEqual(['The', 'the', 'the', 'the', 'the']);
    expect(words('run', 'fr')).toEqual(['run', 'runs']);
    expect(search(ctx, 'the', 'en').onlyCommonWords).toBe(true);
    expect(words('run', 'en')).toEqual(['Running', 'run', 'runs']);
    expect(ctx.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
  });
});

describe('the vocabulary after a text changes', () => {
  it('finds no word a text no longer has, and forgets it when the index is rebuilt', () => {
    const { ctx, ids } = project(FR);
    catchUpSearchIndex(ctx.db);
    ctx.db.prepare('UPDATE sources SET text = ? WHERE id = ?').run('P2 : Le bailleur hésite.', ids[1]);
    expect(searchSources(ctx.db, 'partenaire').hits.map((h) => h.sourceId)).toEqual([ids[0]]);
    expect(searchSources(ctx.db, 'mairie').hits).toEqual([]);
    const vocabulary = () => ctx.db.prepare("SELECT word FROM search_forms WHERE language = 'fr' AND word = 'mairie'").pluck().all();
    expect(vocabulary()).toEqual(['mairie']);
    rebuildSearchIndex(ctx.db);
    expect(vocabulary()).toEqual([]);
    expect(searchSources(ctx.db, 'bailleurs').hits.map((h) => h.sourceId)).toEqual([ids[1]]);
    const { now, rebuilt } = indexAgainstRebuild(ctx.db);
    expect(now).toEqual(rebuilt);
  });
});

describe('migration 11: the vocabulary of word forms', () => {
  it('queues every source of a project indexed by migration 10, and the next search finds the forms', () => {
    const path = join(tempDir(), 'v10.tresse');
    const raw = new Database(path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of migrations.filter((m) => m.version <= 10)) raw.exec(m.sql);
    raw.pragma('user_version = 10');
    raw
      .prepare(
        `INSERT INTO sources (guid, kind, name, text, text_hash, length, origin_format, imported_at, structure)
         VALUES ('g1', 'interview', 'Ancienne', 'Les partenaires du secret partagé.', 'h1', 35, 'txt', '2026-01-01T00:00:00Z', '[]')`,
      )
      .run();
    // As 0010 left it once indexed: the source's rows written, nothing queued.
    raw.exec(`DELETE FROM search_pending;
      INSERT INTO search_sources (source_id, tokens, places) VALUES (1, 5, x'0000');
      INSERT INTO search_words (source_id, head, part, words, postings) VALUES (1, 'pa', 0, 'partenaires', x'010100')`);
    raw.close();
    const db = openProjectDb(path);
    try {
      expect(db.prepare('SELECT source_id FROM search_pending').pluck().all()).toEqual([1]);
      expect(db.prepare('SELECT count(*) FROM search_words').pluck().get()).toBe(0);
      const hits = searchSources(db, 'partenaire').hits;
      expect(hits.map((h) => [h.start, h.end])).toEqual([[4, 15]]);
      expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
      expect(db.prepare("SELECT word FROM search_forms WHERE language = 'fr' AND stem = 'partenair'").pluck().all()).toEqual(['partenaires']);
      const { now, rebuilt } = indexAgainstRebuild(db);
      expect(now).toEqual(rebuilt);
    } finally {
      db.close();
    }
  });
});
