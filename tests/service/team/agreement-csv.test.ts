// The agreement table as a CSV a French spreadsheet opens in columns: ";" between fields, decimal
// commas, a byte-order mark for the accents; commas and points in English.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../codebooks/csv-format.ts';
import { projectAgreement } from '../../../service/agreement.ts';
import { agreementCsv } from '../../../service/agreement-report.ts';
import { demoProject } from './fixtures.ts';

describe('the agreement CSV', () => {
  it('uses ";" and decimal commas in French, "," and points in English, with a BOM', async () => {
    const demo = await demoProject();
    const r = projectAgreement(demo.db, { coders: ['Camille', 'Léo'], unit: 'character' });
    const fr = agreementCsv(r, 'fr');
    expect(fr.startsWith('\uFEFF')).toBe(true);
    const lines = fr.slice(1).split('\r\n');
    expect(lines.find((l) => l.startsWith('Code;'))).toMatch(/^Code;.*;Kappa de Cohen;/);
    const pooled = readCsv(fr).records.find((x) => x.fields[0] === 'Ensemble des codes')!.fields;
    expect(readCsv(fr).delimiter).toBe(';');
    expect(pooled[4]).toMatch(/^0,\d+$/);
    expect(Number(pooled[4]!.replace(',', '.'))).toBeCloseTo(r.overall.percentAgreement!, 12);
    const en = agreementCsv(r, 'en');
    expect(readCsv(en).delimiter).toBe(',');
    expect(readCsv(en).records.find((x) => x.fields[0] === 'All codes')!.fields[4]).toMatch(/^0\.\d+$/);
  });
});
