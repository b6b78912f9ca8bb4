import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { APPLICATION_ID, openProjectDb } from '../../db/open.ts';
import { catchUpSearchIndex, searchSources, SQL_TERM, SQL_TERM_RANGE } from '../../db/search.ts';
import type { ParsedSource } from '../../model/types.ts';
import { applySourceEdit } from '../../service/edit-source.ts';
import { addParsedSource, deleteSource, getSourceText, importSource } from '../../service/sources.ts';
import { errorOf } from '../helpers/errors.ts';
import { addText, newProject, tempDir } from '../helpers/project.ts';
import { indexAgainstRebuild, scanSearch } from '../helpers/search-scan.ts';

// The word index must give exactly the hits the plain scan of every text gave: same sources, same
// code-point ranges, same snippets, whatever the accents, case, ligatures, emoji or marks.

const FIXTURE = [
  `Enquêtrice : Et le SECRET partagé ?\nP1 : Le secret partagé, ça ne pose aucun problème 😀. La Sécurité des personnes passe avant. Sécurité, sécurité !`,
  `P2 : 😀 J'ai le cœur serré. Ma SŒUR aînée dit que Œuvres complètes est une belle œuvre. Le coeur du problème, c'est la soeur ainee.`,
  `Compte rendu. Le partage d'informations reste délicat ; la securite du logement est évoquée. L'équipe mobile passe. EQUIPE MOBILE.`,
  // Decomposed accents (e + U+0301), an astral letter, private use, digits inside words.
  `Une se\u0301curite\u0301 de\u0301compose\u0301e ; 𝐀lpha et \uE000mot ; CMP2 et 3e étage.`,
];

const QUERIES = [
  'securite',
  'sécurité',
  'SECURITE',
  'secret partage',
  '"secret partagé"',
  '"secret partage"*',
  'partag*',
  'coeur',
  'cœur',
  'oeuv*',
  '"soeur aînée"',
  'équipe mobile',
  '"equipe mobile"',
  'le -coeur',
  'secret OR cellule',
  'securite NOT bailleur',
  'l*',
  's*',
  'e*',
  'cmp2',
  '3e',
  'alpha',
  '𝐀lpha',
  '\uE000mot',
  'decomposee',
];

function fixtureProject() {
  const ctx = newProject();
  FIXTURE.forEach((text, i) => {
    // As stored, without the import's normalisation, so that decomposed accents stay decomposed.
    const parsed: ParsedSource = { text: text as ParsedSource['text'], format: 'txt', encoding: 'utf-8', structure: [], notes: [] };
    addParsedSource(ctx, parsed, { name: `Source ${i + 1}`, kind: i === 2 ? 'observation' : 'interview', fileName: null });
  });
  return ctx;
}

const byPlace = (a: { sourceId: number; start: number }, b: { sourceId: number; start: number }) => a.sourceId - b.sourceId || a.start - b.start;

/** Seeded words of every kind, in long texts: snippets cut from a window must match those cut from the whole text. */
function randomTexts(seed: number, count: number, words: number): string[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const vocab = ['le', 'la', 'Sécurité', 'securite', 'cœur', 'COEUR', 'secret', 'partagé', 'été', '😀', '𝐀b', 'x'.repeat(300), 'l’équipe', 'ÉQUIPE', 'mobile'];
  const gaps = [' ', ' ', ' ', ', ', '\n', ' — ', '😀', '  '];
  return Array.from({ length: count }, () => {
    let s = '';
    for (let i = 0; i < words; i++) s += vocab[Math.floor(rnd() * vocab.length)]! + gaps[Math.floor(rnd() * gaps.length)]!;
    return s;
  });
}

