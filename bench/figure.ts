// One way to report a bench figure: its value beside its target with "ok" or "FAIL", and a summary
// line at the end. A figure whose result was wrong fails whatever its time, so that a fast wrong
// answer cannot pass (`expect` records why).

export type Unit = 'ms' | 's' | 'MB/s' | 'MB' | '%' | '×';

export interface Target {
  /** The figure must stay below this (times, memory, ratios to a baseline). */
  below?: number;
  /** The figure must reach at least this (rates, shares of a baseline). */
  atLeast?: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: Unit;
  target?: Target;
  /** How it was measured, what it is compared with. */
  note?: string;
}

const DIGITS: Record<Unit, number> = { ms: 1, s: 2, 'MB/s': 1, MB: 0, '%': 0, '×': 2 };
const show = (value: number, unit: Unit) => `${value.toFixed(DIGITS[unit])} ${unit}`;

function targetText(t: Target, unit: Unit): string {
  if (t.below !== undefined) return `< ${show(t.below, unit)}`;
  return `≥ ${show(t.atLeast!, unit)}`;
}

export function meets(f: Figure): boolean | null {
  if (!f.target) return null;
  if (f.target.below !== undefined && !(f.value < f.target.below)) return false;
  if (f.target.atLeast !== undefined && !(f.value >= f.target.atLeast)) return false;
  return true;
}

interface Line {
  figure: Figure;
  verdict: 'ok' | 'FAIL' | null;
  wrong: string[];
}

/** The bench's report: sections, figures, the results checked, and the summary. */
export class Report {
  private readonly lines: Line[] = [];
  private wrong: string[] = [];

  section(title: string): void {
    console.log(`\n${title}`);
  }

  /** Records a wrong result against the next figure reported. */
  expect(condition: boolean, what: string): void {
    if (!condition) this.wrong.push(what);
  }

  add(figure: Figure): void {
    const met = meets(figure);
    const wrong = this.wrong;
    this.wrong = [];
    const verdict = wrong.length > 0 ? 'FAIL' : met === null ? null : met ? 'ok' : 'FAIL';
    this.lines.push({ figure, verdict, wrong });
    const target = figure.target ? `target ${targetText(figure.target, figure.unit)}` : '';
    const tail = [target, figure.note].filter(Boolean).join('; ');
    console.log(`${(verdict ?? '').padEnd(4)} ${figure.name.padEnd(62)} ${show(figure.value, figure.unit).padStart(12)}   ${tail}`);
    for (const w of wrong) console.log(`       wrong result: ${w}`);
  }

  /** A line that is not a figure (the browser's version, a skipped part and why). */
  info(name: string, text: string): void {
    console.log(`     ${name.padEnd(62)} ${text}`);
  }

  /** The summary line; true when every figure with a target is ok. */
  summary(): boolean {
    const judged = this.lines.filter((l) => l.verdict !== null);
    const failed = judged.filter((l) => l.verdict === 'FAIL');
    console.log(
      `\nSummary: ${judged.length - failed.length} of ${judged.length} figures ok` +
        (failed.length > 0 ? `; FAIL: ${failed.map((l) => l.figure.name.trim()).join(' | ')}` : ''),
    );
    return failed.length === 0;
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
