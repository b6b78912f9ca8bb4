// Agreement between coders' ratings of cases, through the contract on a real project file: each
// coder's ratings are a case attribute, a missing rating is an absent attribute value.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../service/workspace.ts';
import { callerOf, contextOf } from '../helpers/contract.ts';
import { tempDir } from '../helpers/project.ts';
import { OBSERVERS } from '../helpers/krippendorff-2011-c.ts';

const NAMES = Object.keys(OBSERVERS);

let ws: Workspace;
let call: ReturnType<typeof callerOf>;

/** The twelve cases and the four coders' attributes, written as a user would, through the contract. */
async function rateCases(type: 'number' | 'text') {
  const ids: number[] = [];
  for (let u = 1; u <= 12; u++) {
    const r = await call('createCase', { name: `U${u}` });
    if (!r.ok) throw new Error(r.error.message);
    ids.push(r.value.id);
  }
  for (const name of NAMES) {
    expect((await call('defineAttribute', { name, type })).ok).toBe(true);
    for (const [u, v] of OBSERVERS[name]!.entries()) {
      if (v === null) continue;
      const r = await call('setAttributeValues', { target: { caseId: ids[u]! }, name, values: [type === 'text' ? String(v) : v] });
      expect(r.ok).toBe(true);
    }
  }
  return ids;
}

/** Every row a refusal must leave alone. */
function snapshot() {
  const all = (sql: string) => ws.project.db.prepare(sql).all();
  return {
    cases: all('SELECT * FROM cases ORDER BY id'),
    attributes: all('SELECT * FROM attributes ORDER BY id'),
    values: all('SELECT * FROM attribute_values ORDER BY id'),
  };
}

beforeEach(() => {
  const dir = tempDir();
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  ws.create(join(dir, 'notes.tresse'), { grid: 'empty', coder: 'Alice' });
  call = callerOf(contextOf(ws));
});
afterEach(() => ws.close());