describe('search through the word index', () => {
  it('finds the same hits as a plain scan of every text: accents, case, ligatures, phrases, prefixes', () => {
    const ctx = fixtureProject();
    for (const q of QUERIES) {
      const expected = scanSearch(ctx.db, q);
      const got = searchSources(ctx.db, q, { limit: 10_000 });
      expect([...got.hits].sort(byPlace), q).toEqual(expected.hits);
      expect(got.sourceCount, q).toBe(expected.sources.length);
      expect(new Set(got.hits.map((h) => h.sourceId)), q).toEqual(new Set(expected.sources));
    }
  });

  it('cuts the same snippets as from the whole text, near the edges and around long words and emoji', () => {
    const ctx = newProject();
    randomTexts(7, 6, 400).forEach((t, i) => addText(ctx, `Long ${i}`, t));
    for (const q of ['securite', 'coeur', '"secret partage"', 'l*', 'xxx*', 'ab', 'equipe mobile']) {
      for (const context of [0, 3, 60]) {
        const expected = scanSearch(ctx.db, q, context);
        const got = searchSources(ctx.db, q, { limit: 100_000, context });
        expect([...got.hits].sort(byPlace), `${q} ${context}`).toEqual(expected.hits);
      }
    }
  });

  it('returns the best-ranked sources first, each one’s hits in text order, up to the limit', () => {
    const ctx = fixtureProject();
    const all = searchSources(ctx.db, 'securite', { limit: 10_000 });
    const some = searchSources(ctx.db, 'securite', { limit: 3 });
    expect(some.truncated).toBe(true);
    expect(some.hits).toEqual(all.hits.slice(0, 3));
    for (let i = 1; i < all.hits.length; i++) {
      const [a, b] = [all.hits[i - 1]!, all.hits[i]!];
      if (a.sourceId === b.sourceId) expect(a.start).toBeLessThan(b.start);
    }
    // Three hits in a short text rank above one hit in a longer one.
    expect(all.hits[0]!.sourceId).toBe(1);
  });

  it('filters by kind and by source', () => {
    const ctx = fixtureProject();
    expect(new Set(searchSources(ctx.db, 'securite', { sourceKinds: ['observation'] }).hits.map((h) => h.sourceId))).toEqual(new Set([3]));
    expect(searchSources(ctx.db, 'securite', { sourceIds: [4] }).sourceCount).toBe(1);
  });
});

