// tresse agreement-ratings on a project whose case attributes hold Krippendorff's (2011) example C
// (four coders' ratings of 12 units; published ordinal alpha .815).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineAttribute, setAttributeValues } from '../../service/attributes.ts';
import { createCase } from '../../service/cases.ts';
import { Workspace } from '../../service/workspace.ts';
import { tresse } from '../helpers/cli.ts';
import { tempDir } from '../helpers/project.ts';
import { OBSERVERS } from '../helpers/krippendorff-2011-c.ts';

function ratedProject(): string {
  const dir = tempDir();
  const ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  ws.create(join(dir, 'notes.tresse'), { grid: 'empty', coder: 'Alice' });
  const ids = Array.from({ length: 12 }, (_, u) => createCase(ws.project, { name: `U${u + 1}` }).id);
  for (const [name, values] of Object.entries(OBSERVERS)) {
    defineAttribute(ws.project, { name, type: 'number' });
    values.forEach((v, u) => v !== null && setAttributeValues(ws.project, { caseId: ids[u]! }, name, [v]));
  }
  ws.close();
  return dir;
}

const attributes = Object.keys(OBSERVERS).flatMap((name) => ['--attribute', name]);

describe('tresse agreement-ratings', () => {
  it('prints alpha with its interval and what it counts, in French by default and as JSON', async () => {
    const dir = ratedProject();
    const fr = await tresse(dir, 'agreement-ratings', 'notes.tresse', ...attributes, '--metric', 'ordinal', '--samples', '500');
    expect(fr.code).toBe(0);
    expect(fr.out).toMatch(/^Alpha de Krippendorff ordinal : 0,815 \(IC 95 % bootstrap : -?0,\d{3} à \d,\d{3} \(500 rééchantillonnages\)\)/);
    expect(fr.out).toContain('12 cas, dont 11 notés par au moins deux codeurs ; 40 valeurs appariables ; 4 codeurs (attributs)');
    expect(fr.out).toContain('Gravité (Chloé) : 10 cas notés');

    const json = JSON.parse((await tresse(dir, 'agreement-ratings', 'notes.tresse', ...attributes, '--metric', 'ratio', '--json')).out);
    expect(json.alpha).toBeCloseTo(0.797, 3);
    expect(json.interval).toMatchObject({ level: 0.95, samples: 2000 });

    const en = await tresse(dir, 'agreement-ratings', 'notes.tresse', ...attributes, '--metric', 'interval', '--lang', 'en');
    expect(en.out).toMatch(/^Krippendorff’s interval alpha: 0\.849 \(95% bootstrap CI: /);
  });

  it('explains what is wrong: a single attribute, no metric, an unknown one, an unknown attribute', async () => {
    const dir = ratedProject();
    const one = await tresse(dir, 'agreement-ratings', 'notes.tresse', '--attribute', 'Gravité (Alice)', '--metric', 'ordinal');
    expect(one.code).toBe(2);
    expect(one.err).toContain('--attribute A --attribute B');
    expect((await tresse(dir, 'agreement-ratings', 'notes.tresse', ...attributes)).err).toContain('--metric nominal|ordinal|interval|ratio');
    const unknown = await tresse(dir, 'agreement-ratings', 'notes.tresse', ...attributes, '--metric', 'ordinale');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Niveau de mesure inconnu : ordinale');
    const missing = await tresse(dir, 'agreement-ratings', 'notes.tresse', '--attribute', 'Gravité (Alice)', '--attribute', 'Gravité', '--metric', 'nominal');
    expect(missing.err).toContain('Attribut de cas introuvable : « Gravité »');
  });
});
