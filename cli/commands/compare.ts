// tresse compare-codebooks A B: how B's codebook differs from A's (.tresse, .qdc or .qdpx each).
import { writeFileBeside } from '../../service/write-beside.ts';
import { extname, resolve } from 'node:path';
import { compareProjectCodebooks, loadCodebookFile } from '../../service/compare-codebooks.ts';
import { comparisonHtml, comparisonText, comparisonXlsx } from '../../service/compare-report.ts';
import { UsageError, type CommandRun } from '../main.ts';
import { warningLines } from './exchange.ts';

async function compareCodebooksCommand(run: CommandRun): Promise<void> {
  const a = loadCodebookFile(resolve(run.io.cwd, run.arg(0, 'A')));
  const b = loadCodebookFile(resolve(run.io.cwd, run.arg(1, 'B')));
  const cmp = compareProjectCodebooks(a, b);
  if (run.values.out) {
    const out = resolve(run.io.cwd, run.values.out);
    const ext = extname(out).toLowerCase();
    if (ext === '.html' || ext === '.htm') writeFileBeside(out, comparisonHtml(cmp, run.lang));
    else if (ext === '.xlsx') writeFileBeside(out, await comparisonXlsx(cmp, run.lang));
    else throw new UsageError(`--out ${run.values.out} (.html|.xlsx)`);
    if (!run.values.json) run.io.out(run.say('cli.written', { path: out }));
  }
  run.print(cmp, () => [comparisonText(cmp, run.lang), ...warningLines(run, cmp.warnings)].join('\n'));
}

export const compareCommands = { 'compare-codebooks': compareCodebooksCommand };
