'use client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/** A 401 means the session expired: send the person to sign in again. */
function onAuthError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && typeof window !== 'undefined') {
    if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onAuthError }),
    mutationCache: new MutationCache({ onError: onAuthError }),
    defaultOptions: {
      queries: {
        // Live events keep lists fresh; this only limits refetch-on-mount churn.
        staleTime: 15_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: true,
        // Client errors (4xx) will not fix themselves; retry only network and server errors.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
