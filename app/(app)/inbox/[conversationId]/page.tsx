import type { Metadata } from 'next';
import { ConversationView } from '@/components/inbox/ConversationView';
import { safeDecode } from '@/components/inbox/safeDecode';

export const metadata: Metadata = { title: 'Inbox' };

export default async function ConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  // Keyed so drafts, note mode and scroll position start fresh for each conversation.
  return <ConversationView key={conversationId} conversationId={safeDecode(conversationId)} />;
}
