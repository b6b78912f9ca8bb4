import { describe, expect, it } from 'vitest';
import { defineAttribute, setAttributeValues } from '../../service/attributes.ts';
import { createCase, linkSource } from '../../service/cases.ts';
import { resolveCode } from '../../service/codebook.ts';
import { ensureCoder } from '../../service/coders.ts';
import {
  addCoding,
  EXCERPT_IDS,
  findCodingByGuid,
  listCodingsOfSource,
  locatePassage,
  removeCoding,
  retrieveExcerptPage,
  retrieveExcerpts,
} from '../../service/codings.ts';
import { switchCoder } from '../../service/project.ts';
import { sliceCodePoints } from '../../text/offsets.ts';
import { EXCERPT_SELECT_WITHOUT_TEXT } from '../../db/excerpts.ts';
import { applySourceEdit } from '../../service/edit-source.ts';
import { addText, newProject } from '../helpers/project.ts';

const TEXT = `Enquêtrice : Le secret partagé vous pose-t-il problème ?
P1 : Non 🙂, le secret partagé ne pose aucun souci chez nous. Par contre, l'hébergement d'urgence manque.`;

describe('coding', () => {
  it('applies several codes to one range and overlapping ranges, attributed to the current coder', () => {
    const ctx = newProject();
    const src = addText(ctx, 'E1', TEXT);
    const cl1 = resolveCode(ctx.db, 'CL1');
    const di1 = resolveCode(ctx.db, 'DI1');
    const r = locatePassage(TEXT, 'le secret partagé ne pose aucun souci', 'E1');
    expect(sliceCodePoints(TEXT, r.start, r.end)).toBe('le secret partagé ne pose aucun souci');
    addCoding(ctx, { sourceId: src.id, codeId: cl1.id, ...r, valence: '+' });
    addCoding(ctx, { sourceId: src.id, codeId: di1.id, ...r });
    const other = locatePassage(TEXT, "aucun souci chez nous. Par contre, l'hébergement d'urgence manque.", 'E1');
    switchCoder(ctx, 'Léo');
    addCoding(ctx, { sourceId: src.id, codeId: di1.id, ...other, valence: '-', memo: 'Facilitant et difficulté à la fois' });
    const codings = listCodingsOfSource(ctx.db, src.id);
    expect(codings).toHaveLength(3);
    const coders = new Set(codings.map((c) => c.coderId));
    expect(coders.size).toBe(2);
    expect(codings.find((c) => c.coderId === ctx.coder.id)?.memo).toBe('Facilitant et difficulté à la fois');
  });

  it('refuses a range outside the text and a heading that is not codable', () => {
    const ctx = newProject({ grid: 'empty' });
    const src = addText(ctx, 'E1', 'Court.');
    ctx.db.prepare("INSERT INTO codes (guid, name, color, codable, created_at) VALUES ('g', 'Rubrique', '#000000', 0, 'x')").run();
    const heading = ctx.db.prepare("SELECT id FROM codes WHERE guid = 'g'").get() as { id: number };
    ctx.db.prepare("INSERT INTO codes (guid, name, color, created_at) VALUES ('h', 'Code', '#000000', 'x')").run();
    const code = ctx.db.prepare("SELECT id FROM codes WHERE guid = 'h'").get() as { id: number };
    expect(() => addCoding(ctx, { sourceId: src.id, codeId: code.id, start: 2, end: 99 })).toThrow(/Invalid passage/);
    expect(() => addCoding(ctx, { sourceId: src.id, codeId: code.id, start: 3, end: 3 })).toThrow(/Invalid passage/);
    expect(() => addCoding(ctx, { sourceId: src.id, codeId: heading.id, start: 0, end: 3 })).toThrow(/heading/);
  });

  it('removes a coding and can put it back with the same identity (undo)', () => {
    const ctx = newProject();
    const src = addText(ctx, 'E1', TEXT);
    const code = resolveCode(ctx.db, 'CL1');
    const c = addCoding(ctx, { sourceId: src.id, codeId: code.id, start: 0, end: 10, memo: 'à revoir' });
    const removed = removeCoding(ctx, c.id);
    expect(listCodingsOfSource(ctx.db, src.id)).toHaveLength(0);
    addCoding(ctx, { ...removed, guid: removed.guid });
    expect(findCodingByGuid(ctx.db, c.guid)).toMatchObject({ start: 0, end: 10, memo: 'à revoir' });
  });

  it('locates an exact passage once, or by occurrence, and says when it is ambiguous', () => {
    expect(() => locatePassage(TEXT, 'secret partagé', 'E1')).toThrow(/occurs 2 times/);
    const second = locatePassage(TEXT, 'secret partagé', 'E1', 2);
    const once = locatePassage(TEXT, 'le secret partagé', 'E1');
    expect(second.start).toBe(once.start + 3);
    expect(() => locatePassage(TEXT, 'secret partagé', 'E1', 3)).toThrow(/occurs only 2/);
    expect(() => locatePassage(TEXT, 'introuvable', 'E1')).toThrow(/not found/);
  });
});

