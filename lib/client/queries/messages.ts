'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../api';
import { keys } from '../keys';
import { usePollWhileOffline } from '../socket';
import { dedupeById, isTempId, newTempId, removeMessage, upsertMessage } from '../messageCache';
import { templateSummary } from '../templates';
import type { Me, Message, Page, TemplateSend } from '../types';

const PAGE_SIZE = 100;
// A runaway cursor must not spin forever; 100 pages of 100 is far beyond any real thread.
const MAX_PAGES = 100;

function messagesPath(conversationId: string): string {
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`;
}

/** The whole thread, oldest first: follows nextCursor until the server says there is no more. */
export function useMessages(conversationId: string) {
  const qc = useQueryClient();
  const refetchInterval = usePollWhileOffline();
  return useQuery({
    refetchInterval,
    queryKey: keys.messages(conversationId),
    queryFn: async ({ signal }) => {
      const items: Message[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        const page: Page<Message> = await api<Page<Message>>(
          'GET',
          withQuery(messagesPath(conversationId), { limit: PAGE_SIZE, cursor }),
          undefined,
          signal,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      // Keep optimistic sends whose POST has not answered yet, so a refetch does not hide them.
      const pending = (qc.getQueryData<Message[]>(keys.messages(conversationId)) ?? []).filter((m) => isTempId(m.id));
      return [...dedupeById(items), ...pending];
    },
  });
}

/** A text reply or note, or an approved template (the only thing some channels take once the window closed). */
export type SendVars = { text: string; private?: boolean; template?: never } | { template: TemplateSend; text?: never; private?: never };

export function useSendMessage(conversationId: string) {
  const qc = useQueryClient();
  const key = keys.messages(conversationId);
  return useMutation({
    mutationFn: (vars: SendVars) => api<Message>('POST', messagesPath(conversationId), vars),
    onMutate: async (vars) => {
      await qc.cancelQueries({ queryKey: key });
      const me = qc.getQueryData<Me>(keys.me);
      const now = new Date().toISOString();
      const optimistic: Message = {
        id: newTempId(),
        conversationId,
        direction: 'outbound',
        kind: vars.template ? 'template' : vars.private ? 'note' : 'text',
        text: vars.template ? templateSummary(vars.template) : vars.text,
        ...(vars.template ? { template: vars.template } : {}),
        attachments: [],
        location: null,
        status: 'queued',
        error: null,
        private: Boolean(vars.private),
        author: me ? { id: me.id, name: me.name } : null,
        timestamp: now,
        createdAt: now,
      };
      qc.setQueryData<Message[]>(key, (old) => [...(old ?? []), optimistic]);
      return { tempId: optimistic.id };
    },
    onSuccess: (message, _vars, context) => {
      qc.setQueryData<Message[]>(key, (old) => upsertMessage(old ?? [], message, context?.tempId));
    },
    onError: (_err, _vars, context) => {
      if (context) qc.setQueryData<Message[]>(key, (old) => removeMessage(old ?? [], context.tempId));
    },
    onSettled: () => {
      qc.invalidateQueries({ queryKey: keys.conversationLists });
      qc.invalidateQueries({ queryKey: keys.conversation(conversationId) });
    },
  });
}

export function useRetryMessage(conversationId: string) {
  const qc = useQueryClient();
  const key = keys.messages(conversationId);
  return useMutation({
    mutationFn: (messageId: string) =>
      api<Message>('POST', `${messagesPath(conversationId)}/${encodeURIComponent(messageId)}/retry`),
    onMutate: async (messageId) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<Message[]>(key)?.find((m) => m.id === messageId);
      qc.setQueryData<Message[]>(key, (old) =>
        (old ?? []).map((m) => (m.id === messageId ? { ...m, status: 'queued', error: null } : m)),
      );
      return { previous };
    },
    onSuccess: (message) => {
      qc.setQueryData<Message[]>(key, (old) => upsertMessage(old ?? [], message));
    },
    onError: (_err, _id, context) => {
      const previous = context?.previous;
      if (previous) qc.setQueryData<Message[]>(key, (old) => upsertMessage(old ?? [], previous));
    },
  });
}