describe('the word index kept up to date', () => {
  it('queues the imported sources, and the first search indexes them as a rebuild would', () => {
    const ctx = fixtureProject();
    expect(ctx.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(FIXTURE.length);
    expect(ctx.db.prepare('SELECT count(*) FROM search_words').pluck().get()).toBe(0);
    searchSources(ctx.db, 'securite');
    const { now, rebuilt, pending } = indexAgainstRebuild(ctx.db);
    expect(pending).toBe(0);
    expect(now.length).toBeGreaterThan(FIXTURE.length);
    expect(now).toEqual(rebuilt);
  });

  it('is complete right after a text correction, and after a deletion', () => {
    const ctx = newProject();
    const a = addText(ctx, 'A', 'Le bailleur social recieve les dossiers.');
    addText(ctx, 'B', 'Un autre texte sur le bailleur.');
    catchUpSearchIndex(ctx.db);
    applySourceEdit(ctx, a.id, 'Le bailleur social retrouve les dossiers.', { confirmRemoval: false });
    let state = indexAgainstRebuild(ctx.db);
    expect(state.pending).toBe(0);
    expect(state.now).toEqual(state.rebuilt);
    expect(searchSources(ctx.db, 'recieve').hits).toEqual([]);
    expect(searchSources(ctx.db, 'retrouve').hits.map((h) => h.sourceId)).toEqual([a.id]);
    deleteSource(ctx, a.id);
    state = indexAgainstRebuild(ctx.db);
    expect(state.now).toEqual(state.rebuilt);
    expect(ctx.db.prepare('SELECT count(*) FROM search_words WHERE source_id = ?').pluck().get(a.id)).toBe(0);
  });

  it('indexes imported files in the background once the imports pause, a bounded batch at a time', async () => {
    const ctx = newProject();
    const texts = ['P1 : Le bailleur social hésite.', 'P2 : Les bailleurs refusent.', 'P3 : Aucun bailleur ici.'];
    for (const [i, text] of texts.entries()) {
      await importSource(ctx, { fileName: `entretien-${i + 1}.txt`, bytes: new TextEncoder().encode(text), kind: 'interview' });
    }
    // Nothing indexed while importing: the rows of a batch are written together, in key order.
    expect(ctx.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(3);
    await expect.poll(() => ctx.db.prepare('SELECT count(*) FROM search_pending').pluck().get(), { timeout: 5000 }).toBe(0);
    const { now, rebuilt } = indexAgainstRebuild(ctx.db);
    expect(now).toEqual(rebuilt);
  });

  it('indexes at most the sources asked for, the oldest first, and leaves the others queued', () => {
    const ctx = fixtureProject();
    expect(catchUpSearchIndex(ctx.db, 2)).toBe(2);
    expect(ctx.db.prepare('SELECT source_id FROM search_pending ORDER BY source_id').pluck().all()).toEqual([3, 4]);
    expect([...new Set(searchSources(ctx.db, 'securite').hits.map((h) => h.sourceId))].sort()).toEqual([1, 3, 4]);
    expect(ctx.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
  });

  it('catches up a text changed by plain SQL before the next search', () => {
    const ctx = fixtureProject();
    catchUpSearchIndex(ctx.db);
    ctx.db.prepare('UPDATE sources SET text = ? WHERE id = 1').run('Un texte corrigé.');
    expect(ctx.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(1);
    expect(searchSources(ctx.db, 'corrige').hits.map((h) => h.sourceId)).toEqual([1]);
    expect(searchSources(ctx.db, 'secret').hits).toEqual([]);
    const { now, rebuilt, pending } = indexAgainstRebuild(ctx.db);
    expect(pending).toBe(0);
    expect(now).toEqual(rebuilt);
  });

  it('leaves the statements other code shares untouched when it catches up', () => {
    // stmt() shares one prepared statement per SQL text: a catch-up that set pluck() on a shared
    // one made getSourceText answer undefined afterwards.
    const ctx = fixtureProject();
    catchUpSearchIndex(ctx.db);
    expect(getSourceText(ctx.db, 1)).toBe(FIXTURE[0]);
  });

  it('leaves no index rows behind a failed import', () => {
    const ctx = fixtureProject();
    const count = () =>
      ctx.db
        .prepare("SELECT (SELECT count(*) FROM search_words) || '/' || (SELECT count(*) FROM search_sources) || '/' || (SELECT count(*) FROM search_pending)")
        .pluck()
        .get();
    const before = count();
    const parsed: ParsedSource = {
      text: 'Un mot introuvable ailleurs : zygomatique.' as ParsedSource['text'],
      format: 'txt',
      encoding: 'utf-8',
      structure: [],
      notes: [],
    };
    // The source and its index rows are written, then the unknown case refuses the whole import.
    expect(errorOf(() => addParsedSource(ctx, parsed, { name: 'Refusée', kind: 'interview', fileName: null, caseIds: [999] })).code).toBe('case.notFound');
    expect(count()).toBe(before);
    expect(searchSources(ctx.db, 'zygomatique').hits).toEqual([]);
  });

  it('reads a query word’s rows as one range of the primary key, and a source’s rows by its index', () => {
    const ctx = fixtureProject();
    const plan = (sql: string, ...args: string[]) => (ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
    expect(plan(SQL_TERM, 'se')).toEqual(['SEARCH search_words USING PRIMARY KEY (head=?)']);
    expect(plan(SQL_TERM_RANGE, 's', 's\u{10FFFF}')).toEqual(['SEARCH search_words USING PRIMARY KEY (head>? AND head<?)']);
    // What a deleted or corrected source's trigger runs.
    expect(plan('DELETE FROM search_words WHERE source_id = ?', '1')).toEqual(['SEARCH search_words USING INDEX search_words_by_source (source_id=?)']);
  });
});

describe('migration 10: the word index in place of FTS5', () => {
  it('drops FTS5 and indexes the existing sources before the first search', () => {
    const path = join(tempDir(), 'v9.tresse');
    const raw = new Database(path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of migrations.filter((m) => m.version <= 9)) raw.exec(m.sql);
    raw.pragma('user_version = 9');
    raw
      .prepare(
        `INSERT INTO sources (guid, kind, name, text, text_hash, length, origin_format, imported_at, structure)
         VALUES ('g1', 'interview', 'Ancienne', 'La Sécurité du logement, le cœur du sujet.', 'h1', 42, 'txt', '2026-01-01T00:00:00Z', '[]')`,
      )
      .run();
    raw.close();
    const db = openProjectDb(path);
    try {
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts%'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(1);
      const hits = searchSources(db, 'coeur securite').hits;
      expect(hits.map((h) => [h.start, h.end])).toEqual([
        [3, 11],
        [28, 32],
      ]);
      expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
