// The one way a call reaches the service, for every front end: the method looked up by name, its
// argument checked against its schema, any path in it against the shell's policy, then the
// handler run and its outcome wrapped for the wire. User errors keep their message key and
// params; anything else is a bug, logged and reported without internals.
import { isTresseError, TresseError } from '../../i18n/error.ts';
import type { Lang } from '../../i18n/lang.ts';
import { systemErrorOf } from '../../i18n/node-errors.ts';
import { checkPaths, UNRESTRICTED, type PathPolicy } from '../path-policy.ts';
import type { Workspace } from '../workspace.ts';
import type { ApiResult, CallContext, Method } from './define.ts';
import { methodNamed } from './method-groups.ts';

/**
 * Checks and runs one call. Without a policy, paths are not restricted: that is the command line's
 * case and the service tests'; the desktop and the browser mode always give theirs.
 */
export async function callMethod(method: string, arg: unknown, ctx: CallContext, paths: PathPolicy = UNRESTRICTED): Promise<ApiResult<unknown>> {
  const named = methodNamed(method);
  // Not awaited when already loaded: calls made one after another start in that order.
  const spec = named instanceof Promise ? await named : named;
  if (!spec) return errorResult(new TresseError('api.unknownMethod', { method }), ctx.ws.lang);
  let checked: unknown;
  try {
    checked = checkCall(method, spec, arg, ctx.ws, paths);
  } catch (e) {
    if (isTresseError(e)) return errorResult(e, ctx.ws.lang);
    throw e;
  }
  return runChecked(method, spec, checked, ctx);
}

/**
 * The argument of a call checked against its method's schema, then any path in it against the
 * shell's policy; returns the argument to run (its path made absolute) or throws the TresseError
 * the user is shown, naming the first offending field.
 */
export function checkCall(method: string, spec: Method, arg: unknown, ws: Workspace, paths: PathPolicy): unknown {
  const result = spec.args.safeParse(arg);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? `${method}.${issue.path.join('.')}` : method;
    throw new TresseError('value.invalid', { field, value: describeValue(valueAt(arg, issue?.path ?? [])) });
  }
  return checkPaths(spec.path, result.data, ws, paths);
}

/** Runs a checked call; every outcome comes back as an ApiResult, never as a rejection. */
export async function runChecked(method: string, spec: Method, arg: unknown, ctx: CallContext): Promise<ApiResult<unknown>> {
  try {
    const value = await spec.run(arg ?? {}, ctx);
    return { ok: true, value: value ?? null };
  } catch (e) {
    // A refusal of the file system or of SQLite names the file the call was about.
    const user = isTresseError(e) ? e : systemErrorOf(e, pathOfCall(arg, ctx.ws));
    if (user) return errorResult(user, ctx.ws.lang);
    console.error(`[tresse] ${method} failed:`, e);
    const message = new TresseError('api.internal', { detail: (e as Error)?.message ?? String(e) }).format(ctx.ws.lang);
    return { ok: false, error: { code: 'internal', message, params: {} } };
  }
}

export function errorResult(e: TresseError, lang: Lang): ApiResult<never> {
  return { ok: false, error: { code: e.code, message: e.format(lang), params: e.params } };
}

/** The file a call is about: the path it names, else the open project. */
function pathOfCall(arg: unknown, ws: Workspace): string | undefined {
  const a = (arg ?? {}) as { path?: unknown; other?: { path?: unknown } };
  if (typeof a.path === 'string') return a.path;
  if (typeof a.other?.path === 'string') return a.other.path;
  return ws.ctx?.path;
}

function valueAt(arg: unknown, path: readonly PropertyKey[]): unknown {
  let v = arg;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  if (v instanceof Uint8Array) return `(${v.length} octets)`;
  const text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
