// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, type ApiMethod, type ApiResult } from '../../service/contract/index.ts';
import { fromWire, toWire } from '../../service/contract/wire.ts';
import { ApiError, createApi, httpTransport, takeToken } from '../../renderer/api/client.ts';

afterEach(() => {
  window.sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('the API client', () => {
  it('returns the value of a successful call and passes the argument through', async () => {
    const calls: Array<[ApiMethod, unknown]> = [];
    const api = createApi(async (method, arg) => {
      calls.push([method, arg]);
      return { ok: true, value: [{ id: 3, name: 'P1' }] };
    });
    await expect(api.listCases()).resolves.toEqual([{ id: 3, name: 'P1' }]);
    await api.getSource({ id: 7 });
    expect(calls).toEqual([
      ['listCases', {}],
      ['getSource', { id: 7 }],
    ]);
  });

  it('reaches every method of the contract by its name', async () => {
    const sent: string[] = [];
    const api = createApi(async (method) => (sent.push(method), { ok: true, value: null }));
    for (const method of API_METHODS) await (api[method] as (arg?: unknown) => Promise<unknown>)({});
    expect(sent).toEqual(API_METHODS);
  });

  it('is not taken for a promise (awaiting the api object itself gives the object back)', async () => {
    const api = createApi(async () => ({ ok: true, value: null }));
    expect(await Promise.resolve(api)).toBe(api);
  });

  it('throws a refusal as an ApiError carrying the server’s wording, code and params', async () => {
    const refusal: ApiResult<never> = {
      ok: false,
      error: { code: 'code.exists', message: 'Le code « Freins » existe déjà à cet endroit.', params: { name: 'Freins' } },
    };
    const api = createApi(async () => refusal);
    const error = await api.addCode({ name: 'Freins' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'code.exists', message: 'Le code « Freins » existe déjà à cet endroit.', params: { name: 'Freins' } });
  });
});

describe('the transport chosen at start', () => {
  it('goes through the desktop bridge when the Electron preload provides one', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = { call: async (m: string, arg: unknown) => (calls.push([m, arg]), { ok: true, value: `${m} ok` }) };
    vi.resetModules();
    (globalThis as { tresse?: unknown }).tresse = bridge;
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const { api } = await import('../../renderer/api/client.ts');
      await expect(api.getSource({ id: 2 })).resolves.toBe('getSource ok');
      expect(calls).toEqual([['getSource', { id: 2 }]]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      delete (globalThis as { tresse?: unknown }).tresse;
    }
  });

  it('takes the browser-mode token out of the address bar', async () => {
    window.history.replaceState(null, '', '/#token=secret-du-jour');
    vi.resetModules();
    const seen: RequestInit[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
      seen.push(init!);
      return new Response(toWire({ ok: true, value: [] }));
    });
    const { api } = await import('../../renderer/api/client.ts');
    expect(window.location.hash).toBe('');
    await api.listSources();
    expect(new Headers(seen[0]!.headers).get('X-Tresse-Token')).toBe('secret-du-jour');
  });
});

describe('the browser-mode transport', () => {
  it('takes the token from the URL fragment and keeps it for reloads', () => {
    expect(takeToken({ hash: '#token=abc%2B123' }, window.sessionStorage)).toBe('abc+123');
    expect(takeToken({ hash: '' }, window.sessionStorage)).toBe('abc+123');
  });

  it('has no token when neither the fragment nor the tab has one', () => {
    expect(takeToken({ hash: '#autre=1' }, window.sessionStorage)).toBeNull();
  });

  it('posts the argument in wire format with the token header, and reads byte arrays back', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(toWire({ ok: true, value: { bytes: new Uint8Array([1, 2, 250]) } }));
    }) as unknown as typeof fetch;
    const api = createApi(httpTransport('jeton', fetchFn));
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11]);
    const answer = (await api.importSource({ fileName: 'e.docx', bytes, kind: 'interview' })) as unknown as { bytes: Uint8Array };

    expect(seen[0]!.url).toBe('/api/importSource');
    expect(new Headers(seen[0]!.init.headers).get('X-Tresse-Token')).toBe('jeton');
    const sent = fromWire(String(seen[0]!.init.body)) as { arg: { bytes: Uint8Array } };
    expect(Array.from(sent.arg.bytes)).toEqual([0xd0, 0xcf, 0x11]);
    expect(Array.from(answer.bytes)).toEqual([1, 2, 250]);
  });

  it('turns an unreachable server into an ApiError the interface can word', async () => {
    const fetchFn = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const error = await createApi(httpTransport('t', fetchFn))
      .listSources()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network');
  });

  it('reports a non-JSON answer (a proxy page, a crash) with its HTTP status', async () => {
    const fetchFn = (async () => new Response('Bad Gateway', { status: 502 })) as unknown as typeof fetch;
    const error = await createApi(httpTransport('t', fetchFn))
      .listSources()
      .catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('http.502');
  });
});
