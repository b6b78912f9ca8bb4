// tresse compare-codebooks A B: how B's codebook differs from A's (.tresse, .qdc or .qdpx each).
import { extname, resolve } from 'node:path';
import { comparisonText } from '../../service/compare-report.ts';
import { writeFileBeside } from '../../service/write-beside.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';
import { warningLines } from './exchange.ts';

async function compareCodebooksCommand(run: CommandRun): Promise<void> {
  const a = resolve(run.io.cwd, run.arg(0, 'A'));
  const b = resolve(run.io.cwd, run.arg(1, 'B'));
  const out = run.values.out ? resolve(run.io.cwd, run.values.out) : undefined;
  const ext = out ? extname(out).toLowerCase() : undefined;
  const format = ext === '.html' || ext === '.htm' ? 'html' : ext === '.xlsx' ? 'xlsx' : undefined;
  if (out && !format) throw new UsageError(`--out ${run.values.out} (.html|.xlsx)`);
  const { cmp, file } = await run.session(async (api) => ({
    cmp: await api.compareCodebookFiles({ a, b }),
    file: format ? await api.exportCodebookFileComparison({ a, b, format }) : undefined,
  }));
  if (out && file) {
    writeFileBeside(out, file);
    if (!run.values.json) run.io.out(run.say('cli.written', { path: out }));
  }
  run.print(cmp, () => [comparisonText(cmp, run.lang), ...warningLines(run, cmp.warnings)].join('\n'));
}

export const compareCommands = { 'compare-codebooks': compareCodebooksCommand };
