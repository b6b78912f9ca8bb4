// "Passages like this one" on a corpus small enough to rank by hand, its exclusions, its refusals,
// the passage index kept in step with the sources, and the chosen passages coded in one step.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addCode } from '../../service/codebook.ts';
import { addCoding, addCodings, listCodingsOfCode, removeCodings } from '../../service/codings.ts';
import { closeProject, openProject, setSetting } from '../../service/project.ts';
import { similarPassages, type SimilarQuery } from '../../service/similar-passages.ts';
import { passageIndexOf } from '../../service/passage-index.ts';
import { deleteSource } from '../../service/sources.ts';
import { writeStructure } from '../../service/structure.ts';
import { TEXT_LANGUAGE_KEY } from '../../service/text-language.ts';
import { passagesOf } from '../../text/passages.ts';
import { termsOf } from '../../text/terms.ts';
import { wordFormsOf } from '../../text/word-forms.ts';
import { parseStructure } from '../../service/structure.ts';
import { addText, newProject } from '../helpers/project.ts';

// Six paragraphs (passages) in two sources; their terms (stems, stop words left out):
//   A1 "Le secret du logement du voisin."              secret log voisin        |p| = 3
//   A2 "Secrets et secret : la mairie."                secret secret mair       |p| = 3
//   A3 "Un logement de la mairie."                     log mair                 |p| = 2
//   A4 "La police."                                    polic                    |p| = 1
//   B1 "Le secret du voisin ? La police, la police."   secret voisin polic polic |p| = 4
//   B2 "La mairie."                                    mair                     |p| = 1
const A = 'Le secret du logement du voisin.\nSecrets et secret : la mairie.\nUn logement de la mairie.\nLa police.\n';
const B = 'Le secret du voisin ? La police, la police.\nLa mairie.\n';
const A1 = { start: 0, end: 32 };
const A2 = { start: 33, end: 63 };
const A3 = { start: 64, end: 89 };
const B1 = { start: 0, end: 43 };

// By hand, for the query A1 = {secret, log, voisin}: N = 6 passages, avgdl = 14/6 = 2.333333,
// k1 = 1.2, b = 0.75.
//   idf(secret) = ln(1 + (6 − 3 + 0.5)/(3 + 0.5)) = ln 2   = 0.693147   (A1, A2, B1)
//   idf(log)    = ln(1 + (6 − 2 + 0.5)/(2 + 0.5)) = ln 2.8 = 1.029619   (A1, A3)
//   idf(voisin) = ln 2.8 = 1.029619                                     (A1, B1)
//   norm(|p|) = 1.2 · (0.25 + 0.75·|p|/2.333333): norm(2) = 1.071429, norm(3) = 1.457143, norm(4) = 1.842857
//   B1: secret 0.693147·2.2/(1 + 1.842857) = 0.536405, voisin 1.029619·2.2/2.842857 = 0.796791 → 1.333196
//   A3: log 1.029619·2.2/(1 + 1.071429) = 1.093527
//   A2: secret, tf 2: 0.693147·2·2.2/(2 + 1.457143) = 0.882187
//   A4 and B2 share nothing; A1 is the query itself.
const B1_SCORE = 1.333196;
const A3_SCORE = 1.093527;
const A2_SCORE = 0.882187;

function corpus() {
  const ctx = newProject({ grid: 'empty' });
  const a = addText(ctx, 'Entretien A', A);
  const b = addText(ctx, 'Entretien B', B);
  const code = addCode(ctx, { name: 'Secret partagé' });
  const other = addCode(ctx, { name: 'Institutions' });
  return { ctx, a, b, code, other };
}

const ranked = (r: ReturnType<typeof similarPassages>) => r.passages.map((p) => [p.sourceName, p.start, p.end]);

