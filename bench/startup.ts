// Start-up of the command line as users call it (node bin/tresse.mjs, the bundle in dist-node/),
// beside Node's own start-up: scripting 200 codings is 200 start-ups. Each process is timed from
// outside: wall clock, and on Linux the CPU time the kernel charges to it (steadier on a busy
// machine, where waiting for a processor inflates both wall times alike). The commands alternate
// so all meet the same machine, and each ratio is taken pair by pair, then its median.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { resolveCode } from '../service/codebook.ts';
import { addCoding } from '../service/codings.ts';
import { closeProject, createProject } from '../service/project.ts';
import { importSource } from '../service/sources.ts';
import { median, type Report } from './figure.ts';

const BIN = fileURLToPath(new URL('../bin/tresse.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 9);
const TARGET = 3;

const INTERVIEW = `Enquêtrice : Comment se passe le partage d’informations ?
P1 : Le secret partagé ne pose aucun problème, on se connaît tous.
Enquêtrice : Et avec le bailleur ?
P1 : C’est plus compliqué, il faut l’accord de la personne.
`;

/** CPU time of the finished children of this process (user + system), in ms; null off Linux. */
const clockTicks = existsSync('/proc/self/stat') ? Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100 : 0;
function childrenCpuMs(): number | null {
  if (!clockTicks) return null;
  // Fields after the command name: state is the 3rd field; cutime and cstime the 16th and 17th.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
}

interface Timing {
  wall: number;
  cpu: number | null;
}

/** Wall and CPU time of one process, in milliseconds; throws when it fails. */
function timed(args: string[], env: NodeJS.ProcessEnv): Timing {
  const cpu = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const after = childrenCpuMs();
  return { wall, cpu: cpu === null || after === null ? null : after - cpu };
}

/** The command line's start-up beside `node -e 0`: the ratio must stay under 3× in wall and CPU time. */
export async function startupFigures(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tresse-startup-'));
  try {
    const project = join(dir, 'small.tresse');
    const ctx = createProject(project, { grid: 'six-themes', coder: 'Bench' });
    const { source } = await importSource(ctx, { fileName: 'entretien-01.txt', bytes: new TextEncoder().encode(INTERVIEW), kind: 'interview' });
    addCoding(ctx, { sourceId: source.id, codeId: resolveCode(ctx.db, 'CL1').id, start: 60, end: 75 });
    closeProject(ctx);

    const read = [BIN, 'sources', project, '--json'];
    const help = [BIN, '--help'];
    const bare = ['-e', '0'];
    // A compile cache of its own (Node 22 and later keep one; Node 20 has none), empty for the first run.
    const env = { ...process.env, NODE_COMPILE_CACHE: join(dir, 'compile-cache') };

    // Brings dist-node/ up to date first (bin/tresse.mjs rebuilds a stale build), outside the figures.
    spawnSync(process.execPath, help, { env: { ...process.env, NODE_COMPILE_CACHE: join(dir, 'unused-cache') }, stdio: 'ignore' });
    const cold = timed(read, env);
    timed(bare, env);

    const runs = { read: [] as Timing[], help: [] as Timing[], bare: [] as Timing[] };
    for (let i = 0; i < RUNS; i++) {
      runs.bare.push(timed(bare, env));
      runs.read.push(timed(read, env));
      runs.help.push(timed(help, env));
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const cpuKnown = runs.bare.every((t) => t.cpu !== null && t.cpu > 0);
    const bareWall = median(runs.bare.map((x) => x.wall));
    /** The worse of the wall and CPU ratios to node -e 0, each the median pair by pair. */
    const figure = (name: string, xs: Timing[]) => {
      const wall = median(xs.map((x, i) => x.wall / runs.bare[i]!.wall));
      const cpu = cpuKnown ? median(xs.map((x, i) => x.cpu! / runs.bare[i]!.cpu!)) : null;
      const cpuNote = cpu === null ? '' : `, CPU ${cpu.toFixed(2)}× (${ms(median(xs.map((x) => x.cpu!)))})`;
      report.add({
        name,
        value: Math.max(wall, cpu ?? 0),
        unit: '×',
        target: { below: TARGET },
        note: `times node -e 0: wall ${wall.toFixed(2)}× (${ms(median(xs.map((x) => x.wall)))} against ${ms(bareWall)})${cpuNote}`,
      });
    };
    figure(`tresse sources small.tresse --json, median of ${RUNS}`, runs.read);
    // Without a compile cache (Node 20) every run starts cold: the first run is then one more sample.
    if ((module as { enableCompileCache?: unknown }).enableCompileCache) {
      report.info('  the same, first run (empty compile cache)', `${ms(cold.wall)}, ${(cold.wall / bareWall).toFixed(2)}× node -e 0`);
    }
    figure(`tresse --help, median of ${RUNS}`, runs.help);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
