// tresse call [PROJECT] METHOD [JSON] [--out FILE]: any contract method, with its argument as JSON
// (byte arrays as {"$bytes": "<base64>"}, service/wire.ts), its result printed as JSON, so a
// supervisor's script reaches everything the app does. With PROJECT, the method runs on that
// project, opened with its lock as --coder; without, on no project (getSession, listGrids,
// createProject, compareCodebookFiles...). A path in the argument is taken from the current folder.
// With --json, a refusal is printed as the contract's error object ({code, message, params}).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { TresseError } from '../../i18n/error.ts';
import { jsonSyntaxError } from '../../i18n/json-error.ts';
import type { TresseApi } from '../../service/contract/index.ts';
import { fromWire, toWire } from '../../service/contract/wire.ts';
import { writeFileBeside } from '../../service/write-beside.ts';
import { CallError } from '../api.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

export async function call(run: CommandRun): Promise<void> {
  const { contract, isApiMethod } = await import('../../service/contract/index.ts');
  const first = run.arg(0, 'MÉTHODE / METHOD');
  // A method's name alone means no project, unless a file of that name is there.
  const onProject = !(isApiMethod(first) && !existsSync(resolve(run.io.cwd, first)));
  const [method, json] = onProject ? [run.arg(1, 'MÉTHODE / METHOD'), run.args[2]] : [first, run.args[1]];
  if (run.args.length > (onProject ? 3 : 2)) throw new UsageError(run.args.slice(onProject ? 3 : 2).join(' '));
  if (!isApiMethod(method)) throw new UsageError(new TresseError('api.unknownMethod', { method }).format(run.lang));
  let arg: unknown;
  try {
    arg = json === undefined ? undefined : fromWire(json);
  } catch (e) {
    throw new UsageError(jsonSyntaxError('JSON', json!, e).format(run.lang));
  }
  // The path a method takes is the user's, typed from where they stand.
  const slot = contract[method].path;
  const typed = slot && arg !== null && typeof arg === 'object' ? slot.get(arg as Record<string, unknown>) : undefined;
  if (slot && typeof typed === 'string') arg = slot.set(arg as Record<string, unknown>, resolve(run.io.cwd, typed));
  const send = (api: TresseApi) => (api[method] as (a: unknown) => Promise<unknown>)(arg);
  let value: unknown;
  try {
    value = onProject ? await run.withProjectAs(send) : await run.session(send);
  } catch (e) {
    // With --json, a refusal is the contract's own error object, for a script to read (exit 1).
    if (e instanceof CallError && run.values.json) throw new CallError({ ...e.refusal, message: JSON.stringify(e.refusal) });
    throw e;
  }
  if (run.values.out && (typeof value === 'string' || value instanceof Uint8Array)) {
    const out = resolve(run.io.cwd, run.values.out);
    writeFileBeside(out, value);
    return run.io.out(run.say('cli.written', { path: out }));
  }
  run.io.out(JSON.stringify(JSON.parse(toWire(value ?? null)), null, 2));
}
