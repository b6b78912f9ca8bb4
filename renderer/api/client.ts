// The renderer's only way to the project: the TresseApi, over Electron's preload bridge on the
// desktop or over the loopback HTTP endpoint in browser mode. One generic proxy built from the
// method list, so a method added to the API needs no change here.
import { API_METHODS } from '../../service/api-methods.ts';
import type { ApiMethod, ApiResult, TresseApi } from '../../service/api.ts';
import type { TresseBridge } from '../../service/bridge.ts';
import { fromWire, toWire } from '../../service/wire.ts';

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

export function createApi(transport: Transport): TresseApi {
  const api: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) api[method] = async (arg?: unknown) => unwrap(await transport(method, arg ?? {}));
  return api as unknown as TresseApi;
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
  if (bridge) return (method, arg) => (bridge[method] as (arg: unknown) => Promise<ApiResult<unknown>>)(arg);
  if (typeof window === 'undefined') return httpTransport(null);
  const token = takeToken(window.location, window.sessionStorage);
  if (window.location.hash.includes('token=')) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return httpTransport(token);
}

export const api: TresseApi = createApi(pickTransport());