describe('passages like this one', () => {
  it('ranks the passages by BM25 over shared stems, as computed by hand', () => {
    const { ctx, a, b } = corpus();
    const r = similarPassages(ctx.db, { sourceId: a.id, ...A1 });
    expect(r.nothing).toBeNull();
    expect(r.query).toMatchObject({ sourceName: 'Entretien A', ...A1, codeId: null, words: ['secret', 'logement', 'voisin'] });
    expect(ranked(r)).toEqual([
      ['Entretien B', B1.start, B1.end],
      ['Entretien A', A3.start, A3.end],
      ['Entretien A', A2.start, A2.end],
    ]);
    expect(r.passages.map((p) => p.score)).toEqual([expect.closeTo(B1_SCORE, 5), expect.closeTo(A3_SCORE, 5), expect.closeTo(A2_SCORE, 5)]);
    const [first, , third] = r.passages;
    expect(first).toMatchObject({
      sourceId: b.id,
      turn: null,
      speaker: null,
      words: ['secret', 'voisin'],
      snippet: 'Le secret du voisin ? La police, la police.',
    });
    expect(first!.marks.map((m) => first!.snippet.slice(m.start, m.end))).toEqual(['secret', 'voisin']);
    // The words as written, each once whatever its case: "Secrets" and "secret" share the stem.
    expect(third!.words).toEqual(['Secrets', 'secret']);
  });

  it('from a coding leaves out the passages already coded with its code, and the coding itself', () => {
    const { ctx, a, b, code, other } = corpus();
    const query = addCoding(ctx, { sourceId: a.id, codeId: code.id, ...A1 });
    addCoding(ctx, { sourceId: a.id, codeId: code.id, start: A3.start + 3, end: A3.start + 12 });
    addCoding(ctx, { sourceId: b.id, codeId: other.id, ...B1 });
    const r = similarPassages(ctx.db, { codingId: query.id });
    expect(r.query).toMatchObject({ codingId: query.id, codeId: code.id });
    // A3 is (partly) coded with the code; B1 only with another one, so it stays.
    expect(ranked(r)).toEqual([
      ['Entretien B', B1.start, B1.end],
      ['Entretien A', A2.start, A2.end],
    ]);
    expect(r.passages[1]!.score).toBeCloseTo(A2_SCORE, 5);
  });

  it('from a selection leaves out the passages it overlaps, and coded ones: with its code given, or with any code', () => {
    const { ctx, a, b, code, other } = corpus();
    addCoding(ctx, { sourceId: b.id, codeId: other.id, start: 3, end: 9 });
    // The selection lies across A1 and A2: both are the query's own passages.
    const across = similarPassages(ctx.db, { sourceId: a.id, start: 4, end: 40 });
    expect(ranked(across)).toEqual([['Entretien A', A3.start, A3.end]]);
    expect(ranked(similarPassages(ctx.db, { sourceId: a.id, ...A1, codeId: code.id }))).toEqual([
      ['Entretien B', B1.start, B1.end],
      ['Entretien A', A3.start, A3.end],
      ['Entretien A', A2.start, A2.end],
    ]);
    expect(ranked(similarPassages(ctx.db, { sourceId: a.id, ...A1 }))).toEqual([
      ['Entretien A', A3.start, A3.end],
      ['Entretien A', A2.start, A2.end],
    ]);
  });

  it('keeps to the limit, best first', () => {
    const { ctx, a } = corpus();
    expect(ranked(similarPassages(ctx.db, { sourceId: a.id, ...A1, limit: 1 }))).toEqual([['Entretien B', B1.start, B1.end]]);
  });

  it('says why there is nothing: only stop words, or no passage sharing a word', () => {
    const { ctx, a, b } = corpus();
    addText(ctx, 'Entretien C', 'De la, et le : 12 a.\nLe tribunal.\n');
    const stop = similarPassages(ctx.db, { sourceId: 3, start: 0, end: 20 });
    expect(stop).toMatchObject({ passages: [], nothing: 'onlyStopWords', query: { words: [] } });
    const none = similarPassages(ctx.db, { sourceId: 3, start: 21, end: 33 });
    expect(none).toMatchObject({ passages: [], nothing: 'noSharedWords', query: { words: ['tribunal'] } });
    void a;
    void b;
  });

  it('refuses a coding, a source or a code that does not exist, and a range outside the source', () => {
    const { ctx, a } = corpus();
    const refused = (q: SimilarQuery) => {
      try {
        similarPassages(ctx.db, q);
      } catch (e) {
        return (e as { code: string }).code;
      }
      return null;
    };
    expect(refused({ codingId: 999 })).toBe('coding.notFound');
    expect(refused({ sourceId: 999, start: 0, end: 3 })).toBe('source.notFound');
    expect(refused({ sourceId: a.id, start: 0, end: 3, codeId: 999 })).toBe('code.notFound');
    expect(refused({ sourceId: a.id, start: 80, end: 500 })).toBe('coding.range');
    expect(refused({ sourceId: a.id, start: 10, end: 10 })).toBe('coding.range');
    expect(refused({ sourceId: a.id, start: -1, end: 3 })).toBe('coding.range');
  });

  it('ranks the turns of a transcript, with their number and speaker, whose names are not among the words compared', () => {
    const ctx = newProject({ grid: 'empty' });
    const text = 'Marie : Le secret professionnel ?\nPaul : Le secret, on le partage.\nMarie : Et la police ?\n';
    const turns = [
      { kind: 'turn' as const, start: 0, end: 33, speaker: 'Marie', timestampMs: null },
      { kind: 'turn' as const, start: 34, end: 66, speaker: 'Paul', timestampMs: null },
      { kind: 'turn' as const, start: 67, end: 89, speaker: 'Marie', timestampMs: null },
    ];
    const s = addText(ctx, 'Entretien T', text, 'interview', turns);
    // The whole first turn, its label with it: Marie's other turn does not come up for her name.
    const r = similarPassages(ctx.db, { sourceId: s.id, start: 0, end: 33 });
    expect(r.query.words).toEqual(['secret', 'professionnel']);
    expect(r.passages).toEqual([expect.objectContaining({ start: 34, end: 66, turn: 2, speaker: 'Paul', words: ['secret'] })]);
    expect(similarPassages(ctx.db, { sourceId: s.id, start: 67, end: 74 })).toMatchObject({ nothing: 'onlyStopWords', query: { words: [] } });
  });
});

