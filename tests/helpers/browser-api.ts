// An API call to the browser-mode server over real HTTP, as the page makes it (token, Host header).
import { request } from 'node:http';
import type { ApiResult } from '../../service/contract/index.ts';
import { fromWire, toWire } from '../../service/contract/wire.ts';

export interface ServerAddress {
  port: number;
  token: string;
}

/** POSTs `body` as it is (so a test can send a broken one) and answers the status and the result. */
export function postApi(server: ServerAddress, method: string, body: string): Promise<{ status: number; result: ApiResult<unknown> }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-Tresse-Token': server.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, result: fromWire(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown> }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** Calls `method` with `arg` and answers its result. */
export async function callServer(server: ServerAddress, method: string, arg?: unknown): Promise<ApiResult<unknown>> {
  return (await postApi(server, method, toWire({ arg }))).result;
}
