// How views read and change the project: useApiQuery reads through the cache, useApiMutation and
// useApiCall change, write the answer where it says exactly what changed (answers.ts), and then
// fetch again what else the change touched (invalidation.ts).
import { keepPreviousData, type QueryClient, useMutation, type UseMutationResult, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { ApiMethod } from '../../service/contract/index.ts';
import { api } from '../api/client.ts';
import type { Affects } from '../coding/history.ts';
import { writeAnswer } from './answers.ts';
import { affectsInvalidation, type Invalidation, invalidationOf } from './invalidation.ts';
import { apiKey, type ArgsOf, type ResultOf } from './keys.ts';

function call<M extends ApiMethod>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  return (api[method] as (args: ArgsOf<M>) => Promise<ResultOf<M>>)(args);
}

export async function applyInvalidation(client: QueryClient, invalidation: Invalidation): Promise<void> {
  if (invalidation === 'project') {
    // Nothing of the previous project may show, not even while the new answers come. The session
    // (language, recent projects) outlives projects: it is only fetched again, so the window stays.
    const ofProject = { predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== 'getSession' };
    await client.cancelQueries(ofProject);
    await Promise.all([client.resetQueries(ofProject), client.invalidateQueries({ queryKey: ['getSession'] })]);
  } else if (invalidation === 'everything') {
    await client.invalidateQueries();
  } else {
    await Promise.all(invalidation.map((queryKey) => client.invalidateQueries({ queryKey })));
  }
}

export interface ApiQueryOptions<M extends ApiMethod, T> {
  /** Derives what the view needs from the answer (kept while the answer stays the same). */
  select?: (result: ResultOf<M>) => T;
  enabled?: boolean;
  /** For answers that depend on more than the project (the disk, the clock): how long they stay fresh. */
  staleTime?: number;
  /** The view shows this query's failure beside it, so it is not reported to the workbench too. */
  ownErrors?: boolean;
  /** Keeps the answer on screen while a larger page of the same list comes (never for other data). */
  keepPrevious?: boolean;
}

/**
 * Reads `method(args)` through the cache. `null` as args waits (nothing to ask yet, e.g. no source
 * open). While the answer for new args comes, `data` is undefined: never the previous args' answer.
 */
export function useApiQuery<M extends ApiMethod, T = ResultOf<M>>(
  method: M,
  args: ArgsOf<M> | null,
  options: ApiQueryOptions<M, T> = {},
): UseQueryResult<T, Error> {
  return useQuery({
    queryKey: apiKey(method, args ?? undefined),
    queryFn: () => call(method, args as ArgsOf<M>),
    enabled: args !== null && options.enabled !== false,
    ...(options.select ? { select: options.select } : {}),
    ...(options.staleTime !== undefined ? { staleTime: options.staleTime } : {}),
    ...(options.ownErrors ? { meta: { ownErrors: true } } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  }) as UseQueryResult<T, Error>;
}

/** Changes through `method`, then fetches again what the table says it touched before settling. */
export function useApiMutation<M extends ApiMethod>(
  method: M,
  options: { onSuccess?: (result: ResultOf<M>, args: ArgsOf<M>) => void } = {},
): UseMutationResult<ResultOf<M>, Error, ArgsOf<M>> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: ArgsOf<M>) => call(method, args),
    onSuccess: async (result, args) => {
      writeAnswer(client, method, args, result);
      await applyInvalidation(client, invalidationOf(method, args, result));
      options.onSuccess?.(result, args);
    },
  });
}

export type ApiCall = <M extends ApiMethod>(method: M, args: ArgsOf<M>) => Promise<ResultOf<M>>;

/**
 * For handlers that chain several changes or keep their own busy state: one call, then the same
 * invalidation as useApiMutation. Resolves once the touched views have their new answers.
 */
export function useApiCall(): ApiCall {
  const client = useQueryClient();
  return useCallback(
    async <M extends ApiMethod>(method: M, args: ArgsOf<M>) => {
      const result = await call(method, args);
      writeAnswer(client, method, args, result);
      await applyInvalidation(client, invalidationOf(method, args, result));
      return result;
    },
    [client],
  ) as ApiCall;
}

/** Fetches again what an undo history command touched. */
export function useInvalidateAffected(): (affects: Affects) => Promise<void> {
  const client = useQueryClient();
  return useCallback((affects: Affects) => applyInvalidation(client, affectsInvalidation(affects)), [client]);
}

/** Hands every failed read to `report` (the workbench's error notice), once per failure; keep `report` stable. */
export function useQueryErrors(report: (error: unknown) => void): void {
  const client = useQueryClient();
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error' && !event.query.meta?.['ownErrors']) report(event.action.error);
      }),
    [client, report],
  );
}
