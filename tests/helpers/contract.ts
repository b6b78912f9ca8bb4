// The contract as the tests reach it: the same caller every front end uses (checked argument, path
// policy, handler, wrapped outcome), over one workspace.
import { callMethod } from '../../service/contract/call.ts';
import type { ApiMethod, ApiResult, ArgsOf, CallContext, ResultOf, ShellHooks, TresseApi } from '../../service/contract/index.ts';
import type { PathPolicy } from '../../service/path-policy.ts';
import type { Workspace } from '../../service/workspace.ts';
import { createApi } from '../../renderer/api/client.ts';

export function contextOf(ws: Workspace, hooks: ShellHooks = { shell: 'browser' }): CallContext {
  return { ws, hooks };
}

/** One call as a front end makes it; an argument of the wrong shape may be sent on purpose. */
export function callerOf(ctx: CallContext) {
  return <M extends ApiMethod>(method: M, arg?: ArgsOf<M> | Record<string, unknown>, paths?: PathPolicy) =>
    callMethod(method, arg, ctx, paths) as Promise<ApiResult<ResultOf<M>>>;
}

/** The contract as functions, refusals raised as the renderer's ApiError (code, message in the user's language). */
export function apiOf(ctx: CallContext): TresseApi {
  return createApi((method, arg) => callMethod(method, arg, ctx));
}
