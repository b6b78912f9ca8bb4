// The one cache of the window. Everything in it comes from a project file on this computer that only
// this window changes, and every change says what it touched (invalidation.ts): answers stay fresh
// until then, instead of being fetched again on focus or on a timer.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // A refusal from the project (already worded for the user) says the same the second time.
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}
