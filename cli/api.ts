// The command line's way into the service: every call goes through the contract's callMethod, as
// Electron's IPC and the browser server's do, with the command line's context (its own Workspace,
// shell 'cli') and the UNRESTRICTED path policy (the user at their own shell). The contract, and
// the service behind it, is loaded with the first call, so `tresse --help` never parses it.
import type { ApiResult, CallContext, TresseApi } from '../service/contract/index.ts';
import { UNRESTRICTED } from '../service/path-policy.ts';
import type { Workspace } from '../service/workspace.ts';

type Refusal = Extract<ApiResult<unknown>, { ok: false }>['error'];

/** A call the service refused: its message is already in the user's language (exit 1). */
export class CallError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }

  get code(): string {
    return this.refusal.code;
  }

  get params(): Record<string, string | number> {
    return this.refusal.params;
  }
}

/** Sends one call; resolves to its value or rejects with a CallError. */
export async function callApi(ctx: CallContext, method: string, arg: unknown): Promise<unknown> {
  const { callMethod } = await import('../service/contract/call.ts');
  const result = await callMethod(method, arg, ctx, UNRESTRICTED);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

/** The contract as functions (`api.addCode(args)`), over a workspace of the command line's own. */
export function cliApi(ws: Workspace): TresseApi {
  const ctx: CallContext = { ws, hooks: { shell: 'cli' } };
  return new Proxy({} as TresseApi, {
    get: (_target, name) => (typeof name === 'string' ? (arg?: unknown) => callApi(ctx, name, arg) : undefined),
  });
}
