'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../keys';
import type { ApiToken, CreatedToken, ItemList, Me, User } from '../types';

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: ({ signal }) => api<Me>('GET', '/api/v1/me', undefined, signal),
    staleTime: 5 * 60 * 1000,
  });
}

export function useTokens() {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: ({ signal }) => api<ItemList<ApiToken>>('GET', '/api/v1/tokens', undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api<CreatedToken>('POST', '/api/v1/tokens', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`),
    onSuccess: (_void, id) => {
      qc.setQueryData<ItemList<ApiToken>>(keys.tokens, (old) =>
        old ? { items: old.items.filter((t) => t.id !== id) } : old,
      );
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export interface FirstAdmin {
  name: string;
  email: string;
  password: string;
  /** Needed unless the browser runs on the server itself (printed by `npm start`). */
  setupCode?: string;
}

/** First run: creates the first admin (409 `already_set_up` once any user exists). */
export function useCreateFirstAdmin() {
  return useMutation({
    mutationFn: (input: FirstAdmin) => api<User>('POST', '/api/setup', input),
  });
}
