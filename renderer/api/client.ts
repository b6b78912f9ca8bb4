// The renderer's only way to the project: the contract (service/contract/), over Electron's preload
// bridge on the desktop or over the loopback HTTP endpoint in browser mode. Only its types are
// imported; calls go by name through one proxy, so a method added to the contract needs no change
// here.
import type { TresseBridge } from '../../service/contract/bridge.ts';
import type { ApiMethod, ApiResult, TresseApi } from '../../service/contract/index.ts';
import { fromWire, toWire } from '../../service/contract/wire.ts';

/** A refusal from the project, already worded in the user's language by the server. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Transport = (method: ApiMethod, arg: unknown) => Promise<ApiResult<unknown>>;

export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.params);
}

/** The contract as functions: `api.addCode(args)` sends the call named `addCode`. */
export function createApi(transport: Transport): TresseApi {
  const callers = new Map<string, (arg?: unknown) => Promise<unknown>>();
  const caller = (method: string) => async (arg?: unknown) => unwrap(await transport(method as ApiMethod, arg ?? {}));
  // A proxy cannot be typed method by method: the one assertion is here, checked by the contract's types.
  return new Proxy({} as TresseApi, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      let fn = callers.get(name);
      if (!fn) callers.set(name, (fn = caller(name)));
      return fn;
    },
  });
}

const TOKEN_KEY = 'tresse.token';

/**
 * The browser-mode token arrives once in the URL fragment (never sent to the server in a request
 * line); it is kept for the tab's lifetime so a reload still works, and taken out of the address bar.
 */
export function takeToken(loc: Pick<Location, 'hash'>, storage: Pick<Storage, 'getItem' | 'setItem'>): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    storage.setItem(TOKEN_KEY, token);
    return token;
  }
  return storage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string | null, fetchFn: typeof fetch = (...a) => fetch(...a)): Transport {
  return async (method, arg) => {
    let response: Response;
    try {
      response = await fetchFn(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tresse-Token': token ?? '' },
        body: toWire({ arg }),
      });
    } catch (e) {
      return { ok: false, error: { code: 'network', message: (e as Error).message, params: {} } };
    }
    const text = await response.text();
    try {
      return fromWire(text) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: `http.${response.status}`, message: text || response.statusText, params: {} } };
    }
  };
}

function pickTransport(): Transport {
  const bridge = (globalThis as { tresse?: TresseBridge }).tresse;
  // The bridge is typed method by method; called generically, each takes one plain argument.
  if (bridge) return (method, arg) => bridge.call(method, arg);
  if (typeof window === 'undefined') return httpTransport(null);
  const token = takeToken(window.location, window.sessionStorage);
  if (window.location.hash.includes('token=')) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return httpTransport(token);
}

export const api: TresseApi = createApi(pickTransport());