describe('ratingAgreement', () => {
  it('reproduces Krippendorff (2011) example C at the four levels, with what it counts', async () => {
    await rateCases('number');
    const published = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 } as const;
    for (const [metric, alpha] of Object.entries(published)) {
      const r = await call('ratingAgreement', { attributes: NAMES, metric });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.alpha).toBeCloseTo(alpha, 3);
      expect(r.value).toMatchObject({ metric, coders: 4, cases: 12, units: 11, pairableValues: 40, pairs: 55 });
      expect(r.value.attributes.map((a) => [a.name, a.rated])).toEqual([
        ['Gravité (Alice)', 9],
        ['Gravité (Bruno)', 11],
        ['Gravité (Chloé)', 10],
        ['Gravité (David)', 11],
      ]);
      const ci = r.value.interval!;
      expect(ci).toMatchObject({ level: 0.95, samples: 2000 });
      expect(ci.low).toBeLessThan(r.value.alpha!);
      expect(ci.high).toBeGreaterThan(r.value.alpha!);
    }
    // Asked twice, the same interval (seeded); fewer resamples on request.
    const again = await call('ratingAgreement', { attributes: NAMES, metric: 'ordinal' });
    const once = await call('ratingAgreement', { attributes: NAMES, metric: 'ordinal' });
    expect(again).toEqual(once);
    const quick = await call('ratingAgreement', { attributes: NAMES, metric: 'ordinal', samples: 500 });
    expect(quick.ok && quick.value.interval?.samples).toBe(500);
  });

  it('reads numbers typed as text, and compares words at the nominal level only', async () => {
    const ids = await rateCases('text');
    const ordinal = await call('ratingAgreement', { attributes: NAMES, metric: 'ordinal' });
    expect(ordinal.ok && ordinal.value.alpha).toBeCloseTo(0.815, 3);

    await call('defineAttribute', { name: 'Ton (Alice)', type: 'text' });
    await call('defineAttribute', { name: 'Ton (Bruno)', type: 'text' });
    for (const [i, [a, b]] of [
      ['calme', 'calme'],
      ['tendu', 'tendu'],
      ['tendu', 'calme'],
      ['calme', 'calme'],
    ].entries()) {
      await call('setAttributeValues', { target: { caseId: ids[i]! }, name: 'Ton (Alice)', values: [a] });
      await call('setAttributeValues', { target: { caseId: ids[i]! }, name: 'Ton (Bruno)', values: [b] });
    }
    const nominal = await call('ratingAgreement', { attributes: ['Ton (Alice)', 'Ton (Bruno)'], metric: 'nominal' });
    if (!nominal.ok) throw new Error(nominal.error.message);
    // Two coders, 4 units, 3 agreeing: p_o = 3/4.
    // Coincidences: o_cc = 4, o_tt = 2, o_ct = o_tc = 1; n_c = 5, n_t = 3, n = 8: alpha = 1 - 7 x 2 / (2 x 15) = 0.533.
    expect(nominal.value.percentAgreement).toBeCloseTo(0.75, 12);
    expect(nominal.value.alpha).toBeCloseTo(1 - 14 / 30, 12);
    const refused = await call('ratingAgreement', { attributes: ['Ton (Alice)', 'Ton (Bruno)'], metric: 'ordinal' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rating.textOrdinal' } });
    expect(!refused.ok && refused.error.message).toBe(
      'L’attribut « Ton (Alice) » est du texte et « calme » n’est pas un nombre : un alpha ordinal a besoin de notes numériques. Choisissez le niveau nominal, ou notez avec des nombres.',
    );
  });

  it('refuses bad input with a clear message in the user’s language, and changes nothing', async () => {
    const ids = await rateCases('number');
    await call('defineAttribute', { name: 'Entretien', type: 'date' });
    const before = snapshot();
    const refusals: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ attributes: ['Gravité (Alice)', 'Gravité (Zoé)'], metric: 'ordinal' }, 'rating.attributeNotFound', /introuvable : « Gravité \(Zoé\) »/],
      [{ attributes: ['Gravité (Alice)'], metric: 'ordinal' }, 'rating.attributes', /de 2 à 30 attributs/],
      [{ attributes: ['Gravité (Alice)', 'Gravité (Alice)'], metric: 'ordinal' }, 'rating.attributes', /différents/],
      [{ attributes: NAMES, metric: 'ordinale' }, 'agreement.metric', /Niveau de mesure inconnu : ordinale/],
      [{ attributes: NAMES, metric: 'interval', samples: 3 }, 'agreement.samples', /rééchantillonnages/],
      [{ attributes: ['Gravité (Alice)', 'Entretien'], metric: 'nominal' }, 'rating.dateAttribute', /date/],
    ];
    for (const [args, code, message] of refusals) {
      const r = await call('ratingAgreement', args);
      expect(r).toMatchObject({ ok: false, error: { code } });
      expect(!r.ok && r.error.message).toMatch(message);
    }
    ws.lang = 'en';
    const english = await call('ratingAgreement', { attributes: NAMES, metric: 'circular' });
    expect(!english.ok && english.error.message).toBe('Unknown level of measurement: circular (expected nominal, ordinal, interval or ratio).');
    expect(snapshot()).toEqual(before);

    // Two ratings of one case by one coder: which one counts is not for Tresse to guess.
    ws.lang = 'fr';
    await call('setAttributeValues', { target: { caseId: ids[0]! }, name: 'Gravité (Alice)', values: [1, 2] });
    const doubled = snapshot();
    const several = await call('ratingAgreement', { attributes: NAMES, metric: 'interval' });
    expect(several).toMatchObject({ ok: false, error: { code: 'rating.severalValues', params: { case: 'U1', name: 'Gravité (Alice)' } } });
    expect(snapshot()).toEqual(doubled);
  });
});
