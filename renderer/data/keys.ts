// A query's key is the API method and its argument, so two views asking the same thing share one
// answer, and an answer for another argument (a previous source) can never stand for this one.
import type { ApiMethod, TresseApi } from '../../service/contract/index.ts';

export type ArgsOf<M extends ApiMethod> = Parameters<TresseApi[M]>[0];
export type ResultOf<M extends ApiMethod> = Awaited<ReturnType<TresseApi[M]>>;

/** `['listCodes']`, `['listCodings', { sourceId: 3 }]`: methods without an argument have a one-part key. */
export type ApiKey = readonly [ApiMethod] | readonly [ApiMethod, object];

export function apiKey<M extends ApiMethod>(method: M, args?: ArgsOf<M> | Partial<NonNullable<ArgsOf<M>>>): ApiKey {
  if (args === undefined || args === null || (typeof args === 'object' && Object.keys(args).length === 0)) return [method];
  return [method, args as object];
}
