'use client';
import { useEffect, useState } from 'react';

// Drafts survive switching between conversations (not reloads): an agent juggling chats keeps their text.
const drafts = new Map<string, string>();

export function useDraft(conversationId: string) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  useEffect(() => {
    if (text) drafts.set(conversationId, text);
    else drafts.delete(conversationId);
  }, [conversationId, text]);
  return [text, setText] as const;
}
