// Every method of the contract, reached from each front end — Electron's IPC handler, the browser
// mode's HTTP server, the command line's `tresse call` — through the same declaration: the same
// schema refuses the same bad argument with the same words, and a good call answers the same value.
// Each front end works on its own copy of one project (a project is open in one program at a time).
// A method added to service/contract/ is covered here without any change.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../service/contract/index.ts';
import { callServer } from '../helpers/browser-api.ts';
import { tresse } from '../helpers/cli.ts';

vi.mock('electron', () => ({}));

const { handleCall } = await import('../../electron/ipc.ts');
const { API_METHODS, contract } = await import('../../service/contract/index.ts');
const { chosenPathsPolicy } = await import('../../service/path-policy.ts');
const { Workspace } = await import('../../service/workspace.ts');
const { startBrowserServer } = await import('../../server/browser-server.ts');

/** A call as the app's own page makes it (the top frame of app://tresse). */
const fromApp = () => {
  const frame = { url: 'app://tresse/index.html', parent: null };
  return { senderFrame: frame, sender: { mainFrame: frame } } as never;
};

let dir: string;
/** The same project, copied once per front end. */
const project = { desktop: '', browser: '', cli: '' };
let ws: InstanceType<typeof Workspace>;
let server: Awaited<ReturnType<typeof startBrowserServer>>;

/** The three front ends, each answering an ApiResult for a method and an argument. */
const frontEnds: Record<string, (method: string, arg: unknown) => Promise<ApiResult<unknown>>> = {
  desktop: (method, arg) => handleCall(fromApp(), method, arg, { ctx: { ws, hooks: { shell: 'desktop' } }, paths: chosenPathsPolicy() }),
  browser: (method, arg) => callServer(server, method, arg),
  cli: async (method, arg) => {
    const r = await tresse(dir, 'call', project.cli, method, JSON.stringify(arg), '--json');
    if (r.code === 0) return { ok: true, value: JSON.parse(r.out) as unknown };
    return { ok: false, error: JSON.parse(r.out || r.err) as { code: string; message: string; params: Record<string, string | number> } };
  },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tresse-front-ends-'));
  ws = new Workspace({ configDir: join(dir, 'config'), lang: 'fr', autoBackup: false });
  const original = join(dir, 'etude.tresse');
  ws.create(original, { grid: 'six-themes', coder: 'Camille' });
  ws.close();
  for (const name of ['desktop', 'browser', 'cli'] as const) {
    project[name] = join(dir, `${name}.tresse`);
    copyFileSync(original, project[name]);
  }
  ws.open(project.desktop);
  server = await startBrowserServer({ configDir: join(dir, 'config-browser'), staticDir: dir, lang: 'fr', projectPath: project.browser });
}, 60_000);
afterAll(async () => {
  await server?.close();
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('every method of the contract', () => {
  it('is refused by its own schema, with the same words, from the desktop, the browser mode and the command line', async () => {
    // Spied as plain objects: the union of every method's type is too large to spell here.
    const specs = API_METHODS.map((m) => contract[m] as unknown as { args: { safeParse: () => unknown }; run: () => unknown });
    const checked = specs.map((spec) => vi.spyOn(spec.args, 'safeParse'));
    const runs = specs.map((spec) => vi.spyOn(spec, 'run'));
    const differing: string[] = [];
    try {
      for (const [i, method] of API_METHODS.entries()) {
        const answers: Record<string, ApiResult<unknown>> = {};
        for (const [name, send] of Object.entries(frontEnds)) {
          const before = checked[i]!.mock.calls.length;
          answers[name] = await send(method, 42);
          if (checked[i]!.mock.calls.length !== before + 1) differing.push(`${method} from ${name}: its schema was not consulted once`);
        }
        const desktop = answers.desktop!;
        expect(desktop, method).toMatchObject({ ok: false, error: { code: 'value.invalid', params: { field: method } } });
        for (const name of ['browser', 'cli']) {
          if (JSON.stringify(answers[name]) !== JSON.stringify(desktop)) differing.push(`${method} from ${name}: ${JSON.stringify(answers[name])}`);
        }
      }
      expect(differing).toEqual([]);
      for (const [i, run] of runs.entries()) expect(run, API_METHODS[i]).not.toHaveBeenCalled();
    } finally {
      for (const spy of checked) spy.mockRestore();
      for (const spy of runs) spy.mockRestore();
    }
  }, 120_000);

  it('answers the same value from every front end, for a read and for a change', async () => {
    for (const [method, arg] of [
      ['listCodes', {}],
      ['createCase', { name: 'P7', description: 'infirmière' }],
      ['listCases', {}],
    ] as const) {
      const answers = [];
      // A new case gets a fresh GUID in each copy: everything else must be the same.
      for (const send of Object.values(frontEnds))
        answers.push(JSON.parse(JSON.stringify(await send(method, arg), (k, v: unknown) => (k === 'guid' ? typeof v : v))) as unknown);
      expect(answers[0], method).toMatchObject({ ok: true });
      for (const answer of answers) expect(answer, method).toEqual(answers[0]);
    }
  }, 60_000);
});
