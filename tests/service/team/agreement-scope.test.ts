// Which sources agreement compares, through the contract: "done" marks per coder and source, the
// issue 12 case (a source one coder read and left uncoded counts), and the refusals.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveCode } from '../../../service/codebook.ts';
import { ensureCoder } from '../../../service/coders.ts';
import { addCoding } from '../../../service/codings.ts';
import { Workspace } from '../../../service/workspace.ts';
import { callerOf, contextOf } from '../../helpers/contract.ts';
import { addText, tempDir } from '../../helpers/project.ts';

const open: Workspace[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/**
 * Issue 12: two 1,000-character sources; Camille and Léo both code [0,100) of the first with PA2;
 * Camille also codes [0,100) of the second, Léo nothing there. Counting both sources, by character:
 * both 100, Camille only 100, neither 1,800 of 2,000. p_o = 0.95; marginals 0.10 and 0.05, so
 * p_e = 0.10 x 0.05 + 0.90 x 0.95 = 0.86 and kappa = (0.95 - 0.86) / (1 - 0.86) = 0.642857.
 * Dropping the second source (as the figures did before marks) gives kappa 1 on the first alone.
 */
function issueCase(lang: 'fr' | 'en' = 'fr') {
  const dir = tempDir();
  const ws = new Workspace({ configDir: join(dir, 'config'), lang, autoBackup: false });
  open.push(ws);
  ws.create(join(dir, 'accord.tresse'), { grid: 'six-themes', coder: 'Camille' });
  const ctx = ws.project;
  const first = addText(ctx, 'Entretien 1', 'a'.repeat(1000));
  const second = addText(ctx, 'Entretien 2', 'b'.repeat(1000));
  const third = addText(ctx, 'Entretien 3', 'c'.repeat(500));
  const leo = ensureCoder(ctx.db, 'Léo');
  const pa2 = resolveCode(ctx.db, 'PA2').id;
  addCoding(ctx, { sourceId: first.id, codeId: pa2, start: 0, end: 100 });
  addCoding(ctx, { sourceId: first.id, codeId: pa2, start: 0, end: 100, coderId: leo.id });
  addCoding(ctx, { sourceId: second.id, codeId: pa2, start: 0, end: 100 });
  return { ws, call: callerOf(contextOf(ws)), first, second, third, pa2 };
}

const coders = ['Camille', 'Léo'];

describe('the scope of agreement', () => {
  it('counts a source both coders marked done even when one of them coded nothing in it: kappa 0.643', async () => {
    const { call, first, second } = issueCase();
    for (const coder of coders) {
      for (const source of [first.id, second.id]) expect(await call('setSourceDone', { source, coder, done: true })).toMatchObject({ ok: true });
    }
    const r = await call('computeAgreement', { coders, unit: 'character' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.scope).toBe('done');
    expect(r.value.sources.map((s) => s.name)).toEqual(['Entretien 1', 'Entretien 2']);
    expect(r.value.overall.units).toBe(2000);
    expect(r.value.overall.percentAgreement).toBeCloseTo(0.95, 10);
    expect(r.value.overall.cohenKappa?.kappa).toBeCloseTo(0.643, 3);
    // Per source, as NVivo reports: full agreement on the first, none beyond chance on the second.
    expect(r.value.perSource.map((s) => [s.name, s.overall.cohenKappa?.kappa])).toEqual([
      ['Entretien 1', 1],
      ['Entretien 2', 0],
    ]);
  });

  it('without any mark, compares every source of the project, coded or not', async () => {
    const { call } = issueCase();
    const r = await call('computeAgreement', { coders, unit: 'character' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.scope).toBe('all');
    expect(r.value.sources.map((s) => s.name)).toEqual(['Entretien 1', 'Entretien 2', 'Entretien 3']);
    // The uncoded third source adds 500 characters of agreement on absence.
    expect(r.value.overall.units).toBe(2500);
    expect(r.value.overall.percentAgreement).toBeCloseTo(2400 / 2500, 10);
  });

  it('leaves out, and names, a source only one coder marked done', async () => {
    const { call, first, second } = issueCase();
    await call('setSourceDone', { source: first.id, coder: 'Camille', done: true });
    await call('setSourceDone', { source: first.id, coder: 'Léo', done: true });
    // The session's coder (Camille) by default.
    expect(await call('setSourceDone', { source: second.id, done: true })).toMatchObject({ ok: true, value: [{ coder: 'Camille', sourceId: second.id }] });
    const r = await call('computeAgreement', { coders, unit: 'character' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sources.map((s) => s.name)).toEqual(['Entretien 1']);
    expect(r.value.excludedSources.map((s) => s.name)).toEqual(['Entretien 2']);
    expect(r.value.overall.cohenKappa?.kappa).toBe(1);
    // Unmarking puts things back.
    expect(await call('setSourceDone', { source: second.id, done: false })).toEqual({ ok: true, value: [] });
    const marks = await call('listDoneMarks');
    expect(marks.ok && marks.value.map((m) => [m.sourceId, m.coder])).toEqual([
      [first.id, 'Camille'],
      [first.id, 'Léo'],
    ]);
  });

  it('uses the same scope for the review of disagreements', async () => {
    const { call, first } = issueCase();
    await call('setSourceDone', { source: first.id, coder: 'Camille', done: true });
    await call('setSourceDone', { source: first.id, coder: 'Léo', done: true });
    expect(await call('listDisagreements', { coders })).toEqual({ ok: true, value: [] });
    await call('setSourceDone', { source: first.id, coder: 'Léo', done: false });
    await call('setSourceDone', { source: first.id, coder: 'Camille', done: false });
    const all = await call('listDisagreements', { coders });
    expect(all.ok && all.value.map((d) => d.sourceName)).toEqual(['Entretien 2']);
  });
});

describe('three coders', () => {
  it('settles a chain of overlaps by taking one coder’s reading, after which the segments agree', async () => {
    const { ws, call, third, pa2 } = issueCase();
    const ines = ensureCoder(ws.project.db, 'Inès');
    const leo = ensureCoder(ws.project.db, 'Léo');
    addCoding(ws.project, { sourceId: third.id, codeId: pa2, start: 0, end: 100 });
    addCoding(ws.project, { sourceId: third.id, codeId: pa2, start: 30, end: 130, coderId: leo.id });
    addCoding(ws.project, { sourceId: third.id, codeId: pa2, start: 60, end: 160, coderId: ines.id });
    const trio = ['Camille', 'Léo', 'Inès'];
    for (const coder of trio) await call('setSourceDone', { source: third.id, coder, done: true });
    const before = await call('computeAgreement', { coders: trio, unit: 'segment' });
    expect(before.ok && before.value.overall.segments).toMatchObject({ agreeing: 0, nonAgreeing: 3 });
    const list = await call('listDisagreements', { coders: trio });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.map((d) => [d.kind, d.codersWithNames])).toEqual([['boundaries', ['Camille', 'Léo', 'Inès']]]);
    const done = await call('resolveDisagreement', { coders: trio, id: list.value[0]!.id, action: 'accept', coder: 'Léo' });
    expect(done).toMatchObject({ ok: true, value: { codingsAdded: 2, codingsRemoved: 2 } });
    const after = await call('computeAgreement', { coders: trio, unit: 'segment' });
    expect(after.ok && after.value.overall).toMatchObject({ percentAgreement: 1, segments: { agreeing: 3, nonAgreeing: 0 } });
    expect(await call('listDisagreements', { coders: trio })).toEqual({ ok: true, value: [] });
  });
});

describe('done marks in a .qdpx', () => {
  it('travel as a document set per coder and come back as marks, once', async () => {
    const { call, first, second } = issueCase();
    await call('setSourceDone', { source: first.id, coder: 'Camille', done: true });
    await call('setSourceDone', { source: first.id, coder: 'Léo', done: true });
    await call('setSourceDone', { source: second.id, coder: 'Léo', done: true });
    const qdpx = await call('exportQdpx');
    if (!qdpx.ok) throw new Error(qdpx.error.message);
    // Another tool sees an ordinary set of sources named for the coder.
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(qdpx.value)['project.qde']!);
    expect(xml).toContain('name="Tresse — codage terminé : Léo"');

    const dir = tempDir();
    const other = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
    open.push(other);
    other.create(join(dir, 'copie.tresse'), { grid: 'empty', coder: 'Inès' });
    const call2 = callerOf(contextOf(other));
    const imported = await call2('importQdpx', { fileName: 'accord.qdpx', bytes: qdpx.value });
    expect(imported).toMatchObject({ ok: true, value: { doneMarks: { added: 3 } } });
    expect(imported.ok && imported.value.warnings.map((w) => w.code)).not.toContain('refi.setsSkipped');
    const marks = await call2('listDoneMarks');
    const sources = await call2('listSources');
    const name = new Map(sources.ok ? sources.value.map((s) => [s.id, s.name]) : []);
    expect(marks.ok && marks.value.map((m) => [name.get(m.sourceId), m.coder])).toEqual([
      ['Entretien 1', 'Camille'],
      ['Entretien 1', 'Léo'],
      ['Entretien 2', 'Léo'],
    ]);
    // Importing it again adds nothing.
    expect(await call2('importQdpx', { fileName: 'accord.qdpx', bytes: qdpx.value })).toMatchObject({ ok: true, value: { doneMarks: { added: 0 } } });
    // And the figures read the same on both sides.
    const mine = await call('computeAgreement', { coders, unit: 'character' });
    const theirs = await call2('computeAgreement', { coders, unit: 'character' });
    expect(theirs.ok && theirs.value.sources.map((s) => s.name)).toEqual(['Entretien 1']);
    expect(theirs.ok && theirs.value.overall).toEqual(mine.ok && mine.value.overall);
  });
});

describe('refusals, in the user’s language, changing nothing', () => {
  it('refuses an unknown unit, an unknown coder, a threshold outside 0..1, fewer than two coders', async () => {
    const { call, ws, first } = issueCase('fr');
    const before = await call('listDoneMarks');
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ coders, unit: 'phrase' }, 'agreement.unit', /Unité d’analyse inconnue : phrase/],
      [{ coders: ['Camille', 'Inès'], unit: 'character' }, 'coder.unknown', /Codeur inconnu : Inès/],
      [{ coders, unit: 'segment', overlapThreshold: 1.5 }, 'agreement.threshold', /Seuil de recouvrement invalide : 1.5/],
      [{ coders, unit: 'segment', overlapThreshold: 0 }, 'agreement.threshold', /Seuil/],
      [{ coders: ['Camille'], unit: 'character' }, 'agreement.coders', /au moins deux codeurs/],
      [{ coders: ['Camille', 'camille'], unit: 'document' }, 'agreement.coders', /au moins deux codeurs/],
    ];
    for (const [args, code, message] of cases) {
      const r = await call('computeAgreement', args);
      expect(r, JSON.stringify(args)).toMatchObject({ ok: false, error: { code } });
      expect(!r.ok && r.error.message).toMatch(message);
      expect(await call('exportAgreement', { ...args, format: 'csv' })).toMatchObject({ ok: false, error: { code } });
    }
    expect(await call('setSourceDone', { source: first.id, coder: 'Inès', done: true })).toMatchObject({ ok: false, error: { code: 'coder.unknown' } });
    expect(await call('setSourceDone', { source: 9999, done: true })).toMatchObject({ ok: false, error: { code: 'source.notFound' } });
    expect(await call('listDoneMarks')).toEqual(before);
    ws.lang = 'en';
    const en = await call('computeAgreement', { coders, unit: 'phrase' });
    expect(!en.ok && en.error.message).toBe('Unknown unit of analysis: phrase (expected character, segment or document).');
  });
});