describe('the passage index', () => {
  it('holds for each passage exactly the terms termsOf gives, its speakers’ names left out', () => {
    const { ctx } = corpus();
    addText(ctx, 'Entretien T', 'Marie : Le secret de Marie.\nPaul : Marie ?\n', 'interview', [
      { kind: 'turn', start: 0, end: 27, speaker: 'Marie', timestampMs: null },
      { kind: 'turn', start: 28, end: 42, speaker: 'Paul', timestampMs: null },
    ]);
    const index = passageIndexOf(ctx.db);
    const fr = wordFormsOf('fr');
    for (const [id, s] of index.sources) {
      const { text, structure } = ctx.db.prepare('SELECT text, structure FROM sources WHERE id = ?').get(id) as { text: string; structure: string };
      const segments = parseStructure(structure);
      const passages = passagesOf(text, segments);
      const speakers = new Set(segments.flatMap((g) => (g.kind === 'turn' ? termsOf(g.speaker, fr) : [])));
      expect(s.passages).toEqual(passages);
      expect(s.speakerStems).toEqual(speakers);
      expect([...s.lengths]).toEqual(passages.map((p) => termsOf(text.slice(p.start, p.end), fr).filter((t) => !speakers.has(t)).length));
    }
    expect(index.passageCount).toBe(8);
    // A's and B's 14, then "secret" in Marie's turn (her name twice left out) and nothing in Paul's.
    expect(index.totalLength).toBe(15);
  });

  it('follows the sources: added, turned into turns, deleted, and the project’s language', () => {
    const { ctx, a, b } = corpus();
    const scores = () => similarPassages(ctx.db, { sourceId: a.id, ...A1 }).passages.map((p) => [p.sourceName, p.start, p.score]);
    const before = scores();
    expect(before).toHaveLength(3);
    // A new source holding the query's words changes the ranking and every idf.
    addText(ctx, 'Entretien C', 'Le logement du voisin.\n');
    expect(scores()[0]).toEqual(['Entretien C', 0, expect.any(Number)]);
    // B's two paragraphs become one speaker turn.
    writeStructure(ctx.db, b.id, [{ kind: 'turn', start: 0, end: 54, speaker: 'P2', timestampMs: null }]);
    expect(similarPassages(ctx.db, { sourceId: a.id, ...A1 }).passages.find((p) => p.sourceName === 'Entretien B')).toMatchObject({
      start: 0,
      end: 54,
      turn: 1,
      speaker: 'P2',
    });
    deleteSource(ctx, b.id);
    deleteSource(ctx, 3);
    // Back to A alone: the same as a fresh build over A.
    const fresh = newProject({ grid: 'empty' });
    addText(fresh, 'Entretien A', A);
    const alone = similarPassages(fresh.db, { sourceId: 1, ...A1 }).passages.map((p) => [p.sourceName, p.start, p.score]);
    expect(scores()).toEqual(alone);
    // Another language means other stems and stop words: the index is built again.
    setSetting(ctx.db, TEXT_LANGUAGE_KEY, 'en');
    expect(passageIndexOf(ctx.db).language).toBe('en');
  });

  it('sees a write made by another connection to the project file', () => {
    const { ctx, a, b } = corpus();
    const path = ctx.path;
    const count = () => similarPassages(ctx.db, { sourceId: a.id, ...A1 }).passages.length;
    expect(count()).toBe(3);
    const other = new Database(path);
    other.prepare('UPDATE sources SET structure = ? WHERE id = ?').run('[[0,54,"P2"]]', b.id);
    other.close();
    expect(similarPassages(ctx.db, { sourceId: a.id, ...A1 }).passages.find((p) => p.sourceName === 'Entretien B')).toMatchObject({ turn: 1 });
    // Reopened, the project builds its index anew and agrees.
    closeProject(ctx);
    const again = openProject(path, 'Camille');
    try {
      expect(similarPassages(again.db, { sourceId: a.id, ...A1 }).passages.length).toBe(3);
    } finally {
      closeProject(again);
    }
  });
});

