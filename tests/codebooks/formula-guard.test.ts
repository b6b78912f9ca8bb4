// The guard a CSV cell gets against spreadsheet formulas, and the import taking it off again.
import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from '../../codebooks/formula-guard.ts';

describe('the formula guard of CSV cells', () => {
  it('puts an apostrophe before a cell a spreadsheet would run as a formula', () => {
    expect(guardFormula('=HYPERLINK("http://exemple.invalid")')).toBe(`'=HYPERLINK("http://exemple.invalid")`);
    expect(guardFormula('+1')).toBe("'+1");
    expect(guardFormula('-2+3')).toBe("'-2+3");
    expect(guardFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(guardFormula('\t=1')).toBe("'\t=1");
    expect(guardFormula('\r=1')).toBe("'\r=1");
  });

  it('leaves numbers, plain text and formulas further in the text alone', () => {
    for (const v of ['-3', '-0,25', '-12.5', '42', '', 'Santé mentale', 'a = b', ' =1', "l'infirmière", '« =1 »']) expect(guardFormula(v)).toBe(v);
  });

  it('adds one more apostrophe to a cell already protected by hand, and only there', () => {
    expect(guardFormula("'=1")).toBe("''=1");
    expect(guardFormula("''+1")).toBe("'''+1");
    expect(guardFormula("'-3")).toBe("'-3");
    expect(guardFormula("'texte")).toBe("'texte");
  });

  it('gives back exactly the text it guarded', () => {
    const texts = ['=1', '+1', '-', '-x', '@', '\t', '\r\n', "'", "'=", "''@a", "'-3", '-3', "'texte", 'texte', '', "'\t="];
    for (const v of texts) expect(unguardFormula(guardFormula(v)), JSON.stringify(v)).toBe(v);
  });

  it('reads a cell protected by another program as its text', () => {
    expect(unguardFormula("'=SOMME(A1:A3)")).toBe('=SOMME(A1:A3)');
    expect(unguardFormula("'texte")).toBe("'texte");
  });
});