describe('retrieval', () => {
  function corpus() {
    const ctx = newProject();
    const camille = ctx.coder;
    const leo = ensureCoder(ctx.db, 'Léo');
    const e1 = addText(ctx, 'Entretien 1', 'P1 : Le secret partagé ne pose aucun problème.\nP1 : On se connaît bien.');
    const e2 = addText(ctx, 'Entretien 2', 'P2 : Partager le secret me met mal à l’aise.');
    const obs = addText(ctx, 'Cellule du 9 avril', 'Silence gêné quand le CMP est interrogé.', 'observation');
    const p1 = createCase(ctx, { name: 'P1' });
    const p2 = createCase(ctx, { name: 'P2' });
    linkSource(ctx, p1.id, e1.id);
    linkSource(ctx, p2.id, e2.id);
    defineAttribute(ctx, { name: 'secteur', type: 'text' });
    setAttributeValues(ctx, { caseId: p1.id }, 'secteur', ['municipal']);
    setAttributeValues(ctx, { caseId: p2.id }, 'secteur', ['psychiatrie']);
    const cl = resolveCode(ctx.db, 'CL');
    const cl1 = resolveCode(ctx.db, 'CL1');
    addCoding(ctx, { sourceId: e1.id, codeId: cl1.id, start: 5, end: 46 });
    addCoding(ctx, { sourceId: e2.id, codeId: cl1.id, start: 5, end: 44, coderId: leo.id });
    addCoding(ctx, { sourceId: obs.id, codeId: cl.id, start: 0, end: 14 });
    return { ctx, camille, leo, e1, e2, obs, cl, cl1 };
  }

  it('gives each excerpt with its text, source, case and position', () => {
    const { ctx, cl1 } = corpus();
    const excerpts = retrieveExcerpts(ctx.db, { codeId: cl1.id });
    expect(excerpts.map((x) => x.text)).toEqual(['Le secret partagé ne pose aucun problème.', 'Partager le secret me met mal à l’aise.']);
    expect(excerpts[0]).toMatchObject({ sourceName: 'Entretien 1', caseNames: ['P1'], start: 5, end: 46, coderName: 'Camille' });
  });

  it('includes sub-codes on request', () => {
    const { ctx, cl } = corpus();
    expect(retrieveExcerpts(ctx.db, { codeId: cl.id })).toHaveLength(1);
    expect(retrieveExcerpts(ctx.db, { codeId: cl.id, includeSubcodes: true })).toHaveLength(3);
  });

  it('filters by source kind, coder and case attribute', () => {
    const { ctx, cl, leo } = corpus();
    const all = { codeId: cl.id, includeSubcodes: true };
    expect(retrieveExcerpts(ctx.db, { ...all, sourceKinds: ['observation'] }).map((x) => x.text)).toEqual(['Silence gêné q']);
    expect(retrieveExcerpts(ctx.db, { ...all, coderIds: [leo.id] }).map((x) => x.sourceName)).toEqual(['Entretien 2']);
    expect(retrieveExcerpts(ctx.db, { ...all, caseAttribute: { name: 'secteur', values: ['psychiatrie'] } }).map((x) => x.caseNames)).toEqual([['P2']]);
  });

  it('keeps the query for one code on its index (EXPLAIN QUERY PLAN)', () => {
    const { ctx, cl1 } = corpus();
    const plan = ctx.db.prepare('EXPLAIN QUERY PLAN SELECT id, source_id, start, end FROM codings WHERE code_id = ? ORDER BY source_id, start').all(cl1.id) as {
      detail: string;
    }[];
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toMatch(/USING (COVERING )?INDEX codings_by_code/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });

  it('reads the Extraits tab’s codings from the index alone, never from the codings table (EXPLAIN QUERY PLAN)', () => {
    const { ctx, cl1 } = corpus();
    const plan = ctx.db
      .prepare(`EXPLAIN QUERY PLAN ${EXCERPT_SELECT_WITHOUT_TEXT} WHERE k.code_id IN (?) ORDER BY s.kind, s.name, k.start, k.end, k.id`)
      .all(cl1.id) as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail)).toContain('SEARCH k USING COVERING INDEX codings_by_code (code_id=?)');
    const ids = retrieveExcerpts(ctx.db, { codeId: cl1.id }).map((x) => x.id);
    expect(ids).toHaveLength(2);
  });

  it('gives a page of the same excerpts in the same order, with how many there are in all', () => {
    const { ctx, cl, e1, leo } = corpus();
    const filter = { codeId: cl.id, includeSubcodes: true };
    addCoding(ctx, { sourceId: e1.id, codeId: cl.id, start: 50, end: 70, coderId: leo.id, memo: 'Deuxième ligne' });
    const all = retrieveExcerpts(ctx.db, filter);
    expect(all).toHaveLength(4);
    expect(retrieveExcerptPage(ctx.db, filter)).toEqual({ total: 4, excerpts: all });
    for (const [offset, limit] of [
      [0, 1],
      [1, 2],
      [3, 50],
      [4, 10],
    ] as const) {
      expect(retrieveExcerptPage(ctx.db, filter, { offset, limit })).toEqual({ total: 4, excerpts: all.slice(offset, offset + limit) });
    }
    const observations = { ...filter, sourceKinds: ['observation' as const] };
    expect(retrieveExcerptPage(ctx.db, observations, { limit: 5 })).toEqual({ total: 1, excerpts: retrieveExcerpts(ctx.db, observations) });
  });

  it('pages the Extraits tab from the index on codings by code, reading no text (EXPLAIN QUERY PLAN)', () => {
    const { ctx, cl1 } = corpus();
    const plan = ctx.db.prepare(`EXPLAIN QUERY PLAN ${EXCERPT_IDS} WHERE k.code_id IN (?) ORDER BY s.kind, s.name, k.start, k.end, k.id`).all(cl1.id) as {
      detail: string;
    }[];
    const details = plan.map((p) => p.detail);
    expect(details).toContain('SEARCH k USING COVERING INDEX codings_by_code (code_id=?)');
    expect(details).toContain('SEARCH s USING INTEGER PRIMARY KEY (rowid=?)');
    expect(details.filter((d) => d.startsWith('SCAN') || d.includes('SUBQUERY'))).toEqual([]);
  });

  it('gives the text and place as they are now, after the source was edited between two calls', () => {
    const { ctx, e1, cl1 } = corpus();
    expect(retrieveExcerpts(ctx.db, { codeId: cl1.id })[0]!.text).toBe('Le secret partagé ne pose aucun problème.');
    const edited = 'P1 : Pour nous, le secret partagé ne pose aucun problème.\n\nP1 : On se connaît bien.';
    applySourceEdit(ctx, e1.id, edited, { confirmRemoval: false });
    const [first] = retrieveExcerpts(ctx.db, { codeId: cl1.id });
    expect(first!.sourceId).toBe(e1.id);
    expect(first!.text).toBe(sliceCodePoints(edited, first!.start, first!.end));
    expect(first!.text).toContain('le secret partagé ne pose aucun problème.');
    addCoding(ctx, { sourceId: e1.id, codeId: cl1.id, ...locatePassage(edited, 'On se connaît bien.', 'Entretien 1') });
    // A blank line is no paragraph: the line after the one the edit added is still the second.
    expect(retrieveExcerpts(ctx.db, { codeId: cl1.id }).find((x) => x.text === 'On se connaît bien.')?.place.paragraph).toBe(2);
  });
});
