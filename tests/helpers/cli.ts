// The command line run in this process from its sources, as a French-speaking user types it.
import { runCli } from '../../cli/main.ts';

export async function tresse(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: { LANG: 'fr_FR.UTF-8' }, cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