describe('coding the chosen passages', () => {
  it('codes them in one transaction, all or none, and one undo takes them all back', () => {
    const { ctx, a, code } = corpus();
    const chosen = similarPassages(ctx.db, { sourceId: a.id, ...A1, codeId: code.id }).passages;
    const inputs = chosen.map((p) => ({ sourceId: p.sourceId, codeId: code.id, start: p.start, end: p.end }));
    // One of them coded meanwhile (another window, a teammate's merge): the whole step is refused.
    const meanwhile = addCoding(ctx, { sourceId: a.id, codeId: code.id, ...A2 });
    expect(() => addCodings(ctx, inputs)).toThrow();
    expect(listCodingsOfCode(ctx.db, code.id).map((c) => c.id)).toEqual([meanwhile.id]);
    removeCodings(ctx, [meanwhile.id]);

    const made = addCodings(ctx, inputs);
    expect(made).toHaveLength(3);
    expect(similarPassages(ctx.db, { sourceId: a.id, ...A1, codeId: code.id }).passages).toEqual([]);
    removeCodings(
      ctx,
      made.map((c) => c.id),
    );
    expect(listCodingsOfCode(ctx.db, code.id)).toEqual([]);
    expect(similarPassages(ctx.db, { sourceId: a.id, ...A1, codeId: code.id }).passages).toHaveLength(3);
  });
});
